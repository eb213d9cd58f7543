#ifndef PAYONE_CODEC_RUNTIME_LEDGER_H_
#define PAYONE_CODEC_RUNTIME_LEDGER_H_

// What a request means to the gateway's payment ledger, as the .proto says it
// ((payone.v1.message).ledger_effect and (payone.v1.field).ledger): generated
// PayoneCodec<M> of every request carries kLedgerEffect and LedgerFieldsOf,
// so the ledger needs neither field names nor request-type strings.

#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"

namespace payone::codec {

enum class LedgerEffect {
  kNone,
  kReserve,
  kAuthorize,
  kCapture,
  kRefund,
  kDebit
};

// What a request means to the ledger; views into the message.
struct LedgerFields {
  absl::string_view txid, reference, currency;
  absl::string_view capturemode;          // wire value ("completed"), or empty
  std::optional<int32_t> sequencenumber;  // unset when the field is unset
  int64_t amount = 0;
};

// preauthorization and authorization: a new payment process (txid).
constexpr bool OpensProcess(LedgerEffect e) {
  return e == LedgerEffect::kReserve || e == LedgerEffect::kAuthorize;
}

// capture, refund and debit: a numbered request on an existing process.
constexpr bool FollowsUp(LedgerEffect e) {
  return e == LedgerEffect::kCapture || e == LedgerEffect::kRefund ||
         e == LedgerEffect::kDebit;
}

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_LEDGER_H_
