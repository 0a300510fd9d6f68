#include "export/html_chart.hpp"

#include <algorithm>
#include <cmath>

#include "export/html_page.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

// Geometry in SVG user units; the svg scales to its box (CSS width 100%), so a 12-unit font
// prints at about 9 pt on A4.
constexpr int kWidth = 700;
constexpr int kHeadHeight = 20;    // the column headings
constexpr int kRowHeight = 19;     // one row of bars
constexpr int kLabelWidth = 230;   // row labels, then the columns
constexpr int kLabelColumns = 34;  // labels longer than this are cut (the desc has them whole)
constexpr int kBarLength = 105;    // a full bar (fraction 1)
constexpr int kBarHeight = 12;

double clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

}  // namespace

std::string whole_percent(double fraction) {
  return std::to_string(std::lround(clamp01(fraction) * 100)) + "%";
}

void write_bar_chart(std::ostream& out, const ChartText& text,
                     const std::vector<std::string>& columns, const std::vector<BarRow>& rows) {
  const int height = kHeadHeight + kRowHeight * static_cast<int>(rows.size()) + 4;
  const int column_width = (kWidth - kLabelWidth) / std::max(1, static_cast<int>(columns.size()));
  const std::string title_id = text.id + "-title";
  const std::string desc_id = text.id + "-desc";
  out << "<svg role=\"img\" viewBox=\"0 0 " << kWidth << ' ' << height << "\" aria-labelledby=\""
      << html_text(title_id) << ' ' << html_text(desc_id) << "\">\n<title id=\""
      << html_text(title_id) << "\">" << html_text(text.title) << "</title>\n<desc id=\""
      << html_text(desc_id) << "\">" << html_text(text.desc) << "</desc>\n";
  for (std::size_t c = 0; c < columns.size(); ++c)
    out << "<text x=\"" << kLabelWidth + static_cast<int>(c) * column_width << "\" y=\"14\" "
        << "font-size=\"12\" font-weight=\"600\">" << html_text(columns[c]) << "</text>\n";
  int y = kHeadHeight;
  for (const auto& row : rows) {
    out << "<text x=\"0\" y=\"" << y + 12 << "\" font-size=\"12\">"
        << html_text(truncate_to_width(row.label, kLabelColumns)) << "</text>\n";
    for (std::size_t c = 0; c < row.bars.size() && c < columns.size(); ++c) {
      const auto& bar = row.bars[c];
      const int x = kLabelWidth + static_cast<int>(c) * column_width;
      const auto length = std::lround(clamp01(bar.fraction) * kBarLength);
      out << "<rect x=\"" << x << "\" y=\"" << y + 2 << "\" width=\"" << kBarLength
          << "\" height=\"" << kBarHeight << "\" fill=\"#e8eef3\" stroke=\"#767676\"/>"
          << "<rect x=\"" << x << "\" y=\"" << y + 2 << "\" width=\"" << length << "\" height=\""
          << kBarHeight << "\" fill=\"#1f5f8b\"/>"
          << "<text x=\"" << x + kBarLength + 5 << "\" y=\"" << y + 12 << "\" font-size=\"12\">"
          << html_text(bar.value) << "</text>\n";
    }
    y += kRowHeight;
  }
  out << "</svg>\n";
}

}  // namespace mp::exporter
