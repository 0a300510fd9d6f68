#include "cli/guide_screen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "cli/timeline_output.hpp"

namespace mp::cli {
namespace {

using terminal::Line;
using terminal::Style;

constexpr std::string_view kKeys = "space pause · n next · b back · s skip · q quit · ? help";

void add_wrapped(std::vector<Line>& out, const std::string& text, int columns, Style style,
                 const std::string& indent = {}) {
  const std::string pad(indent.size(), ' ');  // the indents are ASCII
  bool first = true;
  for (auto& line : terminal::wrap(text, columns - static_cast<int>(indent.size()))) {
    out.push_back(Line{(first ? indent : pad) + line, style});
    first = false;
  }
}

// The line above a cue's text: what kind of moment it is, its side and round.
std::string cue_label(const guide::Cue& c) {
  switch (c.kind) {
    case guide::CueKind::kReady:
      return "Get ready";
    case guide::CueKind::kRest:
      return "Rest";
    case guide::CueKind::kRead:
      return "Step";
    case guide::CueKind::kTechnique:
      return "";
    case guide::CueKind::kHold:
      break;
  }
  std::string label = c.side == guide::Side::kLeft    ? "Left side"
                      : c.side == guide::Side::kRight ? "Right side"
                                                      : "Hold";
  // The step's own words may say "repeat 10 times": the rounds here are those that fit the
  // planned minutes, and the label says so.
  if (c.rounds > 1)
    label += fmt::format(" · round {} of {}{}", c.round, c.rounds,
                         c.round == 1 ? " (the rounds that fit this session)" : "");
  return label;
}

std::string next_words(const guide::Player& p, const model::Library& lib) {
  const guide::Cue* n = p.next();
  if (n == nullptr) return "Next: the end of the session";
  const guide::Cue& c = p.timeline().cues[p.current()];
  if (n->technique != c.technique || c.kind == guide::CueKind::kReady) {
    // The next cue begins another technique (or the first): name it.
    for (std::size_t i = p.current() + 1; i < p.timeline().cues.size(); ++i) {
      const auto& h = p.timeline().cues[i];
      if (h.kind != guide::CueKind::kTechnique) continue;
      const auto* t = lib.find_technique(h.technique);
      return fmt::format("Next: {}", t != nullptr ? h.text : h.technique);
    }
  }
  std::string words = side_words(*n) + n->text;
  return fmt::format("Next ({} s): {}", n->seconds, words);
}

void add_help(std::vector<Line>& out, int columns) {
  out.push_back(Line{"Keys", Style::kBold});
  constexpr std::pair<std::string_view, std::string_view> kHelp[] = {
      {"space", "pause, and resume"},
      {"n", "next step"},
      {"b", "back: this step again (after 3 s of it), else the one before"},
      {"s", "skip the rest of this technique"},
      {"q", "quit (what was done is recorded)"},
      {"?", "this help, and back"},
      {"Ctrl-Z", "suspend (paused); fg brings it back"}};
  for (const auto& [key, words] : kHelp)
    add_wrapped(out, std::string(words), columns, Style::kPlain, fmt::format("  {:<8}", key));
}

}  // namespace

std::string countdown_text(std::int64_t ms) {
  return clock_text(static_cast<int>((std::max<std::int64_t>(0, ms) + 999) / 1000));
}

std::string progress_bar(std::int64_t done_ms, std::int64_t total_ms, int columns) {
  const std::string left = countdown_text(total_ms - done_ms);
  const int width = std::max(1, columns - 3 - static_cast<int>(left.size()));
  const int filled =
      total_ms <= 0
          ? width
          : static_cast<int>(std::clamp<std::int64_t>(done_ms * width / total_ms, 0, width));
  std::string bar = "[";
  for (int i = 0; i < width; ++i) bar += i < filled ? "#" : "-";
  return bar + "] " + left;
}

std::vector<terminal::Line> guide_screen(const guide::Player& p, const model::Library& lib,
                                         int columns) {
  const int w = std::clamp(columns, kMinColumns, kMaxColumns);
  std::vector<Line> out;
  if (p.finished()) {
    out.push_back(Line{"Session over.", Style::kAccent});
    return out;
  }
  const guide::Cue& c = p.timeline().cues[p.current()];
  const guide::Cue* h = p.heading();
  if (h == nullptr) {
    out.push_back(Line{fmt::format("Guided session · {} technique{}", p.technique_count(),
                                   p.technique_count() == 1 ? "" : "s"),
                       Style::kAccent});
  } else {
    const model::Technique* t = lib.find_technique(h->technique);
    add_wrapped(out,
                fmt::format("{} of {} · {}", p.technique_number(), p.technique_count(),
                            t != nullptr ? h->text.substr(0, h->text.find(": ")) : h->text),
                w, Style::kAccent);
    if (t != nullptr && !t->dose.empty()) add_wrapped(out, "Dose: " + t->dose, w, Style::kDim);
    if (t != nullptr)
      for (const auto& caution : t->cautions) add_wrapped(out, "! " + caution, w, Style::kWarning);
  }
  out.push_back(Line{});
  if (p.help()) {
    add_help(out, w);
  } else {
    out.push_back(Line{cue_label(c), Style::kBold});
    add_wrapped(out, c.text, w, Style::kPlain);
    out.push_back(Line{});
    const std::int64_t total = std::int64_t{c.seconds} * 1000;
    out.push_back(Line{progress_bar(total - p.cue_left_ms(), total, w), Style::kPlain});
  }
  if (p.paused()) out.push_back(Line{"Paused: space resumes", Style::kWarning});
  out.push_back(Line{});
  add_wrapped(out, next_words(p, lib), w, Style::kPlain);
  out.push_back(
      Line{fmt::format("Session left: {}", countdown_text(p.session_left_ms())), Style::kPlain});
  add_wrapped(out, std::string(kKeys), w, Style::kDim);
  return out;
}

std::string spoken_words(const guide::Cue& cue, const guide::Cue* heading) {
  std::string words;
  if (heading != nullptr && cue.at == heading->at) words = heading->text + ". ";
  return words + side_words(cue) + cue.text;
}

}  // namespace mp::cli
