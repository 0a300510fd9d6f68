// `show ID`: everything about one technique or routine (or goal, condition, equipment).
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "cli/context.hpp"
#include "export/html_page.hpp"
#include "export/json_writer.hpp"
#include "export/library_json.hpp"
#include "export/technique_html.hpp"
#include "figure/figure.hpp"
#include "model/suggest.hpp"
#include "version.hpp"

namespace mp::cli {
namespace {

// Regions in the user's words, with the spine segment an anatomist would name.
std::string_view region_words(model::Region r) {
  switch (r) {
    case model::Region::kNeck:
      return "neck (cervical spine)";
    case model::Region::kUpperBack:
      return "upper back (upper thoracic spine)";
    case model::Region::kMidBack:
      return "mid back (thoracic spine)";
    case model::Region::kLowerBack:
      return "lower back (lumbar spine)";
    case model::Region::kSacrum:
      return "sacrum (sacral spine)";
    case model::Region::kShoulders:
      return "shoulders";
    case model::Region::kHead:
      return "head";
  }
  return "";
}

std::string_view performer_words(model::Performer p) {
  switch (p) {
    case model::Performer::kSelf:
      return "yourself";
    case model::Performer::kPartner:
      return "a partner";
    case model::Performer::kTherapist:
      return "a massage therapist";
  }
  return "";
}

template <typename T, typename F>
std::string joined(const std::vector<T>& list, F name) {
  std::string out;
  for (const auto& x : list) {
    if (!out.empty()) out += ", ";
    out += name(x);
  }
  return out.empty() ? "none" : out;
}

// A declared list of words, "none" for [], "not declared" when the technique leaves it out.
constexpr std::string_view kNotDeclared = "not declared (rules on it match, fail-safe)";

template <typename E>
std::string declared(const std::optional<std::vector<E>>& values) {
  if (!values) return std::string(kNotDeclared);
  return joined(*values, [](E v) { return std::string(model::to_string(v)); });
}

// Why a condition contraindicates t: "listed by the technique", "rule {…}", several joined.
std::string exclusion_words(const model::Technique& t, const std::string& condition) {
  std::vector<std::string> reasons;
  for (const auto& e : t.exclusions) {
    if (e.condition != condition) continue;
    if (!e.rule) {
      reasons.push_back(e.why);
      continue;
    }
    std::string reason = "rule " + e.why;
    if (!e.undeclared.empty())
      reason += fmt::format(" (fail-safe: {} not declared)", fmt::join(e.undeclared, ", "));
    reasons.push_back(std::move(reason));
  }
  return reasons.empty() ? std::string(model::kListedByTechnique)
                         : fmt::format("{}", fmt::join(reasons, "; "));
}

std::string render_condition(const model::Condition& c, const model::Library& lib) {
  std::string s = fmt::format(
      "{} ({}): {}\n  {}\n", c.name, c.id,
      c.red_flag ? (c.urgent ? "red flag, urgent" : "red flag") : "condition", c.advice);
  if (!c.excludes.empty()) {
    s += "Rules (a technique matching any is left out):\n";
    for (std::size_t i = 0; i < c.excludes.size(); ++i)
      s += fmt::format("  {}. {}\n", i + 1, model::to_string(c.excludes[i]));
  }
  if (c.red_flag) return s;  // nothing is planned with a red flag: no list of what is left out
  s += "Left out with it:\n";
  bool any = false;
  for (const auto& t : lib.techniques) {
    if (std::find(t.contraindications.begin(), t.contraindications.end(), c.id) ==
        t.contraindications.end())
      continue;
    s += fmt::format("  - {}: {}\n", t.id, exclusion_words(t, c.id));
    any = true;
  }
  if (!any) s += "  (nothing)\n";
  return s;
}

// A step as show prints it: its text, then its full timing (rest too) when it is timed.
std::string step_words(const model::Step& step) {
  if (!step.timed()) return step.text;
  return fmt::format("{} ({})", step.text, step.timing());
}

std::string render_technique(const model::Technique& t, const model::Library& lib) {
  std::string s = fmt::format("{} ({})\n", t.name, t.id);
  if (!t.description.empty()) s += fmt::format("  {}\n", t.description);
  s += fmt::format("  kind:        {}, done by {}, {}\n", model::to_string(t.kind),
                   performer_words(t.performer),
                   t.intensity ? fmt::format("{} intensity", model::to_string(*t.intensity))
                               : fmt::format("intensity {}", kNotDeclared));
  s += fmt::format("  duration:    {}-{} minutes (default {})\n", t.duration.min, t.duration.max,
                   t.duration.default_minutes);
  if (!t.dose.empty()) s += fmt::format("  dose:        {}\n", t.dose);
  s += fmt::format("  frequency:   at most {} times a week", t.frequency.max_per_week);
  if (t.frequency.min_rest_hours > 0)
    s += fmt::format(", at least {:g} hours apart", t.frequency.min_rest_hours);
  s += '\n';
  s += fmt::format("  session:     {} phase, {} time of day\n", model::to_string(t.phase),
                   model::to_string(t.time_of_day));
  if (t.with_exercise)
    s += "  with:        exercise only: planned only where a stretch, mobility or strength "
         "exercise for the same goal can be planned too\n";
  s += fmt::format("  regions:     {}\n",
                   t.regions ? joined(*t.regions, region_words) : std::string(kNotDeclared));
  s += fmt::format("  movements:   {}\n", declared(t.movements));
  s += fmt::format("  positions:   {}\n", declared(t.positions));
  s += fmt::format("  muscles:     {}\n", joined(t.muscles, [](const auto& m) { return m; }));
  std::vector<std::pair<std::string, double>> goals(t.goals.begin(), t.goals.end());
  s += fmt::format("  goals:       {}\n", joined(goals, [](const auto& g) {
                     return fmt::format("{} {:g}", g.first, g.second);
                   }));
  s += fmt::format("  equipment:   {}\n", joined(t.equipment, [&](const std::string& id) {
                     const auto* e = lib.find_equipment(id);
                     return e ? fmt::format("{} ({})", e->name, id) : id;
                   }));
  if (!t.steps.empty()) {
    s += "Steps:\n";
    for (std::size_t i = 0; i < t.steps.size(); ++i)
      s += fmt::format("  {}. {}\n", i + 1, step_words(t.steps[i]));
  }
  s += "Cautions:\n";
  if (t.cautions.empty()) s += "  (none listed)\n";
  for (const auto& c : t.cautions) s += fmt::format("  - {}\n", c);
  s += "Do not use with (contraindications):\n";
  if (t.contraindications.empty()) s += "  (none listed)\n";
  for (const auto& id : t.contraindications) {
    const auto* c = lib.find_condition(id);
    s += fmt::format("  - {} ({}): {}\n", c ? c->name : id, id, exclusion_words(t, id));
  }
  s += "Sources:\n";
  if (t.sources.empty()) s += "  (none listed)\n";
  for (const auto& src : t.sources) s += fmt::format("  - {}\n", src);
  return s;
}

std::string render_routine(const model::Routine& r, const model::Library& lib) {
  int total = 0;
  for (const auto& step : r.steps) total += step.minutes;
  std::string s = fmt::format("{} ({}): {} minutes\n", r.name, r.id, total);
  if (!r.description.empty()) s += fmt::format("  {}\n", r.description);
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const auto& step = r.steps[i];
    const auto* t = lib.find_technique(step.technique);
    s += fmt::format("{}. {} ({}), {} min\n", i + 1, t ? t->name : step.technique, step.technique,
                     step.minutes);
    if (!t) continue;
    if (!t->dose.empty()) s += fmt::format("   dose: {}\n", t->dose);
    for (const auto& step : t->steps) s += fmt::format("   - {}\n", step_words(step));
    for (const auto& c : t->cautions) s += fmt::format("   caution: {}\n", c);
    if (!t->contraindications.empty())
      s += fmt::format("   not with: {}\n",
                       joined(t->contraindications, [](const auto& x) { return x; }));
  }
  return s;
}

struct ShowOptions {
  std::string id;
  std::string format = "text";
};

// `--format svg|html`: a technique's picture alone, or its page with the picture.
std::string render_picture(const ShowOptions& o, const model::Library& lib,
                           std::string_view generator) {
  const auto* t = lib.find_technique(o.id);
  if (t == nullptr) {
    if (lib.find_routine(o.id) || lib.find_goal(o.id) || lib.find_condition(o.id) ||
        lib.find_equipment(o.id))
      throw Error(
          ExitCode::kUsage,
          fmt::format("'{}' is not a technique: --format {} shows a technique", o.id, o.format),
          "use --format text or json for routines, goals, conditions and equipment");
    std::vector<std::string> ids;
    for (const auto& x : lib.techniques) ids.push_back(x.id);
    throw Error(ExitCode::kDataErr, fmt::format("no technique has the id '{}'", o.id),
                model::did_you_mean(o.id, ids));
  }
  std::string svg = t->figure ? figure::render_svg(*t->figure, t->name) : std::string();
  if (o.format == "svg") {
    if (svg.empty())
      throw Error(ExitCode::kDataErr, fmt::format("technique '{}' has no figure", o.id),
                  "a technique's picture is drawn from its 'figure:' (docs/library-format.md)");
    return svg;
  }
  std::ostringstream page;
  exporter::write_technique_html(page, *t, svg, generator);
  return page.str();
}

std::string render(const ShowOptions& o, const model::Library& lib) {
  std::ostringstream json;
  exporter::JsonWriter w(json);
  bool as_json = o.format == "json";
  auto done = [&](std::string text) {
    if (!as_json) return text;
    w.finish();
    return json.str();
  };
  if (const auto* t = lib.find_technique(o.id)) {
    if (as_json) exporter::write_json(w, *t);
    return done(as_json ? "" : render_technique(*t, lib));
  }
  if (const auto* r = lib.find_routine(o.id)) {
    if (as_json) exporter::write_json(w, *r, lib);
    return done(as_json ? "" : render_routine(*r, lib));
  }
  if (const auto* g = lib.find_goal(o.id)) {
    if (as_json) exporter::write_json(w, *g);
    return done(fmt::format("{} ({}): goal, target {:g} minutes a week\n  {}\n", g->name, g->id,
                            g->weekly_target_minutes, g->description));
  }
  if (const auto* c = lib.find_condition(o.id)) {
    if (as_json) exporter::write_json(w, *c);
    return done(as_json ? "" : render_condition(*c, lib));
  }
  if (const auto* e = lib.find_equipment(o.id)) {
    if (as_json) exporter::write_json(w, *e);
    return done(fmt::format("{} ({}): equipment\n  {}\n", e->name, e->id, e->description));
  }
  std::vector<std::string> all;
  for (const auto& t : lib.techniques) all.push_back(t.id);
  for (const auto& r : lib.routines) all.push_back(r.id);
  for (const auto& g : lib.goals) all.push_back(g.id);
  for (const auto& c : lib.conditions) all.push_back(c.id);
  for (const auto& e : lib.equipment) all.push_back(e.id);
  throw Error(ExitCode::kDataErr,
              fmt::format("no technique, routine, goal, condition or "
                          "equipment has the id '{}'",
                          o.id),
              model::did_you_mean(o.id, all));
}

}  // namespace

void setup_show(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ShowOptions>();
  auto* cmd = app.add_subcommand(
      "show", "Show a technique or routine in full: dose, steps, cautions, sources");
  cmd->add_option("id", o->id, "A technique or routine id (goals, conditions, equipment too)")
      ->required();
  cmd->add_option("--format", o->format,
                  "text or json; svg (a technique's picture) or html (its page with the picture)")
      ->check(CLI::IsMember({"text", "json", "svg", "html"}))
      ->type_name("FORMAT");
  cmd->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      if (o->format == "svg" || o->format == "html")
        ctx.out << render_picture(*o, load_library(ctx), fmt::format("massage-plan {}", kVersion));
      else
        ctx.out << render(*o, load_library(ctx));
      return 0;
    };
  });
}

}  // namespace mp::cli
