#ifndef PAYONE_SERVICE_LEDGER_LEDGER_H_
#define PAYONE_SERVICE_LEDGER_LEDGER_H_

// The ledger's part in forwarding a request: before it is sent, idempotency
// keys, duplicate references, the sequence number and the amounts are checked
// against what the store holds and the request is recorded; afterwards its
// outcome (and the response that replays return) is recorded.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "service/ledger/payment_view.h"
#include "service/ledger/work_queue.h"
#include "service/store/store.h"

namespace payone::service {

// What the ledger decided about a request before it is sent.
struct Admission {
  // OK: send it. Otherwise the call ends with this status and nothing is
  // sent; `reason` names the rule for google.rpc.ErrorInfo.
  absl::Status status;
  std::string reason;
  // An idempotent replay: the stored response, nothing is sent.
  std::optional<std::string> replay;
  // The sequence number the gateway filled in: add it to the form.
  std::optional<int32_t> filled_sequencenumber;
  int64_t request_id = 0;
  bool claimed_key = false;
};

// ErrorInfo reasons of refusals.
inline constexpr char kReasonDuplicateReference[] = "DUPLICATE_REFERENCE";
inline constexpr char kReasonIdempotencyKeyReused[] = "IDEMPOTENCY_KEY_REUSED";
inline constexpr char kReasonIdempotencyKeyInFlight[] =
    "IDEMPOTENCY_KEY_IN_FLIGHT";
inline constexpr char kReasonLedgerCheck[] = "LEDGER_CHECK_FAILED";
inline constexpr char kReasonLedgerUnavailable[] = "LEDGER_UNAVAILABLE";

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
  // `store` must outlive the ledger.
  Ledger(Store* store, int threads);

  Store* store() const { return store_; }

  // Runs `task` on the ledger's threads: store calls block.
  void Schedule(std::function<void()> task) { work_.Schedule(std::move(task)); }

  // Before sending `record` (from DescribeRequest, with portalid set).
  // `idempotency_key` empty: none. Blocking.
  Admission Admit(RequestRecord record, bool takes_sequencenumber,
                  absl::string_view idempotency_key,
                  absl::string_view fingerprint);

  // After sending: records the outcome; for an answer with an idempotency
  // key, `response` is what replays return. Blocking. A failure leaves the
  // request recorded as in flight, which only makes the ledger more careful
  // (no automatic sequence number on that process).
  absl::Status Finish(const Admission& admission, absl::string_view account,
                      absl::string_view idempotency_key,
                      RequestRecord::Outcome outcome, absl::string_view status,
                      int32_t errorcode, absl::string_view txid,
                      absl::string_view response);

  // The ledger view of one payment process. Blocking.
  absl::StatusOr<PaymentFacts> Facts(absl::string_view account,
                                     absl::string_view txid);

 private:
  Admission Refuse(Admission admission, absl::string_view account,
                   absl::string_view idempotency_key, absl::Status status,
                   absl::string_view reason);

  Store* store_;
  WorkQueue work_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_LEDGER_LEDGER_H_
