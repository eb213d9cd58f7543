#include "service/store/sqlite_database.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

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

// A prepared statement and where its parameters are: index[i] is SQLite's
// index of $<i+1>, 0 when the statement does not use it.
struct Prepared {
  sqlite3_stmt* stmt = nullptr;
  std::vector<int> index;
};

// One SQLite connection and its prepared statements: the ledger runs the
// same few statements over and over, so each is parsed, and its parameters
// looked up by name, once per connection.
class Connection {
 public:
  explicit Connection(sqlite3* db) : db_(db) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    for (auto& [sql, prepared] : statements_) {
      sqlite3_finalize(prepared.stmt);
    }
    sqlite3_close_v2(db_);
  }

  sqlite3* db() const { return db_; }

  // Null for a blank statement (not worth caching: it prepares to null).
  absl::StatusOr<const Prepared*> Prepare(absl::string_view sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return &it->second;
    Prepared prepared;
    const int result = sqlite3_prepare_v2(
        db_, sql.data(), static_cast<int>(sql.size()), &prepared.stmt, nullptr);
    if (result != SQLITE_OK) return Error(db_, result, "prepare");
    if (prepared.stmt == nullptr) return nullptr;
    const int count = sqlite3_bind_parameter_count(prepared.stmt);
    for (int i = 1; i <= count; ++i) {
      // $N is a named parameter to SQLite: a repeated one has one index.
      const char* name = sqlite3_bind_parameter_name(prepared.stmt, i);
      int n = 0;
      if (name == nullptr || name[0] != '$' ||
          !absl::SimpleAtoi(name + 1, &n) || n < 1) {
        continue;
      }
      if (static_cast<int>(prepared.index.size()) < n) {
        prepared.index.resize(n, 0);
      }
      prepared.index[n - 1] = i;
    }
    return &statements_.emplace(std::string(sql), std::move(prepared))
                .first->second;
  }

  absl::Status Exec(const char* sql) {
    const int result = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) return Error(db_, result, sql);
    return absl::OkStatus();
  }

 private:
  sqlite3* const db_;
  // node_hash_map: Prepared entries are handed out by address.
  absl::node_hash_map<std::string, Prepared> statements_;
};

// Resets a cached statement for its next use, whatever happened.
class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* stmt) : stmt_(stmt) {}
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  ~StatementUse() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_;
};

class SqliteTransaction : public SqlTransaction {
 public:
  explicit SqliteTransaction(Connection* connection)
      : connection_(connection), db_(connection->db()) {}

  absl::StatusOr<std::vector<SqlRow>> Query(
      absl::string_view sql, absl::Span<const SqlValue> params) override {
    absl::StatusOr<const Prepared*> prepared = connection_->Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    if (*prepared == nullptr) return std::vector<SqlRow>();  // blank
    sqlite3_stmt* const stmt = (*prepared)->stmt;
    StatementUse use(stmt);
    if (absl::Status bound = Bind(**prepared, params); !bound.ok()) {
      return bound;
    }
    std::vector<SqlRow> rows;
    int result;
    while ((result = sqlite3_step(stmt)) == SQLITE_ROW) {
      rows.push_back(ReadRow(stmt));
    }
    if (result != SQLITE_DONE) return Error(db_, result, "step");
    return rows;
  }

  absl::Status Execute(const std::string& sql) override {
    // SAVEPOINT, RELEASE and ROLLBACK TO: prepared once, like the rest.
    return Query(sql, {}).status();
  }

  absl::StatusOr<int64_t> Change(absl::string_view sql,
                                 absl::Span<const SqlValue> params) override {
    if (absl::Status ran = Query(sql, params).status(); !ran.ok()) return ran;
    return sqlite3_changes64(db_);
  }

  // One cached statement per table, the id read back from the connection:
  // RETURNING would build (and allocate, and page-fault in) a temporary
  // table on every run. `into`'s id is its rowid (INTEGER PRIMARY KEY).
  absl::Status InsertReturningId(
      std::string into, std::vector<OwnedValue> row,
      std::function<void(int64_t)> inserted) override {
    std::vector<SqlValue> params;
    const std::string sql =
        InsertValuesStatement(into, absl::MakeConstSpan(&row, 1), params);
    if (absl::Status ran = Query(sql, params).status(); !ran.ok()) return ran;
    inserted(sqlite3_last_insert_rowid(db_));
    return absl::OkStatus();
  }

  // As InsertReturningId; `returning` is `into`'s rowid, and no change
  // means the key was there.
  absl::Status InsertUnlessPresent(
      std::string into, std::string key, std::string /*returning*/,
      std::vector<OwnedValue> row,
      std::function<void(std::optional<int64_t>)> inserted) override {
    std::vector<SqlValue> params;
    std::string sql =
        InsertValuesStatement(into, absl::MakeConstSpan(&row, 1), params);
    absl::StrAppend(&sql, " ON CONFLICT (", key, ") DO NOTHING");
    absl::StatusOr<int64_t> changed = Change(sql, params);
    if (!changed.ok()) return changed.status();
    inserted(*changed == 0
                 ? std::nullopt
                 : std::optional<int64_t>(sqlite3_last_insert_rowid(db_)));
    return absl::OkStatus();
  }

  bool round_trips() const override { return false; }

 private:
  absl::Status Bind(const Prepared& prepared,
                    absl::Span<const SqlValue> params) {
    sqlite3_stmt* const stmt = prepared.stmt;
    const size_t used = std::min(params.size(), prepared.index.size());
    for (size_t i = 0; i < used; ++i) {
      const int index = prepared.index[i];
      if (index == 0) continue;  // $<i+1> is not in this statement
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

  Connection* connection_;
  sqlite3* db_;
};

absl::StatusOr<std::unique_ptr<Connection>> OpenConnection(
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
  auto connection = std::make_unique<Connection>(db);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  return connection;
}

// Runs a PRAGMA and checks the value it reports back.
absl::Status Pragma(Connection& connection, const char* sql,
                    absl::string_view expected) {
  sqlite3* db = connection.db();
  sqlite3_stmt* raw = nullptr;
  int result = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw,
                                                             sqlite3_finalize);
  if (result != SQLITE_OK) return Error(db, result, sql);
  result = sqlite3_step(stmt.get());
  // Connections switching one new file to WAL at once (replicas starting
  // together) get SQLITE_BUSY without SQLite calling the busy handler, which
  // would deadlock them: wait as the handler would, lock released between.
  const absl::Time give_up = absl::Now() + absl::Milliseconds(kBusyTimeoutMs);
  while ((result & 0xff) == SQLITE_BUSY && absl::Now() < give_up) {
    sqlite3_reset(stmt.get());
    absl::SleepFor(absl::Milliseconds(1));
    result = sqlite3_step(stmt.get());
  }
  if (result != SQLITE_ROW && result != SQLITE_DONE) {
    return Error(db, result, sql);
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

// Readers beside the one writer: WAL lets them read their snapshot while it
// commits.
constexpr int kReaders = 4;

class SqliteDatabase : public SqlDatabase {
 public:
  SqliteDatabase(std::string path, std::unique_ptr<Connection> writer)
      : path_(std::move(path)), writer_(std::move(writer)) {}

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  int max_concurrency() const override { return 1 + kReaders; }

  absl::Status InTransaction(
      const TransactionOptions& options,
      absl::FunctionRef<absl::Status(SqlTransaction&)> body) override {
    if (options.read_only) return Read(body);
    absl::MutexLock lock(&writer_mu_);
    // Every write transaction takes the file's write lock up front, whatever
    // it locks: transactions of every process run one at a time (so cursors
    // follow commit order, and `options.locks` hold trivially), and one that
    // reads before it writes waits for the lock (busy timeout) instead of
    // failing to upgrade a stale read.
    return Run(*writer_, "BEGIN IMMEDIATE", body);
  }

 private:
  absl::Status Read(absl::FunctionRef<absl::Status(SqlTransaction&)> body) {
    absl::StatusOr<std::unique_ptr<Connection>> reader = AcquireReader();
    if (!reader.ok()) return reader.status();
    absl::Status status = Run(**reader, "BEGIN", body);
    ReleaseReader(*std::move(reader));
    return status;
  }

  static absl::Status Run(
      Connection& connection, const char* begin,
      absl::FunctionRef<absl::Status(SqlTransaction&)> body) {
    if (absl::Status status = connection.Exec(begin); !status.ok()) {
      return status;
    }
    SqliteTransaction transaction(&connection);
    absl::Status status = body(transaction);
    if (status.ok()) status = connection.Exec("COMMIT");
    if (!status.ok() && !sqlite3_get_autocommit(connection.db())) {
      (void)connection.Exec("ROLLBACK");
    }
    return status;
  }

  absl::StatusOr<std::unique_ptr<Connection>> AcquireReader() {
    {
      absl::MutexLock lock(&readers_mu_);
      readers_mu_.Await(absl::Condition(
          +[](SqliteDatabase* self)
               ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->readers_mu_) {
                 return !self->idle_readers_.empty() ||
                        self->open_readers_ < kReaders;
               },
          this));
      if (!idle_readers_.empty()) {
        std::unique_ptr<Connection> reader = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return reader;
      }
      ++open_readers_;
    }
    absl::StatusOr<std::unique_ptr<Connection>> reader = OpenConnection(path_);
    if (!reader.ok()) {
      absl::MutexLock lock(&readers_mu_);
      --open_readers_;
    }
    return reader;
  }

  void ReleaseReader(std::unique_ptr<Connection> reader) {
    absl::MutexLock lock(&readers_mu_);
    idle_readers_.push_back(std::move(reader));
  }

  const std::string path_;
  absl::Mutex writer_mu_;
  const std::unique_ptr<Connection> writer_ ABSL_PT_GUARDED_BY(writer_mu_);
  absl::Mutex readers_mu_;
  std::vector<std::unique_ptr<Connection>> idle_readers_
      ABSL_GUARDED_BY(readers_mu_);
  int open_readers_ ABSL_GUARDED_BY(readers_mu_) = 0;
};

}  // namespace

absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenSqliteDatabase(
    const std::string& path) {
  absl::StatusOr<std::unique_ptr<Connection>> writer = OpenConnection(path);
  if (!writer.ok()) return writer.status();
  for (const auto& [pragma, expected] :
       std::vector<std::pair<const char*, absl::string_view>>{
           {"PRAGMA journal_mode = WAL", "wal"},
           {"PRAGMA synchronous = FULL", ""},
           {"PRAGMA synchronous", "2"},
           {"PRAGMA foreign_keys = ON", ""},
           {"PRAGMA foreign_keys", "1"},
       }) {
    if (absl::Status status = Pragma(**writer, pragma, expected);
        !status.ok()) {
      return absl::Status(status.code(), absl::StrCat("SQLite database ", path,
                                                      ": ", status.message()));
    }
  }
  return std::make_unique<SqliteDatabase>(path, *std::move(writer));
}

}  // namespace payone::service
