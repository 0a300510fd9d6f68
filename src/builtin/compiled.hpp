#pragma once
#include <span>
#include <string_view>

namespace mp::builtin {

/// What the build compiled routines/ to: the files' names ("routines/<file>.yaml", in name
/// order) and the snapshot of their entries (library/snapshot.hpp). Defined in the .cpp that
/// tool/compile_library.cpp generates.
struct Compiled {
  std::span<const std::string_view> files;
  std::string_view snapshot;
};
Compiled compiled();

}  // namespace mp::builtin
