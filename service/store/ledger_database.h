#ifndef PAYONE_SERVICE_STORE_LEDGER_DATABASE_H_
#define PAYONE_SERVICE_STORE_LEDGER_DATABASE_H_

// The ledger's database: SQLite or PostgreSQL with the schema migrated, and
// group commit. Concurrent writes (admissions, outcomes, notifications) are
// queued and run by a few writer threads, many to one transaction: each in a
// savepoint of its own (a failing one rolls back alone), all made durable by
// one synced commit, each answered only after that commit. Readers run
// beside the writers on connections of their own.
//
// The queue is bounded: Submit refuses with RESOURCE_EXHAUSTED when it is
// full, unless the work must not be refused (the outcome of a request that
// was already sent).

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "service/store/sql_database.h"

namespace payone::service {

struct LedgerDatabaseOptions {
  // Threads that run write batches, each on its own connection. One works
  // at a time (larger batches); another steps in when it stalls on a lock
  // that another replica holds: see RunWriter.
  // SQLite has one writer whatever this says.
  int writers = 2;
  // Work items in one transaction at most.
  int max_batch = 256;
  // Queued work items at most, beyond which Submit refuses.
  int max_queued = 4096;
};

class LedgerDatabase {
 public:
  using Work = std::function<absl::Status(SqlTransaction&)>;
  using Done = std::function<void(absl::Status)>;

  // Migrates the schema, then starts the writers.
  static absl::StatusOr<std::unique_ptr<LedgerDatabase>> Open(
      std::unique_ptr<SqlDatabase> database, LedgerDatabaseOptions options);
  // Runs every queued item, then stops the writers.
  ~LedgerDatabase();
  LedgerDatabase(const LedgerDatabase&) = delete;
  LedgerDatabase& operator=(const LedgerDatabase&) = delete;

  SqlDialect dialect() const { return database_->dialect(); }

  // Queues `work`, to run inside a transaction with `locks` (see
  // TransactionOptions::locks) held; `done` gets its status, or the
  // transaction's when the commit failed, on a ledger thread after the
  // commit: it must not block. An error from `work` rolls back only its own
  // writes. `work` may run twice (after a rollback, when another item of its
  // batch failed): it must set its outputs afresh each time. With
  // `essential` false, a full queue refuses at once (RESOURCE_EXHAUSTED)
  // and `done` is never called.
  absl::Status Submit(std::vector<int64_t> locks, Work work, Done done,
                      bool essential = false);
  // Submit, waiting for `done`.
  absl::Status Write(std::vector<int64_t> locks, Work work,
                     bool essential = false);
  // A read-only transaction on a reader connection; blocks.
  absl::Status Read(absl::FunctionRef<absl::Status(SqlTransaction&)> body);

  // So far: transactions committed and the items they carried, items of
  // transactions that failed, and Submits that found the queue full.
  struct Stats {
    uint64_t batches = 0;
    uint64_t items = 0;
    uint64_t failed = 0;
    uint64_t refused = 0;
  };
  Stats stats() const;

 private:
  struct Item {
    std::vector<int64_t> locks;
    Work work;
    Done done;
  };

  // The `done` callbacks of one committed batch.
  using Completions = std::vector<std::pair<Done, absl::Status>>;

  LedgerDatabase(std::unique_ptr<SqlDatabase> database,
                 LedgerDatabaseOptions options);
  // `index`: the writer's entry in busy_since_.
  void RunWriter(int index);
  // No writer is committing or answering a batch, or the writers are
  // stopping; when every busy writer counts as stalled (InfinitePast when
  // none is busy): see RunWriter.
  bool NoWriterBusy() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Time AllBusyStalledAt() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Runs `batch` in one transaction; returns each item's `done` with its
  // status.
  Completions Commit(std::vector<Item>& batch);

  const std::unique_ptr<SqlDatabase> database_;
  const LedgerDatabaseOptions options_;

  mutable absl::Mutex mu_;
  std::deque<Item> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Per writer: when it took the batch it is committing or answering, or
  // InfiniteFuture while it waits; and how long a batch took from taking to
  // answering of late (a moving average): see RunWriter.
  std::vector<absl::Time> busy_since_ ABSL_GUARDED_BY(mu_);
  absl::Duration cycle_time_ ABSL_GUARDED_BY(mu_) = absl::ZeroDuration();
  Stats stats_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> writers_;
};

// Opens (creating it if needed) the SQLite database at `path`.
absl::StatusOr<std::unique_ptr<LedgerDatabase>> OpenSqliteLedger(
    const std::string& path, LedgerDatabaseOptions options = {});

// Connects to PostgreSQL (`conninfo` in libpq's format) with up to
// `pool_size` connections, `options.writers` of them writing.
absl::StatusOr<std::unique_ptr<LedgerDatabase>> OpenPostgresLedger(
    const std::string& conninfo, int pool_size,
    LedgerDatabaseOptions options = {});

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_LEDGER_DATABASE_H_
