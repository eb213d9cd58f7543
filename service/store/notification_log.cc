#include "service/store/notification_log.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "service/store/forward_queue.h"
#include "service/store/sql_util.h"

namespace payone::service {
namespace {

using store_internal::Annotate;
using store_internal::Micros;

constexpr char kColumns[] =
    "SELECT cursor, account, received_at, notification, decode_error"
    " FROM notifications";

absl::StatusOr<std::vector<StoredNotification>> ReadRows(
    absl::StatusOr<std::vector<SqlRow>> rows) {
  if (!rows.ok()) return rows.status();
  std::vector<StoredNotification> notifications;
  notifications.reserve(rows->size());
  for (const SqlRow& row : *rows) {
    StoredNotification& stored = notifications.emplace_back();
    stored.cursor = row.Int(0);
    stored.account = row.Bytes(1);
    stored.received_at = absl::FromUnixMicros(row.Int(2));
    if (!stored.notification.ParseFromString(row.Bytes(3))) {
      return absl::DataLossError(absl::StrCat(
          "the notification at cursor ", stored.cursor, " does not parse"));
    }
    stored.decode_error = row.Bytes(4);
  }
  return notifications;
}

// The cursor of the stored notification with `dedupe_key`.
absl::Status CursorOf(SqlTransaction& tx, absl::string_view dedupe_key,
                      int64_t& cursor) {
  absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
      "SELECT cursor FROM notifications WHERE dedupe_key = $1", {dedupe_key});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return absl::AbortedError("a duplicate vanished; retry");
  cursor = rows->front().Int(0);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<AppendedNotification> NotificationLog::Append(
    const StoredNotification& stored, absl::string_view dedupe_key,
    absl::string_view raw_body, absl::Span<const std::string> forward_urls) {
  payone::v1::TransactionStatusNotification notification = stored.notification;
  notification.clear_key();
  std::string serialized;
  if (!notification.SerializeToString(&serialized)) {
    return absl::InvalidArgumentError(
        "ledger AppendNotification: the notification does not serialize");
  }
  const payone::v1::TransactionStatusNotification& n = notification;
  const std::string txaction = payone::v1::TransactionAction_Name(n.txaction());
  const int64_t received_at = Micros(stored.received_at);
  AppendedNotification appended;
  // Appends of one notification (PAYONE's retry, in this replica or
  // another) wait for each other rather than deadlock on the unique index in
  // batches that hold several.
  absl::Status status;
  if (forward_urls.empty()) {
    // The common case: the row alone, inserted with the batch's other
    // notifications in one statement on PostgreSQL (one round trip instead
    // of one each), with a cached one-row statement without RETURNING on
    // SQLite (SqlTransaction::round_trips). A duplicate learns its cursor
    // after the commit (below).
    status = database_->Write(
        {LockKey("notification", {dedupe_key})},
        [&](SqlTransaction& tx) -> absl::Status {
          appended = AppendedNotification();
          return tx.InsertUnlessPresent(
              "notifications (dedupe_key, account, txid, portalid, aid,"
              " txaction, sequencenumber, received_at, notification,"
              " decode_error)",
              "dedupe_key", "cursor",
              {std::string(dedupe_key), stored.account, n.txid(), n.portalid(),
               n.aid(), txaction, int64_t{n.sequencenumber()}, received_at,
               SqlTransaction::OwnedBlob{serialized}, stored.decode_error},
              [&appended](std::optional<int64_t> cursor) {
                appended.duplicate = !cursor.has_value();
                appended.cursor = cursor.value_or(0);
              });
        });
    if (status.ok() && appended.duplicate) {
      status = database_->Read([&](SqlTransaction& tx) {
        return CursorOf(tx, dedupe_key, appended.cursor);
      });
    }
    if (!status.ok()) return Annotate(status, "AppendNotification");
    return appended;
  }
  status = database_->Write(
      {LockKey("notification", {dedupe_key})},
      [&](SqlTransaction& tx) -> absl::Status {
        appended = AppendedNotification();
        // A concurrent append of the same key (another replica) is waited
        // for by the unique index, so a conflict means a committed row (or
        // one earlier in this transaction) that the SELECT finds.
        absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
            "INSERT INTO notifications (account, dedupe_key, txid, portalid,"
            " aid, txaction, sequencenumber, received_at, notification,"
            " decode_error)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            " ON CONFLICT (dedupe_key) DO NOTHING RETURNING cursor",
            {stored.account, dedupe_key, n.txid(), n.portalid(), n.aid(),
             txaction, n.sequencenumber(), received_at,
             SqlValue::Blob(serialized), stored.decode_error});
        if (!rows.ok()) return rows.status();
        if (rows->empty()) {
          appended.duplicate = true;
          return CursorOf(tx, dedupe_key, appended.cursor);
        }
        appended.cursor = rows->front().Int(0);
        return ForwardQueue::Enqueue(tx, appended.cursor, raw_body,
                                     stored.received_at, forward_urls);
      });
  if (!status.ok()) return Annotate(status, "AppendNotification");
  return appended;
}

absl::StatusOr<std::vector<StoredNotification>> NotificationLog::List(
    const NotificationQuery& query) {
  if (query.limit <= 0) {
    return absl::InvalidArgumentError(
        "ledger ListNotifications: limit must be positive");
  }
  // Only the filters asked for, so that each backend can use its indexes.
  std::string sql = absl::StrCat(kColumns, " WHERE cursor > $1");
  if (!query.account.empty()) absl::StrAppend(&sql, " AND account = $2");
  if (!query.txid.empty()) absl::StrAppend(&sql, " AND txid = $3");
  if (database_->dialect() == SqlDialect::kPostgres) {
    // Below every transaction still running: those may yet commit cursors
    // above the ones returned, never below.
    absl::StrAppend(&sql,
                    " AND cursor < (pg_snapshot_xmin(pg_current_snapshot())"
                    "::text::bigint << 16)");
  }
  absl::StrAppend(&sql, " ORDER BY cursor LIMIT $4");
  absl::StatusOr<std::vector<StoredNotification>> notifications;
  absl::Status status = database_->Read([&](SqlTransaction& tx) {
    notifications = ReadRows(tx.Query(
        sql, {query.after_cursor, query.account, query.txid, query.limit}));
    return notifications.status();
  });
  if (!status.ok()) return Annotate(status, "ListNotifications");
  return notifications;
}

absl::StatusOr<std::vector<StoredNotification>> NotificationLog::ListProcess(
    SqlTransaction& tx, absl::string_view account, absl::string_view txid) {
  return ReadRows(tx.Query(absl::StrCat(kColumns,
                                        " WHERE account = $1 AND txid = $2"
                                        " ORDER BY cursor"),
                           {account, txid}));
}

}  // namespace payone::service
