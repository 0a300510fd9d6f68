#pragma once
// Charts drawn as inline SVG for the html pages: every chart has a <title> and a <desc> that
// states its numbers, and writes each number as text beside its mark.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace mp::exporter {

/// One horizontal bar: a length as a fraction of the full bar and the number beside it.
struct Bar {
  double fraction = 0;  ///< clamped to [0, 1] when drawn
  std::string value;    ///< the number written beside the bar, e.g. "64%"
};

/// One row of the chart: a label, then one bar under each column heading.
struct BarRow {
  std::string label;
  std::vector<Bar> bars;
};

/// A chart's accessible name and description (plain text; escaped when written).
struct ChartText {
  std::string id;  ///< unique in the page; the title and desc ids derive from it
  std::string title;
  std::string desc;
};

/// Writes rows of horizontal bars, one column per heading, as one <svg role="img"> with each
/// number beside its bar.
void write_bar_chart(std::ostream& out, const ChartText& text,
                     const std::vector<std::string>& columns, const std::vector<BarRow>& rows);

/// One line of a line chart: a name for the legend and a value per x position (nullopt: no
/// value there; the line breaks).
struct Series {
  std::string name;
  std::vector<std::optional<double>> values;
};

/// Writes series as lines over the x labels, on a y axis from y_min to y_max with a grid line
/// every y_step, as one <svg role="img">; each line has its own dash pattern and point marker,
/// so the lines differ by more than colour.
void write_line_chart(std::ostream& out, const ChartText& text,
                      const std::vector<std::string>& x_labels, const std::vector<Series>& series,
                      double y_min, double y_max, double y_step);

/// Writes a <table> with a caption, a header row (<th scope="col">) and rows whose first cell is
/// a row header (<th scope="row">). All texts are escaped.
void write_table(std::ostream& out, std::string_view caption,
                 const std::vector<std::string>& headers,
                 const std::vector<std::vector<std::string>>& rows);

/// "64%": a fraction as a whole percentage, clamped to 0..100 (non-finite as 0).
std::string whole_percent(double fraction);

}  // namespace mp::exporter
