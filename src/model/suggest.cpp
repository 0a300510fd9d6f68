#include "model/suggest.hpp"

#include <algorithm>
#include <cctype>

#include "model/unknown_id.hpp"

namespace mp::model {
namespace {
constexpr std::size_t kMaxSuggestLength = 100;
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Three rows suffice for the transposition rule.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  // Accept up to a third of the word's length in edits (at least 2; 1 for words under four
  // letters), so short words only match near-misses and long ids forgive a couple of slips.
  const std::size_t limit = word.size() < 4 ? 1 : std::max<std::size_t>(2, word.size() / 3);
  // Nobody mistypes a 100-character id; without this bound a hostile file with long ids makes
  // every hint a costly edit distance (64 KiB × 64 KiB per pair).
  if (word.size() > kMaxSuggestLength) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  // A word that merely spells out a short candidate ("tuesday" for "tue") is a likely match too.
  if (word.size() >= 3)
    for (const auto& c : candidates)
      if (c.size() >= 3 && word.size() > c.size() && word.substr(0, c.size()) == c) return c;
  for (const auto& c : candidates) {
    if (c.size() > word.size() + limit || word.size() > c.size() + limit) continue;
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto best = closest_match(word, candidates);
  return best ? "did you mean '" + *best + "'?" : std::string();
}

namespace {

// Lower-case letters and digits; every other character becomes one space, so "Sciatica (back
// pain…)" and "sciatica" compare word by word, padded so a match is always whole words.
std::string words_of(std::string_view text) {
  std::string out = " ";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0) {
      out += static_cast<char>(std::tolower(c));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

}  // namespace

std::vector<std::string> match_by_name(std::string_view word, const std::vector<std::string>& known,
                                       const std::vector<std::string>& names) {
  constexpr std::size_t kMaxNameMatches = 3;
  if (word.size() > kMaxSuggestLength || names.size() != known.size()) return {};
  const std::string needle = words_of(word);
  if (needle.size() < 5) return {};  // " ab ": too short to mean anything
  std::vector<std::string> found;
  for (std::size_t i = 0; i < known.size(); ++i)
    if (words_of(names[i]).find(needle) != std::string::npos) found.push_back(known[i]);
  if (found.size() > kMaxNameMatches) return {};
  return found;
}

std::string unknown_id_hint(std::string_view id, const std::vector<std::string>& known,
                            std::string_view list, const std::vector<std::string>& names) {
  std::string hint = did_you_mean(id, known);
  if (hint.empty()) {
    const std::vector<std::string> by_name = match_by_name(id, known, names);
    std::vector<std::string> named;
    for (const auto& k : by_name) {
      const auto at =
          static_cast<std::size_t>(std::find(known.begin(), known.end(), k) - known.begin());
      named.push_back("'" + k + "' (" + names[at] + ")");
    }
    if (named.size() == 1) hint = "did you mean " + named.front() + "?";
    if (named.size() > 1) {
      hint = "did you mean one of " + named.front();
      for (std::size_t i = 1; i < named.size(); ++i)
        hint += (i + 1 == named.size() ? " or " : ", ") + named[i];
      hint += "?";
    }
  }
  if (!hint.empty()) hint += " ";
  return hint + "`massage-plan list " + std::string(list) + "` shows them all";
}

}  // namespace mp::model
