#pragma once
// The one line `done` and `skip` answer with, naming what they marked.
#include <string>

#include "model/history.hpp"
#include "model/library.hpp"

namespace mp::exporter {

/// "done 2026-11-09 07:30 (Chin tuck 5 min, Upper trapezius stretch 3 min)": the day, the
/// session's time (or the moment given), each technique by its name in library with the minutes
/// planned (done) or without (skip), then what else the entry says (minutes done, rating, reason,
/// note). session is the saved session the entry marks, or null for --technique entries.
std::string describe_mark(const model::Entry& entry, const model::SavedSession* session,
                          const model::Library& library);

}  // namespace mp::exporter
