// The guided session's timeline (src/guide): every rule of docs/guide.md, "Guided sessions: the
// timeline", as a plain unit test.
#include <doctest/doctest.h>

#include <numeric>
#include <string>

#include "builtin/builtin.hpp"
#include "guide/timeline.hpp"
#include "model/error.hpp"

using mp::guide::Cue;
using mp::guide::CueKind;
using mp::guide::Side;
using mp::model::Sides;
using mp::model::Step;
using mp::model::Technique;

namespace {

Technique stretch() {
  Technique t;
  t.id = "side-stretch";
  t.name = "Side stretch";
  t.kind = mp::model::Kind::kStretch;
  t.duration = {2, 3, 5};
  t.dose = "Hold 30 s, 2 times each side";
  t.steps = {Step("Sit tall."), Step("Tilt and hold.", 30, Sides::kBoth, 2, 10)};
  return t;
}

int sum_seconds(const std::vector<Cue>& cues) {
  return std::accumulate(cues.begin(), cues.end(), 0,
                         [](int s, const Cue& c) { return s + c.seconds; });
}

// Every cue starts where the one before ended.
bool contiguous(const std::vector<Cue>& cues, int from) {
  int at = from;
  for (const auto& c : cues) {
    if (c.at != at) return false;
    at += c.seconds;
  }
  return true;
}

std::vector<Cue> of_kind(const std::vector<Cue>& cues, CueKind kind) {
  std::vector<Cue> out;
  for (const auto& c : cues)
    if (c.kind == kind) out.push_back(c);
  return out;
}

const mp::model::Library& builtin() {
  static const mp::model::Library library = mp::builtin::load();
  return library;
}

}  // namespace

TEST_CASE("guide: reading time is 2.5 words a second, between 5 and 30 seconds") {
  CHECK(mp::guide::reading_seconds("Sit.") == 5);
  CHECK(mp::guide::reading_seconds(std::string(20, 'w')) == 5);
  std::string words;
  for (int i = 0; i < 30; ++i) words += "word ";
  CHECK(mp::guide::reading_seconds(words) == 12);
  for (int i = 0; i < 100; ++i) words += "word ";
  CHECK(mp::guide::reading_seconds(words) == 30);
}

TEST_CASE("guide: a technique's cues fill its planned minutes exactly") {
  for (int minutes = 2; minutes <= 5; ++minutes) {
    CAPTURE(minutes);
    auto cues = mp::guide::technique_cues(stretch(), minutes);
    CHECK(sum_seconds(cues) == minutes * 60);
    CHECK(contiguous(cues, 0));
    CHECK(cues.front().kind == CueKind::kTechnique);
    CHECK(cues.front().seconds == 0);
    CHECK(cues.front().text ==
          "Side stretch, " + std::to_string(minutes) + " min: Hold 30 s, 2 times each side");
  }
}

TEST_CASE("guide: each side in turn, rounds repeated to fill the minutes, rests between") {
  // 3 minutes: "Sit tall." reads in 5 s. 2 rounds a side take 4 × 30 + 3 × 10 = 150 s (155
  // used); a third round adds 2 × (30 + 10) = 80 s (235 > 180): 2 rounds, 25 s closing rest.
  auto cues = mp::guide::technique_cues(stretch(), 3);
  auto holds = of_kind(cues, CueKind::kHold);
  REQUIRE(holds.size() == 4);
  CHECK(holds[0].side == Side::kLeft);
  CHECK(holds[0].round == 1);
  CHECK(holds[0].rounds == 2);
  CHECK(holds[1].side == Side::kLeft);
  CHECK(holds[1].round == 2);
  CHECK(holds[2].side == Side::kRight);
  CHECK(holds[2].round == 1);
  CHECK(holds[3].side == Side::kRight);
  CHECK(holds[3].round == 2);
  for (const auto& h : holds) CHECK(h.seconds == 30);
  auto rests = of_kind(cues, CueKind::kRest);
  REQUIRE(rests.size() == 4);
  CHECK(rests[0].text == "Rest.");
  CHECK(rests[1].text == "Rest, then the right side.");
  CHECK(rests[2].text == "Rest.");
  CHECK(rests[3].text == "Rest, breathing easily.");
  CHECK(rests[3].seconds == 180 - 5 - 150);

  // 5 minutes: 295 s for holds: 3 rounds (230 s) fit, 4 (310) do not.
  holds = of_kind(mp::guide::technique_cues(stretch(), 5), CueKind::kHold);
  REQUIRE(holds.size() == 6);
  CHECK(holds[2].round == 3);
  CHECK(holds[2].rounds == 3);
  CHECK(holds[3].side == Side::kRight);
}

TEST_CASE("guide: too few minutes for the declared rounds give fewer rounds, never none") {
  Technique t = stretch();
  t.steps[1] = Step("Tilt and hold.", 30, Sides::kBoth, 3, 10);  // 230 s as written
  t.duration = {2, 2, 5};
  auto cues = mp::guide::technique_cues(t, 2);
  CHECK(sum_seconds(cues) == 120);
  auto holds = of_kind(cues, CueKind::kHold);
  REQUIRE(holds.size() == 2);  // 1 round each side: 5 + 30 + 10 + 30 = 75 s, 2 rounds: 155
  CHECK(holds[0].rounds == 1);
}

TEST_CASE("guide: holds longer than the minutes are shortened in proportion") {
  Technique t = stretch();
  t.steps = {Step("Press.", 100), Step("Press again.", 100)};
  auto cues = mp::guide::technique_cues(t, 2);
  CHECK(sum_seconds(cues) == 120);
  auto holds = of_kind(cues, CueKind::kHold);
  REQUIRE(holds.size() == 2);
  CHECK(holds[0].seconds == 60);
  CHECK(holds[1].seconds == 60);
}

TEST_CASE("guide: a technique of plain string steps shares its minutes among them") {
  Technique t = stretch();
  t.id = "my-own";
  t.steps = {Step("Sit."),
             Step("Close your eyes and breathe slowly and deeply through the nose "
                  "while the shoulders drop."),
             Step("Open.")};
  auto cues = mp::guide::technique_cues(t, 3);
  CHECK(sum_seconds(cues) == 180);
  CHECK(contiguous(cues, 0));
  auto reads = of_kind(cues, CueKind::kRead);
  REQUIRE(reads.size() == 3);
  // Reading times 5, 6 and 5 s: shares 56.25, 67.5 and 56.25 s; the second has the largest
  // remainder and gets the second left over.
  CHECK(reads[0].seconds == 56);
  CHECK(reads[1].seconds == 68);
  CHECK(reads[2].seconds == 56);
  CHECK(of_kind(cues, CueKind::kHold).empty());
}

TEST_CASE("guide: a session starts with a get-ready cue and runs its techniques in order") {
  mp::model::Library library;
  Technique a = stretch();
  Technique b = stretch();
  b.id = "breath";
  b.name = "Breath";
  b.steps = {Step("Breathe.", 60, Sides::kOne, 1, 0)};
  library.techniques = {a, b};
  library.sort_by_id();
  auto timeline = mp::guide::make_timeline({{"side-stretch", 3}, {"breath", 2}}, library, {15});
  CHECK(timeline.total_seconds == 15 + 180 + 120);
  CHECK(contiguous(timeline.cues, 0));
  CHECK(timeline.cues.front().kind == CueKind::kReady);
  CHECK(timeline.cues.front().seconds == 15);
  CHECK(timeline.cues.front().text == "Get ready: Side stretch, 3 min.");
  auto headings = of_kind(timeline.cues, CueKind::kTechnique);
  REQUIRE(headings.size() == 2);
  CHECK(headings[0].at == 15);
  CHECK(headings[1].at == 15 + 180);
  CHECK(headings[1].technique == "breath");
  // One 60 s round, then two more fill the 2 minutes exactly.
  auto holds = of_kind(timeline.cues, CueKind::kHold);
  CHECK(holds.back().round == 2);
  CHECK(holds.back().rounds == 2);

  auto no_ready = mp::guide::make_timeline({{"breath", 2}}, library, {0});
  CHECK(no_ready.total_seconds == 120);
  CHECK(no_ready.cues.front().kind == CueKind::kTechnique);
}

TEST_CASE("guide: a routine is its techniques with the routine's minutes") {
  const auto& lib = builtin();
  const auto* routine = lib.find_routine("desk-neck-reset");
  REQUIRE(routine != nullptr);
  auto timeline = mp::guide::routine_timeline(*routine, lib, {10});
  int minutes = 0;
  for (const auto& s : routine->steps) minutes += s.minutes;
  CHECK(timeline.total_seconds == 10 + minutes * 60);
  auto headings = of_kind(timeline.cues, CueKind::kTechnique);
  REQUIRE(headings.size() == routine->steps.size());
  for (std::size_t i = 0; i < headings.size(); ++i)
    CHECK(headings[i].technique == routine->steps[i].technique);
}

TEST_CASE("guide: a professional visit has no guide") {
  const auto& lib = builtin();
  const Technique* pro = nullptr;
  for (const auto& t : lib.techniques)
    if (t.performer == mp::model::Performer::kTherapist) pro = &t;
  REQUIRE(pro != nullptr);
  try {
    mp::guide::make_timeline({{pro->id, 60}}, lib, {});
    FAIL("a professional technique was guided");
  } catch (const mp::Error& e) {
    CHECK(e.code() == mp::ExitCode::kUsage);
    CHECK(std::string(e.what()) == pro->name + " (" + pro->id +
                                       ") is a professional visit: it has no guide, the "
                                       "therapist leads it");
  }
  mp::model::PlannedSession visit;
  visit.kind = mp::model::SessionKind::kProfessional;
  visit.items = {{pro->id, 60, 0}};
  try {
    mp::guide::session_timeline(visit, lib, {});
    FAIL("a professional visit was guided");
  } catch (const mp::Error& e) {
    CHECK(std::string(e.what()) ==
          "this session is a professional visit: it has no guide, the therapist leads it");
  }
}

TEST_CASE("guide: a saved session's items are guided in order") {
  const auto& lib = builtin();
  mp::model::PlannedSession session;
  session.kind = mp::model::SessionKind::kSelf;
  session.items = {{"chin-tuck", 2, 0}, {"box-breathing", 3, 0}};
  auto timeline = mp::guide::session_timeline(session, lib, {10});
  CHECK(timeline.total_seconds == 10 + 5 * 60);
  CHECK(of_kind(timeline.cues, CueKind::kTechnique).at(1).technique == "box-breathing");
}

TEST_CASE("guide: every built-in technique fills any planned minutes of its range exactly") {
  for (const auto& t : builtin().techniques) {
    if (t.performer == mp::model::Performer::kTherapist) continue;
    for (int minutes : {t.duration.min, t.duration.default_minutes, t.duration.max}) {
      CAPTURE(t.id);
      CAPTURE(minutes);
      auto cues = mp::guide::technique_cues(t, minutes);
      CHECK(sum_seconds(cues) == minutes * 60);
      CHECK(contiguous(cues, 0));
      CHECK_FALSE(of_kind(cues, CueKind::kHold).empty());
      for (const auto& c : cues)
        if (c.kind != CueKind::kTechnique) CHECK(c.seconds > 0);
    }
  }
}
