#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/history.hpp"
#include "model/plan.hpp"

namespace mp::history {

class Connection;

/// The schema version this build writes (PRAGMA user_version); older files are migrated.
inline constexpr int kSchemaVersion = 3;
/// PRAGMA application_id of a history database ("mplh"), so another SQLite file is refused.
inline constexpr int kApplicationId = 0x6d706c68;

/// Whether a command may create the history file.
enum class OpenMode {
  kRead,   ///< a missing file reads as an empty history (nothing is created)
  kWrite,  ///< a missing file is created: folder 0700, file 0600
};

/// What `plan --save` did.
struct SaveResult {
  int saved = 0;  ///< sessions stored
  int kept = 0;   ///< sessions of the new plan left out: on a day already past, or marked
};

/// The history database (SQLite, WAL mode). Errors are mp::Error naming the file:
/// 74 (not a history database, damaged, newer schema), 73 (cannot create or write).
class Store {
 public:
  /// Opens path, checks that it is a sound history database and migrates an older schema.
  Store(const std::string& path, OpenMode mode);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// Runs fn as one transaction (a write one when opened kWrite): committed when fn returns,
  /// rolled back when it throws.
  void transaction(const std::function<void()>& fn);

  /// Stores plan as the current plan: from max(plan start, today) on it replaces the stored
  /// sessions that no entry marks; before that it only fills days that hold no session.
  SaveResult save_plan(const model::Plan& plan, model::Date today);
  /// Saved sessions with from <= date <= to (no lower bound when from is empty), in time order.
  std::vector<model::SavedSession> sessions(std::optional<model::Date> from, model::Date to);
  /// One saved session by id.
  std::optional<model::SavedSession> session(long long id);
  /// Entries with from <= date <= to, oldest first.
  std::vector<model::Entry> entries(std::optional<model::Date> from, model::Date to);
  /// Every pause (v3), whatever its days, oldest first.
  std::vector<model::Entry> pauses();
  /// The sessions of day that an entry marks already.
  std::set<long long> marked_sessions(model::Date day);
  /// Adds entry (its id is set) with its techniques.
  void add_entry(model::Entry& entry);
  /// Sets the rating of the entry with id (a guided session asks for it after recording).
  void set_rating(long long entry_id, int rating);
  /// Removes the newest entry and returns it; empty when there is none.
  std::optional<model::Entry> remove_last_entry();
  /// The goals of every saved plan's profile, first seen first.
  std::vector<std::string> plan_goals();
  /// The goals, with priorities, of the plan saved last (v3 `agenda`); empty when none was.
  std::vector<model::GoalPriority> latest_plan_goals();
  /// Whether any plan was ever saved.
  bool has_plan();

 private:
  void open_checked(const std::string& path, OpenMode mode);
  void migrate();
  void run_transaction(bool write, const std::function<void()>& fn);
  std::unique_ptr<Connection> db_;
  bool write_ = false;
};

}  // namespace mp::history
