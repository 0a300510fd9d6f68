# One static library per folder of src/ (docs/architecture.md). A module names the modules it may
# use (DEPENDS, PUBLIC: their headers appear in its own) and the third-party libraries only it
# may use (THIRD_PARTY, PRIVATE: they never reach a module that links it), so the build file
# itself shows who may use what. tests/layering checks the #include lines too, since system
# headers are visible to every file whatever the build links.
#
#   mp_module(<name> [DEPENDS mp_model ...] [THIRD_PARTY fmt::fmt ...] [SOURCES extra.cpp ...])
#
# The sources are every *.cpp of src/<name>/ (new files are picked up on the next build).
function(mp_module name)
  cmake_parse_arguments(MOD "" "" "DEPENDS;THIRD_PARTY;SOURCES" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${name}/*.cpp")
  list(SORT sources)
  add_library(mp_${name} STATIC ${sources} ${MOD_SOURCES})
  target_include_directories(mp_${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(mp_${name} PUBLIC ${MOD_DEPENDS} PRIVATE ${MOD_THIRD_PARTY} mp_warnings)
  # The list of every module, for whoever must treat them all alike (fuzz/CMakeLists.txt).
  set_property(GLOBAL APPEND PROPERTY MP_MODULES mp_${name})
endfunction()
