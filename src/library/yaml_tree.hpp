#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace mp::library {

/// Hard limits on what one YAML file may hold (docs/limits.md); beyond them it is refused.
struct YamlLimits {
  std::size_t max_bytes = 16u << 20;         ///< whole file
  int max_depth = 64;                        ///< nesting of mappings and sequences
  std::size_t max_nodes = 1'000'000;         ///< scalars, mappings and sequences together
  std::size_t max_scalar_bytes = 64u << 10;  ///< one string value
};

enum class NodeType { kNull, kScalar, kSequence, kMap };

/// A YAML node with its 1-based position; maps keep keys and values alternating in children.
struct YamlNode {
  NodeType type = NodeType::kNull;
  std::string value;    ///< scalar text
  bool quoted = false;  ///< scalar written in quotes (so "5" is a string, never a number)
  int line = 0;
  int column = 0;
  std::vector<YamlNode> children;

  /// Number of key/value pairs of a map, or items of a sequence.
  [[nodiscard]] std::size_t size() const {
    return type == NodeType::kMap ? children.size() / 2 : children.size();
  }
  [[nodiscard]] const YamlNode& key(std::size_t i) const { return children[2 * i]; }
  [[nodiscard]] const YamlNode& val(std::size_t i) const { return children[2 * i + 1]; }
};

/// Parses every document of text. Problems (syntax, limits, aliases, binary data) are appended to
/// diagnostics located in file; documents read before a syntax error are still returned.
std::vector<YamlNode> parse_yaml(std::string_view text, const std::string& file,
                                 std::vector<Diagnostic>& diagnostics,
                                 const YamlLimits& limits = {});

/// "a mapping", "a list", "a string", "empty" — for messages.
std::string_view describe(const YamlNode& node);

}  // namespace mp::library
