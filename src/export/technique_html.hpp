#pragma once
#include <ostream>
#include <string_view>

#include "model/library.hpp"

namespace mp::exporter {

/// One technique as a self-contained html page (inline CSS, nothing loaded from elsewhere):
/// its name, the figure (figure_svg, an <svg> element, or empty for none) beside the dose and
/// steps, then the cautions and the safety line.
void write_technique_html(std::ostream& out, const model::Technique& technique,
                          std::string_view figure_svg, std::string_view generator);

}  // namespace mp::exporter
