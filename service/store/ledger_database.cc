#include "service/store/ledger_database.h"

#include <pthread.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/notification.h"
#include "service/store/postgres_database.h"
#include "service/store/schema.h"
#include "service/store/sqlite_database.h"

namespace payone::service {
namespace {

// A busy writer counts as stalled, and another takes the queue, after
// several batches' time, within these bounds (RunWriter): under load on a
// 2-core host a batch takes a few milliseconds; a lock that another replica
// holds may take much longer.
constexpr absl::Duration kMinStallTime = absl::Milliseconds(5);
constexpr absl::Duration kMaxStallTime = absl::Milliseconds(50);

// The transaction a batch's work runs in: rows inserted with
// InsertReturningId wait, and those of one table go in with one statement
// before the next Query or Execute (one round trip for the batch's
// admissions instead of one each). A later item's reads therefore see every
// earlier row. Deferring (the batch's first pass), what is left at the end
// and what items run with QueryLater go with the commit (PostgreSQL: one
// round trip for a batch that only writes); otherwise (the savepoint pass)
// everything runs at once, so that each item learns its own outcome.
class BatchTransaction : public SqlTransaction {
 public:
  // Deferring when `later_failed` is set: true once a statement that went
  // with the commit failed (an item's, or held-back rows: which item is
  // unknown). It outlives this, since the commit comes after.
  BatchTransaction(SqlTransaction& tx, bool* later_failed)
      : tx_(tx), defer_(later_failed != nullptr), later_failed_(later_failed) {}

  absl::StatusOr<std::vector<SqlRow>> Query(
      absl::string_view sql, absl::Span<const SqlValue> params) override {
    if (absl::Status flushed = Flush(); !flushed.ok()) return flushed;
    return tx_.Query(sql, params);
  }

  absl::Status Execute(const std::string& sql) override {
    if (absl::Status flushed = Flush(); !flushed.ok()) return flushed;
    return tx_.Execute(sql);
  }

  absl::Status QueryLater(std::string sql, std::vector<OwnedValue> params,
                          RowsDone done) override {
    if (!defer_) {
      if (absl::Status flushed = Flush(); !flushed.ok()) return flushed;
      return SqlTransaction::QueryLater(std::move(sql), std::move(params),
                                        std::move(done));
    }
    // After the rows held back, which an item before this one inserted.
    if (absl::Status flushed = FlushLater(); !flushed.ok()) return flushed;
    return Later(
        std::move(sql), std::move(params),
        [done = std::move(done)](absl::StatusOr<std::vector<SqlRow>> rows) {
          absl::Status status = rows.status();
          done(std::move(rows));
          return status;
        });
  }

  absl::StatusOr<int64_t> Change(absl::string_view sql,
                                 absl::Span<const SqlValue> params) override {
    if (absl::Status flushed = Flush(); !flushed.ok()) return flushed;
    return tx_.Change(sql, params);
  }

  bool round_trips() const override { return tx_.round_trips(); }

  absl::Status InsertReturningId(
      std::string into, std::vector<OwnedValue> row,
      std::function<void(int64_t)> inserted) override {
    // Without round trips to save, at once (see round_trips).
    if (!tx_.round_trips()) {
      return tx_.InsertReturningId(std::move(into), std::move(row),
                                   std::move(inserted));
    }
    for (Pending& pending : pending_) {
      if (pending.into == into) {
        pending.rows.push_back(std::move(row));
        pending.inserted.push_back(std::move(inserted));
        return absl::OkStatus();
      }
    }
    Pending& pending = pending_.emplace_back();
    pending.into = std::move(into);
    pending.rows.push_back(std::move(row));
    pending.inserted.push_back(std::move(inserted));
    return absl::OkStatus();
  }

  absl::Status InsertUnlessPresent(
      std::string into, std::string key, std::string returning,
      std::vector<OwnedValue> row,
      std::function<void(std::optional<int64_t>)> inserted) override {
    if (!tx_.round_trips()) {
      return tx_.InsertUnlessPresent(std::move(into), std::move(key),
                                     std::move(returning), std::move(row),
                                     std::move(inserted));
    }
    for (PendingUnlessPresent& pending : pending_unless_present_) {
      if (pending.into == into && pending.key == key &&
          pending.returning == returning) {
        pending.rows.push_back(std::move(row));
        pending.inserted.push_back(std::move(inserted));
        return absl::OkStatus();
      }
    }
    PendingUnlessPresent& pending = pending_unless_present_.emplace_back();
    pending.into = std::move(into);
    pending.key = std::move(key);
    pending.returning = std::move(returning);
    pending.rows.push_back(std::move(row));
    pending.inserted.push_back(std::move(inserted));
    return absl::OkStatus();
  }

  // Inserts the rows held back.
  absl::Status Flush() {
    std::vector<Pending> pending = std::move(pending_);
    pending_.clear();
    for (Pending& table : pending) {
      absl::StatusOr<std::vector<int64_t>> ids =
          InsertRowsReturningIds(tx_, table.into, table.rows);
      if (!ids.ok()) return ids.status();
      for (size_t i = 0; i < ids->size(); ++i) table.inserted[i]((*ids)[i]);
    }
    std::vector<PendingUnlessPresent> unless_present =
        std::move(pending_unless_present_);
    pending_unless_present_.clear();
    for (PendingUnlessPresent& table : unless_present) {
      absl::StatusOr<std::vector<std::optional<int64_t>>> ids =
          InsertRowsUnlessPresent(tx_, table.into, table.key, table.returning,
                                  table.rows);
      if (!ids.ok()) return ids.status();
      for (size_t i = 0; i < ids->size(); ++i) table.inserted[i]((*ids)[i]);
    }
    return absl::OkStatus();
  }

  // Has the rows held back inserted with the next statement or the commit
  // (at once unless deferring).
  absl::Status FlushLater() {
    if (!defer_) return Flush();
    std::vector<Pending> pending = std::move(pending_);
    pending_.clear();
    for (Pending& table : pending) {
      const size_t rows = table.rows.size();
      std::string sql =
          InsertValuesSql(table.into, rows, table.rows.front().size());
      absl::StrAppend(&sql, " RETURNING id");
      absl::Status status =
          Later(std::move(sql), Flatten(table.rows),
                [into = std::move(table.into), rows,
                 inserted = std::move(table.inserted)](
                    absl::StatusOr<std::vector<SqlRow>> returned) {
                  if (!returned.ok()) return returned.status();
                  absl::StatusOr<std::vector<int64_t>> ids =
                      InsertedIds(into, rows, *std::move(returned));
                  if (!ids.ok()) return ids.status();
                  for (size_t i = 0; i < ids->size(); ++i)
                    inserted[i]((*ids)[i]);
                  return absl::OkStatus();
                });
      if (!status.ok()) return status;
    }
    std::vector<PendingUnlessPresent> unless_present =
        std::move(pending_unless_present_);
    pending_unless_present_.clear();
    for (PendingUnlessPresent& table : unless_present) {
      std::string sql = InsertValuesSql(table.into, table.rows.size(),
                                        table.rows.front().size());
      absl::StrAppend(&sql,
                      InsertUnlessPresentSuffix(table.key, table.returning));
      std::vector<std::string> keys;
      keys.reserve(table.rows.size());
      for (const std::vector<OwnedValue>& row : table.rows) {
        keys.push_back(std::get<std::string>(row.at(0)));
      }
      absl::Status status = Later(
          std::move(sql), Flatten(table.rows),
          [keys = std::move(keys), inserted = std::move(table.inserted)](
              absl::StatusOr<std::vector<SqlRow>> returned) {
            if (!returned.ok()) return returned.status();
            std::vector<absl::string_view> views(keys.begin(), keys.end());
            std::vector<std::optional<int64_t>> ids = KeptIds(views, *returned);
            for (size_t i = 0; i < ids.size(); ++i) inserted[i](ids[i]);
            return absl::OkStatus();
          });
      if (!status.ok()) return status;
    }
    return absl::OkStatus();
  }

  // Forgets the rows held back (their item failed).
  void Discard() {
    pending_.clear();
    pending_unless_present_.clear();
  }

 private:
  struct Pending {
    std::string into;
    std::vector<std::vector<OwnedValue>> rows;
    std::vector<std::function<void(int64_t)>> inserted;
  };

  struct PendingUnlessPresent {
    std::string into;
    std::string key;
    std::string returning;
    std::vector<std::vector<OwnedValue>> rows;
    std::vector<std::function<void(std::optional<int64_t>)>> inserted;
  };

  static std::vector<OwnedValue> Flatten(
      std::vector<std::vector<OwnedValue>>& rows) {
    std::vector<OwnedValue> values;
    values.reserve(rows.size() * rows.front().size());
    for (std::vector<OwnedValue>& row : rows) {
      for (OwnedValue& value : row) values.push_back(std::move(value));
    }
    return values;
  }

  // tx_.QueryLater, noting a failure (of the statement or of `done`).
  absl::Status Later(
      std::string sql, std::vector<OwnedValue> params,
      std::function<absl::Status(absl::StatusOr<std::vector<SqlRow>>)> done) {
    absl::Status status =
        tx_.QueryLater(std::move(sql), std::move(params),
                       [later_failed = later_failed_, done = std::move(done)](
                           absl::StatusOr<std::vector<SqlRow>> rows) {
                         if (!done(std::move(rows)).ok()) *later_failed = true;
                       });
    if (!status.ok()) *later_failed_ = true;
    return status;
  }

  SqlTransaction& tx_;
  const bool defer_;
  std::vector<Pending> pending_;
  std::vector<PendingUnlessPresent> pending_unless_present_;
  bool* const later_failed_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<LedgerDatabase>> LedgerDatabase::Open(
    std::unique_ptr<SqlDatabase> database, LedgerDatabaseOptions options) {
  if (absl::Status status = MigrateSchema(*database); !status.ok()) {
    return status;
  }
  if (database->dialect() == SqlDialect::kSqlite) options.writers = 1;
  options.writers = std::max(1, options.writers);
  options.max_batch = std::max(1, options.max_batch);
  return std::unique_ptr<LedgerDatabase>(
      new LedgerDatabase(std::move(database), options));
}

LedgerDatabase::LedgerDatabase(std::unique_ptr<SqlDatabase> database,
                               LedgerDatabaseOptions options)
    : database_(std::move(database)), options_(options) {
  absl::MutexLock lock(&mu_);
  busy_since_.assign(options_.writers, absl::InfiniteFuture());
  for (int i = 0; i < options_.writers; ++i) {
    writers_.emplace_back([this, i] { RunWriter(i); });
  }
}

LedgerDatabase::~LedgerDatabase() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  for (std::thread& writer : writers_) writer.join();
}

absl::Status LedgerDatabase::Submit(std::vector<int64_t> locks, Work work,
                                    Done done, bool essential) {
  absl::MutexLock lock(&mu_);
  if (stopping_) {
    return absl::UnavailableError("the ledger database is closing");
  }
  if (!essential && static_cast<int>(queue_.size()) >= options_.max_queued) {
    ++stats_.refused;
    return absl::ResourceExhaustedError(
        "the ledger database is busy (its write queue is full); retry later");
  }
  queue_.push_back({std::move(locks), std::move(work), std::move(done)});
  return absl::OkStatus();
}

absl::Status LedgerDatabase::Write(std::vector<int64_t> locks, Work work,
                                   bool essential) {
  absl::Notification finished;
  absl::Status result;
  absl::Status queued = Submit(
      std::move(locks), std::move(work),
      [&](absl::Status status) {
        result = std::move(status);
        finished.Notify();
      },
      essential);
  if (!queued.ok()) return queued;
  finished.WaitForNotification();
  return result;
}

absl::Status LedgerDatabase::Read(
    absl::FunctionRef<absl::Status(SqlTransaction&)> body) {
  TransactionOptions options;
  options.read_only = true;
  return database_->InTransaction(options, body);
}

LedgerDatabase::Stats LedgerDatabase::stats() const {
  absl::MutexLock lock(&mu_);
  return stats_;
}

bool LedgerDatabase::NoWriterBusy() const {
  return stopping_ ||
         std::all_of(busy_since_.begin(), busy_since_.end(),
                     [](absl::Time t) { return t == absl::InfiniteFuture(); });
}

absl::Time LedgerDatabase::AllBusyStalledAt() const {
  absl::Time latest = absl::InfinitePast();
  for (absl::Time since : busy_since_) {
    if (since != absl::InfiniteFuture()) latest = std::max(latest, since);
  }
  return latest + std::clamp(4 * cycle_time_, kMinStallTime, kMaxStallTime);
}

void LedgerDatabase::RunWriter(int index) {
  // Named for profilers and thread dumps.
  pthread_setname_np(pthread_self(), "ledger-writer");
  while (true) {
    std::vector<Item> batch;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](LedgerDatabase* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->mu_) {
            return !self->queue_.empty() || self->stopping_;
          },
          this));
      // One writer at a time: while one commits and answers its batch, the
      // work arriving meanwhile waits for it and goes out as one larger
      // batch (fewer synced commits per call, each costing the database and
      // this process a round trip, a WAL flush and wake-ups; with two
      // writers taking turns, batches were a third smaller and a call cost
      // more CPU: bench/history.md). Another writer steps in only when the
      // busy one takes several times longer than batches have of late: it
      // waits for a lock that another replica holds (a follow-up on one of
      // its payments), and this replica's other payments must not wait with
      // it. A lone call goes out at once.
      while (!stopping_) {
        const absl::Time stalled_at = AllBusyStalledAt();
        if (absl::Now() >= stalled_at) break;
        mu_.AwaitWithDeadline(
            absl::Condition(this, &LedgerDatabase::NoWriterBusy), stalled_at);
      }
      if (queue_.empty()) {
        if (stopping_) return;  // stopping, and nothing left
        continue;               // another writer took it
      }
      const size_t take =
          std::min(queue_.size(), static_cast<size_t>(options_.max_batch));
      batch.reserve(take);
      for (size_t i = 0; i < take; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      busy_since_[index] = absl::Now();
    }
    Completions completions = Commit(batch);
    // Answered here: a handoff to another thread cost a wake-up per batch
    // (CPU and latency on a 2-core host), and while the callbacks send
    // requests and answer callers, new work queues up for a larger next
    // batch (fewer commits per call). The callbacks must not block.
    for (auto& [done, status] : completions) {
      if (done) done(std::move(status));
    }
    {
      absl::MutexLock lock(&mu_);
      cycle_time_ += (absl::Now() - busy_since_[index] - cycle_time_) / 8;
      busy_since_[index] = absl::InfiniteFuture();
    }
  }
}

LedgerDatabase::Completions LedgerDatabase::Commit(std::vector<Item>& batch) {
  TransactionOptions options;
  for (const Item& item : batch) {
    options.locks.insert(options.locks.end(), item.locks.begin(),
                         item.locks.end());
  }
  std::vector<absl::Status> results(batch.size());
  // First without savepoints, which cost statements (round trips to
  // PostgreSQL) per item: an item failing is rare (a reference used twice,
  // a database error). When one does, the whole transaction rolls back and
  // the batch runs again with a savepoint around each item, so the failing
  // one rolls back alone. One item alone never needs them.
  bool failed_item = false;
  bool later_failed = false;
  absl::Status committed =
      database_->InTransaction(options, [&](SqlTransaction& tx) {
        BatchTransaction batch_tx(tx, &later_failed);
        for (size_t i = 0; i < batch.size(); ++i) {
          results[i] = batch[i].work(batch_tx);
          if (!results[i].ok()) {
            failed_item = true;
            return results[i];
          }
        }
        // With the commit. A held-back row or a later statement failing
        // fails one item of several unknown: the savepoints below find
        // which.
        return batch_tx.FlushLater();
      });
  if (later_failed && !failed_item) {
    failed_item = true;
    if (batch.size() == 1) results[0] = committed;
  }
  if (failed_item && batch.size() > 1) {
    committed = database_->InTransaction(options, [&](SqlTransaction& tx) {
      BatchTransaction batch_tx(tx, /*later_failed=*/nullptr);
      for (size_t i = 0; i < batch.size(); ++i) {
        if (absl::Status s = tx.Execute("SAVEPOINT item"); !s.ok()) return s;
        results[i] = batch[i].work(batch_tx);
        // The item's own rows, inside its savepoint.
        if (results[i].ok()) {
          results[i] = batch_tx.Flush();
        } else {
          batch_tx.Discard();
        }
        absl::Status ended = results[i].ok()
                                 ? absl::OkStatus()
                                 : tx.Execute("ROLLBACK TO SAVEPOINT item");
        if (ended.ok()) ended = tx.Execute("RELEASE SAVEPOINT item");
        if (!ended.ok()) return ended;
      }
      return absl::OkStatus();
    });
  }
  if (!committed.ok()) {
    // Nothing of the batch is durable: every item fails (one alone with its
    // own error, when that was the cause).
    for (absl::Status& result : results) result = committed;
  }
  {
    absl::MutexLock lock(&mu_);
    if (committed.ok()) {
      ++stats_.batches;
      stats_.items += batch.size();
    } else {
      stats_.failed += batch.size();
    }
  }
  Completions completions;
  completions.reserve(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    completions.emplace_back(std::move(batch[i].done), std::move(results[i]));
  }
  return completions;
}

absl::StatusOr<std::unique_ptr<LedgerDatabase>> OpenSqliteLedger(
    const std::string& path, LedgerDatabaseOptions options) {
  absl::StatusOr<std::unique_ptr<SqlDatabase>> database =
      OpenSqliteDatabase(path);
  if (!database.ok()) return database.status();
  return LedgerDatabase::Open(*std::move(database), options);
}

absl::StatusOr<std::unique_ptr<LedgerDatabase>> OpenPostgresLedger(
    const std::string& conninfo, int pool_size, LedgerDatabaseOptions options) {
  absl::StatusOr<std::unique_ptr<SqlDatabase>> database =
      OpenPostgresDatabase(conninfo, pool_size);
  if (!database.ok()) return database.status();
  // Writers leave readers at least one connection.
  options.writers = std::max(1, std::min(options.writers, pool_size - 1));
  return LedgerDatabase::Open(*std::move(database), options);
}

}  // namespace payone::service
