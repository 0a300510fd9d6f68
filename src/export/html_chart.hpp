#pragma once
// Charts drawn as inline SVG for the html pages: every chart has a <title> and a <desc> that
// states its numbers, and writes each number as text beside its mark.
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

/// "64%": a fraction as a whole percentage, clamped to 0..100 (non-finite as 0).
std::string whole_percent(double fraction);

}  // namespace mp::exporter
