#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/library.hpp"

namespace mp::library {

/// One file's text and the name it is reported under.
struct FileText {
  std::string name;
  std::string text;
};

/// One library source (SPEC §3): the built-in library, the user folder, or one --library path.
/// Ids are unique per kind within a source; a later source replaces an earlier one's entries.
struct Source {
  std::string label;  ///< "built-in", "user folder …", "--library PATH": for -v notes
  std::vector<FileText> files;
};

/// A loaded library plus the notes -v prints (which entry replaced which).
struct LoadResult {
  model::Library library;
  std::vector<std::string> notes;
};

/// Loads and merges sources in order and checks every reference. Throws mp::DiagnosticError
/// (exit 65) listing every problem found in every file.
LoadResult load_sources(const std::vector<Source>& sources);

/// The built-in library's files (routines/*.yaml, embedded at build time).
Source builtin_source();

/// The built-in library alone; throws mp::DiagnosticError if it does not validate.
model::Library load_builtin_library();

/// One YAML text as a library (tests, fuzzing); with_builtin puts the built-in library first.
model::Library load_library_text(std::string_view text, const std::string& name = "<text>",
                                 bool with_builtin = false);

}  // namespace mp::library
