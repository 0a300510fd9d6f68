#pragma once
#include <string>
#include <string_view>

#include "model/figure.hpp"

namespace mp::figure {

/// The figure drawn as one SVG element (no XML declaration): a line drawing of the one body in
/// the figure's pose, with its props, arrows and shaded target, a <title> and an aria-label
/// saying what it shows. name is the technique's name, said first. Pure: no I/O.
std::string render_svg(const model::Figure& figure, std::string_view name);

/// The text alternative of a figure: what the drawing shows, in words.
std::string describe(const model::Figure& figure, std::string_view name);

}  // namespace mp::figure
