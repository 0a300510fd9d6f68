// `show ID --format html`: one technique as a small self-contained page: its picture beside its
// steps, the dose and the cautions. The figure arrives drawn (cli asks mp::figure for it), so
// this writer stays a writer.
#include "export/technique_html.hpp"

#include <ostream>

#include "export/html_page.hpp"

namespace mp::exporter {

void write_technique_html(std::ostream& out, const model::Technique& t, std::string_view figure_svg,
                          std::string_view generator) {
  write_page_start(out, t.name, generator);
  out << "<main>\n<h1>" << html_text(t.name) << "</h1>\n";
  if (!t.description.empty()) out << "<p class=\"meta\">" << html_text(t.description) << "</p>\n";
  out << "<div class=\"with-figure\">\n";
  if (!figure_svg.empty()) out << "<div class=\"figure-box\">\n" << figure_svg << "</div>\n";
  out << "<div>\n";
  if (!t.dose.empty()) out << "<p><strong>Dose:</strong> " << html_text(t.dose) << "</p>\n";
  if (!t.steps.empty()) {
    out << "<h2>Steps</h2>\n<ol class=\"steps\">\n";
    for (const auto& step : t.steps) out << "<li>" << html_text(step.line()) << "</li>\n";
    out << "</ol>\n";
  }
  out << "</div>\n</div>\n";
  if (!t.cautions.empty()) {
    out << "<h2>Cautions</h2>\n<ul class=\"cautions\">\n";
    for (const auto& c : t.cautions) out << "<li>" << html_text(c) << "</li>\n";
    out << "</ul>\n";
  }
  out << "<p class=\"safety\">" << html_text(safety_line()) << "</p>\n</main>\n";
  write_page_end(out);
}

}  // namespace mp::exporter
