#include "service/store/sqlite_database.h"

#include <sqlite3.h>

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

namespace payone::service {
namespace {

// How long a statement waits for another process's lock on the file.
constexpr int kBusyTimeoutMs = 10000;

absl::StatusCode CodeOf(int result) {
  switch (result & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::StatusCode::kUnavailable;
    case SQLITE_CONSTRAINT:
      return absl::StatusCode::kAlreadyExists;
    case SQLITE_FULL:
      return absl::StatusCode::kResourceExhausted;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return absl::StatusCode::kFailedPrecondition;
    default:
      return absl::StatusCode::kInternal;
  }
}

// SQLite's messages name tables and constraints, never bound values.
absl::Status Error(sqlite3* db, int result, absl::string_view what) {
  return absl::Status(CodeOf(result),
                      absl::StrCat("SQLite ", what, ": ", sqlite3_errmsg(db),
                                   " (", sqlite3_errstr(result), ")"));
}

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt** out() { return &stmt_; }
  sqlite3_stmt* get() { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteTransaction : public SqlTransaction {
 public:
  explicit SqliteTransaction(sqlite3* db) : db_(db) {}

  absl::StatusOr<std::vector<SqlRow>> Query(
      absl::string_view sql, absl::Span<const SqlValue> params) override {
    Statement stmt;
    int result = sqlite3_prepare_v2(
        db_, sql.data(), static_cast<int>(sql.size()), stmt.out(), nullptr);
    if (result != SQLITE_OK) return Error(db_, result, "prepare");
    if (stmt.get() == nullptr) return std::vector<SqlRow>();  // blank
    if (absl::Status bound = Bind(stmt.get(), params); !bound.ok()) {
      return bound;
    }
    std::vector<SqlRow> rows;
    while ((result = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      rows.push_back(ReadRow(stmt.get()));
    }
    if (result != SQLITE_DONE) return Error(db_, result, "step");
    return rows;
  }

 private:
  absl::Status Bind(sqlite3_stmt* stmt, absl::Span<const SqlValue> params) {
    for (size_t i = 0; i < params.size(); ++i) {
      // $N is a named parameter to SQLite; unused ones have no index.
      const std::string name = absl::StrCat("$", i + 1);
      const int index = sqlite3_bind_parameter_index(stmt, name.c_str());
      if (index == 0) continue;
      const SqlValue& value = params[i];
      int result = SQLITE_OK;
      switch (value.type()) {
        case SqlValue::Type::kNull:
          result = sqlite3_bind_null(stmt, index);
          break;
        case SqlValue::Type::kInt:
          result = sqlite3_bind_int64(stmt, index, value.integer());
          break;
        case SqlValue::Type::kText:
          result = sqlite3_bind_text64(stmt, index, value.bytes().data(),
                                       value.bytes().size(), SQLITE_STATIC,
                                       SQLITE_UTF8);
          break;
        case SqlValue::Type::kBlob:
          // A zero-length blob must still not be NULL.
          result =
              value.bytes().empty()
                  ? sqlite3_bind_zeroblob(stmt, index, 0)
                  : sqlite3_bind_blob64(stmt, index, value.bytes().data(),
                                        value.bytes().size(), SQLITE_STATIC);
          break;
      }
      if (result != SQLITE_OK) return Error(db_, result, "bind");
    }
    return absl::OkStatus();
  }

  static SqlRow ReadRow(sqlite3_stmt* stmt) {
    std::vector<SqlRow::Cell> cells(sqlite3_column_count(stmt));
    for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
      SqlRow::Cell& cell = cells[i];
      switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_NULL:
          break;
        case SQLITE_INTEGER:
          cell.null = false;
          cell.integer = sqlite3_column_int64(stmt, i);
          break;
        default: {
          cell.null = false;
          const void* data = sqlite3_column_blob(stmt, i);
          const int size = sqlite3_column_bytes(stmt, i);
          if (data != nullptr) {
            cell.bytes.assign(static_cast<const char*>(data), size);
          }
        }
      }
    }
    return SqlRow(std::move(cells));
  }

  sqlite3* db_;
};

class SqliteDatabase : public SqlDatabase {
 public:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  ~SqliteDatabase() override { sqlite3_close_v2(db_); }

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }

  absl::Status InTransaction(
      Serialize serialize,
      absl::FunctionRef<absl::Status(SqlTransaction&)> body) override {
    absl::MutexLock lock(&mu_);
    // Every transaction takes the file's write lock up front, whatever it
    // serialises: transactions of every process run one at a time (so
    // cursors follow commit order), and one that reads before it writes
    // waits for the lock (busy timeout) instead of failing to upgrade a
    // stale read. Within this process the mutex serialises them anyway.
    (void)serialize;
    if (absl::Status status = Exec("BEGIN IMMEDIATE"); !status.ok()) {
      return status;
    }
    SqliteTransaction transaction(db_);
    absl::Status status = body(transaction);
    if (status.ok()) status = Exec("COMMIT");
    if (!status.ok() && !sqlite3_get_autocommit(db_)) {
      (void)Exec("ROLLBACK");
    }
    return status;
  }

  absl::Status Exec(const char* sql) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    const int result = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) return Error(db_, result, sql);
    return absl::OkStatus();
  }

  // Runs a PRAGMA and checks the value it reports back.
  absl::Status Pragma(const char* sql, absl::string_view expected) {
    absl::MutexLock lock(&mu_);
    Statement stmt;
    int result = sqlite3_prepare_v2(db_, sql, -1, stmt.out(), nullptr);
    if (result != SQLITE_OK) return Error(db_, result, sql);
    result = sqlite3_step(stmt.get());
    if (result != SQLITE_ROW && result != SQLITE_DONE) {
      return Error(db_, result, sql);
    }
    if (expected.empty()) return absl::OkStatus();
    const unsigned char* value = sqlite3_column_text(stmt.get(), 0);
    if (result != SQLITE_ROW || value == nullptr ||
        absl::string_view(reinterpret_cast<const char*>(value)) != expected) {
      return absl::FailedPreconditionError(
          absl::StrCat("SQLite refused \"", sql, "\""));
    }
    return absl::OkStatus();
  }

 private:
  absl::Mutex mu_;
  sqlite3* const db_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenSqliteDatabase(
    const std::string& path) {
  sqlite3* db = nullptr;
  const int result = sqlite3_open_v2(
      path.c_str(), &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
      nullptr);
  if (result != SQLITE_OK) {
    absl::Status status =
        db == nullptr
            ? absl::ResourceExhaustedError("SQLite: out of memory")
            : absl::Status(CodeOf(result),
                           absl::StrCat("cannot open SQLite database ", path,
                                        ": ", sqlite3_errmsg(db)));
    sqlite3_close_v2(db);
    return status;
  }
  auto database = std::make_unique<SqliteDatabase>(db);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  for (const auto& [pragma, expected] :
       std::vector<std::pair<const char*, absl::string_view>>{
           {"PRAGMA journal_mode = WAL", "wal"},
           {"PRAGMA synchronous = FULL", ""},
           {"PRAGMA synchronous", "2"},
           {"PRAGMA foreign_keys = ON", ""},
           {"PRAGMA foreign_keys", "1"},
       }) {
    if (absl::Status status = database->Pragma(pragma, expected);
        !status.ok()) {
      return absl::Status(status.code(), absl::StrCat("SQLite database ", path,
                                                      ": ", status.message()));
    }
  }
  return database;
}

}  // namespace payone::service
