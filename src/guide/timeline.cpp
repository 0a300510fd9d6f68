#include "guide/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "model/error.hpp"

namespace mp::guide {
namespace {

constexpr int kWordsPerTenSeconds = 25;  // 150 words a minute: read aloud, or slowly in the head
constexpr int kMinReading = 5;
constexpr int kMaxReading = 30;
// Leftover seconds at least this long end the technique with a rest cue of their own; fewer are
// added to its last untimed step, so no cue lasts only a moment.
constexpr int kMinClosingRest = 10;

int sides_of(const model::Step& s) { return s.sides == model::Sides::kBoth ? 2 : 1; }

// Seconds a timed step takes with rounds rounds on each side, rests between every two parts.
int step_seconds(const model::Step& s, int rounds) {
  int parts = rounds * sides_of(s);
  return parts * s.seconds + (parts - 1) * s.rest;
}

// What one more round adds: a part on each side and the rest before each.
int round_cost(const model::Step& s) { return sides_of(s) * (s.seconds + s.rest); }

// Rounds for each timed step (0 for untimed ones) so that the technique fits total seconds as
// closely as whole rounds allow: first fewer rounds (never under one) while it is too long,
// then one more round for each timed step in turn while a round still fits.
std::vector<int> fit_rounds(const std::vector<model::Step>& steps, int reading, int total) {
  std::vector<int> rounds(steps.size(), 0);
  int used = reading;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (!steps[i].timed()) continue;
    rounds[i] = steps[i].repeat;
    used += step_seconds(steps[i], rounds[i]);
  }
  while (used > total) {
    // The step with the most rounds gives one up (the last of equals: the end of a technique is
    // where a shortened dose matters least).
    std::size_t most = steps.size();
    for (std::size_t i = 0; i < steps.size(); ++i)
      if (rounds[i] > 1 && (most == steps.size() || rounds[i] >= rounds[most])) most = i;
    if (most == steps.size()) break;
    used -= round_cost(steps[most]);
    --rounds[most];
  }
  for (bool added = true; added;) {
    added = false;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (!steps[i].timed() || used + round_cost(steps[i]) > total) continue;
      used += round_cost(steps[i]);
      ++rounds[i];
      added = true;
    }
  }
  return rounds;
}

void add_hold_cues(const model::Technique& t, const model::Step& s, int rounds,
                   std::vector<Cue>& out) {
  const std::vector<Side> sides = s.sides == model::Sides::kBoth
                                      ? std::vector<Side>{Side::kLeft, Side::kRight}
                                      : std::vector<Side>{Side::kNone};
  bool first = true;
  for (Side side : sides) {
    for (int round = 1; round <= rounds; ++round) {
      if (!first && s.rest > 0) {
        bool switching = round == 1;
        out.push_back(Cue{0, s.rest, t.id, switching ? "Rest, then the right side." : "Rest.",
                          CueKind::kRest, Side::kNone, 0, 0});
      }
      first = false;
      out.push_back(Cue{0, s.seconds, t.id, s.text, CueKind::kHold, side, round, rounds});
    }
  }
}

// Without timed steps: the minutes are shared among the steps in proportion to their reading
// time (largest remainders first), so every step gets time to be done, not only read.
void share_minutes(const model::Technique& t, int total, std::vector<Cue>& out) {
  std::vector<int> reading;
  std::int64_t sum = 0;
  for (const auto& s : t.steps) {
    reading.push_back(reading_seconds(s.text));
    sum += reading.back();
  }
  std::vector<std::pair<std::int64_t, std::size_t>> remainders;
  int given = 0;
  const std::size_t first = out.size();
  for (std::size_t i = 0; i < t.steps.size(); ++i) {
    std::int64_t share = std::int64_t{total} * reading[i];
    int seconds = static_cast<int>(share / sum);
    remainders.emplace_back(share % sum, i);
    given += seconds;
    out.push_back(Cue{0, seconds, t.id, t.steps[i].text, CueKind::kRead, Side::kNone, 0, 0});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < total && k < remainders.size(); ++k, ++given)
    ++out[first + remainders[k].second].seconds;
}

// Brings the cues from first on to total seconds: in proportion when they are too long (each
// at least a second), then the leftover as a closing rest or onto the last untimed step.
void fit_total(const model::Technique& t, int total, std::vector<Cue>& out, std::size_t first) {
  std::int64_t used = 0;
  for (std::size_t i = first; i < out.size(); ++i) used += out[i].seconds;
  if (used > total) {
    for (std::size_t i = first; i < out.size(); ++i)
      out[i].seconds = std::max(1, static_cast<int>(std::int64_t{out[i].seconds} * total / used));
    used = 0;
    for (std::size_t i = first; i < out.size(); ++i) used += out[i].seconds;
  }
  int left = total - static_cast<int>(used);
  if (left <= 0) return;
  if (left >= kMinClosingRest) {
    out.push_back(Cue{0, left, t.id, "Rest, breathing easily.", CueKind::kRest, Side::kNone, 0, 0});
    return;
  }
  std::size_t last = out.size() - 1;
  for (std::size_t i = first; i < out.size(); ++i)
    if (out[i].kind == CueKind::kRead) last = i;
  out[last].seconds += left;
}

const model::Technique& technique_of(const model::Library& library, const std::string& id) {
  const model::Technique* t = library.find_technique(id);
  if (t == nullptr)
    throw Error(ExitCode::kDataErr,
                fmt::format("the session names technique '{}', which is not in the library", id));
  return *t;
}

}  // namespace

int reading_seconds(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  int seconds = (words * 10 + kWordsPerTenSeconds - 1) / kWordsPerTenSeconds;
  return std::clamp(seconds, kMinReading, kMaxReading);
}

std::vector<Cue> technique_cues(const model::Technique& t, int minutes) {
  if (t.performer == model::Performer::kTherapist)
    throw Error(ExitCode::kUsage,
                fmt::format("{} ({}) is a professional visit: it has no guide, the therapist "
                            "leads it",
                            t.name, t.id));
  const int total = minutes * 60;
  std::vector<Cue> out;
  std::string heading = fmt::format("{}, {} min", t.name, minutes);
  if (!t.dose.empty()) heading += ": " + t.dose;
  out.push_back(Cue{0, 0, t.id, heading, CueKind::kTechnique, Side::kNone, 0, 0});
  const std::size_t first = out.size();

  if (t.steps.empty()) {
    out.push_back(Cue{0, total, t.id, t.description.empty() ? t.name : t.description,
                      CueKind::kRead, Side::kNone, 0, 0});
  } else if (model::timed_seconds(t.steps) == 0) {
    share_minutes(t, total, out);
  } else {
    int reading = 0;
    for (const auto& s : t.steps)
      if (!s.timed()) reading += reading_seconds(s.text);
    std::vector<int> rounds = fit_rounds(t.steps, reading, total);
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
      const model::Step& s = t.steps[i];
      if (s.timed())
        add_hold_cues(t, s, rounds[i], out);
      else
        out.push_back(
            Cue{0, reading_seconds(s.text), t.id, s.text, CueKind::kRead, Side::kNone, 0, 0});
    }
    fit_total(t, total, out, first);
  }
  int at = 0;
  for (auto& cue : out) {
    cue.at = at;
    at += cue.seconds;
  }
  return out;
}

Timeline make_timeline(const std::vector<Item>& items, const model::Library& library,
                       const Options& options) {
  if (items.empty()) throw Error(ExitCode::kNothingPlanned, "there is nothing to guide");
  Timeline timeline;
  const model::Technique& first = technique_of(library, items.front().technique);
  if (first.performer != model::Performer::kTherapist && options.ready_seconds > 0)
    timeline.cues.push_back(
        Cue{0, options.ready_seconds, first.id,
            fmt::format("Get ready: {}, {} min.", first.name, items.front().minutes),
            CueKind::kReady, Side::kNone, 0, 0});
  int at = options.ready_seconds > 0 ? options.ready_seconds : 0;
  for (const auto& item : items) {
    for (Cue cue : technique_cues(technique_of(library, item.technique), item.minutes)) {
      cue.at += at;
      timeline.cues.push_back(std::move(cue));
    }
    at = timeline.cues.back().at + timeline.cues.back().seconds;
  }
  timeline.total_seconds = at;
  return timeline;
}

Timeline routine_timeline(const model::Routine& routine, const model::Library& library,
                          const Options& options) {
  std::vector<Item> items;
  for (const auto& step : routine.steps) items.push_back(Item{step.technique, step.minutes});
  return make_timeline(items, library, options);
}

Timeline session_timeline(const model::PlannedSession& session, const model::Library& library,
                          const Options& options) {
  if (session.kind == model::SessionKind::kProfessional)
    throw Error(ExitCode::kUsage,
                "this session is a professional visit: it has no guide, the therapist leads it");
  std::vector<Item> items;
  for (const auto& item : session.items) items.push_back(Item{item.technique, item.minutes});
  return make_timeline(items, library, options);
}

}  // namespace mp::guide
