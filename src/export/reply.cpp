#include "export/reply.hpp"

#include <fmt/format.h>

#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

std::string name_of(const model::Library& library, const std::string& id) {
  const auto* t = library.find_technique(id);
  return t ? t->name : id;
}

}  // namespace

std::string describe_mark(const model::Entry& e, const model::SavedSession* s,
                          const model::Library& library) {
  const bool done = e.kind == model::EntryKind::kDone;
  std::string out = fmt::format("{} {}", done ? "done" : "skip", model::format_date(e.date));
  if (s)
    out += fmt::format(" {}", model::format_time(s->start_minute));
  else if (e.minute)
    out += fmt::format(" {}", model::format_time(*e.minute));
  std::vector<model::EntryTechnique> items;
  if (s)
    for (const auto& i : s->items) items.push_back({i.technique, i.minutes});
  else
    items = e.techniques;
  std::string list;
  for (const auto& t : items) {
    if (!list.empty()) list += ", ";
    list += name_of(library, t.technique);
    if (done) list += fmt::format(" {} min", t.minutes);
  }
  if (!list.empty()) out += fmt::format(" ({})", list);
  std::vector<std::string> more;
  if (e.minutes) more.push_back(fmt::format("{} min done", *e.minutes));
  if (e.rating) more.push_back(fmt::format("rated {}/5", *e.rating));
  if (!e.reason.empty()) more.push_back(fmt::format("reason: {}", e.reason));
  if (!e.note.empty()) more.push_back(fmt::format("note: {}", e.note));
  for (std::size_t i = 0; i < more.size(); ++i) {
    out += i ? ", " : "; ";
    out += more[i];
  }
  return printable(out, false);
}

}  // namespace mp::exporter
