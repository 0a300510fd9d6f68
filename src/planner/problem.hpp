#pragma once
// The planning problem as the search sees it: the horizon, the sessions and the usable
// techniques, indexed and precomputed once (planner internals).
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "planner/planner.hpp"
#include "planner/score_model.hpp"

namespace mp::planner::detail {

/// Gains below this count as ties or as no gain at all; the score lives in [0, 1].
constexpr double kEps = 1e-12;
/// Libraries with more usable techniques than this are pruned to the best per goal.
constexpr std::size_t kPruneAbove = 256;
/// Local search looks at every candidate up to this many, else at a short list.
constexpr std::size_t kFullNeighbourhood = 48;

/// A step of a deterministic random sequence (splitmix64): the seed's only source of chance.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// A gain per minute as an integer, so that near-equal gains tie exactly and the tie-breaks
/// (variety, time of day) decide.
/// (std::llround, inline: half away from zero. Below 2^52 in magnitude a double's integer part
/// and fraction are exact, so the result is llround's; the search quantises millions of gains.)
inline std::int64_t quantise(double rate) {
  const double y = rate * 1e13;
  if (!(std::fabs(y) < 0x1p52)) return std::llround(y);
  auto whole = static_cast<std::int64_t>(y);  // toward zero
  const double frac = y - static_cast<double>(whole);
  if (frac >= 0.5) ++whole;
  if (frac <= -0.5) --whole;
  return whole;
}

/// A usable technique, with what the search needs of it.
struct Tech {
  const model::Technique* def = nullptr;
  std::vector<std::pair<int, double>> w;  ///< (goal index, weight) for the profile's goals
  int min = 1;
  int max = 1;
  int per_week = 7;
  int rest = 1;  ///< least days between uses
  bool therapist = false;
  double value = 0;  ///< priority-weighted weight per minute, for pruning and short lists
  int rank = 0;      ///< seeded position among equal candidates (variety)
};

/// One technique planned for some minutes in a slot.
struct Item {
  int tech = 0;
  int minutes = 0;
};

/// A pinned routine on one plan day, with the steps that may be done.
struct Pinned {
  int day = 0;
  int start = 0;
  const model::Routine* routine = nullptr;
  std::vector<std::pair<const model::Technique*, int>> steps;  ///< (technique, minutes)
  std::vector<int> techs;  ///< per step: its index into Problem::techs
};

/// Everything fixed about one planning problem, precomputed once.
struct Problem {
  ScoreModel score;  ///< days, week blocks, goals, self-care days, targets and weights
  std::vector<int> weekday;
  std::vector<char> proday;
  int slots = 0;
  std::vector<int> slot_cap;
  std::vector<int> slot_start;
  int day_minutes = 0;  ///< Σ slot_cap: a self-care day's minutes
  std::vector<Tech> techs;
  std::vector<int> pool;       ///< self-care candidates (indices into techs)
  std::vector<int> shortlist;  ///< candidates local search tries
  std::vector<int> pros;       ///< therapist candidates
  int pro_minutes = 0;
  int pro_per_week = 0;
  int pro_start = 0;
  std::uint64_t seed = 0;
  std::vector<int> week_turn;  ///< per week block: the ISO week of its first day (tie())

  // The set-up's record of the library, for emit and explain.
  std::vector<int> tech_of;            ///< per library technique: index into techs, or -1
  std::vector<std::string> reason_of;  ///< per library technique: why it is not eligible, or ""
  std::vector<Pinned> pinned;

  [[nodiscard]] const Tech& tech(int t) const { return techs[static_cast<std::size_t>(t)]; }
  [[nodiscard]] bool selfcare(int d) const { return score.selfcare(d); }
  [[nodiscard]] bool pro_day(int d) const { return proday[static_cast<std::size_t>(d)] != 0; }
  [[nodiscard]] int cap(int s) const { return slot_cap[static_cast<std::size_t>(s)]; }
  [[nodiscard]] int start(int s) const { return slot_start[static_cast<std::size_t>(s)]; }
};

/// +1 when t likes a slot starting at slot_start (morning or evening), -1 when it does not, 0
/// when it does not mind.
int preference(const Tech& t, int slot_start);

/// Higher is preferred among equal gains: rotates the seeded order by day and by the ISO week of
/// the day's block (v3), so that equal techniques take turns across days and weeks, and the
/// same week planned again a week later starts elsewhere.
inline int tie(const Problem& p, int t, int d) {
  const int n = static_cast<int>(p.techs.size());
  const int r = p.tech(t).rank;
  return -(((r - d - p.week_turn[static_cast<std::size_t>(d / 7)]) % n + n) % n);
}

/// M, the minutes of a horizon for the adaptation term (score_model.hpp): its self-care days'
/// session minutes plus the professional visits its blocks allow.
double horizon_minutes(const model::Profile& profile, const std::vector<char>& selfcare,
                       const std::vector<char>& proday);

/// The self-care sessions of a profile that have minutes, in start order.
std::vector<model::SessionSlot> usable_slots(const model::Profile& profile);

/// Sets up the problem: goals, days, slots, the eligible techniques (with the reason for each
/// one that is not), pinned routines and the seeded variety order. Routine steps that cannot
/// be done are left out with a warning. Throws PlanError(kNothingEligible) when nothing at all
/// can be planned. The profile's ids must be known to the library.
Problem set_up(const model::Library& library, const model::Profile& profile,
               const PlanRequest& request, std::vector<std::string>& warnings);

/// The steps of a routine that may be done, with warnings for those left out.
std::vector<std::pair<const model::Technique*, int>> usable_steps(
    const model::Routine& routine, const model::Library& library, const model::Profile& profile,
    std::vector<std::string>& warnings);

}  // namespace mp::planner::detail
