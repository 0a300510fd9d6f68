#include "model/step.hpp"

#include <fmt/format.h>

namespace mp::model {

int Step::parts() const {
  if (!timed()) return 0;
  return repeat * (sides == Sides::kBoth ? 2 : 1);
}

int Step::total_seconds() const {
  if (!timed()) return 0;
  return parts() * seconds + (parts() - 1) * rest;
}

std::string Step::timing(bool with_rest) const {
  if (!timed()) return {};
  std::string s = fmt::format("{} s", seconds);
  if (sides == Sides::kBoth) s += ", each side";
  if (repeat > 1) s += fmt::format(", {} rounds", repeat);
  if (with_rest && rest > 0 && parts() > 1) s += fmt::format(", {} s rest", rest);
  return s;
}

std::string Step::line() const {
  if (!timed()) return text;
  return fmt::format("{} ({})", text, timing(false));
}

int timed_seconds(const std::vector<Step>& steps) {
  int total = 0;
  for (const auto& s : steps) total += s.total_seconds();
  return total;
}

}  // namespace mp::model
