#include "export/safety_matrix.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mp::exporter {
namespace {

// The cell of technique t under condition c: "L" (its own list), rule numbers from 1, "!" after
// a rule number that matched only because t leaves an attribute out; "" when t may be planned.
std::string cell(const model::Technique& t, const model::Condition& c) {
  std::vector<std::string> marks;
  for (const auto& e : t.exclusions) {
    if (e.condition != c.id) continue;
    if (!e.rule)
      marks.emplace_back("L");
    else
      marks.push_back(fmt::format("{}{}", *e.rule + 1, e.undeclared.empty() ? "" : "!"));
  }
  return fmt::format("{}", fmt::join(marks, " "));
}

}  // namespace

std::string safety_matrix_markdown(const model::Library& library) {
  std::vector<const model::Condition*> conditions, red_flags;
  for (const auto& c : library.conditions) (c.red_flag ? red_flags : conditions).push_back(&c);

  std::string s =
      "# Safety matrix of the built-in library\n\n"
      "Generated from `routines/*.yaml` by `mp_safety_matrix`; do not edit by hand. Regenerate "
      "it with\n`cmake --build --preset release --target safety-matrix` (a test fails while it "
      "is out of date).\n\n"
      "Each row is a technique, each column a condition. A cell says why the technique is never "
      "planned\nfor a person with that condition: `L` the technique lists the condition itself, "
      "`1`, `2`, … the\ncondition's rule of that number (listed below the table), `!` after a "
      "number: the rule matched\nonly because the technique does not declare the attribute "
      "(fail-safe; `validate` warns). An empty\ncell: it may be planned. Red flags stop planning "
      "altogether and are listed at the end.\n\n";

  s += "| technique |";
  for (const auto* c : conditions) s += fmt::format(" {} |", c->id);
  s += "\n|---|";
  for (std::size_t i = 0; i < conditions.size(); ++i) s += "---|";
  s += '\n';
  for (const auto& t : library.techniques) {
    s += fmt::format("| {} |", t.id);
    for (const auto* c : conditions) {
      auto text = cell(t, *c);
      s += text.empty() ? " |" : fmt::format(" {} |", text);
    }
    s += '\n';
  }

  s += "\n## Conditions\n";
  for (const auto* c : conditions) {
    s += fmt::format("\n### {}: {}\n\n", c->id, c->name);
    if (!c->advice.empty()) s += fmt::format("Advice: {}\n\n", c->advice);
    if (c->excludes.empty()) {
      s += "Rules: none (only techniques that list it are left out).\n\n";
    } else {
      s += "Rules:\n\n";
      for (std::size_t i = 0; i < c->excludes.size(); ++i)
        s += fmt::format("{}. `{}`\n", i + 1, model::to_string(c->excludes[i]));
      s += '\n';
    }
    std::vector<std::string> out, in;
    for (const auto& t : library.techniques) {
      auto text = cell(t, *c);
      if (text.empty())
        in.push_back(t.id);
      else
        out.push_back(fmt::format("{} ({})", t.id, text));
    }
    s += fmt::format("Left out ({}): {}\n\n", out.size(),
                     out.empty() ? std::string("none") : fmt::format("{}", fmt::join(out, ", ")));
    s += fmt::format("May be planned ({}): {}\n", in.size(),
                     in.empty() ? std::string("none") : fmt::format("{}", fmt::join(in, ", ")));
  }

  s += "\n## Red flags\n\nNothing is planned for a person with any of these; the advice says "
       "whom to see and how soon.\n\n";
  for (const auto* c : red_flags)
    s += fmt::format("- {}: {}{}\n", c->id, c->name, c->urgent ? " (urgent)" : "");
  return s;
}

}  // namespace mp::exporter
