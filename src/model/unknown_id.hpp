#pragma once
// The hint for an id the library does not know (its own header, so the many files that include
// model/suggest.hpp need not change).
#include <string>
#include <string_view>
#include <vector>

namespace mp::model {

/// The did-you-mean when an id is close, then where to see them all: "did you mean
/// 'neck-pain'? `massage-plan list conditions` shows them all", or that command alone. list is
/// the word `list` takes: goals, conditions, equipment or routines.
std::string unknown_id_hint(std::string_view id, const std::vector<std::string>& known,
                            std::string_view list);

}  // namespace mp::model
