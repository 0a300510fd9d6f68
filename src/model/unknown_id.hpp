#pragma once
// The hint for an id the library does not know (its own header, so the many files that include
// model/suggest.hpp need not change).
#include <string>
#include <string_view>
#include <vector>

namespace mp::model {

/// The did-you-mean when an id is close, then where to see them all: "did you mean
/// 'neck-pain'? `massage-plan list conditions` shows them all", or that command alone. list is
/// the word `list` takes: goals, conditions, equipment or routines. names (parallel to known,
/// or empty) lets a word people use for it find an id spelt differently: `sciatica` finds
/// 'lumbar-radiculopathy' because its name says "Sciatica".
std::string unknown_id_hint(std::string_view id, const std::vector<std::string>& known,
                            std::string_view list, const std::vector<std::string>& names = {});

/// The known ids whose names hold word (hyphens read as spaces) as whole words, any case, in
/// library order; none when more than three do (too common a word to guess from). names is
/// parallel to known.
std::vector<std::string> match_by_name(std::string_view word, const std::vector<std::string>& known,
                                       const std::vector<std::string>& names);

}  // namespace mp::model
