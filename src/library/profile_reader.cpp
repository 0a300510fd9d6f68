#include "library/profile_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "library/reader.hpp"
#include "model/suggest.hpp"

namespace mp::library {
namespace {

constexpr std::array<std::string_view, 10> kProfileKeys{
    "goals",        "weekdays", "sessions", "conditions", "equipment",
    "professional", "routines", "timezone", "variety",    "household"};
constexpr std::array<std::string_view, 2> kGoalKeys{"id", "priority"};
constexpr std::array<std::string_view, 2> kSessionKeys{"time", "minutes"};
constexpr std::array<std::string_view, 4> kProfessionalKeys{"sessions_per_week", "minutes",
                                                            "weekdays", "time"};
constexpr std::array<std::string_view, 3> kRoutineKeys{"id", "weekdays", "time"};

std::optional<int> read_time(Reader& r, const YamlNode& node, std::string_view what) {
  auto s = r.read_string(node, what);
  if (!s) return std::nullopt;
  auto t = model::parse_time(*s);
  if (!t)
    r.error(node, fmt::format("{} '{}' is not a time of day: use HH:MM, 00:00 to 23:59", what, *s));
  return t;
}

std::optional<model::WeekdaySet> read_weekdays(Reader& r, const YamlNode& node,
                                               std::string_view what) {
  if (!r.expect_list(node, what)) return std::nullopt;
  model::WeekdaySet set{};
  std::vector<std::string> names(model::kWeekdayNames.begin(), model::kWeekdayNames.end());
  bool ok = true;
  for (const auto& item : node.children) {
    auto i = r.read_word(item, "weekday", model::kWeekdayNames);
    if (!i) {
      ok = false;
      continue;
    }
    if (set[*i]) r.error(item, fmt::format("weekday '{}' is listed twice", item.value));
    set[*i] = true;
  }
  if (ok && std::none_of(set.begin(), set.end(), [](bool b) { return b; })) {
    r.error(node, fmt::format("{} must name at least one day", what));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return set;
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto& e : list) out.push_back(e.id);
  return out;
}

// Reports an id the library does not know, with a did-you-mean.
template <typename T>
void check_known(Reader& r, const YamlNode& node, const std::string& id, std::string_view kind,
                 const std::vector<T>* known) {
  if (!known) return;
  bool found = std::any_of(known->begin(), known->end(), [&](const T& e) { return e.id == id; });
  if (!found)
    r.error(node, fmt::format("unknown {} '{}'", kind, id),
            model::did_you_mean(id, ids_of(*known)));
}

template <typename T>
std::vector<std::string> read_known_ids(Reader& r, const YamlNode& node, std::string_view what,
                                        std::string_view kind, const std::vector<T>* known) {
  auto ids = r.read_ids(node, what);
  if (!ids) return {};
  if (ids->size() > kMaxListEntries)
    r.error(node, fmt::format("{} lists more than {} entries", what, kMaxListEntries));
  for (std::size_t i = 0; i < ids->size(); ++i)
    check_known(r, node.children[i], (*ids)[i], kind, known);
  return *ids;
}

}  // namespace

std::vector<std::string> profile_problems(const model::Profile& p) {
  std::vector<std::string> out;
  if (std::none_of(p.weekdays.begin(), p.weekdays.end(), [](bool b) { return b; }))
    out.emplace_back("no weekdays: name at least one day for self-care");
  if (p.sessions.empty())
    out.emplace_back("no sessions: give at least one session (time and minutes)");
  auto sessions = p.sessions;
  std::sort(sessions.begin(), sessions.end(),
            [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const auto& s = sessions[i];
    if (s.minutes < 1 || s.minutes > kMaxSessionMinutes)
      out.push_back(fmt::format("session at {} lasts {} minutes: use 1 to {}",
                                model::format_time(s.start_minute), s.minutes, kMaxSessionMinutes));
    else if (s.start_minute + s.minutes > 24 * 60)
      out.push_back(fmt::format("session at {} for {} minutes runs past midnight",
                                model::format_time(s.start_minute), s.minutes));
    if (i > 0 && sessions[i - 1].start_minute + sessions[i - 1].minutes > s.start_minute)
      out.push_back(fmt::format("sessions at {} ({} min) and {} overlap",
                                model::format_time(sessions[i - 1].start_minute),
                                sessions[i - 1].minutes, model::format_time(s.start_minute)));
  }
  for (const auto& g : p.goals)
    if (g.priority < 1 || g.priority > 5)
      out.push_back(fmt::format("goal '{}' has priority {}: use 1 to 5", g.id, g.priority));
  if (p.professional) {
    const auto& pro = *p.professional;
    if (pro.sessions_per_week < 0 || pro.sessions_per_week > 7)
      out.push_back(
          fmt::format("{} professional sessions a week: use 0 to 7", pro.sessions_per_week));
    if (pro.minutes < 1 || pro.minutes > kMaxProfessionalMinutes)
      out.push_back(fmt::format("professional sessions of {} minutes: use 1 to {}", pro.minutes,
                                kMaxProfessionalMinutes));
    if (std::none_of(pro.weekdays.begin(), pro.weekdays.end(), [](bool b) { return b; }))
      out.emplace_back("professional sessions need at least one weekday");
    if (pro.start_minute + pro.minutes > 24 * 60)
      out.push_back(fmt::format("professional session at {} for {} minutes runs past midnight",
                                model::format_time(pro.start_minute), pro.minutes));
  }
  return out;
}

model::Profile read_profile_node(const YamlNode& node, const std::string& file,
                                 const model::Library* lib, std::vector<Diagnostic>& diagnostics) {
  Reader r(file, diagnostics);
  model::Profile p;
  if (node.type == NodeType::kNull) return p;  // an empty profile: every default
  if (!r.expect_map(node, "a profile")) return p;
  Reader::Map m(r, node, "profile", kProfileKeys);

  if (const YamlNode* n = m.get("goals")) {
    // Each goal is checked against the ones before it: cap the list before that turns quadratic.
    if (n->type == NodeType::kSequence && n->children.size() > kMaxListEntries)
      r.error(*n, fmt::format("goals lists more than {} entries", kMaxListEntries));
    else if (r.expect_list(*n, "goals")) {
      for (const auto& item : n->children) {
        model::GoalPriority g;
        g.where = r.at(item);
        const YamlNode* id_node = &item;
        if (item.type == NodeType::kMap) {
          Reader::Map gm(r, item, "goal", kGoalKeys);
          id_node = gm.require("id");
          if (const YamlNode* pr = gm.get("priority"))
            if (auto v = r.read_int(*pr, "priority", 1, 5)) g.priority = int(*v);
        }
        if (!id_node) continue;
        auto id = r.read_id(*id_node, "goal");
        if (!id) continue;
        g.id = *id;
        if (lib) check_known(r, *id_node, g.id, "goal", &lib->goals);
        if (std::any_of(p.goals.begin(), p.goals.end(),
                        [&](const auto& o) { return o.id == g.id; }))
          r.error(*id_node, fmt::format("goal '{}' is listed twice", g.id));
        else
          p.goals.push_back(std::move(g));
      }
    }
  }
  if (const YamlNode* n = m.get("weekdays"))
    if (auto w = read_weekdays(r, *n, "weekdays")) p.weekdays = *w;
  if (const YamlNode* n = m.get("sessions")) {
    if (r.expect_list(*n, "sessions")) {
      p.sessions.clear();
      if (n->children.empty()) r.error(*n, "sessions must list at least one session");
      // Sessions are checked pairwise for overlaps: read no more than the limit allows.
      if (n->children.size() > kMaxSessionsPerDay)
        r.error(*n, fmt::format("more than {} sessions a day", kMaxSessionsPerDay));
      for (const auto& item : n->children) {
        if (n->children.size() > kMaxSessionsPerDay) break;
        if (!r.expect_map(item, "a session")) continue;
        Reader::Map sm(r, item, "session", kSessionKeys);
        model::SessionSlot slot;
        const YamlNode* t = sm.require("time");
        const YamlNode* mn = sm.require("minutes");
        auto time = t ? read_time(r, *t, "time") : std::nullopt;
        auto minutes =
            mn ? r.read_int(*mn, "session minutes", 1, kMaxSessionMinutes) : std::nullopt;
        if (!time || !minutes) continue;
        slot.start_minute = *time;
        slot.minutes = int(*minutes);
        if (slot.start_minute + slot.minutes > 24 * 60) {
          r.error(item, fmt::format("session at {} for {} minutes runs past midnight", t->value,
                                    slot.minutes));
          continue;
        }
        for (const auto& other : p.sessions) {
          bool overlap = slot.start_minute < other.start_minute + other.minutes &&
                         other.start_minute < slot.start_minute + slot.minutes;
          if (overlap)
            r.error(item, fmt::format("session at {} overlaps the session at {}", t->value,
                                      model::format_time(other.start_minute)));
        }
        p.sessions.push_back(slot);
      }
      std::sort(p.sessions.begin(), p.sessions.end(),
                [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
    }
  }
  if (const YamlNode* n = m.get("conditions"))
    p.conditions =
        read_known_ids(r, *n, "conditions", "condition", lib ? &lib->conditions : nullptr);
  if (const YamlNode* n = m.get("equipment"))
    p.equipment = read_known_ids(r, *n, "equipment", "equipment", lib ? &lib->equipment : nullptr);
  if (const YamlNode* n = m.get("professional"); n && n->type != NodeType::kNull) {
    if (r.expect_map(*n, "professional")) {
      Reader::Map pm(r, *n, "professional", kProfessionalKeys);
      model::Professional pro;
      if (const YamlNode* v = pm.get("sessions_per_week"))
        if (auto x = r.read_int(*v, "sessions_per_week", 0, 7)) pro.sessions_per_week = int(*x);
      if (const YamlNode* v = pm.get("minutes"))
        if (auto x = r.read_int(*v, "professional minutes", 1, kMaxProfessionalMinutes))
          pro.minutes = int(*x);
      if (const YamlNode* v = pm.get("weekdays"))
        if (auto w = read_weekdays(r, *v, "professional weekdays")) pro.weekdays = *w;
      if (const YamlNode* v = pm.get("time"))
        if (auto t = read_time(r, *v, "professional time")) pro.start_minute = *t;
      if (pro.start_minute + pro.minutes > 24 * 60)
        r.error(*n, "the professional session runs past midnight");
      if (pro.sessions_per_week > 0) p.professional = pro;
    }
  }
  if (const YamlNode* n = m.get("routines")) {
    if (n->type == NodeType::kSequence && n->children.size() > kMaxListEntries)
      r.error(*n, fmt::format("routines lists more than {} entries", kMaxListEntries));
    else if (r.expect_list(*n, "routines")) {
      for (const auto& item : n->children) {
        if (!r.expect_map(item, "a pinned routine")) continue;
        Reader::Map rm(r, item, "pinned routine", kRoutineKeys);
        model::PinnedRoutine pin;
        pin.where = r.at(item);
        const YamlNode* id_node = rm.require("id");
        auto id = id_node ? r.read_id(*id_node, "routine") : std::nullopt;
        if (const YamlNode* v = rm.get("weekdays"))
          if (auto w = read_weekdays(r, *v, "routine weekdays")) pin.weekdays = *w;
        if (const YamlNode* v = rm.get("time"))
          if (auto t = read_time(r, *v, "routine time")) pin.start_minute = *t;
        if (!id) continue;
        pin.id = *id;
        if (lib) check_known(r, *id_node, pin.id, "routine", &lib->routines);
        p.routines.push_back(std::move(pin));
      }
    }
  }
  if (const YamlNode* n = m.get("timezone"); n && n->type != NodeType::kNull)
    if (auto s = r.read_string(*n, "timezone")) p.timezone = *s;
  if (const YamlNode* n = m.get("household"))
    if (auto b = r.read_bool(*n, "household")) p.household = *b;
  if (const YamlNode* n = m.get("variety")) {
    if (auto v = r.read_number(*n, "variety", 0, 1)) {
      if (*v > 0)
        p.variety = *v;
      else
        r.error(*n,
                "variety must be more than 0: it is the share of a goal one technique may "
                "carry (1 = no limit)");
    }
  }
  return p;
}

model::Profile read_profile(std::string_view text, const std::string& file,
                            const model::Library* library) {
  std::vector<Diagnostic> diagnostics;
  auto docs = parse_yaml(text, file, diagnostics);
  model::Profile p;
  if (docs.size() > 1)
    diagnostics.push_back(Diagnostic{SourceLocation{file, docs[1].line, docs[1].column},
                                     "a profile is one YAML document, found several",
                                     {}});
  if (!docs.empty()) p = read_profile_node(docs.front(), file, library, diagnostics);
  if (!diagnostics.empty()) throw DiagnosticError(std::move(diagnostics));
  return p;
}

}  // namespace mp::library
