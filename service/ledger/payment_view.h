#ifndef PAYONE_SERVICE_LEDGER_PAYMENT_VIEW_H_
#define PAYONE_SERVICE_LEDGER_PAYMENT_VIEW_H_

// The ledger's arithmetic: what a payment process looks like after the
// requests the gateway sent and the notifications PAYONE sent, which sequence
// number comes next, and which requests PAYONE would certainly refuse.
// Pure functions over what the store returns, so they are tested without one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "payone/v1/ledger.pb.h"
#include "service/store/records.h"

namespace payone::service {

struct PaymentFacts {
  payone::v1::GetPaymentResponse view;
  // The ledger holds the approved (pre)authorization that opened the process,
  // so its amounts are complete.
  bool opened_here = false;
  // The ledger holds that, or a notification of the process.
  bool known = false;
  bool is_authorization = false;
  // A request on the process is in flight or has an unknown outcome, and no
  // notification has confirmed its sequence number: the next one is not
  // known.
  bool unresolved_request = false;
  // Amounts of captures and refunds in flight or of unknown outcome.
  int64_t pending_capture = 0;
  int64_t pending_refund = 0;
};

// A stored notification as the PaymentLedger service returns it.
payone::v1::TransactionStatusEvent ToEvent(const StoredNotification& stored);

// `requests` and `notifications` of one process, oldest first.
PaymentFacts BuildPaymentFacts(absl::string_view account,
                               absl::string_view txid,
                               const std::vector<RequestRecord>& requests,
                               const std::vector<StoredNotification>& notify);

// The sequence number for the next capture, debit or refund: nullopt when
// the ledger knows nothing of the process (PAYONE decides); an error
// (FAILED_PRECONDITION) when an earlier request's outcome is unknown.
absl::StatusOr<std::optional<int32_t>> NextSequenceNumber(
    const PaymentFacts& facts);

// FAILED_PRECONDITION when PAYONE would refuse `request` on this process: a
// capture above the open reservation or after the capture completed, a
// refund above what was captured and not yet refunded. OK when the ledger
// does not know enough to tell.
absl::Status CheckAgainstLedger(const PaymentFacts& facts,
                                const RequestRecord& request);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_LEDGER_PAYMENT_VIEW_H_
