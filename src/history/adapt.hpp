#pragma once
#include <string>
#include <vector>

#include "model/adaptation.hpp"
#include "model/history.hpp"

namespace mp::history {

/// The window `plan --adapt` learns from: the four weeks before the plan's first day.
inline constexpr int kAdaptWindowDays = 28;
/// A technique skipped in at least half of its planned uses (and at least this many) ...
inline constexpr int kMinPlannedUses = 2;
/// ... is planned less: its goal weights are multiplied by this.
inline constexpr double kSkippedFactor = 0.5;
/// A technique rated 4–5 on average (1–5, how helpful) is planned more.
inline constexpr double kHelpfulFactor = 1.25;
/// A symptom whose weekly mean rose by this much over two weeks gets a note to see a clinician.
inline constexpr double kSymptomRise = 2.0;

/// The adaptations the rules of docs/planning.md ("Learning from the history") derive from
/// the sessions and entries dated in [from, to], sorted by technique. Pure.
std::vector<model::Adaptation> adapt(const std::vector<model::SavedSession>& sessions,
                                     const std::vector<model::Entry>& entries, model::Date from,
                                     model::Date to);

/// v3: advice on session times. A self-care session time (slot) skipped — the whole session, or
/// every item of it — in at least half of its planned uses (and at least kMinPlannedUses) in
/// [from, to] gets one line saying so and suggesting another time: the time whose sessions were
/// skipped least, when one was skipped in under half its uses, else any other time of day.
/// Nothing is moved. In slot order. Pure.
std::vector<std::string> slot_advice(const std::vector<model::SavedSession>& sessions,
                                     const std::vector<model::Entry>& entries, model::Date from,
                                     model::Date to);

/// A symptom whose mean over the last 7 days to `today` is kSymptomRise or more above its
/// mean over the 7 days two weeks earlier.
struct SymptomRise {
  std::string symptom;  ///< "pain", "headache" or "stress"
  double before = 0;
  double now = 0;
};

/// Every symptom that rose so (check-ins dated up to today). Pure.
std::vector<SymptomRise> symptom_rises(const std::vector<model::Entry>& entries, model::Date today);

}  // namespace mp::history
