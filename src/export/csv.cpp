#include <ostream>

#include "export/csv_field.hpp"
#include "export/export.hpp"
#include "export/plan_view.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

void write_row(std::ostream& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto field : fields) {
    if (!first) out << ',';
    first = false;
    out << csv_field(field);
  }
  out << "\r\n";
}

}  // namespace

void write_csv(std::ostream& out, const model::Plan& plan, const model::Library& library,
               const ExportOptions& /*options*/) {
  write_row(out, {"date", "start", "end", "session_kind", "technique", "name", "minutes", "goals"});
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
        write_row(out,
                  {date, start, end, model::to_string(session.kind), item.technique,
                   technique_name(library, item.technique), std::to_string(item.minutes), goals});
      }
    }
  }
}

}  // namespace mp::exporter
