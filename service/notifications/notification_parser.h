#ifndef PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_PARSER_H_
#define PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_PARSER_H_

// How the body of a TransactionStatus POST reads, before anything about it
// is verified: what the receiver decides on, and what a fuzzer can feed any
// bytes to. Pure: no I/O, no state.

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "payone/v1/notification.pb.h"

namespace payone::service {

struct ParsedNotification {
  enum class Verdict {
    // The model reads it (values it does not know are kept in
    // other_parameters).
    kDecoded,
    // A well-formed form the model still cannot read (a required parameter
    // is missing, ...): kept raw, never lost.
    kUndecoded,
    // Not what PAYONE sends (a broken escape, a repeated parameter, a
    // control byte, too large): refused.
    kMalformed,
  };
  Verdict verdict = Verdict::kMalformed;
  // kDecoded: the notification. kUndecoded: `key`, `portalid`, `aid`, `txid`
  // and `sequencenumber` where they read, and every parameter but `key`, as
  // text, in other_parameters. UTF-8 (PAYONE sends ISO-8859-1).
  payone::v1::TransactionStatusNotification notification;
  // Why it is undecoded or malformed; names a parameter, never a value.
  std::string problem;
};

ParsedNotification ParseNotification(absl::string_view body,
                                     size_t max_body_bytes);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_PARSER_H_
