#include "service/store/forward_queue.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/store/sql_util.h"

namespace payone::service {

using store_internal::Annotate;
using store_internal::ExpectOneRow;
using store_internal::Micros;

absl::Status ForwardQueue::Enqueue(SqlTransaction& tx, int64_t cursor,
                                   absl::string_view raw_body, absl::Time due,
                                   absl::Span<const std::string> urls) {
  for (const std::string& url : urls) {
    absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
        "INSERT INTO forward_tasks (notification_cursor, url, body,"
        " next_attempt) VALUES ($1, $2, $3, $4)"
        " ON CONFLICT (notification_cursor, url) DO NOTHING",
        {cursor, url, SqlValue::Blob(raw_body), Micros(due)});
    if (!rows.ok()) return rows.status();
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ForwardTask>> ForwardQueue::Due(absl::Time now,
                                                           int limit) {
  return Select(now, std::nullopt, limit, "DueForwards");
}

absl::StatusOr<std::vector<ForwardTask>> ForwardQueue::Lease(
    absl::Time now, absl::Duration lease, int limit) {
  return Select(now, now + lease, limit, "LeaseDueForwards");
}

absl::Status ForwardQueue::Delivered(int64_t id) {
  const int64_t now = Micros(absl::Now());
  return Annotate(
      database_->Write({},
                       [&](SqlTransaction& tx) {
                         return ExpectOneRow(
                             tx,
                             "UPDATE forward_tasks SET"
                             " delivered_at = $2"
                             " WHERE id = $1 RETURNING id",
                             {id, now},
                             absl::StrCat("no forward task with id ", id));
                       }),
      "ForwardDelivered");
}

absl::Status ForwardQueue::Failed(int64_t id, absl::Time next_attempt,
                                  absl::string_view error) {
  return Annotate(
      database_->Write({},
                       [&](SqlTransaction& tx) {
                         return ExpectOneRow(
                             tx,
                             "UPDATE forward_tasks SET attempts = attempts + 1,"
                             " next_attempt = $2, last_error = $3"
                             " WHERE id = $1 RETURNING id",
                             {id, Micros(next_attempt), error},
                             absl::StrCat("no forward task with id ", id));
                       }),
      "ForwardFailed");
}

absl::StatusOr<std::vector<ForwardTask>> ForwardQueue::Select(
    absl::Time now, std::optional<absl::Time> lease_until, int limit,
    absl::string_view method) {
  if (limit <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("ledger ", method, ": limit must be positive"));
  }
  std::string sql =
      "SELECT id, notification_cursor, url, body, attempts, next_attempt"
      " FROM forward_tasks WHERE delivered_at IS NULL AND next_attempt <= $1"
      " ORDER BY next_attempt, id LIMIT $2";
  // A replica leasing at the same moment skips the rows this one locks
  // rather than waiting and leasing them too. (SQLite has one writer.)
  if (lease_until.has_value() &&
      database_->dialect() == SqlDialect::kPostgres) {
    absl::StrAppend(&sql, " FOR UPDATE SKIP LOCKED");
  }
  std::vector<ForwardTask> tasks;
  auto select = [&](SqlTransaction& tx) -> absl::Status {
    tasks.clear();
    absl::StatusOr<std::vector<SqlRow>> rows =
        tx.Query(sql, {Micros(now), limit});
    if (!rows.ok()) return rows.status();
    for (const SqlRow& row : *rows) {
      ForwardTask& task = tasks.emplace_back();
      task.id = row.Int(0);
      task.cursor = row.Int(1);
      task.url = row.Bytes(2);
      task.body = row.Bytes(3);
      task.attempts = static_cast<int>(row.Int(4));
      task.next_attempt = absl::FromUnixMicros(row.Int(5));
      if (!lease_until.has_value()) continue;
      absl::Status leased =
          tx.Query("UPDATE forward_tasks SET next_attempt = $2 WHERE id = $1",
                   {task.id, Micros(*lease_until)})
              .status();
      if (!leased.ok()) return leased;
    }
    return absl::OkStatus();
  };
  absl::Status status = lease_until.has_value() ? database_->Write({}, select)
                                                : database_->Read(select);
  if (!status.ok()) return Annotate(status, method);
  return tasks;
}

}  // namespace payone::service
