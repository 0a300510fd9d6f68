#include "planner/constraints.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "model/calendar.hpp"
#include "planner/eligibility.hpp"

namespace mp::planner {

int rest_days(double min_rest_hours) {
  if (!(min_rest_hours > 0)) return 1;
  // Guard the conversion: a rest longer than ten years is as good as "never twice".
  const double days = std::ceil(std::min(min_rest_hours, 24.0 * 3660) / 24.0);
  return std::max(1, static_cast<int>(days));
}

namespace {

std::string weekday_name(int wd) {
  return wd >= 0 && wd < 7 ? std::string(model::kWeekdayNames[static_cast<std::size_t>(wd)])
                           : fmt::format("weekday {}", wd);
}

}  // namespace

std::vector<std::string> check_constraints(const model::Plan& plan, const model::Library& library) {
  std::vector<std::string> out;
  const model::Profile& profile = plan.profile;
  const int days = static_cast<int>(plan.plan.size());
  if (days != plan.days)
    out.push_back(fmt::format("the plan lists {} days but says it covers {}", days, plan.days));

  // technique id -> the day index of every use (with repeats).
  std::map<std::string, std::vector<int>> uses;
  std::vector<int> professional_per_day(static_cast<std::size_t>(days), 0);

  for (int d = 0; d < days; ++d) {
    const auto& day = plan.plan[static_cast<std::size_t>(d)];
    const std::string date = model::format_date(day.date);
    if (day.date != model::add_days(plan.start, d))
      out.push_back(fmt::format("{}: expected day {} of the plan to be {}", date, d + 1,
                                model::format_date(model::add_days(plan.start, d))));
    if (day.weekday != model::weekday_of(day.date))
      out.push_back(fmt::format("{}: weekday says {} but the date is a {}", date,
                                weekday_name(day.weekday),
                                weekday_name(model::weekday_of(day.date))));
    const int wd = model::weekday_of(day.date);

    // Self-care minutes per slot start time, to compare with the slots that start then.
    std::map<int, int> self_minutes;
    for (const auto& session : day.sessions) {
      const std::string where = date + " " + model::format_time(session.start_minute);
      int minutes = 0;
      for (const auto& item : session.items) minutes += item.minutes;

      if (session.kind == model::SessionKind::kSelf) {
        if (!profile.weekdays[static_cast<std::size_t>(wd)])
          out.push_back(fmt::format("{}: self-care session on {}, which is not a self-care day",
                                    where, weekday_name(wd)));
        self_minutes[session.start_minute] += minutes;
      } else if (session.kind == model::SessionKind::kProfessional) {
        ++professional_per_day[static_cast<std::size_t>(d)];
        if (!profile.professional) {
          out.push_back(fmt::format("{}: professional session, but the profile has none", where));
        } else {
          if (!profile.professional->weekdays[static_cast<std::size_t>(wd)])
            out.push_back(fmt::format("{}: professional session on {}, not a professional day",
                                      where, weekday_name(wd)));
          if (session.items.size() != 1 || minutes != profile.professional->minutes)
            out.push_back(
                fmt::format("{}: a professional session holds one technique for {} minutes, not {} "
                            "item(s) for {} minutes",
                            where, profile.professional->minutes, session.items.size(), minutes));
        }
      }

      for (const auto& item : session.items) {
        const model::Technique* t = library.find_technique(item.technique);
        if (t == nullptr) {
          out.push_back(fmt::format("{}: unknown technique '{}'", where, item.technique));
          continue;
        }
        uses[item.technique].push_back(d);
        const bool therapist = t->performer == model::Performer::kTherapist;
        if (therapist && session.kind != model::SessionKind::kProfessional)
          out.push_back(fmt::format(
              "{}: professional technique '{}' outside a professional session", where, t->id));
        if (!therapist && session.kind == model::SessionKind::kProfessional)
          out.push_back(fmt::format("{}: '{}' is not a professional technique", where, t->id));
        if (item.minutes < t->duration.min || item.minutes > t->duration.max)
          out.push_back(fmt::format("{}: '{}' for {} minutes is outside its range {}..{}", where,
                                    t->id, item.minutes, t->duration.min, t->duration.max));
        for (const auto& problem : safety_problems(*t, profile))
          out.push_back(problem.kind == SafetyProblem::Kind::kContraindicated
                            ? fmt::format("{}: '{}' is {}", where, t->id, problem.reason())
                            : fmt::format("{}: '{}' {}, which the profile does not list", where,
                                          t->id, problem.reason()));
      }
    }
    for (const auto& [start, minutes] : self_minutes) {
      int allowed = 0;
      bool found = false;
      for (const auto& slot : profile.sessions)
        if (slot.start_minute == start) {
          allowed += slot.minutes;
          found = true;
        }
      const std::string where = date + " " + model::format_time(start);
      if (!found)
        out.push_back(fmt::format("{}: no self-care session starts at this time", where));
      else if (minutes > allowed)
        out.push_back(
            fmt::format("{}: {} minutes planned in a {}-minute session", where, minutes, allowed));
    }
    if (professional_per_day[static_cast<std::size_t>(d)] > 1)
      out.push_back(fmt::format("{}: {} professional sessions on one day (at most one)", date,
                                professional_per_day[static_cast<std::size_t>(d)]));
  }

  const int blocks = block_count(days);
  auto block_label = [&](int k) {
    const WeekBlock block = week_block(k, days);
    return fmt::format("{}..{}", model::format_date(model::add_days(plan.start, block.first)),
                       model::format_date(model::add_days(plan.start, block.end() - 1)));
  };
  if (profile.professional) {
    for (int k = 0; k < blocks; ++k) {
      const WeekBlock block = week_block(k, days);
      int count = 0;
      for (int d = block.first; d < block.end(); ++d)
        count += professional_per_day[static_cast<std::size_t>(d)];
      const int cap = block_cap(profile.professional->sessions_per_week, block.days);
      if (count > cap)
        out.push_back(fmt::format("{}: {} professional sessions, more than the {} allowed",
                                  block_label(k), count, cap));
    }
  }

  for (auto& [id, list] : uses) {
    const model::Technique* t = library.find_technique(id);
    std::sort(list.begin(), list.end());
    for (std::size_t i = 0; i < list.size();) {
      std::size_t j = i;
      while (j < list.size() && list[j] == list[i]) ++j;
      if (j - i > 1)
        out.push_back(fmt::format("{}: '{}' appears {} times (at most once a day)",
                                  model::format_date(model::add_days(plan.start, list[i])), id,
                                  j - i));
      i = j;
    }
    for (int k = 0; k < blocks; ++k) {
      const WeekBlock block = week_block(k, days);
      const auto count = std::count_if(list.begin(), list.end(),
                                       [&](int d) { return d >= block.first && d < block.end(); });
      const int cap = block_cap(t->frequency.max_per_week, block.days);
      if (count > cap)
        out.push_back(
            fmt::format("{}: '{}' used {} times, more than its cap of {} (max_per_week {})",
                        block_label(k), id, count, cap, t->frequency.max_per_week));
    }
    const int gap = rest_days(t->frequency.min_rest_hours);
    if (gap > 1) {
      for (std::size_t i = 1; i < list.size(); ++i) {
        if (list[i] == list[i - 1]) continue;
        if (list[i] - list[i - 1] < gap)
          out.push_back(
              fmt::format("{} and {}: '{}' used {} day(s) apart; its rest rule ({} hours) needs {}",
                          model::format_date(model::add_days(plan.start, list[i - 1])),
                          model::format_date(model::add_days(plan.start, list[i])), id,
                          list[i] - list[i - 1], t->frequency.min_rest_hours, gap));
      }
    }
  }
  return out;
}

}  // namespace mp::planner
