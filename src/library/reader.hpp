#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "library/yaml_tree.hpp"
#include "model/calendar.hpp"
#include "model/error.hpp"

namespace mp::library {

/// Typed, strict reading of YamlNodes: every problem becomes a located Diagnostic and reading
/// goes on, so one run reports them all. The read_* functions return nullopt after reporting.
class Reader {
 public:
  Reader(std::string file, std::vector<Diagnostic>& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  /// The file this reader reports against.
  [[nodiscard]] const std::string& file() const { return file_; }
  /// The location of a node.
  [[nodiscard]] SourceLocation at(const YamlNode& node) const;
  /// Records a problem at node.
  void error(const YamlNode& node, std::string message, std::string hint = {});
  /// Number of problems recorded so far (by everyone sharing the list).
  [[nodiscard]] std::size_t error_count() const { return diagnostics_.size(); }

  /// A mapping's keys, checked against the allowed ones: unknown keys (with did-you-mean),
  /// duplicate keys and non-string keys are reported. what names the mapping in messages.
  class Map {
   public:
    Map(Reader& reader, const YamlNode& node, std::string what,
        std::span<const std::string_view> allowed);
    /// The value of key, or nullptr when absent.
    [[nodiscard]] const YamlNode* get(std::string_view key) const;
    /// The value of key; reports "<what> is missing required key '<key>'" when absent.
    const YamlNode* require(std::string_view key);
    /// The mapping node itself.
    [[nodiscard]] const YamlNode& node() const { return node_; }

   private:
    Reader& reader_;
    const YamlNode& node_;
    std::string what_;
    std::vector<std::pair<std::string_view, const YamlNode*>> fields_;
  };

  /// Reports unless node is a mapping; returns whether it is.
  bool expect_map(const YamlNode& node, std::string_view what);
  /// Reports unless node is a list (an empty value counts as an empty list).
  bool expect_list(const YamlNode& node, std::string_view what);

  std::optional<std::string> read_string(const YamlNode& node, std::string_view what);
  /// A lower-case kebab-case id.
  std::optional<std::string> read_id(const YamlNode& node, std::string_view what);
  std::optional<long long> read_int(const YamlNode& node, std::string_view what, long long min,
                                    long long max);
  std::optional<double> read_number(const YamlNode& node, std::string_view what, double min,
                                    double max);
  std::optional<bool> read_bool(const YamlNode& node, std::string_view what);
  /// One of words; an unknown word gets a did-you-mean or the list of words.
  std::optional<std::size_t> read_word(const YamlNode& node, std::string_view what,
                                       std::span<const std::string_view> words);
  /// A time of day "HH:MM" as minutes after midnight (model::read_time_of_day's wording).
  std::optional<int> read_time(const YamlNode& node, std::string_view what);
  /// One weekday word, "mon" … "sun" (model::read_weekday's wording).
  std::optional<model::WeekdayIndex> read_weekday(const YamlNode& node);
  /// A list of weekday words naming at least one day, none twice (model::read_weekday_list).
  std::optional<model::WeekdaySet> read_weekdays(const YamlNode& node, std::string_view what);
  /// A list of words (indices into words), each read as read_word with item naming it; a word
  /// listed twice is reported as "<item> 'x' is listed twice". what names the list.
  std::optional<std::vector<std::size_t>> read_words(const YamlNode& node, std::string_view what,
                                                     std::string_view item,
                                                     std::span<const std::string_view> words);
  /// A list of strings (an empty value is an empty list).
  std::optional<std::vector<std::string>> read_strings(const YamlNode& node, std::string_view what);
  /// A list of ids, each checked for kebab-case; duplicates are reported.
  std::optional<std::vector<std::string>> read_ids(const YamlNode& node, std::string_view what);

 private:
  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
};

/// Whether id is lower-case kebab-case: [a-z0-9]+(-[a-z0-9]+)*.
bool is_kebab_id(std::string_view id);

}  // namespace mp::library
