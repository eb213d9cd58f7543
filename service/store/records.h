#ifndef PAYONE_SERVICE_STORE_RECORDS_H_
#define PAYONE_SERVICE_STORE_RECORDS_H_

// What the ledger keeps: notifications, requests and their outcomes,
// idempotency claims and notifications waiting to be forwarded.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/time/time.h"
#include "codec/runtime/ledger.h"
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
  // Empty when decoded. Otherwise why the model could not read it; then
  // `notification` holds portalid, aid, txid (and sequencenumber) where they
  // read and every parameter as text in other_parameters.
  std::string decode_error;
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
  // What it does to its payment process (from the contract's options).
  codec::LedgerEffect effect = codec::LedgerEffect::kNone;
  std::string txid;  // of the request, or of the answer
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

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_RECORDS_H_
