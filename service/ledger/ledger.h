#ifndef PAYONE_SERVICE_LEDGER_LEDGER_H_
#define PAYONE_SERVICE_LEDGER_LEDGER_H_

// The ledger's part in forwarding a request. Before it is sent, one
// transaction (serialised per payment process, per reference and per
// idempotency key, across every replica sharing the database) checks the
// idempotency key, the reference, the amounts and the next sequence number
// against what the ledger holds and records the request as being sent;
// afterwards one transaction records its outcome and the response that
// replays return. Both are group-committed with other calls' writes and
// answered only once durable.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/message.h"
#include "service/ledger/payment_view.h"
#include "service/ledger/work_queue.h"
#include "service/store/ledger_database.h"
#include "service/store/notification_log.h"
#include "service/store/records.h"

namespace payone::service {

// A request about to be sent, as the ledger sees it.
struct LedgerRequest {
  // account, portalid, request_type, effect and the fields the contract's
  // ledger options name.
  RequestRecord record;
  // The request has a sequencenumber the ledger may fill in.
  bool takes_sequencenumber = false;
  std::string idempotency_key;  // empty: none
  std::string fingerprint;      // RequestFingerprint, with a key
};

// What the ledger decided about a request before it is sent.
struct Admission {
  // OK: send it. Otherwise the call ends with this status and nothing is
  // sent; `reason` names the rule for google.rpc.ErrorInfo.
  absl::Status status;
  std::string reason;
  // An idempotent replay: the stored response, nothing is sent.
  std::optional<std::string> replay;
  // The sequence number the gateway filled in: set it on the request.
  std::optional<int32_t> filled_sequencenumber;
  // The request's row in the journal (requests.id), which Finish updates;
  // not the caller's x-request-id.
  int64_t journal_row_id = 0;
  bool claimed_key = false;
};

// ErrorInfo reasons of refusals.
inline constexpr char kReasonDuplicateReference[] = "DUPLICATE_REFERENCE";
inline constexpr char kReasonIdempotencyKeyReused[] = "IDEMPOTENCY_KEY_REUSED";
inline constexpr char kReasonIdempotencyKeyInFlight[] =
    "IDEMPOTENCY_KEY_IN_FLIGHT";
inline constexpr char kReasonLedgerCheck[] = "LEDGER_CHECK_FAILED";
inline constexpr char kReasonLedgerUnavailable[] = "LEDGER_UNAVAILABLE";
inline constexpr char kReasonLedgerBusy[] = "LEDGER_BUSY";

// UNAVAILABLE for a failed store call: `advice` says what the caller does
// next; the store's message follows.
absl::Status LedgerUnavailable(const absl::Status& cause,
                               absl::string_view advice);

// A request's identity for idempotency: the method and a SHA-256 of its
// deterministic serialization (map order does not matter).
std::string RequestFingerprint(absl::string_view method,
                               const google::protobuf::Message& request);

class Ledger {
 public:
  // `database` must outlive the ledger; `read_threads` run blocking reads.
  Ledger(LedgerDatabase* database, int read_threads);

  NotificationLog* notifications() { return &notifications_; }

  // Runs `task` on the ledger's reader threads: reads block.
  void Schedule(std::function<void()> task) {
    reads_.Schedule(std::move(task));
  }

  // Decides about `request`; `done` gets the decision once the request's
  // "sending" record is durable (or at once when the write queue is full:
  // RESOURCE_EXHAUSTED), on a ledger thread: it must not block.
  void Admit(LedgerRequest request, std::function<void(Admission)> done);

  // Records the outcome of an admitted request; for an answer with an
  // idempotency key, `response` is what replays return. `done` gets the
  // status once durable. A failure leaves the request recorded as in
  // flight, which only makes the ledger more careful (no automatic sequence
  // number on that process, its amount counted as moved).
  void Finish(const Admission& admission, const LedgerRequest& request,
              RequestRecord::Outcome outcome, std::string status,
              int32_t errorcode, std::string txid, std::string response,
              std::function<void(absl::Status)> done);

  // The ledger view of one payment process. Blocking.
  absl::StatusOr<PaymentFacts> Facts(absl::string_view account,
                                     absl::string_view txid);

 private:
  // Outcomes recorded while their write waits in the database's queue join
  // it: one statement for all of them (one round trip to PostgreSQL).
  struct OutcomeFlush;
  absl::Status RunFlush(SqlTransaction& tx, OutcomeFlush& flush);

  LedgerDatabase* const database_;
  NotificationLog notifications_;
  WorkQueue reads_;
  absl::Mutex outcomes_mu_;
  // The flush still open for more outcomes; null when none is queued.
  std::shared_ptr<OutcomeFlush> open_flush_ ABSL_GUARDED_BY(outcomes_mu_);
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_LEDGER_LEDGER_H_
