#include "library/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "library/entries.hpp"
#include "library/entry_readers.hpp"
#include "library/reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/exclusions.hpp"
#include "model/suggest.hpp"

namespace mp::library {
namespace {

std::string where_text(const SourceLocation& l) {
  return fmt::format("{}:{}:{}", l.file, l.line, l.column);
}

// Moves one source's entries into merged: duplicates inside the source are errors, entries with
// an id seen in an earlier source replace it (noted for -v).
template <typename T>
void merge(std::string_view kind, std::vector<Entry<T>>& entries,
           std::map<std::string, Entry<T>>& merged, std::vector<Diagnostic>& diagnostics,
           std::vector<std::string>& notes) {
  std::map<std::string, SourceLocation> seen;
  for (auto& e : entries) {
    auto [it, fresh] = seen.emplace(e.value.id, e.value.where);
    if (!fresh) {
      diagnostics.push_back(Diagnostic{e.value.where,
                                       fmt::format("duplicate {} id '{}' (first defined at {})",
                                                   kind, e.value.id, where_text(it->second)),
                                       {}});
      continue;
    }
    auto old = merged.find(e.value.id);
    if (old != merged.end()) {
      notes.push_back(fmt::format("{} '{}' from {} replaces the one from {}", kind, e.value.id,
                                  where_text(e.value.where), where_text(old->second.value.where)));
      old->second = std::move(e);
    } else {
      merged.emplace(e.value.id, std::move(e));
    }
  }
}

template <typename T>
std::vector<std::string> ids_of(const std::map<std::string, Entry<T>>& merged) {
  std::vector<std::string> ids;
  ids.reserve(merged.size());
  for (const auto& [id, e] : merged) ids.push_back(id);
  return ids;
}

struct Merged {
  std::map<std::string, Entry<model::Technique>> techniques;
  std::map<std::string, Entry<model::Routine>> routines;
  std::map<std::string, Entry<model::Goal>> goals;
  std::map<std::string, Entry<model::Condition>> conditions;
  std::map<std::string, Entry<model::Equipment>> equipment;
};

void check_references(const Merged& all, std::vector<Diagnostic>& diagnostics) {
  const std::array<std::vector<std::string>, 4> ids{ids_of(all.goals), ids_of(all.conditions),
                                                    ids_of(all.equipment), ids_of(all.techniques)};
  constexpr std::array<std::string_view, 4> kTargetNames{"goal", "condition", "equipment",
                                                         "technique"};
  auto check = [&](const std::vector<Reference>& refs) {
    for (const auto& ref : refs) {
      const auto& known = ids[ref.target];
      bool found = std::binary_search(known.begin(), known.end(), ref.id);
      if (!found) {
        diagnostics.push_back(Diagnostic{
            ref.where,
            fmt::format("unknown {} '{}' in {}", kTargetNames[ref.target], ref.id, ref.owner),
            model::did_you_mean(ref.id, known)});
        continue;
      }
      if (ref.target == Reference::kTechnique && ref.minutes > 0) {
        const model::Technique& t = all.techniques.at(ref.id).value;
        if (ref.minutes < t.duration.min || ref.minutes > t.duration.max)
          diagnostics.push_back(Diagnostic{
              ref.where,
              fmt::format("{} gives '{}' {} minutes, outside its range {}..{}", ref.owner, ref.id,
                          ref.minutes, t.duration.min, t.duration.max),
              {}});
      }
    }
  };
  for (const auto& [id, e] : all.techniques) check(e.references);
  for (const auto& [id, e] : all.routines) check(e.references);
  for (const auto& [id, e] : all.conditions) check(e.references);
}

template <typename T>
std::vector<T> values_of(std::map<std::string, Entry<T>>& merged) {
  std::vector<T> out;
  out.reserve(merged.size());
  for (auto& [id, e] : merged) out.push_back(std::move(e.value));
  return out;
}

bool by_location(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.where.file, a.where.line, a.where.column) <
         std::tie(b.where.file, b.where.line, b.where.column);
}

// A compiled source's entries as they are; else every file of the source read in order.
SourceEntries read_source_entries(const Source& source, std::vector<Diagnostic>& diagnostics) {
  if (source.compiled) return source.compiled();
  SourceEntries entries;
  for (const auto& file : source.files) {
    Reader reader(file.name, diagnostics);
    for (const auto& doc : parse_yaml(file.text, file.name, diagnostics))
      read_document(reader, doc, entries);
  }
  return entries;
}

}  // namespace

LoadResult load_sources(const std::vector<Source>& sources) {
  std::vector<Diagnostic> diagnostics;
  LoadResult result;
  Merged all;
  for (const auto& source : sources) {
    std::vector<Diagnostic> source_diagnostics;
    SourceEntries entries = read_source_entries(source, source_diagnostics);
    merge("goal", entries.goals, all.goals, source_diagnostics, result.notes);
    merge("condition", entries.conditions, all.conditions, source_diagnostics, result.notes);
    merge("equipment", entries.equipment, all.equipment, source_diagnostics, result.notes);
    merge("technique", entries.techniques, all.techniques, source_diagnostics, result.notes);
    merge("routine", entries.routines, all.routines, source_diagnostics, result.notes);
    diagnostics.insert(diagnostics.end(), source_diagnostics.begin(), source_diagnostics.end());
  }
  check_references(all, diagnostics);
  // Report file by file in the order the files were given, each in reading order.
  std::map<std::string, std::size_t> file_order;
  for (const auto& source : sources)
    for (const auto& file : source.files) file_order.emplace(file.name, file_order.size());
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     auto fa = file_order[a.where.file], fb = file_order[b.where.file];
                     return fa != fb ? fa < fb : by_location(a, b);
                   });
  if (!diagnostics.empty()) throw DiagnosticError(std::move(diagnostics));
  // std::map iteration is id order, so the library comes out sorted for binary search.
  result.library.techniques = values_of(all.techniques);
  result.library.routines = values_of(all.routines);
  result.library.goals = values_of(all.goals);
  result.library.conditions = values_of(all.conditions);
  result.library.equipment = values_of(all.equipment);
  // Conditions from any source exclude techniques from any source: after merging, not per file.
  // A compiled source alone already carries them (compile_source): the built-in library loads
  // without matching every rule against every technique again.
  if (sources.size() != 1 || !sources.front().compiled) model::apply_exclusions(result.library);
  return result;
}

model::Library load_library_text(std::string_view text, const std::string& name) {
  return load_sources({Source{name, {FileText{name, std::string(text)}}, nullptr}}).library;
}

SourceEntries compile_source(const Source& source) {
  // Every check, references included; throws on any problem.
  const model::Library merged = load_sources({source}).library;
  std::vector<Diagnostic> diagnostics;
  SourceEntries entries = read_source_entries(source, diagnostics);
  // With the effective contraindications its own conditions give (ids are unique in a source).
  for (auto& e : entries.techniques) {
    const model::Technique* t = merged.find_technique(e.value.id);
    e.value.contraindications = t->contraindications;
    e.value.exclusions = t->exclusions;
  }
  return entries;
}

}  // namespace mp::library
