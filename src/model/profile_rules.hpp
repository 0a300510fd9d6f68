#pragma once
#include <vector>

#include "model/error.hpp"
#include "model/profile.hpp"

namespace mp::model {

/// The one check of the rules a whole profile must keep, wherever it came from (a file, a plan's
/// JSON, command-line flags): at least one weekday and one session, at most
/// kMaxSessionsPerDay sessions, each within its day and none overlapping another, priorities and
/// professional sessions in range. Each problem is located where the offending part was read
/// (empty for a flag, which renders as "massage-plan: error: …"). Empty when all is well.
std::vector<Diagnostic> check_profile(const Profile& profile);

}  // namespace mp::model
