#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "library/entries.hpp"
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
  /// When set, gives the source's entries already read and checked (the built-in library,
  /// compiled at build time, decoded on each call so that loading takes them over without a
  /// copy): used instead of parsing the files, which then only give their names. They carry
  /// their techniques' effective contraindications (compile_source), used as they are when the
  /// source is loaded alone.
  std::function<SourceEntries()> compiled = nullptr;
};

/// A loaded library plus the notes -v prints (which entry replaced which).
struct LoadResult {
  model::Library library;
  std::vector<std::string> notes;
};

/// Loads and merges sources in order and checks every reference. Throws mp::DiagnosticError
/// (exit 65) listing every problem found in every file.
LoadResult load_sources(const std::vector<Source>& sources);

/// One YAML text as a library (tests, fuzzing).
model::Library load_library_text(std::string_view text, const std::string& name = "<text>");

/// Reads one source and checks it alone, as load_sources does; throws mp::DiagnosticError listing
/// every problem. The entries are what a compiled Source carries (the built-in library's form),
/// with each technique's effective contraindications from this source's own conditions.
SourceEntries compile_source(const Source& source);

}  // namespace mp::library
