#ifndef PAYONE_SERVICE_STORE_FORWARD_QUEUE_H_
#define PAYONE_SERVICE_STORE_FORWARD_QUEUE_H_

// Notifications waiting to be re-POSTed to the merchant's forwarding URLs.
// Tasks are queued in the transaction that stores their notification
// (NotificationLog); replicas sharing the queue lease them.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "service/store/ledger_database.h"
#include "service/store/records.h"

namespace payone::service {

class ForwardQueue {
 public:
  // `database` must outlive the queue.
  explicit ForwardQueue(LedgerDatabase* database) : database_(database) {}

  // Inside `tx`: one task per URL for the notification at `cursor`.
  static absl::Status Enqueue(SqlTransaction& tx, int64_t cursor,
                              absl::string_view raw_body, absl::Time due,
                              absl::Span<const std::string> urls);

  // Undelivered tasks with next_attempt <= now, oldest first.
  absl::StatusOr<std::vector<ForwardTask>> Due(absl::Time now, int limit);
  // Due for several replicas sharing one queue: the returned tasks (with
  // their next_attempt as it was) are put off to now + `lease` in the same
  // transaction, so no other replica takes them before the lease ends;
  // Delivered or Failed then settles them. Tasks another replica is leasing
  // right now are skipped.
  absl::StatusOr<std::vector<ForwardTask>> Lease(absl::Time now,
                                                 absl::Duration lease,
                                                 int limit);
  absl::Status Delivered(int64_t id);
  absl::Status Failed(int64_t id, absl::Time next_attempt,
                      absl::string_view error);

 private:
  absl::StatusOr<std::vector<ForwardTask>> Select(
      absl::Time now, std::optional<absl::Time> lease_until, int limit,
      absl::string_view method);

  LedgerDatabase* const database_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_FORWARD_QUEUE_H_
