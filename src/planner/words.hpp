#pragma once
// Small helpers for the planner's messages (planner internals).
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/calendar.hpp"

namespace mp::planner::detail {

/// The parts with `sep` between them.
inline std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

/// 'a', 'b', 'c' — the first `limit` ids quoted, then "and N more".
inline std::string quoted_list(const std::vector<std::string>& ids, std::size_t limit = 5) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < ids.size() && i < limit; ++i) shown.push_back("'" + ids[i] + "'");
  std::string out = join(shown, ", ");
  if (ids.size() > limit) out += fmt::format(" and {} more", ids.size() - limit);
  return out;
}

/// "mon, wed, fri", or "none".
inline std::string weekday_words(const model::WeekdaySet& set) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < 7; ++i)
    if (set[i]) words.emplace_back(model::kWeekdayNames[i]);
  return words.empty() ? std::string("none") : join(words, ", ");
}

}  // namespace mp::planner::detail
