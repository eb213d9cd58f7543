#include "service/store/postgres_database.h"

#include <libpq-fe.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

namespace payone::service {
namespace {

// Type OIDs (pg_type.h) of the parameters and results exchanged in binary.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;

// Binary integers on the wire are big-endian.
void StoreBigEndian64(int64_t value, char* out) {
  for (int i = 7; i >= 0;
       --i, value = static_cast<int64_t>(static_cast<uint64_t>(value) >> 8)) {
    out[i] = static_cast<char>(value & 0xff);
  }
}

int64_t LoadBigEndian(const char* data, int size) {
  uint64_t value = 0;
  for (int i = 0; i < size; ++i) {
    value = (value << 8) | static_cast<unsigned char>(data[i]);
  }
  // Sign-extend from `size` bytes.
  const int shift = 64 - 8 * size;
  return static_cast<int64_t>(value << shift) >> shift;
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

absl::StatusCode CodeOfSqlState(absl::string_view state) {
  if (absl::StartsWith(state, "08") || state == "57P01" || state == "57P02" ||
      state == "57P03") {
    return absl::StatusCode::kUnavailable;  // connection or server going away
  }
  if (state == "40001" || state == "40P01") return absl::StatusCode::kAborted;
  if (absl::StartsWith(state, "23")) return absl::StatusCode::kAlreadyExists;
  if (absl::StartsWith(state, "53")) {
    return absl::StatusCode::kResourceExhausted;
  }
  return absl::StatusCode::kInternal;
}

// The server's primary message, never its DETAIL (which quotes key values).
// Data exceptions (class 22) may quote a value in the primary message too:
// only their SQLSTATE is kept.
absl::Status ResultError(PGconn* conn, const PGresult* result) {
  if (result == nullptr || PQstatus(conn) != CONNECTION_OK) {
    return absl::UnavailableError(
        absl::StrCat("PostgreSQL connection lost: ", PQerrorMessage(conn)));
  }
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  const absl::string_view sqlstate = state != nullptr ? state : "";
  return absl::Status(
      CodeOfSqlState(sqlstate),
      absl::StrCat("PostgreSQL error ", sqlstate,
                   absl::StartsWith(sqlstate, "22") || primary == nullptr
                       ? ""
                       : absl::StrCat(": ", primary)));
}

// A pooled connection and the statements prepared on it: the ledger runs
// the same few statements over and over, so each is parsed and planned once
// per connection (by its text and parameter types).
struct Connection {
  explicit Connection(PGconn* conn) : conn(conn) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() { PQfinish(conn); }

  PGconn* const conn;
  // key -> name; node-based: a pipeline holds names while preparing more.
  absl::node_hash_map<std::string, std::string> prepared;
};

// Parameters bound for libpq: binary, with the integers' big-endian bytes
// kept here (values point into them and into the SqlValues' bytes).
struct Bound {
  explicit Bound(absl::Span<const SqlValue> params) {
    const size_t count = params.size();
    types.resize(count);
    values.resize(count);
    lengths.resize(count);
    formats.assign(count, 1);
    integers.resize(8 * count);
    for (size_t i = 0; i < count; ++i) {
      const SqlValue& value = params[i];
      switch (value.type()) {
        case SqlValue::Type::kNull:
          types[i] = 0;  // NULL fits any type: let the server infer it
          values[i] = nullptr;
          break;
        case SqlValue::Type::kInt:
          types[i] = kInt8Oid;
          StoreBigEndian64(value.integer(), &integers[8 * i]);
          values[i] = &integers[8 * i];
          lengths[i] = 8;
          break;
        case SqlValue::Type::kText:
        case SqlValue::Type::kBlob:
          types[i] =
              value.type() == SqlValue::Type::kText ? kTextOid : kByteaOid;
          // Never null for an empty value: that would read as SQL NULL.
          values[i] = value.bytes().empty() ? "" : value.bytes().data();
          lengths[i] = static_cast<int>(value.bytes().size());
          break;
      }
    }
  }
  int count() const { return static_cast<int>(values.size()); }

  std::vector<Oid> types;
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  std::vector<char> integers;
};

// A transaction that begins with its first statement and sends statements
// held back (QueryLater) with the next one or with the commit, in one libpq
// pipeline: one round trip each time instead of one per statement. A
// transaction whose statements all wait for the commit (a batch that only
// writes) sends no BEGIN or COMMIT at all: its locks and statements run as
// the implicit transaction that the pipeline's Sync commits, so the whole
// batch is one round trip. Either way nothing is reported committed before
// the server answered the Sync (or COMMIT) that made it durable.
class PostgresTransaction : public SqlTransaction {
 public:
  // `locks`: the advisory locks' keys, ascending and distinct.
  PostgresTransaction(Connection* connection, std::string begin,
                      std::vector<int64_t> locks)
      : connection_(connection),
        conn_(connection->conn),
        begin_(std::move(begin)),
        locks_(std::move(locks)) {}

  absl::StatusOr<std::vector<SqlRow>> Query(
      absl::string_view sql, absl::Span<const SqlValue> params) override {
    Bound bound(params);
    absl::StatusOr<const std::string*> name = Prepared(sql, bound.types);
    if (!name.ok()) return name.status();
    if (began_ && later_.empty()) {
      Result result(PQexecPrepared(conn_, (*name)->c_str(), bound.count(),
                                   bound.values.data(), bound.lengths.data(),
                                   bound.formats.data(), /*resultFormat=*/1));
      if (absl::Status status = Check(result.get()); !status.ok()) {
        return status;
      }
      return ReadRows(result.get());
    }
    Step step;
    step.name = *name;
    step.bound = &bound;
    absl::StatusOr<Result> result = RunWithPending(step, /*begin=*/true);
    if (!result.ok()) return result.status();
    return ReadRows(result->get());
  }

  absl::Status Execute(const std::string& sql) override {
    absl::Status status;
    if (began_ && later_.empty()) {
      Result result(PQexec(conn_, sql.c_str()));
      status = Check(result.get());
      if (status.ok()) last_command_ = PQcmdStatus(result.get());
      return status;
    }
    Step step;
    step.text = &sql;
    absl::StatusOr<Result> result = RunWithPending(step, /*begin=*/true);
    if (!result.ok()) return result.status();
    last_command_ = PQcmdStatus(result->get());
    return absl::OkStatus();
  }

  absl::Status QueryLater(std::string sql, std::vector<OwnedValue> params,
                          RowsDone done) override {
    later_.push_back({std::move(sql), std::move(params), std::move(done)});
    return absl::OkStatus();
  }

  // Commits: with the statements held back, in one round trip.
  absl::Status Commit() {
    if (!began_) {
      if (later_.empty()) return absl::OkStatus();  // nothing ran
      // The implicit transaction of one pipeline: locks, statements, Sync.
      return RunWithPending(std::nullopt, /*begin=*/false).status();
    }
    if (absl::Status status = Execute("COMMIT"); !status.ok()) return status;
    // COMMIT of a transaction an error aborted answers ROLLBACK, not an
    // error: nothing is durable then.
    if (last_command_ == "ROLLBACK") {
      return absl::AbortedError(
          "PostgreSQL rolled the transaction back at COMMIT");
    }
    return absl::OkStatus();
  }

  void Rollback() {
    later_.clear();
    if (began_ && PQstatus(conn_) == CONNECTION_OK &&
        PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      Result result(PQexec(conn_, "ROLLBACK"));
    }
  }

 private:
  // A statement of a pipeline: prepared (`name`, with `bound` parameters)
  // or plain text without parameters.
  struct Step {
    const std::string* name = nullptr;
    const Bound* bound = nullptr;
    const std::string* text = nullptr;
  };

  struct Later {
    std::string sql;
    std::vector<OwnedValue> params;
    RowsDone done;
  };

  absl::Status Check(const PGresult* result) const {
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return ResultError(conn_, result);
    }
    return absl::OkStatus();
  }

  // Runs, in one pipeline: BEGIN and the locks unless begun (when `begin`;
  // otherwise the locks open the implicit transaction), the statements held
  // back (their rows or error to their `done`), then `last`. Returns
  // `last`'s result, or the first error.
  absl::StatusOr<Result> RunWithPending(std::optional<Step> last, bool begin) {
    std::vector<Later> later = std::move(later_);
    later_.clear();
    std::vector<std::vector<SqlValue>> views;
    std::vector<Bound> bounds;
    std::vector<Step> steps;
    views.reserve(later.size());
    bounds.reserve(later.size());
    absl::Status failed;
    std::vector<SqlValue> lock_keys(locks_.begin(), locks_.end());
    std::optional<Bound> lock_bound;
    if (!began_) {
      if (begin) steps.push_back({nullptr, nullptr, &begin_});
      if (!locks_.empty()) {
        // In one statement (a target list runs left to right), prepared
        // once per count.
        std::string sql = "SELECT ";
        for (size_t i = 0; i < locks_.size(); ++i) {
          absl::StrAppend(&sql, i == 0 ? "" : ", ", "pg_advisory_xact_lock($",
                          i + 1, ")");
        }
        lock_bound.emplace(lock_keys);
        absl::StatusOr<const std::string*> name =
            Prepared(sql, lock_bound->types);
        if (name.ok()) {
          steps.push_back({*name, &*lock_bound, nullptr});
        } else {
          failed = name.status();
        }
      }
    }
    const size_t first_later = steps.size();
    for (Later& statement : later) {
      if (!failed.ok()) break;
      views.push_back(SqlValuesOf(statement.params));
      const Bound& bound = bounds.emplace_back(views.back());
      absl::StatusOr<const std::string*> name =
          Prepared(statement.sql, bound.types);
      if (!name.ok()) {
        failed = name.status();
        break;
      }
      steps.push_back({*name, &bound, nullptr});
    }
    if (last.has_value()) steps.push_back(*last);
    std::vector<Result> results;
    if (failed.ok()) failed = Pipeline(steps, results);
    if (begin) began_ = true;
    // Every statement's `done` hears of it: its rows, or the error that
    // kept it from running.
    absl::Status first_error = failed;
    for (size_t i = 0; i < steps.size(); ++i) {
      if (first_error.ok()) first_error = Check(results[i].get());
      const size_t k = i - first_later;
      if (i < first_later || k >= later.size()) continue;
      later[k].done(first_error.ok()
                        ? ReadRows(results[i].get())
                        : absl::StatusOr<std::vector<SqlRow>>(first_error));
      later[k].done = nullptr;
    }
    for (Later& statement : later) {
      if (statement.done != nullptr) statement.done(first_error);  // unsent
    }
    if (!first_error.ok()) return first_error;
    if (!last.has_value()) return Result();
    return std::move(results.back());
  }

  // Sends `steps` and a Sync, and reads one result per step (an aborted
  // one after an error) and the Sync's. Fails only when the connection did.
  absl::Status Pipeline(const std::vector<Step>& steps,
                        std::vector<Result>& results) {
    if (PQenterPipelineMode(conn_) != 1) {
      return absl::UnavailableError(absl::StrCat(
          "PostgreSQL: cannot enter pipeline mode: ", PQerrorMessage(conn_)));
    }
    bool sent = true;
    for (const Step& step : steps) {
      if (!sent) break;
      if (step.text != nullptr) {
        sent = PQsendQueryParams(conn_, step.text->c_str(), 0, nullptr, nullptr,
                                 nullptr, nullptr, 1) == 1;
      } else {
        sent = PQsendQueryPrepared(
                   conn_, step.name->c_str(), step.bound->count(),
                   step.bound->values.data(), step.bound->lengths.data(),
                   step.bound->formats.data(),
                   /*resultFormat=*/1) == 1;
      }
    }
    if (!sent || PQpipelineSync(conn_) != 1) {
      // Results may be pending: the pool closes a connection left so.
      return absl::UnavailableError(absl::StrCat(
          "PostgreSQL: cannot send a statement: ", PQerrorMessage(conn_)));
    }
    // Each step's result ends with a null; then the Sync's.
    for (size_t i = 0; i < steps.size(); ++i) {
      Result first(PQgetResult(conn_));
      if (first == nullptr) return ResultError(conn_, nullptr);
      while (Result more{PQgetResult(conn_)}) {
      }
      results.push_back(std::move(first));
    }
    Result sync(PQgetResult(conn_));
    if (sync == nullptr || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC ||
        PQexitPipelineMode(conn_) != 1) {
      return ResultError(conn_, nullptr);  // the connection is lost
    }
    return absl::OkStatus();
  }

  absl::StatusOr<const std::string*> Prepared(absl::string_view sql,
                                              const std::vector<Oid>& types) {
    std::string key(sql);
    for (Oid type : types) absl::StrAppend(&key, "\x1f", type);
    auto it = connection_->prepared.find(key);
    if (it != connection_->prepared.end()) return &it->second;
    std::string name = absl::StrCat("s", connection_->prepared.size() + 1);
    Result result(PQprepare(conn_, name.c_str(), std::string(sql).c_str(),
                            static_cast<int>(types.size()), types.data()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      return ResultError(conn_, result.get());
    }
    auto [inserted, unused] =
        connection_->prepared.emplace(std::move(key), std::move(name));
    return &inserted->second;
  }

  static absl::StatusOr<std::vector<SqlRow>> ReadRows(const PGresult* result) {
    const int columns = PQnfields(result);
    std::vector<SqlRow> rows;
    rows.reserve(PQntuples(result));
    for (int r = 0; r < PQntuples(result); ++r) {
      std::vector<SqlRow::Cell> cells(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result, r, c)) continue;
        SqlRow::Cell& cell = cells[c];
        cell.null = false;
        const char* data = PQgetvalue(result, r, c);
        const int size = PQgetlength(result, r, c);
        const Oid type = PQftype(result, c);
        const bool integer = type == kInt8Oid || type == kInt4Oid ||
                             type == kInt2Oid || type == kBoolOid;
        if (integer && (size == 8 || size == 4 || size == 2 || size == 1)) {
          cell.integer = LoadBigEndian(data, size);
        } else if (integer) {
          return absl::DataLossError(
              absl::StrCat("PostgreSQL sent a malformed integer in column ",
                           PQfname(result, c)));
        } else {
          cell.bytes.assign(data, size);  // text, bytea: raw bytes
        }
      }
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  Connection* connection_;
  PGconn* conn_;
  const std::string begin_;  // BEGIN, or BEGIN READ ONLY
  const std::vector<int64_t> locks_;
  bool began_ = false;  // BEGIN sent
  std::vector<Later> later_;
  std::string last_command_;
};

class PostgresDatabase : public SqlDatabase {
 public:
  PostgresDatabase(std::string conninfo, int pool_size)
      : conninfo_(std::move(conninfo)), pool_size_(pool_size) {}

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  int max_concurrency() const override { return pool_size_; }

  // Locks taken with the transaction's first statement (they guard
  // statements: a transaction that runs none takes none).
  absl::Status InTransaction(
      const TransactionOptions& options,
      absl::FunctionRef<absl::Status(SqlTransaction&)> body) override {
    // Ascending: every transaction takes its locks in the same order, so
    // none waits for another in a cycle.
    std::vector<int64_t> locks = options.locks;
    std::sort(locks.begin(), locks.end());
    locks.erase(std::unique(locks.begin(), locks.end()), locks.end());
    absl::StatusOr<std::unique_ptr<Connection>> connection = Acquire();
    if (!connection.ok()) return connection.status();
    PostgresTransaction transaction(
        connection->get(), options.read_only ? "BEGIN READ ONLY" : "BEGIN",
        std::move(locks));
    absl::Status status = body(transaction);
    if (status.ok()) status = transaction.Commit();
    if (!status.ok()) transaction.Rollback();
    Release(*std::move(connection));
    return status;
  }

  // Opens the first connection: bad conninfo or an unreachable server fails
  // the open.
  absl::Status Connect() {
    absl::StatusOr<std::unique_ptr<Connection>> connection = Acquire();
    if (!connection.ok()) return connection.status();
    Release(*std::move(connection));
    return absl::OkStatus();
  }

 private:
  absl::StatusOr<std::unique_ptr<Connection>> Acquire() {
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](PostgresDatabase* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->mu_) {
            return !self->idle_.empty() || self->open_ < self->pool_size_;
          },
          this));
      while (!idle_.empty()) {
        std::unique_ptr<Connection> connection = std::move(idle_.back());
        idle_.pop_back();
        // One the server closed meanwhile (restart, failover, idle timeout)
        // has its goodbye and end of stream waiting: looking (without
        // waiting) finds it before the transaction's first round trip,
        // which may already commit; another is taken instead.
        if (Idle(connection->conn)) return connection;
        connection.reset();
        --open_;
      }
      ++open_;  // connect outside the lock
    }
    absl::StatusOr<PGconn*> conn = Connect(conninfo_);
    if (!conn.ok()) {
      absl::MutexLock lock(&mu_);
      --open_;
      return conn.status();
    }
    return std::make_unique<Connection>(*conn);
  }

  // Returns `connection` to the pool, or closes it when it is broken or left
  // in a transaction.
  void Release(std::unique_ptr<Connection> connection) {
    const bool healthy = PQstatus(connection->conn) == CONNECTION_OK &&
                         PQtransactionStatus(connection->conn) == PQTRANS_IDLE;
    if (!healthy) connection.reset();
    absl::MutexLock lock(&mu_);
    if (healthy) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;
    }
  }

  // Whether an idle connection is open with nothing to read: an idle
  // session receives nothing unless the server is ending it (anything else,
  // a notice, is rare enough to close it for).
  static bool Idle(PGconn* conn) {
    if (PQstatus(conn) != CONNECTION_OK) return false;
    char byte;
    const ssize_t read =
        recv(PQsocket(conn), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return read < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }

  static absl::StatusOr<PGconn*> Connect(const std::string& conninfo) {
    PGconn* conn = PQconnectdb(conninfo.c_str());
    if (conn == nullptr) {
      return absl::ResourceExhaustedError("PostgreSQL: out of memory");
    }
    if (PQstatus(conn) != CONNECTION_OK) {
      // libpq's message names host, port and user, never a password.
      absl::Status status = absl::UnavailableError(
          absl::StrCat("cannot connect to PostgreSQL: ", PQerrorMessage(conn)));
      PQfinish(conn);
      return status;
    }
    // A returned OK must be durable, whatever the server's default.
    Result result(PQexec(conn,
                         "SET synchronous_commit TO on;"
                         " SET client_encoding TO 'UTF8'"));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      absl::Status status = ResultError(conn, result.get());
      PQfinish(conn);
      return status;
    }
    return conn;
  }

  const std::string conninfo_;
  const int pool_size_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_ ABSL_GUARDED_BY(mu_);
  int open_ ABSL_GUARDED_BY(mu_) = 0;  // idle and in use
};

}  // namespace

absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenPostgresDatabase(
    const std::string& conninfo, int pool_size) {
  if (pool_size < 1) {
    return absl::InvalidArgumentError(
        "the PostgreSQL pool needs at least one connection");
  }
  auto database = std::make_unique<PostgresDatabase>(conninfo, pool_size);
  if (absl::Status status = database->Connect(); !status.ok()) return status;
  return database;
}

}  // namespace payone::service
