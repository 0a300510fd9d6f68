#include "export/html_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "export/html_page.hpp"
#include "export/plan_view.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

// Geometry in SVG user units. An svg is drawn 1.25 CSS px per unit (a 12-unit font reads as
// 15 px) and shrinks to its box when that is narrower (max-width: 100% in the style sheet).
constexpr double kPixelsPerUnit = 1.25;
constexpr int kHeadHeight = 20;    // the column headings
constexpr int kRowHeight = 19;     // one row of bars
constexpr int kCharWidth = 7;      // a generous average glyph width at font size 12
constexpr int kLabelColumns = 32;  // labels longer than this are cut (the desc has them whole)
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
  // Room for the longest label, and per column for the bar and the longest number beside it.
  int label_columns = 0;
  int value_columns = 0;
  for (const auto& row : rows) {
    label_columns = std::max(label_columns, std::min(kLabelColumns, display_width(row.label)));
    for (const auto& bar : row.bars)
      value_columns = std::max(value_columns, display_width(bar.value));
  }
  const int label_width = kCharWidth * label_columns + 12;
  const int column_width = kBarLength + 24 + kCharWidth * value_columns;
  const int width = label_width + column_width * static_cast<int>(columns.size());
  const std::string title_id = text.id + "-title";
  const std::string desc_id = text.id + "-desc";
  out << "<svg role=\"img\" viewBox=\"0 0 " << width << ' ' << height << "\" width=\""
      << std::lround(width * kPixelsPerUnit) << "\" height=\""
      << std::lround(height * kPixelsPerUnit) << "\" aria-labelledby=\"" << html_text(title_id)
      << ' ' << html_text(desc_id) << "\">\n<title id=\"" << html_text(title_id) << "\">"
      << html_text(text.title) << "</title>\n<desc id=\"" << html_text(desc_id) << "\">"
      << html_text(text.desc) << "</desc>\n";
  for (std::size_t c = 0; c < columns.size(); ++c)
    out << "<text x=\"" << label_width + static_cast<int>(c) * column_width << "\" y=\"14\" "
        << "font-size=\"12\" font-weight=\"600\">" << html_text(columns[c]) << "</text>\n";
  int y = kHeadHeight;
  for (const auto& row : rows) {
    out << "<text x=\"0\" y=\"" << y + 12 << "\" font-size=\"12\">"
        << html_text(truncate_to_width(row.label, kLabelColumns)) << "</text>\n";
    for (std::size_t c = 0; c < row.bars.size() && c < columns.size(); ++c) {
      const auto& bar = row.bars[c];
      const int x = label_width + static_cast<int>(c) * column_width;
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

namespace {

// Line chart geometry: the plot area, then the legend on its right.
constexpr int kLineChartWidth = 530;
constexpr int kPlotLeft = 40;
constexpr int kPlotRight = 360;
constexpr int kPlotTop = 12;
constexpr int kPlotBottom = 212;
constexpr int kLineChartHeight = 240;
constexpr int kLegendX = 380;
// Dark enough for 3:1 against white (graphics), told apart by dashes and markers as well.
constexpr std::string_view kLineColours[] = {"#1f5f8b", "#a33c00", "#2e6b30", "#6a3d9a"};
constexpr std::string_view kLineDashes[] = {"", "8 4", "2 3", "10 3 2 3"};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

void write_marker(std::ostream& out, std::size_t series, double x, double y,
                  std::string_view colour) {
  if (series % 2 == 0)
    out << "<circle cx=\"" << number(x) << "\" cy=\"" << number(y) << "\" r=\"4\" fill=\"" << colour
        << "\"/>";
  else
    out << "<rect x=\"" << number(x - 4) << "\" y=\"" << number(y - 4)
        << "\" width=\"8\" height=\"8\" fill=\"" << colour << "\"/>";
}

}  // namespace

void write_line_chart(std::ostream& out, const ChartText& text,
                      const std::vector<std::string>& x_labels, const std::vector<Series>& series,
                      double y_min, double y_max, double y_step) {
  const std::string title_id = text.id + "-title";
  const std::string desc_id = text.id + "-desc";
  const int legend_bottom = kPlotTop + 20 * static_cast<int>(series.size());
  const int height = std::max(kLineChartHeight, legend_bottom + 10);
  out << "<svg role=\"img\" viewBox=\"0 0 " << kLineChartWidth << ' ' << height << "\" width=\""
      << std::lround(kLineChartWidth * kPixelsPerUnit) << "\" height=\""
      << std::lround(height * kPixelsPerUnit) << "\" aria-labelledby=\"" << html_text(title_id)
      << ' ' << html_text(desc_id) << "\">\n<title id=\"" << html_text(title_id) << "\">"
      << html_text(text.title) << "</title>\n<desc id=\"" << html_text(desc_id) << "\">"
      << html_text(text.desc) << "</desc>\n";
  const double span = y_max > y_min ? y_max - y_min : 1.0;
  auto y_of = [&](double v) {
    const double f = std::clamp((v - y_min) / span, 0.0, 1.0);
    return kPlotBottom - f * (kPlotBottom - kPlotTop);
  };
  const std::size_t n = x_labels.size();
  auto x_of = [&](std::size_t i) {
    if (n <= 1) return (kPlotLeft + kPlotRight) / 2.0;
    return kPlotLeft + 10 +
           static_cast<double>(i) * (kPlotRight - kPlotLeft - 20) / static_cast<double>(n - 1);
  };
  if (y_step > 0)
    for (double v = y_min; v <= y_max + 1e-9; v += y_step) {
      const double y = y_of(v);
      out << "<line x1=\"" << kPlotLeft << "\" y1=\"" << number(y) << "\" x2=\"" << kPlotRight
          << "\" y2=\"" << number(y) << "\" stroke=\"#c8c8c8\"/><text x=\"" << kPlotLeft - 6
          << "\" y=\"" << number(y + 4) << "\" font-size=\"12\" text-anchor=\"end\">"
          << format_number(v) << "</text>\n";
    }
  out << "<line x1=\"" << kPlotLeft << "\" y1=\"" << kPlotBottom << "\" x2=\"" << kPlotRight
      << "\" y2=\"" << kPlotBottom << "\" stroke=\"#404040\"/>\n";
  for (std::size_t i = 0; i < n; ++i)
    out << "<text x=\"" << number(x_of(i)) << "\" y=\"" << kPlotBottom + 18
        << "\" font-size=\"12\" text-anchor=\"middle\">" << html_text(x_labels[i]) << "</text>\n";
  for (std::size_t s = 0; s < series.size(); ++s) {
    const auto colour = kLineColours[s % std::size(kLineColours)];
    const auto dash = kLineDashes[s % std::size(kLineDashes)];
    const auto& values = series[s].values;
    // One polyline per run of consecutive values: a missing value breaks the line.
    std::string points;
    auto flush = [&] {
      if (points.find(' ') != std::string::npos)
        out << "<polyline points=\"" << points << "\" fill=\"none\" stroke=\"" << colour
            << "\" stroke-width=\"2.5\"" << (dash.empty() ? "" : " stroke-dasharray=\"") << dash
            << (dash.empty() ? "" : "\"") << "/>\n";
      points.clear();
    };
    for (std::size_t i = 0; i < values.size() && i < n; ++i) {
      if (!values[i]) {
        flush();
        continue;
      }
      if (!points.empty()) points += ' ';
      points += number(x_of(i)) + "," + number(y_of(*values[i]));
    }
    flush();
    for (std::size_t i = 0; i < values.size() && i < n; ++i)
      if (values[i]) write_marker(out, s, x_of(i), y_of(*values[i]), colour);
    const int ly = kPlotTop + 8 + 20 * static_cast<int>(s);
    out << "\n<line x1=\"" << kLegendX << "\" y1=\"" << ly << "\" x2=\"" << kLegendX + 28
        << "\" y2=\"" << ly << "\" stroke=\"" << colour << "\" stroke-width=\"2.5\""
        << (dash.empty() ? "" : " stroke-dasharray=\"") << dash << (dash.empty() ? "" : "\"")
        << "/>";
    write_marker(out, s, kLegendX + 14, ly, colour);
    out << "<text x=\"" << kLegendX + 34 << "\" y=\"" << ly + 4 << "\" font-size=\"12\">"
        << html_text(truncate_to_width(series[s].name, 16)) << "</text>\n";
  }
  out << "</svg>\n";
}

void write_table(std::ostream& out, std::string_view caption,
                 const std::vector<std::string>& headers,
                 const std::vector<std::vector<std::string>>& rows) {
  out << "<table>\n<caption>" << html_text(caption) << "</caption>\n<thead><tr>";
  for (const auto& h : headers) out << "<th scope=\"col\">" << html_text(h) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out << "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == 0)
        out << "<th scope=\"row\">" << html_text(row[i]) << "</th>";
      else
        out << "<td class=\"num\">" << html_text(row[i]) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

}  // namespace mp::exporter
