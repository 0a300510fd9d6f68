#include "history/sqlite.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mp::history {

Connection::Connection(const std::string& path, int flags) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ExitCode::kIoErr, fmt::format("cannot open the history '{}': {}", path, why));
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::fail(int rc) const {
  const char* why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  int primary = rc & 0xff;
  if (primary == SQLITE_NOTADB)
    throw Error(ExitCode::kIoErr, fmt::format("'{}' is not a history database ({})", path_, why),
                "name another file with --history FILE; this one is left as it is");
  if (primary == SQLITE_CORRUPT)
    throw Error(ExitCode::kIoErr, fmt::format("the history '{}' is damaged ({})", path_, why),
                "restore it from a backup; the file is left as it is");
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_PERM)
    throw Error(ExitCode::kCantCreate,
                fmt::format("cannot write the history '{}': {}", path_, why));
  throw Error(ExitCode::kIoErr, fmt::format("the history '{}': {}", path_, why));
}

void Connection::exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc);
}

void Connection::exec_retrying(const char* sql, int timeout_ms) {
  // Short waits first (the other process usually holds the lock for a millisecond or two),
  // then longer ones; the sum of the waits is bounded by timeout_ms.
  int waited = 0;
  int pause = 1;
  for (;;) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if ((rc & 0xff) != SQLITE_BUSY || waited >= timeout_ms) fail(rc);
    sqlite3_sleep(pause);
    waited += pause;
    pause = std::min(pause * 2, 100);
  }
}

long long Connection::scalar(const char* sql) {
  Statement s(*this, sql);
  return s.step() ? s.integer(0) : 0;
}

std::string Connection::text(const char* sql) {
  Statement s(*this, sql);
  return s.step() ? s.text(0) : std::string();
}

Statement::Statement(Connection& db, std::string_view sql) : db_(db) {
  int rc =
      sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, long long value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) db_.fail(rc);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) db_.fail(rc);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail(rc);
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) db_.fail(rc);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

long long Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

}  // namespace mp::history
