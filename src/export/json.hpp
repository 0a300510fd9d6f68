#pragma once
// JSON pieces other commands may reuse (e.g. `list --format json`, `init`).
#include "export/json_writer.hpp"
#include "model/profile.hpp"

namespace mp::exporter {

/// The schema id written in every plan document.
inline constexpr std::string_view kPlanSchemaId = "massage-plan/plan@1";

/// Writes a profile as a JSON object with exactly the profile YAML keys of SPEC §3, so it loads
/// back as a profile: goals, weekdays, sessions, conditions, equipment, professional (only when
/// set), routines, timezone (only when set).
void write_profile_json(JsonWriter& json, const model::Profile& profile);
/// Writes the switched-on weekdays as ["mon", …].
void write_weekdays_json(JsonWriter& json, const model::WeekdaySet& weekdays);

}  // namespace mp::exporter
