#pragma once
#include <ostream>

#include "export/json_writer.hpp"
#include "model/library.hpp"

namespace mp::exporter {

/// Each entry fully resolved: every key present, defaults filled in (for `list --format json`).
void write_json(JsonWriter& w, const model::Technique& t);
void write_json(JsonWriter& w, const model::Routine& r, const model::Library& library);
void write_json(JsonWriter& w, const model::Goal& g);
void write_json(JsonWriter& w, const model::Condition& c);
void write_json(JsonWriter& w, const model::Equipment& e);

}  // namespace mp::exporter
