#include "service/store/postgres_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
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
  absl::flat_hash_map<std::string, std::string> prepared;  // key -> name
};

// Gives a connection for one that turned out closed (the old one is
// released).
using ReplaceConnection =
    std::function<absl::StatusOr<std::unique_ptr<Connection>>(
        std::unique_ptr<Connection>)>;

// A transaction that begins with its first statement: BEGIN, the locks and
// that statement go in one pipeline (one round trip instead of two). A
// connection the server closed meanwhile (restart, failover, idle timeout)
// fails there, before anything of the transaction ran, so another is taken,
// up to `max_replacements` times.
class PostgresTransaction : public SqlTransaction {
 public:
  PostgresTransaction(std::unique_ptr<Connection> connection, std::string begin,
                      std::string lock_query, ReplaceConnection replace,
                      int max_replacements)
      : connection_(std::move(connection)),
        begin_(std::move(begin)),
        lock_query_(std::move(lock_query)),
        replace_(std::move(replace)),
        max_replacements_(max_replacements) {}

  absl::StatusOr<std::vector<SqlRow>> Query(
      absl::string_view sql, absl::Span<const SqlValue> params) override {
    if (connection_ == nullptr) return NoConnection();
    const size_t count = params.size();
    std::vector<Oid> types(count);
    std::vector<const char*> values(count);
    std::vector<int> lengths(count), formats(count, 1);
    std::vector<char> integers(8 * count);
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
    for (int attempt = 0;; ++attempt) {
      absl::StatusOr<Result> result = Run(sql, types, values, lengths, formats);
      if (result.ok()) return ReadRows(result->get());
      if (!ReplaceIfClosedBeforeBegin(attempt)) return result.status();
    }
  }

  absl::Status Execute(const std::string& sql) override {
    if (connection_ == nullptr) return NoConnection();
    if (!began_ && (sql == "COMMIT" || sql == "ROLLBACK")) {
      // Nothing ran: nothing to end.
      last_command_ = sql;
      return absl::OkStatus();
    }
    for (int attempt = 0;; ++attempt) {
      absl::Status status = began_ ? absl::OkStatus() : BeginAlone();
      if (status.ok()) {
        Result result(PQexec(conn(), sql.c_str()));
        status = Check(result.get());
        if (status.ok()) last_command_ = PQcmdStatus(result.get());
        return status;
      }
      if (!ReplaceIfClosedBeforeBegin(attempt)) return status;
    }
  }

  // The command tag of the last Execute ("COMMIT", "ROLLBACK", ...).
  const std::string& last_command() const { return last_command_; }

  std::unique_ptr<Connection> TakeConnection() {
    return std::move(connection_);
  }

 private:
  PGconn* conn() const { return connection_->conn; }

  // After a closed connection could not be replaced.
  static absl::Status NoConnection() {
    return absl::UnavailableError("PostgreSQL: no connection");
  }

  absl::Status Check(const PGresult* result) const {
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return ResultError(conn(), result);
    }
    return absl::OkStatus();
  }

  // After a failure on the way to the first statement: whether the
  // connection was closed before the transaction began and another one
  // replaced it (then the caller tries again).
  bool ReplaceIfClosedBeforeBegin(int attempt) {
    if (began_ || PQstatus(conn()) == CONNECTION_OK ||
        attempt >= max_replacements_) {
      return false;
    }
    absl::StatusOr<std::unique_ptr<Connection>> next =
        replace_(std::move(connection_));
    if (!next.ok()) return false;  // leaves a new connection's error
    connection_ = *std::move(next);
    return true;
  }

  // BEGIN and the locks, in one round trip of their own (before a
  // statement that is not prepared, such as SAVEPOINT).
  absl::Status BeginAlone() {
    std::string begin = begin_;
    if (!lock_query_.empty()) absl::StrAppend(&begin, "; ", lock_query_);
    Result result(PQexec(conn(), begin.c_str()));
    absl::Status status = Check(result.get());
    began_ = status.ok();
    return status;
  }

  // Runs the prepared statement `sql`; the first one of the transaction in
  // one pipeline with BEGIN and the locks.
  absl::StatusOr<Result> Run(absl::string_view sql,
                             const std::vector<Oid>& types,
                             const std::vector<const char*>& values,
                             const std::vector<int>& lengths,
                             const std::vector<int>& formats) {
    absl::StatusOr<const std::string*> name = Prepared(sql, types);
    if (!name.ok()) return name.status();
    const int count = static_cast<int>(values.size());
    if (began_) {
      Result result(PQexecPrepared(conn(), (*name)->c_str(), count,
                                   values.data(), lengths.data(),
                                   formats.data(), /*resultFormat=*/1));
      if (absl::Status status = Check(result.get()); !status.ok()) {
        return status;
      }
      return result;
    }
    PGconn* conn = this->conn();
    if (PQenterPipelineMode(conn) != 1) {
      return absl::UnavailableError(absl::StrCat(
          "PostgreSQL: cannot enter pipeline mode: ", PQerrorMessage(conn)));
    }
    const int queries = lock_query_.empty() ? 2 : 3;
    const bool sent =
        PQsendQueryParams(conn, begin_.c_str(), 0, nullptr, nullptr, nullptr,
                          nullptr, 0) == 1 &&
        (lock_query_.empty() ||
         PQsendQueryParams(conn, lock_query_.c_str(), 0, nullptr, nullptr,
                           nullptr, nullptr, 0) == 1) &&
        PQsendQueryPrepared(conn, (*name)->c_str(), count, values.data(),
                            lengths.data(), formats.data(),
                            /*resultFormat=*/1) == 1 &&
        PQpipelineSync(conn) == 1;
    if (!sent) {
      // Results may be pending: the pool closes a connection left so.
      return absl::UnavailableError(absl::StrCat(
          "PostgreSQL: cannot send a statement: ", PQerrorMessage(conn)));
    }
    // Each query's results end with a null; the sync ends the pipeline. A
    // query after a failed one reports PGRES_PIPELINE_ABORTED.
    std::vector<Result> results;
    for (int nulls = 0; nulls <= queries;) {
      Result result(PQgetResult(conn));
      if (result == nullptr) {
        if (PQstatus(conn) != CONNECTION_OK) break;
        ++nulls;
        continue;
      }
      if (PQresultStatus(result.get()) == PGRES_PIPELINE_SYNC) break;
      results.push_back(std::move(result));
    }
    if (PQexitPipelineMode(conn) != 1 ||
        static_cast<int>(results.size()) != queries) {
      return ResultError(conn, nullptr);  // the connection is lost
    }
    if (absl::Status status = Check(results.front().get()); !status.ok()) {
      return status;
    }
    began_ = true;
    for (Result& result : results) {
      if (absl::Status status = Check(result.get()); !status.ok()) {
        return status;
      }
    }
    return std::move(results.back());
  }

  absl::StatusOr<const std::string*> Prepared(absl::string_view sql,
                                              const std::vector<Oid>& types) {
    std::string key(sql);
    for (Oid type : types) absl::StrAppend(&key, "\x1f", type);
    auto it = connection_->prepared.find(key);
    if (it != connection_->prepared.end()) return &it->second;
    std::string name = absl::StrCat("s", connection_->prepared.size() + 1);
    Result result(PQprepare(conn(), name.c_str(), std::string(sql).c_str(),
                            static_cast<int>(types.size()), types.data()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      return ResultError(conn(), result.get());
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

  std::unique_ptr<Connection> connection_;
  const std::string begin_;
  const std::string lock_query_;  // empty: no locks
  const ReplaceConnection replace_;
  const int max_replacements_;
  bool began_ = false;
  std::string last_command_;
};

class PostgresDatabase : public SqlDatabase {
 public:
  PostgresDatabase(std::string conninfo, int pool_size)
      : conninfo_(std::move(conninfo)), pool_size_(pool_size) {}

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  int max_concurrency() const override { return pool_size_; }

  absl::Status InTransaction(
      const TransactionOptions& options,
      absl::FunctionRef<absl::Status(SqlTransaction&)> body) override {
    std::string lock_query;
    if (!options.locks.empty()) {
      // Ascending and in one statement (a target list runs left to right):
      // every transaction takes its locks in the same order, so none waits
      // for another in a cycle.
      std::vector<int64_t> keys = options.locks;
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      lock_query = "SELECT ";
      for (size_t i = 0; i < keys.size(); ++i) {
        absl::StrAppend(&lock_query, i == 0 ? "" : ", ",
                        "pg_advisory_xact_lock(", keys[i], ")");
      }
    }
    absl::StatusOr<std::unique_ptr<Connection>> connection = Acquire();
    if (!connection.ok()) return connection.status();
    PostgresTransaction transaction(
        *std::move(connection), options.read_only ? "BEGIN READ ONLY" : "BEGIN",
        std::move(lock_query),
        [this](std::unique_ptr<Connection> closed) {
          Release(std::move(closed));
          return Acquire();
        },
        pool_size_);
    absl::Status status = body(transaction);
    if (status.ok()) {
      status = transaction.Execute("COMMIT");
      // COMMIT of a transaction an error aborted answers ROLLBACK, not an
      // error: nothing is durable then.
      if (status.ok() && transaction.last_command() == "ROLLBACK") {
        status = absl::AbortedError(
            "PostgreSQL rolled the transaction back at COMMIT");
      }
    } else {
      (void)transaction.Execute("ROLLBACK");
    }
    std::unique_ptr<Connection> used = transaction.TakeConnection();
    if (used != nullptr) Release(std::move(used));
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
      if (!idle_.empty()) {
        std::unique_ptr<Connection> connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
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
