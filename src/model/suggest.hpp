#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mp::model {

/// Optimal-string-alignment edit distance (insert, delete, substitute, swap two neighbours).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to word when it is close enough to be a likely typo, else nullopt.
/// Ties go to the first candidate in the list.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

/// "did you mean 'x'?" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace mp::model
