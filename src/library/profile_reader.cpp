#include "library/profile_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "library/reader.hpp"
#include "model/profile_rules.hpp"
#include "model/suggest.hpp"
#include "model/unknown_id.hpp"

namespace mp::library {
namespace {

constexpr std::array<std::string_view, 12> kProfileKeys{
    "goals",    "weekdays", "sessions",  "conditions", "equipment", "professional",
    "routines", "timezone", "variety",   "household",  "prefer",    "avoid"};
constexpr std::array<std::string_view, 2> kGoalKeys{"id", "priority"};
constexpr std::array<std::string_view, 2> kSessionKeys{"time", "minutes"};
constexpr std::array<std::string_view, 5> kProfessionalKeys{"sessions_per_week", "minutes",
                                                            "weekdays", "time", "techniques"};
constexpr std::array<std::string_view, 3> kRoutineKeys{"id", "weekdays", "time"};

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto& e : list) out.push_back(e.id);
  return out;
}

template <typename T>
std::vector<std::string> names_of(const std::vector<T>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto& e : list) out.push_back(e.name);
  return out;
}

// Reports an id the library does not know, with a did-you-mean.
template <typename T>
void check_known(Reader& r, const YamlNode& node, const std::string& id, std::string_view kind,
                 const std::vector<T>* known) {
  if (!known) return;
  bool found = std::any_of(known->begin(), known->end(), [&](const T& e) { return e.id == id; });
  if (!found)
    r.error(
        node, fmt::format("unknown {} '{}'", kind, id),
        model::unknown_id_hint(id, ids_of(*known),
                               kind == "equipment" ? std::string(kind) : std::string(kind) + "s",
                               names_of(*known)));
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

model::Profile read_profile_node(const YamlNode& node, const std::string& file,
                                 const model::Library* lib, std::vector<Diagnostic>& diagnostics) {
  Reader r(file, diagnostics);
  model::Profile p;
  p.where = r.at(node);
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
    if (auto w = r.read_weekdays(*n, "weekdays")) p.weekdays = *w;
  if (const YamlNode* n = m.get("sessions")) {
    // Sessions are checked pairwise for overlaps: read no more than the limit allows.
    if (n->type == NodeType::kSequence && n->children.size() > kMaxSessionsPerDay) {
      r.error(*n, fmt::format("more than {} sessions a day", kMaxSessionsPerDay));
    } else if (r.expect_list(*n, "sessions")) {
      p.sessions.clear();  // an empty list is check_profile's to report
      for (const auto& item : n->children) {
        if (!r.expect_map(item, "a session")) continue;
        Reader::Map sm(r, item, "session", kSessionKeys);
        model::SessionSlot slot;
        const YamlNode* t = sm.require("time");
        const YamlNode* mn = sm.require("minutes");
        auto time = t ? r.read_time(*t, "time") : std::nullopt;
        auto minutes =
            mn ? r.read_int(*mn, "session minutes", 1, kMaxSessionMinutes) : std::nullopt;
        if (!time || !minutes) continue;
        slot.start_minute = *time;
        slot.minutes = int(*minutes);
        slot.where = r.at(item);
        p.sessions.push_back(slot);
      }
      // Sessions that could not be read were reported; like any part that cannot be read, they
      // leave the default in place, so check_profile does not also call the list empty.
      if (p.sessions.empty() && !n->children.empty()) p.sessions = model::Profile{}.sessions;
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
      pro.where = r.at(*n);
      if (const YamlNode* v = pm.get("sessions_per_week"))
        if (auto x = r.read_int(*v, "sessions_per_week", 0, 7)) pro.sessions_per_week = int(*x);
      if (const YamlNode* v = pm.get("minutes"))
        if (auto x = r.read_int(*v, "professional minutes", 1, kMaxProfessionalMinutes))
          pro.minutes = int(*x);
      if (const YamlNode* v = pm.get("weekdays"))
        if (auto w = r.read_weekdays(*v, "professional weekdays")) pro.weekdays = *w;
      if (const YamlNode* v = pm.get("time"))
        if (auto t = r.read_time(*v, "professional time")) pro.start_minute = *t;
      if (const YamlNode* v = pm.get("techniques"))
        pro.techniques = read_known_ids(r, *v, "professional techniques", "technique",
                                        lib ? &lib->techniques : nullptr);
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
          if (auto w = r.read_weekdays(*v, "routine weekdays")) pin.weekdays = *w;
        if (const YamlNode* v = rm.get("time"))
          if (auto t = r.read_time(*v, "routine time")) pin.start_minute = *t;
        if (!id) continue;
        pin.id = *id;
        if (lib) check_known(r, *id_node, pin.id, "routine", &lib->routines);
        p.routines.push_back(std::move(pin));
      }
    }
  }
  if (const YamlNode* n = m.get("prefer"))
    p.prefer = read_known_ids(r, *n, "prefer", "technique", lib ? &lib->techniques : nullptr);
  if (const YamlNode* n = m.get("avoid"))
    p.avoid = read_known_ids(r, *n, "avoid", "technique", lib ? &lib->techniques : nullptr);
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
  // The rules on the whole profile (overlaps, midnight, …) are checked in one place for files
  // and flags alike; then the sessions are kept in the order of the day.
  for (auto& d : model::check_profile(p)) diagnostics.push_back(std::move(d));
  std::sort(p.sessions.begin(), p.sessions.end(),
            [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
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
