#pragma once
#include "library/entries.hpp"
#include "library/reader.hpp"
#include "library/yaml_tree.hpp"

namespace mp::library {

/// Reads one YAML document of a library file (SPEC §3: goals, conditions, equipment,
/// techniques, routines) into `out`, each entry with its location and the references it makes.
/// Every problem is reported through r; an entry that cannot be used is left out. An empty
/// document (only comments) is fine.
void read_document(Reader& r, const YamlNode& doc, SourceEntries& out);

}  // namespace mp::library
