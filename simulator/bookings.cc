// capture, refund and debit: bookings on the transaction account of an
// existing payment process, with PAYONE's sequence and amount rules.

#include <algorithm>
#include <optional>
#include <string>

#include "absl/algorithm/container.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "simulator/handler.h"
#include "simulator/test_data.h"

namespace payone::simulator {
namespace {

// The process a booking refers to, after the rules every booking shares:
// known txid of this portal (913), same mode (926), same currency (910),
// the next sequencenumber (907; `sequence_required` or 1009).
struct Target {
  Transaction* tx = nullptr;
  std::optional<PayoneError> error;
};

Target FindTarget(Call& call, bool sequence_required) {
  Target target;
  target.tx = call.ledger.Find(call.account.portalid, call.Get("txid"));
  if (target.tx == nullptr) {
    target.error = PayoneError{913, ""};
    return target;
  }
  const Transaction& tx = *target.tx;
  if (tx.mode != call.Get("mode")) {
    target.error = PayoneError{926, ""};
  } else if (tx.currency != call.Get("currency")) {
    target.error = PayoneError{910, ""};
  } else if (call.Get("sequencenumber").empty()) {
    if (sequence_required) target.error = ParamError("sequencenumber");
  } else {
    int sequence = -1;
    if (!absl::SimpleAtoi(call.Get("sequencenumber"), &sequence) ||
        sequence > 127) {
      target.error = ParamError("sequencenumber");  // NUMERIC 0..127
    } else if (sequence != tx.sequence + 1) {
      target.error = PayoneError{907, ""};
    }
  }
  return target;
}

Answer Booked(const Transaction& tx, bool settled) {
  Answer answer = Answer::Status("APPROVED");
  answer.Add("txid", absl::StrCat(tx.txid));
  answer.Add("settleaccount", settled ? "yes" : "no");
  return answer;
}

// Collects a booked claim where money follows bookings; says whether the
// account was settled.
bool Settle(Call& call, Transaction& tx, int64_t amount) {
  if (!tx.collects || call.Get("settleaccount") == "no") return false;
  if (amount > 0) {
    tx.paid += amount;
    Notify(call, tx, "paid");
    if (tx.returned_debit) {
      tx.paid -= amount;
      Notify(call, tx, "failed", {{"failedcause", "soc"}});
    }
  } else {
    tx.paid -= std::min(-amount, tx.paid);
  }
  return true;
}

Answer Capture(Call& call) {
  if (auto error = CheckRules(
          call.params,
          {{"txid", true, Format::kDigits},
           {"amount", true, Format::kAmount},
           {"currency", true, Format::kCurrency},
           {"sequencenumber", false, Format::kDigits},
           {"capturemode", false, Format::kList, "completed|notcompleted"},
           {"settleaccount", false, Format::kList, "yes|no|auto"}})) {
    return call.Fail(*error);
  }
  Target target = FindTarget(call, /*sequence_required=*/false);
  if (target.error) return call.Fail(*target.error);
  Transaction& tx = *target.tx;
  // A second capture must say its sequencenumber (DOC-CAPTURE).
  if (tx.sequence > 0 && call.Get("sequencenumber").empty()) {
    return call.Fail(ParamError("sequencenumber"));
  }
  if (tx.state == TxState::kRedirect) return call.Fail({305, ""});
  if (!tx.preauthorization || tx.state == TxState::kFailed) {
    return call.Fail({950, ""});
  }
  if (tx.capture_completed || tx.state == TxState::kCancelled) {
    return call.Fail({952, ""});
  }
  const int64_t amount = AmountOf(call);
  const bool completed = call.Get("capturemode") == "completed";
  if (amount == 0 && call.Get("capturemode") == "notcompleted") {
    return call.Fail({935, ""});
  }
  if (amount > tx.price - tx.captured) return call.Fail({908, ""});

  ++tx.sequence;
  if (amount == 0) {
    // Capture 0 releases what is left of the reservation.
    tx.capture_completed = true;
    if (tx.captured == 0) tx.state = TxState::kCancelled;
    Notify(call, tx, tx.captured == 0 ? "cancelation" : "capture");
    return Booked(tx, false);
  }
  tx.captured += amount;
  tx.receivable += amount;
  tx.capture_completed = completed || tx.captured == tx.price;
  Notify(call, tx, "capture");
  const bool settled = Settle(call, tx, amount);
  Answer answer = Booked(tx, settled);
  if (tx.clearingtype == "vor" || tx.clearingtype == "rec") {
    AddClearingAccount(&answer);
  }
  return answer;
}

Answer Refund(Call& call) {
  if (auto error =
          CheckRules(call.params, {{"txid", true, Format::kDigits},
                                   {"sequencenumber", true, Format::kDigits},
                                   {"amount", true, Format::kSignedAmount},
                                   {"currency", true, Format::kCurrency}})) {
    return call.Fail(*error);
  }
  const int64_t amount = AmountOf(call);
  if (amount >= 0) return call.Fail(ParamError("amount"));
  Target target = FindTarget(call, /*sequence_required=*/true);
  if (target.error) return call.Fail(*target.error);
  Transaction& tx = *target.tx;
  // Only money that was actually paid can be refunded.
  if (tx.paid <= 0 || tx.state != TxState::kApproved) {
    return call.Fail({915, ""});
  }
  if (-amount > tx.paid) return call.Fail({906, ""});
  ++tx.sequence;
  tx.receivable += amount;
  tx.paid += amount;
  Notify(call, tx, "refund");
  Answer answer = Answer::Status("APPROVED");
  answer.Add("txid", absl::StrCat(tx.txid));
  return answer;
}

Answer Debit(Call& call) {
  if (auto error = CheckRules(
          call.params,
          {{"txid", true, Format::kDigits},
           {"sequencenumber", true, Format::kDigits},
           {"amount", true, Format::kSignedAmount},
           {"currency", true, Format::kCurrency},
           {"transactiontype", false, Format::kList, "GT|FD|RL|MG|VZ|VD|RT"},
           {"settleaccount", false, Format::kList, "yes|no|auto"}})) {
    return call.Fail(*error);
  }
  const int64_t amount = AmountOf(call);
  std::string type = call.Get("transactiontype");
  if (type.empty()) type = amount < 0 ? "GT" : "FD";
  // A credit (GT) books a negative amount, every other type a claim.
  if ((type == "GT") != (amount < 0)) {
    return call.Fail(ParamError("transactiontype"));
  }
  Target target = FindTarget(call, /*sequence_required=*/true);
  if (target.error) return call.Fail(*target.error);
  Transaction& tx = *target.tx;
  if (tx.state != TxState::kApproved) return call.Fail({950, ""});
  ++tx.sequence;
  tx.receivable += amount;
  // A credit is paid out with the booking; a claim is collected after it.
  bool settled = amount < 0 && Settle(call, tx, amount);
  Notify(call, tx, "debit", {{"transactiontype", type}});
  if (amount > 0) settled = Settle(call, tx, amount);
  return Booked(tx, settled);
}

}  // namespace

absl::Status ReceivePayment(Call& call, Transaction& tx, int64_t amount) {
  if (amount <= 0) return absl::InvalidArgumentError("amount must be > 0");
  if (tx.state != TxState::kApproved) {
    return absl::FailedPreconditionError("the payment is not approved");
  }
  tx.paid += amount;
  Notify(call, tx,
         tx.paid >= std::max(tx.price, tx.receivable) ? "paid" : "underpaid");
  return absl::OkStatus();
}

absl::Status Chargeback(Call& call, Transaction& tx,
                        absl::string_view failedcause) {
  static constexpr const char* kCauses[] = {"soc", "cka", "uan",  "ndd", "rcl",
                                            "obj", "ret", "nelv", "cb",  "ncc"};
  if (absl::c_find(kCauses, failedcause) == std::end(kCauses)) {
    return absl::InvalidArgumentError("unknown failedcause");
  }
  if (tx.paid <= 0) return absl::FailedPreconditionError("nothing was paid");
  tx.paid = 0;
  Notify(call, tx, "failed", {{"failedcause", std::string(failedcause)}});
  return absl::OkStatus();
}

void RegisterBookings(HandlerTable* table) {
  (*table)["capture"] = Capture;
  (*table)["refund"] = Refund;
  (*table)["debit"] = Debit;
}

}  // namespace payone::simulator
