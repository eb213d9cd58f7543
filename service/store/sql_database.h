#ifndef PAYONE_SERVICE_STORE_SQL_DATABASE_H_
#define PAYONE_SERVICE_STORE_SQL_DATABASE_H_

// The small SQL surface the ledger store needs from a database, so that the
// store's logic and its SQL are written once for SQLite and PostgreSQL.
// Statements use PostgreSQL's numbered placeholders ($1, $2, ...), which
// SQLite accepts as named parameters.

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace payone::service {

// A statement parameter: NULL, an integer, text or bytes. Views only: the
// referenced data must outlive the Query call.
class SqlValue {
 public:
  enum class Type { kNull, kInt, kText, kBlob };

  SqlValue() = default;  // NULL
  // Implicit, so that parameter lists read like the values they bind.
  SqlValue(int32_t value) : type_(Type::kInt), int_(value) {}  // NOLINT
  SqlValue(int64_t value) : type_(Type::kInt), int_(value) {}  // NOLINT
  SqlValue(absl::string_view text)                             // NOLINT
      : type_(Type::kText), bytes_(text) {}
  SqlValue(const std::string& text)  // NOLINT
      : type_(Type::kText), bytes_(text) {}
  SqlValue(const char* text) : type_(Type::kText), bytes_(text) {}  // NOLINT
  static SqlValue Blob(absl::string_view bytes) {
    SqlValue value(bytes);
    value.type_ = Type::kBlob;
    return value;
  }

  Type type() const { return type_; }
  int64_t integer() const { return int_; }
  absl::string_view bytes() const { return bytes_; }

 private:
  Type type_ = Type::kNull;
  int64_t int_ = 0;
  absl::string_view bytes_;
};

// One result row. Integers (of any width) read with Int, text and bytes with
// Bytes; NULL reads as 0 or "".
class SqlRow {
 public:
  struct Cell {
    bool null = true;
    int64_t integer = 0;
    std::string bytes;
  };

  explicit SqlRow(std::vector<Cell> cells) : cells_(std::move(cells)) {}

  size_t size() const { return cells_.size(); }
  bool IsNull(size_t column) const { return cells_.at(column).null; }
  int64_t Int(size_t column) const { return cells_.at(column).integer; }
  const std::string& Bytes(size_t column) const {
    return cells_.at(column).bytes;
  }

 private:
  std::vector<Cell> cells_;
};

class SqlTransaction {
 public:
  virtual ~SqlTransaction() = default;
  // Runs one statement and returns its rows (none for statements without
  // results or RETURNING). Errors never quote parameter values.
  virtual absl::StatusOr<std::vector<SqlRow>> Query(
      absl::string_view sql, absl::Span<const SqlValue> params = {}) = 0;
  // Runs a statement without parameters or rows, as it is (not prepared):
  // SAVEPOINT and ROLLBACK TO, which must also work after an error.
  virtual absl::Status Execute(const std::string& sql) = 0;
  // Runs one INSERT, UPDATE or DELETE without RETURNING and returns how
  // many rows it changed. Here by appending RETURNING 1.
  virtual absl::StatusOr<int64_t> Change(absl::string_view sql,
                                         absl::Span<const SqlValue> params);
  // Whether each statement costs a round trip to a server (PostgreSQL):
  // then one statement for many rows beats one each. SQLite has none, and
  // a cached one-row statement beats a multi-row text (parsed once per row
  // count, and RETURNING builds a temporary table on every run).
  virtual bool round_trips() const { return true; }

  // Bytes that InsertUnlessPresent binds as a blob.
  struct OwnedBlob {
    std::string bytes;
  };
  // A value InsertReturningId keeps until it runs: NULL, integer, text or
  // blob.
  using OwnedValue =
      std::variant<std::monostate, int64_t, std::string, OwnedBlob>;
  // Inserts `row` into `into` ("table (column, ...)") and passes the new
  // row's `id` to `inserted`. Here at once; a batch of the ledger database
  // holds rows back and inserts those of one `into` with one multi-row
  // statement (one round trip) before its next Query or its commit, which
  // then fail when a row does.
  virtual absl::Status InsertReturningId(std::string into,
                                         std::vector<OwnedValue> row,
                                         std::function<void(int64_t)> inserted);
  // Inserts `row` into `into` ("table (key, column, ...)") unless a row
  // with its value of the unique column `key` (row[0], text) exists, and
  // passes the new row's `returning` column to `inserted`, or nullopt when
  // such a row was there (committed, or inserted before in this
  // transaction). Here at once; a batch of the ledger database holds rows
  // back and inserts them with one statement, as InsertReturningId's.
  virtual absl::Status InsertUnlessPresent(
      std::string into, std::string key, std::string returning,
      std::vector<OwnedValue> row,
      std::function<void(std::optional<int64_t>)> inserted);
  // Rows of a statement run later, or why it failed.
  using RowsDone = std::function<void(absl::StatusOr<std::vector<SqlRow>>)>;
  // Runs `sql` with `params` and passes its rows (or its error) to `done`.
  // Here at once, returning its error as well. PostgreSQL holds it back and
  // sends it with the transaction's next statement or with its commit (one
  // round trip for both); its error then fails the commit, which returns
  // it, after `done` got it.
  virtual absl::Status QueryLater(std::string sql,
                                  std::vector<OwnedValue> params,
                                  RowsDone done);
};

// Views of `values` (which must outlive them) to bind as parameters.
std::vector<SqlValue> SqlValuesOf(
    absl::Span<const SqlTransaction::OwnedValue> values);

// "INSERT INTO `into` VALUES ($1, ...), (...)": `rows` rows of `columns`
// parameters, numbered row by row.
std::string InsertValuesSql(absl::string_view into, size_t rows,
                            size_t columns);

// " ON CONFLICT (`key`) DO NOTHING RETURNING `key`, `returning`".
std::string InsertUnlessPresentSuffix(absl::string_view key,
                                      absl::string_view returning);

// For the rows with `keys` that an insert ending in
// InsertUnlessPresentSuffix tried: the `returning` value of each row it
// `returned`, nullopt for one skipped (a key present, or earlier in `keys`).
std::vector<std::optional<int64_t>> KeptIds(
    absl::Span<const absl::string_view> keys,
    const std::vector<SqlRow>& returned);

// The ids that "INSERT ... RETURNING id" of `rows` rows into `into`
// returned, in the order of the rows inserted.
absl::StatusOr<std::vector<int64_t>> InsertedIds(absl::string_view into,
                                                 size_t rows,
                                                 std::vector<SqlRow> returned);

// "INSERT INTO `into` VALUES ($1, ...), (...)" for `rows`, appending their
// values to `params` (which then point into `rows`).
std::string InsertValuesStatement(
    absl::string_view into,
    absl::Span<const std::vector<SqlTransaction::OwnedValue>> rows,
    std::vector<SqlValue>& params);

// Inserts `rows` into `into` with one statement; returns their ids in the
// order of `rows`.
absl::StatusOr<std::vector<int64_t>> InsertRowsReturningIds(
    SqlTransaction& tx, absl::string_view into,
    absl::Span<const std::vector<SqlTransaction::OwnedValue>> rows);

// Inserts `rows` (each's first value the text of the unique column `key`)
// into `into` with one statement, skipping those whose key is present
// (already, or in an earlier row); returns each row's `returning` value, or
// nullopt for one skipped, in the order of `rows`.
absl::StatusOr<std::vector<std::optional<int64_t>>> InsertRowsUnlessPresent(
    SqlTransaction& tx, absl::string_view into, absl::string_view key,
    absl::string_view returning,
    absl::Span<const std::vector<SqlTransaction::OwnedValue>> rows);

enum class SqlDialect { kSqlite, kPostgres };

// How a transaction runs.
struct TransactionOptions {
  // Reads only: may run beside writers on its own snapshot (SQLite WAL
  // readers, any PostgreSQL connection); a write in it fails.
  bool read_only = false;
  // Keys of locks held from the start until commit or rollback: what one
  // payment process (or reference, or idempotency key) must not do twice at
  // once, across every process sharing the database. PostgreSQL takes them
  // as transaction-scoped advisory locks in ascending order (so two
  // transactions never wait for each other in a cycle); SQLite needs none,
  // since every write transaction holds the file's write lock.
  std::vector<int64_t> locks;
};

class SqlDatabase {
 public:
  virtual ~SqlDatabase() = default;
  virtual SqlDialect dialect() const = 0;
  // Runs `body` in one transaction: committed (and synced) when it returns
  // OK, rolled back otherwise.
  virtual absl::Status InTransaction(
      const TransactionOptions& options,
      absl::FunctionRef<absl::Status(SqlTransaction&)> body) = 0;
  // How many transactions may run at once (connections): the most that
  // writers and readers together can use without waiting for each other.
  virtual int max_concurrency() const = 0;
};

// A stable 63-bit key for TransactionOptions::locks, the same in every
// process and build: FNV-1a over `kind` and `parts`, separated.
int64_t LockKey(absl::string_view kind,
                std::initializer_list<absl::string_view> parts);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_SQL_DATABASE_H_
