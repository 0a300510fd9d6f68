# The built-in library, compiled at build time (docs/performance.md, "The built-in library").
#
# mp-compile-library, a host tool built from the model and library code (MP_BUILTIN_TOOL_LIBS),
# reads and checks every routines/*.yaml with the program's own loader and writes a generated .cpp
# holding the library's snapshot (src/library/snapshot.hpp). A file that does not validate fails
# the build with its "routines/<file>.yaml:line:col: error: …" message. The builtin module
# (src/builtin/ plus that .cpp) gives the program the library with no YAML parsed at start-up.
#
# Expects MP_BUILTIN_YAML (the sorted routines/*.yaml) and MP_BUILTIN_TOOL_LIBS (the libraries
# holding src/model/ and src/library/); defines mp-compile-library and MP_BUILTIN_CPP, the
# generated source of the builtin module (src/CMakeLists.txt).
add_executable(mp-compile-library "${PROJECT_SOURCE_DIR}/src/builtin/tool/compile_library.cpp")
target_link_libraries(mp-compile-library PRIVATE ${MP_BUILTIN_TOOL_LIBS} mp_warnings)

set(MP_BUILTIN_CPP "${PROJECT_BINARY_DIR}/generated/builtin_library.cpp")
add_custom_command(
  OUTPUT "${MP_BUILTIN_CPP}"
  COMMAND mp-compile-library "${MP_BUILTIN_CPP}" ${MP_BUILTIN_YAML}
  DEPENDS mp-compile-library ${MP_BUILTIN_YAML}
  COMMENT "Compiling the built-in library (routines/*.yaml)"
  VERBATIM)
