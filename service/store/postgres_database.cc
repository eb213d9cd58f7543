#include "service/store/postgres_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstring>
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

class PostgresTransaction : public SqlTransaction {
 public:
  explicit PostgresTransaction(Connection* connection)
      : connection_(connection), conn_(connection->conn) {}

  absl::StatusOr<std::vector<SqlRow>> Query(
      absl::string_view sql, absl::Span<const SqlValue> params) override {
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
    absl::StatusOr<const std::string*> name = Prepared(sql, types);
    if (!name.ok()) return name.status();
    Result result(PQexecPrepared(conn_, (*name)->c_str(),
                                 static_cast<int>(count), values.data(),
                                 lengths.data(), formats.data(),
                                 /*resultFormat=*/1));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return ResultError(conn_, result.get());
    }
    return ReadRows(result.get());
  }

  absl::Status Execute(const std::string& sql) override {
    Result result(PQexec(conn_, sql.c_str()));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return ResultError(conn_, result.get());
    }
    last_command_ = PQcmdStatus(result.get());
    return absl::OkStatus();
  }

  // The command tag of the last Execute ("COMMIT", "ROLLBACK", ...).
  const std::string& last_command() const { return last_command_; }

 private:
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
    std::string begin = options.read_only ? "BEGIN READ ONLY" : "BEGIN";
    if (!options.locks.empty()) {
      // Ascending and in one statement (a target list runs left to right):
      // every transaction takes its locks in the same order, so none waits
      // for another in a cycle. Sent with BEGIN: one round trip.
      std::vector<int64_t> keys = options.locks;
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      absl::StrAppend(&begin, "; SELECT ");
      for (size_t i = 0; i < keys.size(); ++i) {
        absl::StrAppend(&begin, i == 0 ? "" : ", ", "pg_advisory_xact_lock(",
                        keys[i], ")");
      }
    }
    absl::StatusOr<std::unique_ptr<Connection>> connection =
        AcquireInTransaction(begin);
    if (!connection.ok()) return connection.status();
    PostgresTransaction transaction(connection->get());
    absl::Status status = body(transaction);
    PGconn* conn = (*connection)->conn;
    if (status.ok()) {
      status = transaction.Execute("COMMIT");
      // COMMIT of a transaction an error aborted answers ROLLBACK, not an
      // error: nothing is durable then.
      if (status.ok() && PQtransactionStatus(conn) == PQTRANS_IDLE &&
          transaction.last_command() == "ROLLBACK") {
        status = absl::AbortedError(
            "PostgreSQL rolled the transaction back at COMMIT");
      }
    } else if (PQtransactionStatus(conn) != PQTRANS_IDLE) {
      (void)transaction.Execute("ROLLBACK");
    }
    Release(*std::move(connection));
    return status;
  }

  // A pooled connection and `begin` (BEGIN and what goes with it) on it.
  // One the server closed meanwhile (restart, failover, idle timeout) fails
  // there, before anything of the transaction ran, so another is taken; a
  // new one fails for good.
  absl::StatusOr<std::unique_ptr<Connection>> AcquireInTransaction(
      const std::string& begin) {
    for (int attempt = 0;; ++attempt) {
      absl::StatusOr<std::unique_ptr<Connection>> connection = Acquire();
      if (!connection.ok()) return connection.status();
      PostgresTransaction transaction(connection->get());
      absl::Status status = transaction.Execute(begin);
      if (status.ok()) return connection;
      const bool lost = PQstatus((*connection)->conn) != CONNECTION_OK;
      Release(*std::move(connection));  // closes it when lost
      if (!lost || attempt >= pool_size_) return status;
    }
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
