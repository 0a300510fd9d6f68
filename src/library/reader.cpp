#include "library/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>

#include "model/suggest.hpp"

namespace mp::library {

bool is_kebab_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char prev = 0;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

SourceLocation Reader::at(const YamlNode& node) const {
  return SourceLocation{file_, node.line, node.column};
}

void Reader::error(const YamlNode& node, std::string message, std::string hint) {
  diagnostics_.push_back(Diagnostic{at(node), std::move(message), std::move(hint)});
}

Reader::Map::Map(Reader& reader, const YamlNode& node, std::string what,
                 std::span<const std::string_view> allowed)
    : reader_(reader), node_(node), what_(std::move(what)) {
  if (node.type != NodeType::kMap) return;
  std::vector<std::string> allowed_words(allowed.begin(), allowed.end());
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YamlNode& k = node.key(i);
    if (k.type != NodeType::kScalar) {
      reader_.error(k, fmt::format("a key in {} must be a plain word, not {}", what_, describe(k)));
      continue;
    }
    auto known = std::find(allowed.begin(), allowed.end(), k.value);
    if (known == allowed.end()) {
      reader_.error(k, fmt::format("unknown key '{}' in {}", k.value, what_),
                    model::did_you_mean(k.value, allowed_words));
      continue;
    }
    bool duplicate = false;
    for (const auto& [name, value] : fields_) duplicate |= (name == *known);
    if (duplicate) {
      reader_.error(k, fmt::format("duplicate key '{}' in {}", k.value, what_));
      continue;
    }
    fields_.emplace_back(*known, &node.val(i));
  }
}

const YamlNode* Reader::Map::get(std::string_view key) const {
  for (const auto& [name, value] : fields_)
    if (name == key) return value;
  return nullptr;
}

const YamlNode* Reader::Map::require(std::string_view key) {
  const YamlNode* v = get(key);
  if (!v && node_.type == NodeType::kMap)
    reader_.error(node_, fmt::format("{} is missing required key '{}'", what_, key));
  return v;
}

bool Reader::expect_map(const YamlNode& node, std::string_view what) {
  if (node.type == NodeType::kMap) return true;
  error(node, fmt::format("{} must be a mapping (key: value), not {}", what, describe(node)));
  return false;
}

bool Reader::expect_list(const YamlNode& node, std::string_view what) {
  if (node.type == NodeType::kSequence || node.type == NodeType::kNull) return true;
  error(node, fmt::format("{} must be a list, not {}", what, describe(node)));
  return false;
}

std::optional<std::string> Reader::read_string(const YamlNode& node, std::string_view what) {
  if (node.type == NodeType::kScalar) return node.value;
  error(node, fmt::format("{} must be text, not {}", what, describe(node)));
  return std::nullopt;
}

std::optional<std::string> Reader::read_id(const YamlNode& node, std::string_view what) {
  auto s = read_string(node, what);
  if (!s) return std::nullopt;
  if (!is_kebab_id(*s)) {
    error(node, fmt::format("{} '{}' is not a valid id: use lower-case letters, digits and single "
                            "hyphens (kebab-case)",
                            what, *s));
    return std::nullopt;
  }
  return s;
}

std::optional<long long> Reader::read_int(const YamlNode& node, std::string_view what,
                                          long long min, long long max) {
  long long v = 0;
  if (node.type == NodeType::kScalar && !node.quoted) {
    const char* first = node.value.data();
    const char* last = first + node.value.size();
    if (first != last && *first == '+') ++first;
    auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec == std::errc() && ptr == last && first != last) {
      if (v < min || v > max) {
        error(node, fmt::format("{} must be between {} and {}, not {}", what, min, max, v));
        return std::nullopt;
      }
      return v;
    }
    if (ec == std::errc::result_out_of_range) {
      error(node, fmt::format("{} must be between {} and {}, not {}", what, min, max, node.value));
      return std::nullopt;
    }
  }
  error(node, fmt::format("{} must be a whole number, not {}", what,
                          node.type == NodeType::kScalar ? "'" + node.value + "'"
                                                         : std::string(describe(node))));
  return std::nullopt;
}

std::optional<double> Reader::read_number(const YamlNode& node, std::string_view what, double min,
                                          double max) {
  if (node.type == NodeType::kScalar && !node.quoted && !node.value.empty()) {
    const std::string& s = node.value;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    bool plain_digits = s.find_first_not_of("0123456789.+-eE") == std::string::npos;
    if (end == s.c_str() + s.size() && plain_digits && std::isfinite(v)) {
      if (v < min || v > max) {
        error(node, fmt::format("{} must be between {} and {}, not {}", what, min, max, s));
        return std::nullopt;
      }
      return v;
    }
  }
  error(node, fmt::format("{} must be a number, not {}", what,
                          node.type == NodeType::kScalar ? "'" + node.value + "'"
                                                         : std::string(describe(node))));
  return std::nullopt;
}

std::optional<bool> Reader::read_bool(const YamlNode& node, std::string_view what) {
  if (node.type == NodeType::kScalar && !node.quoted) {
    const std::string& s = node.value;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  error(node, fmt::format("{} must be true or false, not {}", what,
                          node.type == NodeType::kScalar ? "'" + node.value + "'"
                                                         : std::string(describe(node))));
  return std::nullopt;
}

std::optional<std::size_t> Reader::read_word(const YamlNode& node, std::string_view what,
                                             std::span<const std::string_view> words) {
  auto s = read_string(node, what);
  if (!s) return std::nullopt;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i] == *s) return i;
  std::vector<std::string> candidates(words.begin(), words.end());
  std::string hint = model::did_you_mean(*s, candidates);
  if (hint.empty()) hint = fmt::format("use one of: {}", fmt::join(words, ", "));
  error(node, fmt::format("unknown {} '{}'", what, *s), hint);
  return std::nullopt;
}

std::optional<int> Reader::read_time(const YamlNode& node, std::string_view what) {
  auto s = read_string(node, what);
  if (!s) return std::nullopt;
  auto t = model::read_time_of_day(what, *s);
  if (!t.value) error(node, t.problem, t.hint);
  return t.value;
}

std::optional<model::WeekdayIndex> Reader::read_weekday(const YamlNode& node) {
  auto s = read_string(node, "weekday");
  if (!s) return std::nullopt;
  auto day = model::read_weekday(*s);
  if (!day.value) error(node, day.problem, day.hint);
  return day.value;
}

std::optional<model::WeekdaySet> Reader::read_weekdays(const YamlNode& node,
                                                       std::string_view what) {
  if (!expect_list(node, what)) return std::nullopt;
  std::vector<std::string> words;
  std::vector<const YamlNode*> items;  // the node of each word, for locating its problem
  bool all_words = true;
  for (const auto& item : node.children) {
    if (auto word = read_string(item, "weekday")) {
      words.push_back(std::move(*word));
      items.push_back(&item);
    } else {
      all_words = false;
    }
  }
  std::vector<model::WeekdayListProblem> problems;
  auto set = model::read_weekday_list(what, words, problems);
  for (const auto& p : problems) {
    bool whole = p.index == model::WeekdayListProblem::kWholeList;
    if (whole && !all_words) continue;  // not empty: its items were not words
    error(whole ? node : *items[p.index], p.message, p.hint);
  }
  if (!problems.empty() || !all_words) return std::nullopt;
  return set;
}

std::optional<std::vector<std::size_t>> Reader::read_words(
    const YamlNode& node, std::string_view what, std::string_view item,
    std::span<const std::string_view> words) {
  if (!expect_list(node, what)) return std::nullopt;
  std::vector<std::size_t> out;
  bool ok = true;
  for (const auto& child : node.children) {
    auto i = read_word(child, item, words);
    if (!i) {
      ok = false;
    } else if (std::find(out.begin(), out.end(), *i) != out.end()) {
      error(child, fmt::format("{} '{}' is listed twice", item, child.value));
      ok = false;
    } else {
      out.push_back(*i);
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> Reader::read_strings(const YamlNode& node,
                                                             std::string_view what) {
  if (!expect_list(node, what)) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : node.children) {
    auto s = read_string(item, fmt::format("each entry of {}", what));
    if (s)
      out.push_back(std::move(*s));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> Reader::read_ids(const YamlNode& node,
                                                         std::string_view what) {
  if (!expect_list(node, what)) return std::nullopt;
  std::vector<std::string> out;
  std::set<std::string> seen;  // not a linear search: a list may hold many thousand ids
  bool ok = true;
  for (const auto& item : node.children) {
    auto s = read_id(item, fmt::format("an entry of {}", what));
    if (!s) {
      ok = false;
      continue;
    }
    if (!seen.insert(*s).second) {
      error(item, fmt::format("'{}' is listed twice in {}", *s, what));
      ok = false;
      continue;
    }
    out.push_back(std::move(*s));
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace mp::library
