#include "library/yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>

#include "model/utf8.hpp"

namespace mp::library {
namespace {

// Builds YamlNode trees from yaml-cpp's events, refusing aliases (they could expand into huge
// trees) and enforcing the node-count and scalar-size limits as it goes.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const YamlLimits& limits) : text_(text), limits_(limits) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    // yaml-cpp does not consume some stray tokens (a ',' after a top-level scalar: `"a",`) and
    // hands out empty documents at that spot forever; a document starting where the last one
    // did means the parser is stuck there.
    if (mark.pos >= 0 && mark.pos == last_document_pos_) {
      auto at = static_cast<std::size_t>(mark.pos);
      fail(mark, at < text_.size() && text_[at] > ' ' && text_[at] < 0x7f
                     ? fmt::format("YAML syntax: unexpected '{}'", text_[at])
                     : std::string("YAML syntax: unexpected text"));
    }
    last_document_pos_ = mark.pos;
    stack_.clear();
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { add(make(NodeType::kNull, mark)); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(mark, "aliases (*name) are not supported: write the value out in full");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    if (value.size() > limits_.max_scalar_bytes)
      fail(mark, fmt::format("a value of {} bytes is longer than the limit of {} bytes",
                             value.size(), limits_.max_scalar_bytes));
    YamlNode node = make(NodeType::kScalar, mark);
    node.value = value;
    node.quoted = (tag == "!");
    add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(make(NodeType::kSequence, mark));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(make(NodeType::kMap, mark));
  }
  void OnMapEnd() override { close(); }

  std::vector<YamlNode> documents;

  /// Thrown to stop parsing at the first limit crossed.
  struct Stop {
    int line;
    int column;
    std::string message;
  };

 private:
  YamlNode make(NodeType type, const YAML::Mark& mark) {
    if (++nodes_ > limits_.max_nodes)
      fail(mark, fmt::format("more than {} values in one file", limits_.max_nodes));
    YamlNode n;
    n.type = type;
    n.line = mark.line + 1;  // yaml-cpp marks are 0-based
    n.column = mark.column + 1;
    return n;
  }
  [[noreturn]] static void fail(const YAML::Mark& mark, std::string message) {
    throw Stop{mark.line + 1, mark.column + 1, std::move(message)};
  }
  void add(YamlNode node) {
    if (stack_.empty())
      documents.push_back(std::move(node));
    else
      stack_.back().children.push_back(std::move(node));
  }
  void open(YamlNode node) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      throw Stop{node.line, node.column,
                 fmt::format("nesting deeper than {} levels", limits_.max_depth)};
    stack_.push_back(std::move(node));
  }
  void close() {
    YamlNode done = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(done));
  }

  std::string_view text_;
  const YamlLimits& limits_;
  int last_document_pos_ = -1;
  std::vector<YamlNode> stack_;
  std::size_t nodes_ = 0;
};

// Where text stops being UTF-8 text (NUL, other control bytes, or a sequence the one strict
// decoder of model/utf8.hpp refuses): returns the byte offset, or npos when all is well.
std::size_t find_binary(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) return i;
    char32_t cp = 0;
    std::size_t len = model::decode_utf8(text, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

struct Position {
  int line;
  int column;
};

Position position_of(std::string_view text, std::size_t offset) {
  Position p{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

// A conservative scan for nesting depth before yaml-cpp sees the text, since yaml-cpp's parser
// recurses once per level: flow brackets that open a node, and block indentation (leading
// spaces plus compact "- " / "? " indicators). Quotes and comments are skipped.
bool nesting_too_deep(std::string_view text, int max_depth, Position& where) {
  int flow = 0;
  char quote = 0;
  bool token_start = true;  // the next character may start a node
  bool line_start = true;
  int indent = 0;
  const int max_indent = max_depth * 4;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
          ++i;
        else
          quote = 0, token_start = false;
      }
      if (c == '\n') line_start = true, indent = 0;
      continue;
    }
    if (c == '\n') {
      line_start = true;
      token_start = true;
      indent = 0;
      continue;
    }
    if (line_start) {
      bool compact = (c == '-' || c == '?') && i + 1 < text.size() &&
                     (text[i + 1] == ' ' || text[i + 1] == '\n');
      if (c == ' ' || compact) {
        if (++indent > max_indent) {
          where = position_of(text, i);
          return true;
        }
        continue;
      }
      line_start = false;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if (token_start && (c == '"' || c == '\'')) {
      quote = c;
      continue;
    }
    if (token_start && (c == '[' || c == '{')) {
      if (++flow > max_depth) {
        where = position_of(text, i);
        return true;
      }
      continue;
    }
    if ((c == ']' || c == '}') && flow > 0) {
      --flow;
      token_start = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == ',' || c == ':' || c == '-' || c == '?')
      token_start = true;
    else
      token_start = false;
  }
  return false;
}

}  // namespace

std::string_view describe(const YamlNode& node) {
  switch (node.type) {
    case NodeType::kNull:
      return "empty";
    case NodeType::kScalar:
      return "a single value";
    case NodeType::kSequence:
      return "a list";
    case NodeType::kMap:
      return "a mapping";
  }
  return "a value";
}

std::vector<YamlNode> parse_yaml(std::string_view text, const std::string& file,
                                 std::vector<Diagnostic>& diagnostics, const YamlLimits& limits) {
  auto report = [&](int line, int column, std::string message) {
    diagnostics.push_back(Diagnostic{SourceLocation{file, line, column}, std::move(message), {}});
  };
  if (text.size() > limits.max_bytes) {
    report(0, 0, fmt::format("file is larger than the limit of {} bytes", limits.max_bytes));
    return {};
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto bad = find_binary(text); bad != std::string_view::npos) {
    auto p = position_of(text, bad);
    report(p.line, p.column,
           fmt::format("not UTF-8 text (byte 0x{:02x}): is this a binary file?",
                       static_cast<unsigned char>(text[bad])));
    return {};
  }
  if (Position p{}; nesting_too_deep(text, limits.max_depth, p)) {
    report(p.line, p.column, fmt::format("nesting deeper than {} levels", limits.max_depth));
    return {};
  }
  TreeBuilder builder(text, limits);
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const TreeBuilder::Stop& stop) {
    report(stop.line, stop.column, stop.message);
  } catch (const YAML::Exception& e) {
    report(e.mark.line + 1, e.mark.column + 1, "YAML syntax: " + e.msg);
  }
  return std::move(builder.documents);
}

}  // namespace mp::library
