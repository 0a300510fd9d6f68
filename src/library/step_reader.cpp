#include "library/step_reader.hpp"

#include <fmt/format.h>

#include <array>

namespace mp::library {
namespace {

constexpr std::array<std::string_view, 5> kStepKeys{"text", "seconds", "sides", "repeat", "rest"};
constexpr long long kMaxStepSeconds = 600;  // SPEC §3: one hold or round is 1..600 s
constexpr long long kMaxRepeat = 100;

std::optional<model::Step> read_timed_step(Reader& r, const YamlNode& item,
                                           const std::string& what) {
  Reader::Map m(r, item, what, kStepKeys);
  model::Step step;
  bool ok = true;
  if (const YamlNode* n = m.require("text")) {
    if (auto s = r.read_string(*n, "a step's text"))
      step.text = *s;
    else
      ok = false;
  } else {
    ok = false;
  }
  if (const YamlNode* n = m.require("seconds")) {
    if (auto v = r.read_int(*n, "seconds", 1, kMaxStepSeconds))
      step.seconds = static_cast<int>(*v);
    else
      ok = false;
  } else {
    ok = false;
  }
  if (const YamlNode* n = m.get("sides")) {
    if (auto i = r.read_word(*n, "sides", model::kSidesNames))
      step.sides = static_cast<model::Sides>(*i);
    else
      ok = false;
  }
  if (const YamlNode* n = m.get("repeat")) {
    if (auto v = r.read_int(*n, "repeat", 1, kMaxRepeat))
      step.repeat = static_cast<int>(*v);
    else
      ok = false;
  }
  if (const YamlNode* n = m.get("rest")) {
    if (auto v = r.read_int(*n, "rest", 0, kMaxStepSeconds))
      step.rest = static_cast<int>(*v);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return step;
}

}  // namespace

std::optional<std::vector<model::Step>> read_steps(Reader& r, const YamlNode& node,
                                                   const std::string& owner) {
  if (!r.expect_list(node, "steps")) return std::nullopt;
  std::vector<model::Step> out;
  bool ok = true;
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    const YamlNode& item = node.children[i];
    if (item.type == NodeType::kScalar) {
      out.emplace_back(item.value);
      continue;
    }
    if (item.type == NodeType::kMap) {
      if (auto step = read_timed_step(r, item, fmt::format("step {} of {}", i + 1, owner)))
        out.push_back(std::move(*step));
      else
        ok = false;
      continue;
    }
    r.error(item, fmt::format("each entry of steps must be text or a timed step {{text, "
                              "seconds, …}}, not {}",
                              describe(item)));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

void check_step_time(Reader& r, const YamlNode& node, const model::Technique& t,
                     const std::string& owner) {
  const int max_seconds = t.duration.max * 60;
  bool reported = false;
  for (std::size_t i = 0; i < t.steps.size() && i < node.children.size(); ++i) {
    const model::Step& s = t.steps[i];
    if (s.total_seconds() <= max_seconds) continue;
    r.error(node.children[i],
            fmt::format("step {} of {} takes {} s ({}), more than its duration max of {} min",
                        i + 1, owner, s.total_seconds(), s.timing(), t.duration.max),
            "shorten the hold, or give fewer rounds, or raise duration max");
    reported = true;
  }
  const int total = model::timed_seconds(t.steps);
  if (!reported && total > max_seconds)
    r.error(node,
            fmt::format("the timed steps of {} take {} s in all, more than its duration max of "
                        "{} min",
                        owner, total, t.duration.max),
            "shorten the holds, or give fewer rounds, or raise duration max");
}

}  // namespace mp::library
