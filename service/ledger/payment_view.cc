#include "service/ledger/payment_view.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "payone/v1/responses.pb.h"

namespace payone::service {
namespace {

using codec::LedgerEffect;
using google::protobuf::util::TimeUtil;
using payone::v1::GetPaymentResponse;
using payone::v1::PaymentHistoryEntry;
using payone::v1::RequestOutcome;
using payone::v1::TransactionAction;

google::protobuf::Timestamp ToProto(absl::Time time) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(time));
}

RequestOutcome ToProto(RequestRecord::Outcome outcome) {
  switch (outcome) {
    case RequestRecord::Outcome::kSending:
      return payone::v1::REQUEST_OUTCOME_SENDING;
    case RequestRecord::Outcome::kAnswered:
      return payone::v1::REQUEST_OUTCOME_ANSWERED;
    case RequestRecord::Outcome::kNotSent:
      return payone::v1::REQUEST_OUTCOME_NOT_SENT;
    case RequestRecord::Outcome::kUnknown:
      return payone::v1::REQUEST_OUTCOME_UNKNOWN;
  }
  return payone::v1::REQUEST_OUTCOME_UNSPECIFIED;
}

bool Approved(const RequestRecord& r) {
  return r.outcome == RequestRecord::Outcome::kAnswered &&
         r.status == "APPROVED";
}

// Whether the request may still have moved money nobody confirmed: no answer
// yet or none that can be read, or an answer whose status is newer than the
// model (it may mean approved).
bool Undecided(const RequestRecord& r) {
  if (r.outcome == RequestRecord::Outcome::kSending ||
      r.outcome == RequestRecord::Outcome::kUnknown) {
    return true;
  }
  payone::v1::Status known;
  return r.outcome == RequestRecord::Outcome::kAnswered &&
         !payone::v1::Status_Parse(absl::StrCat("STATUS_", r.status), &known);
}

// Applies an approved request to the amounts.
void Apply(const RequestRecord& r, PaymentFacts* facts) {
  GetPaymentResponse& view = facts->view;
  if (codec::OpensProcess(r.effect)) {
    facts->opened_here = true;
    facts->is_authorization = r.effect == LedgerEffect::kAuthorize;
    view.set_reference(r.reference);
    view.set_currency(r.currency);
    view.set_reserved_amount(r.amount);
    if (facts->is_authorization) {
      view.set_captured_amount(r.amount);
      view.set_capture_completed(true);
    }
    view.set_last_sequencenumber(
        std::max(view.last_sequencenumber(), r.sequencenumber.value_or(0)));
    return;
  }
  if (!codec::FollowsUp(r.effect)) return;
  // PAYONE numbers a capture sent without one (only the first may) itself.
  view.set_last_sequencenumber(
      std::max(view.last_sequencenumber(),
               r.sequencenumber.value_or(view.last_sequencenumber() + 1)));
  if (r.effect == LedgerEffect::kCapture) {
    view.set_captured_amount(view.captured_amount() + r.amount);
    if (r.capturemode == "completed" || r.amount == 0 ||
        view.captured_amount() >= view.reserved_amount()) {
      view.set_capture_completed(true);
    }
  } else if (r.amount < 0) {
    view.set_refunded_amount(view.refunded_amount() - r.amount);
  } else {
    view.set_captured_amount(view.captured_amount() + r.amount);
  }
}

// The notification PAYONE sends for a follow-up it booked.
TransactionAction ActionOf(LedgerEffect effect) {
  switch (effect) {
    case LedgerEffect::kCapture:
      return payone::v1::TRANSACTION_ACTION_CAPTURE;
    case LedgerEffect::kRefund:
      return payone::v1::TRANSACTION_ACTION_REFUND;
    case LedgerEffect::kDebit:
      return payone::v1::TRANSACTION_ACTION_DEBIT;
    default:
      return payone::v1::TRANSACTION_ACTION_UNSPECIFIED;
  }
}

// A follow-up whose answer never came, which PAYONE's notification of the
// same action and sequence number says it booked: its money moved.
bool BookedPerNotification(const RequestRecord& r,
                           const std::vector<StoredNotification>& notify) {
  if (!Undecided(r) || !codec::FollowsUp(r.effect) ||
      !r.sequencenumber.has_value()) {
    return false;
  }
  for (const StoredNotification& n : notify) {
    if (n.notification.sequencenumber() == *r.sequencenumber &&
        n.notification.txaction() == ActionOf(r.effect)) {
      return true;
    }
  }
  return false;
}

}  // namespace

payone::v1::TransactionStatusEvent ToEvent(const StoredNotification& stored) {
  payone::v1::TransactionStatusEvent event;
  event.set_cursor(stored.cursor);
  event.set_account(stored.account);
  *event.mutable_received_time() = ToProto(stored.received_at);
  *event.mutable_notification() = stored.notification;
  event.set_undecoded(!stored.decode_error.empty());
  event.set_decode_error(stored.decode_error);
  return event;
}

PaymentFacts BuildPaymentFacts(absl::string_view account,
                               absl::string_view txid,
                               const std::vector<RequestRecord>& requests,
                               const std::vector<StoredNotification>& notify) {
  PaymentFacts facts;
  GetPaymentResponse& view = facts.view;
  view.set_account(std::string(account));
  view.set_txid(std::string(txid));

  // PAYONE's notifications settle requests whose answer never came: a
  // notification with a sequence number at least the request's says that
  // number is taken.
  int32_t notified_sequencenumber = -1;
  for (const StoredNotification& n : notify) {
    notified_sequencenumber =
        std::max(notified_sequencenumber, n.notification.sequencenumber());
  }
  std::vector<std::pair<absl::Time, PaymentHistoryEntry>> history;
  for (const RequestRecord& r : requests) {
    const bool booked = BookedPerNotification(r, notify);
    if (Approved(r) || booked) Apply(r, &facts);
    const bool undecided = !booked && Undecided(r);
    if (undecided && !(r.sequencenumber.has_value() &&
                       *r.sequencenumber <= notified_sequencenumber)) {
      facts.unresolved_request = true;
    }
    // Money a request in flight (or of unknown outcome) may move: the checks
    // count it as moved, so that concurrent requests never add up to more
    // than PAYONE allows.
    if (undecided && r.effect == LedgerEffect::kCapture) {
      facts.pending_capture += r.amount;
    } else if (undecided && r.amount < 0 &&
               (r.effect == LedgerEffect::kRefund ||
                r.effect == LedgerEffect::kDebit)) {
      facts.pending_refund -= r.amount;
    }
    PaymentHistoryEntry entry;
    *entry.mutable_time() = ToProto(r.sent_at);
    payone::v1::LedgerRequest* request = entry.mutable_request();
    request->set_request_type(r.request_type);
    if (r.sequencenumber.has_value()) {
      request->set_sequencenumber(*r.sequencenumber);
    }
    request->set_amount(r.amount);
    request->set_currency(r.currency);
    request->set_capturemode(r.capturemode);
    request->set_outcome(ToProto(r.outcome));
    request->set_status(r.status);
    request->set_errorcode(r.errorcode);
    history.emplace_back(r.sent_at, std::move(entry));
  }
  for (const StoredNotification& n : notify) {
    const auto& notification = n.notification;
    view.set_last_sequencenumber(
        std::max(view.last_sequencenumber(), notification.sequencenumber()));
    view.set_last_txaction(notification.txaction());
    // A process opened elsewhere (another system, the PMI) still gets its
    // reference, currency and reservation from the appointed notification.
    if (!facts.opened_here &&
        notification.txaction() == payone::v1::TRANSACTION_ACTION_APPOINTED) {
      view.set_reference(notification.reference());
      view.set_currency(notification.currency());
      view.set_reserved_amount(notification.price());
    }
    PaymentHistoryEntry entry;
    *entry.mutable_time() = ToProto(n.received_at);
    *entry.mutable_notification() = ToEvent(n);
    history.emplace_back(n.received_at, std::move(entry));
  }
  std::stable_sort(
      history.begin(), history.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [time, entry] : history) {
    *view.add_history() = std::move(entry);
  }
  facts.known = facts.opened_here || !notify.empty();
  view.set_open_amount(view.capture_completed()
                           ? 0
                           : std::max<int64_t>(0, view.reserved_amount() -
                                                      view.captured_amount()));
  return facts;
}

absl::StatusOr<std::optional<int32_t>> NextSequenceNumber(
    const PaymentFacts& facts) {
  if (!facts.known) return std::nullopt;
  if (facts.unresolved_request) {
    return absl::FailedPreconditionError(absl::StrCat(
        "txid ", facts.view.txid(),
        ": an earlier request on this payment process is still in flight or "
        "its outcome is unknown, so the next sequencenumber is not known; "
        "set sequencenumber explicitly (GetPayment shows the history)"));
  }
  return facts.view.last_sequencenumber() + 1;
}

absl::Status CheckAgainstLedger(const PaymentFacts& facts,
                                const RequestRecord& request) {
  const GetPaymentResponse& view = facts.view;
  if (!facts.opened_here) return absl::OkStatus();
  if (request.effect == LedgerEffect::kCapture) {
    if (facts.is_authorization) {
      return absl::FailedPreconditionError(
          absl::StrCat("txid ", view.txid(),
                       " is an authorization, which is booked at once; only a "
                       "preauthorization can be captured"));
    }
    if (view.capture_completed()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "txid ", view.txid(),
          ": the capture is completed (capturemode=completed, everything "
          "captured, or the reservation released); no further capture"));
    }
    const int64_t open = view.open_amount() - facts.pending_capture;
    if (request.amount > open) {
      return absl::FailedPreconditionError(absl::StrCat(
          "txid ", view.txid(), ": capture of ", request.amount,
          " exceeds the open reservation of ", view.open_amount(),
          facts.pending_capture == 0
              ? ""
              : absl::StrCat(" less ", facts.pending_capture,
                             " in captures in flight or of unknown outcome")));
    }
  }
  if (request.effect == LedgerEffect::kRefund) {
    const int64_t refundable =
        view.captured_amount() - view.refunded_amount() - facts.pending_refund;
    if (-request.amount > refundable) {
      return absl::FailedPreconditionError(absl::StrCat(
          "txid ", view.txid(), ": refund of ", -request.amount,
          " exceeds the captured and not yet refunded amount of ", refundable,
          facts.pending_refund == 0
              ? ""
              : absl::StrCat(" (after ", facts.pending_refund,
                             " in refunds in flight or of unknown outcome)")));
    }
  }
  return absl::OkStatus();
}

}  // namespace payone::service
