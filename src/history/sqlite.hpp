#pragma once
// A thin RAII layer over SQLite's C API. Every failure becomes an mp::Error that names the
// database file and says what went wrong in SQLite's words.
#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace mp::history {

/// One open connection to a database file.
class Connection {
 public:
  /// Opens path (SQLITE_OPEN_* flags); throws Error(kIoErr) naming the file when it cannot.
  Connection(const std::string& path, int flags);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs one or more statements that return no rows.
  void exec(const char* sql);
  /// exec, tried again while SQLite answers SQLITE_BUSY, for up to timeout_ms in all. For the
  /// statements where SQLite does not call the busy handler (switching the journal mode: it
  /// would upgrade a read lock another connection may also hold).
  void exec_retrying(const char* sql, int timeout_ms);
  /// The first column of the first row of sql as an integer (0 when there is no row).
  long long scalar(const char* sql);
  /// The first column of the first row of sql as text (empty when there is no row).
  std::string text(const char* sql);
  /// Throws the error for SQLite status rc on this connection (never returns).
  [[noreturn]] void fail(int rc) const;
  [[nodiscard]] sqlite3* handle() const { return db_; }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// A prepared statement: bind, step, read columns. Reset by the destructor.
class Statement {
 public:
  Statement(Connection& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, long long value);
  Statement& bind(int index, int value) { return bind(index, static_cast<long long>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind_null(int index);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  /// Advances to the next row; false when there is none.
  bool step();
  /// Runs a statement that returns no rows, then resets it for another use.
  void run();
  void reset();
  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] long long integer(int column) const;
  [[nodiscard]] double real(int column) const;
  [[nodiscard]] std::string text(int column) const;
  template <class T>
  [[nodiscard]] std::optional<T> optional(int column) const {
    if (is_null(column)) return std::nullopt;
    return static_cast<T>(integer(column));
  }

 private:
  Connection& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace mp::history
