#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "export/csv_field.hpp"
#include "export/export.hpp"
#include "export/plan_view.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

void write_row(std::ostream& out, const std::vector<std::string>& fields) {
  bool first = true;
  for (const auto& field : fields) {
    if (!first) out << ',';
    first = false;
    out << csv_field(field);
  }
  out << "\r\n";
}

}  // namespace

void write_csv(std::ostream& out, const model::Plan& plan, const model::Library& library,
               const ExportOptions& /*options*/) {
  // v3 agenda: a saved plan's sessions carry a state, in a last column.
  const bool states = std::any_of(plan.plan.begin(), plan.plan.end(), [](const auto& day) {
    return std::any_of(day.sessions.begin(), day.sessions.end(),
                       [](const auto& s) { return s.state.has_value(); });
  });
  std::vector<std::string> header{"date",      "start", "end",     "session_kind",
                                  "technique", "name",  "minutes", "goals"};
  if (states) header.emplace_back("state");
  write_row(out, header);
  for (const auto& day : plan.plan) {
    std::string date = model::format_date(day.date);
    for (const auto& session : day.sessions) {
      std::string start = model::format_time(session.start_minute);
      std::string end = model::format_time(session_end_minute(session));
      for (const auto& item : session.items) {
        std::string goals;
        if (const auto* t = library.find_technique(item.technique)) {
          for (const auto& [goal, weight] : t->goals) {
            if (!goals.empty()) goals += ';';
            goals += goal + ':' + format_number(weight);
          }
        }
        std::vector<std::string> row{date,
                                     start,
                                     end,
                                     std::string(model::to_string(session.kind)),
                                     item.technique,
                                     technique_name(library, item.technique),
                                     std::to_string(item.minutes),
                                     goals};
        if (states)
          row.emplace_back(session.state ? std::string(model::to_string(*session.state))
                                         : std::string());
        write_row(out, row);
      }
    }
  }
}

}  // namespace mp::exporter
