#ifndef PAYONE_SERVICE_STORE_NOTIFICATION_RETENTION_H_
#define PAYONE_SERVICE_STORE_NOTIFICATION_RETENTION_H_

// Retention of stored notification bodies (ledger.notification_retention):
// a notification received before the cutoff whose forwards have all been
// delivered (forwarding no longer needs its body) keeps its row, with every
// field the model marks sensitive (IBAN, account number, card number, ...,
// also among its undecoded other_parameters) replaced by "<redacted>" in
// the stored notification and in the bodies kept for forwarding; the row's
// redacted_at says when (schema migration 4).

#include <atomic>
#include <cstdint>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "payone/v1/notification.pb.h"
#include "service/store/ledger_database.h"

namespace payone::service {

// Replaces every sensitive field of `notification` that is set (and the
// sensitive entries of other_parameters) with "<redacted>"; non-text
// sensitive fields are cleared.
void RedactSensitiveFields(
    payone::v1::TransactionStatusNotification* notification);

// Redacts up to `limit` notifications received before `cutoff` that are not
// redacted yet and have no forward still to deliver; returns how many.
absl::StatusOr<int> RedactExpiredNotifications(LedgerDatabase& database,
                                               absl::Time cutoff,
                                               absl::Time now, int limit = 500);

// Runs RedactExpiredNotifications with the cutoff `retention` before now,
// at start and then every `interval`, on a thread of its own until Stop().
// A failed sweep is retried at the next one.
class NotificationRetentionSweeper {
 public:
  NotificationRetentionSweeper(LedgerDatabase* database,
                               absl::Duration retention,
                               absl::Duration interval);
  ~NotificationRetentionSweeper();

  void Stop();
  // Notifications redacted so far.
  uint64_t redacted() const { return redacted_.load(); }

 private:
  void Run();

  LedgerDatabase* const database_;
  const absl::Duration retention_;
  const absl::Duration interval_;
  absl::Notification stop_;
  std::atomic<uint64_t> redacted_{0};
  std::thread thread_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_NOTIFICATION_RETENTION_H_
