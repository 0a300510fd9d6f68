#pragma once
#include <string>

#include "model/library.hpp"

namespace mp::exporter {

/// docs/safety-matrix.md for a library: every condition × technique, excluded or not and by
/// what (the technique's own list or which rule), with each condition's advice and rules, so a
/// change to safety data shows in review as a diff of this text.
std::string safety_matrix_markdown(const model::Library& library);

}  // namespace mp::exporter
