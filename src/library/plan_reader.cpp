#include "library/plan_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "library/profile_reader.hpp"
#include "library/reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/suggest.hpp"

namespace mp::library {
namespace {

constexpr std::array<std::string_view, 11> kPlanKeys{
    "schema", "generator", "start",    "days",      "profile",    "score",
    "plan",   "warnings",  "excluded", "held_back", "adaptations"};
constexpr std::array<std::string_view, 2> kScoreKeys{"total", "goals"};
constexpr std::array<std::string_view, 4> kGoalScoreKeys{"weekly", "daily", "score", "share_cap"};
constexpr std::array<std::string_view, 3> kDayKeys{"date", "weekday", "sessions"};
constexpr std::array<std::string_view, 6> kSessionKeys{"start",   "end",   "kind",
                                                       "routine", "items", "state"};
constexpr std::array<std::string_view, 5> kItemKeys{"technique", "name", "minutes", "goals",
                                                    "score_share"};
constexpr std::array<std::string_view, 2> kExcludedKeys{"technique", "reason"};
constexpr std::array<std::string_view, 4> kHeldBackKeys{"technique", "goal", "share_cap", "weeks"};
constexpr std::array<std::string_view, 3> kAdaptationKeys{"technique", "factor", "reason"};
constexpr double kMaxFactor = 100;  // far beyond any rule of docs/planning.md
constexpr int kMaxPlanDays = 5 * 366;

std::optional<model::Date> read_date(Reader& r, const YamlNode& node, std::string_view what) {
  auto s = r.read_string(node, what);
  if (!s) return std::nullopt;
  auto d = model::parse_date(*s);
  if (!d) r.error(node, fmt::format("{} '{}' is not a date (YYYY-MM-DD)", what, *s));
  return d;
}

void read_score(Reader& r, const YamlNode& node, model::Score& score) {
  if (!r.expect_map(node, "score")) return;
  Reader::Map m(r, node, "score", kScoreKeys);
  if (const YamlNode* n = m.require("total"))
    if (auto v = r.read_number(*n, "score total", 0, 1)) score.total = *v;
  if (const YamlNode* n = m.require("goals"); n && r.expect_map(*n, "score goals")) {
    for (std::size_t i = 0; i < n->size(); ++i) {
      auto id = r.read_id(n->key(i), "goal");
      const YamlNode& v = n->val(i);
      if (!id || !r.expect_map(v, "a goal's score")) continue;
      Reader::Map gm(r, v, "goal score", kGoalScoreKeys);
      model::GoalScore gs;
      if (const YamlNode* x = gm.require("weekly"))
        if (auto d = r.read_number(*x, "weekly", 0, 1)) gs.weekly = *d;
      if (const YamlNode* x = gm.require("daily"))
        if (auto d = r.read_number(*x, "daily", 0, 1)) gs.daily = *d;
      if (const YamlNode* x = gm.require("score"))
        if (auto d = r.read_number(*x, "score", 0, 1)) gs.score = *d;
      if (const YamlNode* x = gm.get("share_cap"))
        if (auto d = r.read_number(*x, "share_cap", 0, 1)) gs.share_cap = *d;
      score.goals[*id] = gs;
    }
  }
}

/// One "held_back" entry; its weeks must lie in the plan's horizon of `days` days.
model::HeldBack read_held_back(Reader& r, const YamlNode& node, int days) {
  Reader::Map m(r, node, "held_back entry", kHeldBackKeys);
  model::HeldBack held;
  if (const YamlNode* v = m.require("technique"))
    if (auto id = r.read_id(*v, "technique")) held.technique = *id;
  if (const YamlNode* v = m.require("goal"))
    if (auto id = r.read_id(*v, "goal")) held.goal = *id;
  if (const YamlNode* v = m.require("share_cap"))
    if (auto d = r.read_number(*v, "share_cap", 0, 1)) held.share_cap = *d;
  if (const YamlNode* v = m.require("weeks"); v && r.expect_list(*v, "weeks")) {
    const long long weeks = std::max(1, (days + 6) / 7);
    for (const auto& w : v->children)
      if (auto k = r.read_int(w, "week", 1, weeks)) held.weeks.push_back(int(*k));
  }
  return held;
}

std::optional<model::PlanItem> read_item(Reader& r, const YamlNode& node,
                                         const model::Library& lib) {
  if (!r.expect_map(node, "an item")) return std::nullopt;
  Reader::Map m(r, node, "item", kItemKeys);
  model::PlanItem item;
  const YamlNode* t = m.require("technique");
  const YamlNode* mn = m.require("minutes");
  auto id = t ? r.read_id(*t, "technique") : std::nullopt;
  auto minutes = mn ? r.read_int(*mn, "minutes", 0, 24 * 60) : std::nullopt;
  if (const YamlNode* n = m.get("name")) (void)r.read_string(*n, "name");
  if (const YamlNode* n = m.get("goals"); n && r.expect_map(*n, "item goals"))
    for (std::size_t i = 0; i < n->size(); ++i) (void)r.read_number(n->val(i), "goal weight", 0, 1);
  if (const YamlNode* n = m.get("score_share"))
    if (auto v = r.read_number(*n, "score_share", 0, 1)) item.score_share = *v;
  if (!id || !minutes) return std::nullopt;
  if (!lib.find_technique(*id)) {
    std::vector<std::string> ids;
    for (const auto& x : lib.techniques) ids.push_back(x.id);
    r.error(*t, fmt::format("unknown technique '{}'", *id), model::did_you_mean(*id, ids));
    return std::nullopt;
  }
  item.technique = *id;
  item.minutes = int(*minutes);
  return item;
}

std::optional<model::PlannedSession> read_session(Reader& r, const YamlNode& node,
                                                  const model::Library& lib) {
  if (!r.expect_map(node, "a session")) return std::nullopt;
  Reader::Map m(r, node, "session", kSessionKeys);
  model::PlannedSession s;
  bool ok = true;
  if (const YamlNode* n = m.require("start")) {
    auto v = r.read_time(*n, "start");
    ok &= v.has_value();
    s.start_minute = v.value_or(0);
  }
  if (const YamlNode* n = m.require("end")) {
    auto v = r.read_time(*n, "end");
    ok &= v.has_value();
    // An end at or before the start means the session ran past midnight.
    s.end_minute = v ? (*v < s.start_minute ? *v + 24 * 60 : *v) : 0;
  }
  if (const YamlNode* n = m.require("kind")) {
    auto k = r.read_word(*n, "session kind", model::kSessionKindNames);
    ok &= k.has_value();
    if (k) s.kind = static_cast<model::SessionKind>(*k);
  }
  if (const YamlNode* n = m.get("routine"))
    if (auto id = r.read_id(*n, "routine")) s.routine = *id;
  // v3: `agenda --format json` gives each saved session its state; it does not change the score.
  if (const YamlNode* n = m.get("state")) {
    auto v = r.read_word(*n, "session state", model::kSessionStateNames);
    ok &= v.has_value();
    if (v) s.state = static_cast<model::SessionState>(*v);
  }
  if (const YamlNode* n = m.require("items"); n && r.expect_list(*n, "items")) {
    for (const auto& item : n->children) {
      auto i = read_item(r, item, lib);
      if (i)
        s.items.push_back(std::move(*i));
      else
        ok = false;
    }
  }
  return ok ? std::optional(std::move(s)) : std::nullopt;
}

}  // namespace

model::Plan read_plan_json(std::string_view text, const std::string& file,
                           const model::Library& lib) {
  std::vector<Diagnostic> diagnostics;
  auto docs = parse_yaml(text, file, diagnostics);
  model::Plan plan;
  if (docs.size() != 1 && diagnostics.empty())
    diagnostics.push_back(Diagnostic{{file, 1, 1}, "expected one JSON plan document", {}});
  if (docs.size() == 1) {
    Reader r(file, diagnostics);
    const YamlNode& root = docs.front();
    if (r.expect_map(root, "a plan")) {
      Reader::Map m(r, root, "plan document", kPlanKeys);
      if (const YamlNode* n = m.require("schema")) {
        auto s = r.read_string(*n, "schema");
        if (s && *s != "massage-plan/plan@1")
          r.error(*n, fmt::format("schema '{}' is not massage-plan/plan@1", *s));
      }
      if (const YamlNode* n = m.get("generator")) (void)r.read_string(*n, "generator");
      if (const YamlNode* n = m.require("start"))
        if (auto d = read_date(r, *n, "start")) plan.start = *d;
      if (const YamlNode* n = m.require("days"))
        if (auto v = r.read_int(*n, "days", 1, kMaxPlanDays)) plan.days = int(*v);
      if (const YamlNode* n = m.require("profile"))
        plan.profile = read_profile_node(*n, file, &lib, diagnostics);
      if (const YamlNode* n = m.require("score")) read_score(r, *n, plan.score);
      if (const YamlNode* n = m.require("plan"); n && r.expect_list(*n, "plan")) {
        for (const auto& day_node : n->children) {
          if (!r.expect_map(day_node, "a plan day")) continue;
          Reader::Map dm(r, day_node, "plan day", kDayKeys);
          model::PlanDay day;
          if (const YamlNode* d = dm.require("date"))
            if (auto v = read_date(r, *d, "date")) day.date = *v;
          if (const YamlNode* d = dm.require("weekday")) {
            if (auto w = r.read_weekday(*d)) {
              day.weekday = *w;
              if (day.date.ok() && model::weekday_of(day.date) != day.weekday)
                r.error(*d, fmt::format("{} is not a {}", model::format_date(day.date), d->value));
            }
          }
          if (const YamlNode* d = dm.require("sessions"); d && r.expect_list(*d, "sessions"))
            for (const auto& sn : d->children)
              if (auto s = read_session(r, sn, lib)) day.sessions.push_back(std::move(*s));
          plan.plan.push_back(std::move(day));
        }
      }
      if (const YamlNode* n = m.get("warnings"))
        if (auto w = r.read_strings(*n, "warnings")) plan.warnings = *w;
      if (const YamlNode* n = m.get("excluded"); n && r.expect_list(*n, "excluded")) {
        for (const auto& e : n->children) {
          if (!r.expect_map(e, "an excluded entry")) continue;
          Reader::Map em(r, e, "excluded entry", kExcludedKeys);
          model::Exclusion x;
          if (const YamlNode* v = em.require("technique"))
            if (auto s = r.read_string(*v, "technique")) x.technique = *s;
          if (const YamlNode* v = em.require("reason"))
            if (auto s = r.read_string(*v, "reason")) x.reason = *s;
          plan.excluded.push_back(std::move(x));
        }
      }
      if (const YamlNode* n = m.get("held_back"); n && r.expect_list(*n, "held_back"))
        for (const auto& e : n->children)
          if (r.expect_map(e, "a held_back entry"))
            plan.held_back.push_back(read_held_back(r, e, plan.days));
      if (const YamlNode* n = m.get("adaptations"); n && r.expect_list(*n, "adaptations")) {
        for (const auto& e : n->children) {
          if (!r.expect_map(e, "an adaptation")) continue;
          Reader::Map am(r, e, "adaptation", kAdaptationKeys);
          model::Adaptation a;
          if (const YamlNode* v = am.require("technique"))
            if (auto id = r.read_id(*v, "technique")) {
              a.technique = *id;
              if (!lib.find_technique(*id)) {
                std::vector<std::string> ids;
                for (const auto& x : lib.techniques) ids.push_back(x.id);
                r.error(*v, fmt::format("unknown technique '{}'", *id),
                        model::did_you_mean(*id, ids));
              }
            }
          if (const YamlNode* v = am.require("factor"))
            if (auto f = r.read_number(*v, "factor", 0, kMaxFactor)) {
              a.factor = *f;
              if (*f <= 0) r.error(*v, "factor must be above 0");
            }
          if (const YamlNode* v = am.require("reason"))
            if (auto s = r.read_string(*v, "reason")) a.reason = *s;
          plan.adaptations.push_back(std::move(a));
        }
      }
    }
  }
  if (!diagnostics.empty()) throw DiagnosticError(std::move(diagnostics));
  return plan;
}

}  // namespace mp::library
