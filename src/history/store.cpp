// Opening the history: the folder and file with private permissions, the checks that it is a
// sound history database (leaving any other file exactly as it was), WAL mode, migrations.
#include "history/store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "history/schema.hpp"
#include "history/sqlite.hpp"

namespace mp::history {
namespace {

constexpr int kBusyTimeoutMs = 30000;

[[noreturn]] void cannot_create(const std::string& what, int err) {
  throw Error(ExitCode::kCantCreate,
              fmt::format("cannot create the history '{}': {}", what, std::strerror(err)));
}

// Creates every missing folder of dir with mode 0700: it will hold health data.
void make_private_folder(const std::filesystem::path& dir) {
  if (dir.empty()) return;
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) cannot_create(dir.string(), ENOTDIR);
    return;
  }
  if (errno != ENOENT) cannot_create(dir.string(), errno);
  make_private_folder(dir.parent_path());
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) cannot_create(dir.string(), errno);
  ::chmod(dir.c_str(), 0700);  // whatever the umask
}

// Creates the file 0600 unless it exists (another process may create it at the same moment).
void make_private_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    cannot_create(path, errno);
  }
  ::fchmod(fd, 0600);
  ::close(fd);
}

}  // namespace

Store::Store(const std::string& path, OpenMode mode) { open_checked(path, mode); }

Store::~Store() = default;

void Store::open_checked(const std::string& path, OpenMode mode) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool exists = fs::exists(path, ec);
  write_ = mode == OpenMode::kWrite;
  if (!exists && !write_) {
    // Nothing recorded yet: an empty history in memory, so reading never creates a file.
    db_ = std::make_unique<Connection>(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    migrate();
    return;
  }
  if (!exists) {
    make_private_folder(fs::path(path).parent_path());
    make_private_file(path);
  } else if (fs::is_directory(path, ec)) {
    throw Error(ExitCode::kIoErr, fmt::format("the history '{}' is a folder, not a file", path),
                "name a file with --history FILE");
  }
  db_ = std::make_unique<Connection>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
  sqlite3_busy_timeout(db_->handle(), kBusyTimeoutMs);
  // Keep the -wal file and skip the checkpoint when a command ends: creating, syncing and
  // deleting them every time cost three fsyncs a command. SQLite checkpoints on its own once
  // the log holds 1000 pages.
  int persist = 1;
  sqlite3_file_control(db_->handle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  sqlite3_db_config(db_->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  // Only reads until the file is known to be ours and sound: a wrong or damaged file must be
  // left byte for byte as it was.
  // One read transaction for the three, so they see one state of the file: read one by one,
  // another process creating the schema in between made a new history look like someone
  // else's database (application_id still 0, tables already there).
  long long app = 0;
  long long version = 0;
  long long objects = 0;
  run_transaction(false, [&] {
    app = db_->scalar("PRAGMA application_id");
    version = db_->scalar("PRAGMA user_version");
    objects = db_->scalar("SELECT count(*) FROM sqlite_schema");
  });
  if (app != kApplicationId && !(app == 0 && objects == 0))
    throw Error(
        ExitCode::kIoErr,
        fmt::format("'{}' is not a history database (it is some other SQLite database)", path),
        "name another file with --history FILE; this one is left as it is");
  if (version > kSchemaVersion)
    throw Error(ExitCode::kIoErr,
                fmt::format("the history '{}' was written by a newer massage-plan (schema "
                            "version {}; this one knows up to {})",
                            path, version, kSchemaVersion),
                "update massage-plan; the file is left as it is");
  if (objects > 0) {
    std::string check = db_->text("PRAGMA quick_check(1)");
    if (check != "ok")
      throw Error(ExitCode::kIoErr, fmt::format("the history '{}' is damaged ({})", path, check),
                  "restore it from a backup; the file is left as it is");
  }
  // Switching to WAL upgrades the statement's read lock, and SQLite answers BUSY at once rather
  // than wait (the busy handler could deadlock there): several processes opening a new history
  // at the same moment all try it, so it is tried again, within the same timeout.
  if (db_->text("PRAGMA journal_mode") != "wal")
    db_->exec_retrying("PRAGMA journal_mode=WAL", kBusyTimeoutMs);
  // FULL: each commit syncs the log once, so an entry whose command exited 0 survives a crash
  // of the program and of the machine (docs/history.md).
  db_->exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
  migrate();
}

void Store::migrate() {
  if (db_->scalar("PRAGMA user_version") == kSchemaVersion &&
      db_->scalar("PRAGMA application_id") == kApplicationId)
    return;
  run_transaction(true, [&] {
    // Read again inside the write lock: another process may have migrated meanwhile.
    auto version = static_cast<std::size_t>(db_->scalar("PRAGMA user_version"));
    for (std::size_t v = version; v < kMigrations.size(); ++v) db_->exec(kMigrations[v]);
    db_->exec(fmt::format("PRAGMA user_version={}; PRAGMA application_id={}", kSchemaVersion,
                          kApplicationId)
                  .c_str());
  });
}

void Store::transaction(const std::function<void()>& fn) { run_transaction(write_, fn); }

void Store::run_transaction(bool write, const std::function<void()>& fn) {
  // IMMEDIATE takes the write lock at once, so the busy timeout applies and two writers never
  // deadlock upgrading a read lock; a reader gets one consistent snapshot.
  db_->exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
  try {
    fn();
    db_->exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace mp::history
