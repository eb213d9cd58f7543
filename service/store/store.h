#ifndef PAYONE_SERVICE_STORE_STORE_H_
#define PAYONE_SERVICE_STORE_STORE_H_

// The durable payment ledger: the TransactionStatus notifications PAYONE
// sent, the requests the gateway sent and their answers, idempotency keys and
// the queue of notifications to forward. One interface, two backends with
// the same schema and migrations: SQLite (embedded default, WAL, synchronous
// writes) and PostgreSQL (shared by several gateway replicas).
//
// Every method is thread-safe and blocking; a returned OK means the write is
// durable (committed and synced).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "payone/v1/notification.pb.h"

namespace payone::service {

// A TransactionStatus notification as the ledger keeps it.
struct StoredNotification {
  // Position in the ledger's notification log. Cursors increase in commit
  // order, also with several writers (a reader that has seen cursor N never
  // later finds a new notification below N).
  int64_t cursor = 0;
  // Gateway account name the notification was verified against.
  std::string account;
  absl::Time received_at;
  // The decoded notification, with `key` cleared.
  payone::v1::TransactionStatusNotification notification;
};

struct NotificationQuery {
  int64_t after_cursor = 0;  // exclusive
  std::string account;       // empty: every account
  std::string txid;          // empty: every payment process
  int limit = 100;           // at most this many, lowest cursor first
};

struct AppendedNotification {
  int64_t cursor = 0;  // of the stored row (of the earlier one if duplicate)
  bool duplicate = false;
};

// A request the gateway sends to PAYONE, and what came of it.
struct RequestRecord {
  enum class Outcome {
    kSending,   // recorded before sending; not finished (yet)
    kAnswered,  // PAYONE answered (any status)
    kNotSent,   // certainly never reached PAYONE
    kUnknown,   // may have reached PAYONE; no answer
  };
  int64_t id = 0;  // assigned by BeginRequest
  std::string account;
  std::string portalid;
  std::string request_type;  // PAYONE's name: "preauthorization", "capture"
  std::string txid;          // of the request, or of the answer
  std::string reference;
  std::optional<int32_t> sequencenumber;  // as sent
  int64_t amount = 0;                     // minor units as sent
  std::string currency;
  std::string capturemode;  // "completed", "notcompleted" or empty
  Outcome outcome = Outcome::kSending;
  std::string status;  // PAYONE's status when answered: "APPROVED", "ERROR"
  int32_t errorcode = 0;
  absl::Time sent_at;
  absl::Time finished_at;  // InfinitePast while kSending
};

// What ClaimIdempotencyKey found.
struct IdempotencyClaim {
  enum class Kind {
    kClaimed,   // new key: the caller goes ahead and later completes it
    kReplay,    // same key, same fingerprint, completed: `response` holds it
    kConflict,  // same key, different fingerprint
    kInFlight,  // same key, same fingerprint, not completed (running, or
                // its outcome is unknown)
  };
  Kind kind = Kind::kClaimed;
  std::string response;  // kReplay: what CompleteIdempotencyKey stored
};

// A notification waiting to be re-POSTed to one forwarding URL.
struct ForwardTask {
  int64_t id = 0;
  int64_t cursor = 0;  // of the notification
  std::string url;
  std::string body;  // the form body exactly as PAYONE posted it
  int attempts = 0;  // failed attempts so far
  absl::Time next_attempt;
};

class Store {
 public:
  virtual ~Store() = default;

  // --- Notifications.
  // Stores `notification` (its cursor is ignored) unless a notification with
  // the same `dedupe_key` is stored already (PAYONE retries the same body),
  // and in the same transaction queues one ForwardTask per `forward_urls`
  // entry carrying `raw_body`. A duplicate queues nothing.
  virtual absl::StatusOr<AppendedNotification> AppendNotification(
      const StoredNotification& notification, absl::string_view dedupe_key,
      absl::string_view raw_body,
      absl::Span<const std::string> forward_urls) = 0;
  virtual absl::StatusOr<std::vector<StoredNotification>> ListNotifications(
      const NotificationQuery& query) = 0;

  // --- Requests sent to PAYONE.
  // Records `record` (outcome kSending) before it is sent; returns its id.
  virtual absl::StatusOr<int64_t> BeginRequest(const RequestRecord& record) = 0;
  // Records the outcome; `txid` (when not empty) replaces the stored one
  // (a preauthorization learns its txid from the answer).
  virtual absl::Status FinishRequest(int64_t id, RequestRecord::Outcome outcome,
                                     absl::string_view status,
                                     int32_t errorcode,
                                     absl::string_view txid) = 0;
  // Every request of one payment process, oldest first.
  virtual absl::StatusOr<std::vector<RequestRecord>> ListRequests(
      absl::string_view account, absl::string_view txid) = 0;
  // Whether a preauthorization or authorization with `reference`
  // (case-insensitive) was sent for `portalid` and not known to be unsent.
  virtual absl::StatusOr<bool> ReferenceUsed(absl::string_view portalid,
                                             absl::string_view reference) = 0;

  // --- Idempotency keys (scoped per account).
  virtual absl::StatusOr<IdempotencyClaim> ClaimIdempotencyKey(
      absl::string_view account, absl::string_view key,
      absl::string_view fingerprint) = 0;
  // Stores the response that replays return.
  virtual absl::Status CompleteIdempotencyKey(absl::string_view account,
                                              absl::string_view key,
                                              absl::string_view response) = 0;
  // Forgets a claim whose request was certainly not sent, so it can be
  // retried.
  virtual absl::Status ReleaseIdempotencyKey(absl::string_view account,
                                             absl::string_view key) = 0;

  // --- Forwarding queue.
  // Undelivered tasks with next_attempt <= now, oldest first.
  virtual absl::StatusOr<std::vector<ForwardTask>> DueForwards(absl::Time now,
                                                               int limit) = 0;
  // DueForwards for several replicas sharing one queue: the returned tasks
  // (with their next_attempt as it was) are put off to now + `lease` in the
  // same transaction, so no other replica takes them before the lease ends;
  // ForwardDelivered or ForwardFailed then settles them. Tasks another
  // replica is leasing right now are skipped. The default, for stores of one
  // process, leases nothing.
  virtual absl::StatusOr<std::vector<ForwardTask>> LeaseDueForwards(
      absl::Time now, absl::Duration lease, int limit) {
    (void)lease;
    return DueForwards(now, limit);
  }
  virtual absl::Status ForwardDelivered(int64_t id) = 0;
  virtual absl::Status ForwardFailed(int64_t id, absl::Time next_attempt,
                                     absl::string_view error) = 0;
};

// Opens (creating it if needed) the SQLite database at `path` and brings its
// schema up to date.
absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

// Connects to PostgreSQL (`conninfo` in libpq's format) with up to
// `pool_size` connections and brings the schema up to date.
absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(
    const std::string& conninfo, int pool_size);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_STORE_H_
