// start --dry-run: the timeline written out whole, in text or JSON.
#include "cli/timeline_output.hpp"

#include <fmt/format.h>

#include <sstream>

#include "export/json_writer.hpp"

namespace mp::cli {
namespace {

constexpr std::size_t kColumns = 80;

std::string clock(int seconds) { return fmt::format("{}:{:02}", seconds / 60, seconds % 60); }

// Columns a UTF-8 text takes (one per code point: the texts are prose, no wide characters).
std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// text after a prefix of indent columns, wrapped at word boundaries to kColumns.
std::string wrapped(const std::string& text, std::size_t indent) {
  std::string out;
  std::size_t used = indent;
  std::istringstream words(text);
  bool first = true;
  for (std::string word; words >> word;) {
    if (!first && used + 1 + columns(word) > kColumns) {
      out += '\n' + std::string(indent, ' ');
      used = indent;
    } else if (!first) {
      out += ' ';
      ++used;
    }
    out += word;
    used += columns(word);
    first = false;
  }
  return out;
}

}  // namespace

std::string side_words(const guide::Cue& cue) {
  std::string s;
  if (cue.side == guide::Side::kLeft) s = "Left side";
  if (cue.side == guide::Side::kRight) s = "Right side";
  if (cue.kind == guide::CueKind::kHold && cue.rounds > 1)
    s += fmt::format("{} {} of {}", s.empty() ? "Round" : ", round", cue.round, cue.rounds);
  return s.empty() ? s : s + ": ";
}

std::string cue_line(const guide::Cue& c) {
  if (c.kind == guide::CueKind::kTechnique) return fmt::format("{}  {}", clock(c.at), c.text);
  return fmt::format("{}  {} s  {}{}", clock(c.at), c.seconds, side_words(c), c.text);
}

std::string clock_text(int seconds) { return clock(seconds); }

std::string timeline_text(const guide::Timeline& t) {
  std::string out;
  int techniques = 0;
  for (const auto& c : t.cues) techniques += c.kind == guide::CueKind::kTechnique ? 1 : 0;
  out += fmt::format("Guided session: {} technique{}, {} in all\n", techniques,
                     techniques == 1 ? "" : "s", clock(t.total_seconds));
  for (const auto& c : t.cues) {
    if (c.kind == guide::CueKind::kTechnique) {
      out += fmt::format("\n{:>6}  {}\n", clock(c.at), wrapped(c.text, 8));
      continue;
    }
    std::string prefix = fmt::format("{:>6}  {:>5}  ", clock(c.at), fmt::format("{} s", c.seconds));
    out += prefix + wrapped(side_words(c) + c.text, prefix.size()) + '\n';
  }
  out += fmt::format("\n{:>6}  End.\n", clock(t.total_seconds));
  return out;
}

std::string timeline_json(const guide::Timeline& t) {
  std::ostringstream out;
  exporter::JsonWriter w(out);
  w.begin_object();
  w.key("schema").value("massage-plan/timeline@1");
  w.key("cues").begin_array();
  for (const auto& c : t.cues) {
    w.begin_object();
    w.key("at").value(c.at);
    w.key("seconds").value(c.seconds);
    w.key("technique").value(c.technique);
    w.key("text").value(c.text);
    w.key("kind").value(guide::kCueKindNames[static_cast<std::size_t>(c.kind)]);
    if (c.side == guide::Side::kNone)
      w.key("side").null();
    else
      w.key("side").value(c.side == guide::Side::kLeft ? "left" : "right");
    if (c.rounds > 0) {
      w.key("round").value(c.round);
      w.key("rounds").value(c.rounds);
    } else {
      w.key("round").null();
      w.key("rounds").null();
    }
    w.end_object();
  }
  w.end_array();
  w.key("total_seconds").value(t.total_seconds);
  w.end_object();
  w.finish();
  return out.str();
}

}  // namespace mp::cli
