#ifndef PAYONE_SERVICE_STORE_NOTIFICATION_LOG_H_
#define PAYONE_SERVICE_STORE_NOTIFICATION_LOG_H_

// The TransactionStatus notifications PAYONE sent, in cursor order, each
// stored once (PAYONE's retries are recognised by a dedupe key). Appends are
// group-committed; none takes a lock that spans replicas: on PostgreSQL a
// cursor comes from its transaction's id, and readers of the log stop below
// the oldest transaction still running, so they never later find a cursor
// below one they returned.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "service/store/ledger_database.h"
#include "service/store/records.h"

namespace payone::service {

class NotificationLog {
 public:
  // `database` must outlive the log.
  explicit NotificationLog(LedgerDatabase* database) : database_(database) {}
  // Virtual for tests that make the store fail or stall.
  virtual ~NotificationLog() = default;

  // Stores `notification` (its cursor is ignored; its key is never stored)
  // unless one with the same `dedupe_key` is stored already, and in the
  // same transaction queues a ForwardTask carrying `raw_body` per
  // `forward_urls` entry. A duplicate queues nothing. Blocks until durable;
  // RESOURCE_EXHAUSTED when the ledger's write queue is full.
  virtual absl::StatusOr<AppendedNotification> Append(
      const StoredNotification& notification, absl::string_view dedupe_key,
      absl::string_view raw_body, absl::Span<const std::string> forward_urls);

  // The log in cursor order after `query.after_cursor`, up to the point
  // below which nothing can still appear.
  absl::StatusOr<std::vector<StoredNotification>> List(
      const NotificationQuery& query);

  // Every notification of one payment process, inside `tx` (the ledger's
  // checks before sending): everything committed, oldest first.
  static absl::StatusOr<std::vector<StoredNotification>> ListProcess(
      SqlTransaction& tx, absl::string_view account, absl::string_view txid);

 private:
  LedgerDatabase* const database_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_NOTIFICATION_LOG_H_
