#ifndef PAYONE_SERVICE_LEDGER_REQUEST_FACTS_H_
#define PAYONE_SERVICE_LEDGER_REQUEST_FACTS_H_

// What the ledger records of a request, read from whichever of the fields
// txid, reference, sequencenumber, amount, currency and capturemode its
// message has. Works for every request type, so adding one to the .proto
// needs nothing here.

#include <string>
#include <type_traits>
#include <utility>

#include "codec/runtime/codec.h"
#include "service/store/store.h"

namespace payone::service {
namespace ledger_internal {

#define PAYONE_LEDGER_HAS(name, expression) \
  template <typename T, typename = void>    \
  struct name : std::false_type {};         \
  template <typename T>                     \
  struct name<T, std::void_t<decltype(expression)>> : std::true_type {}

PAYONE_LEDGER_HAS(HasTxid, std::declval<const T&>().txid());
PAYONE_LEDGER_HAS(HasReference, std::declval<const T&>().reference());
PAYONE_LEDGER_HAS(HasSequenceNumber,
                  std::declval<const T&>().has_sequencenumber());
PAYONE_LEDGER_HAS(HasAmount, std::declval<const T&>().amount());
PAYONE_LEDGER_HAS(HasCurrency, std::declval<const T&>().currency());
PAYONE_LEDGER_HAS(HasCaptureMode, std::declval<const T&>().capturemode());

#undef PAYONE_LEDGER_HAS

}  // namespace ledger_internal

// Requests that take a sequence number (capture, debit, refund).
template <typename Req>
constexpr bool kTakesSequenceNumber =
    ledger_internal::HasSequenceNumber<Req>::value;

template <typename Req>
RequestRecord DescribeRequest(const Req& req) {
  namespace li = ledger_internal;
  RequestRecord record;
  record.account = req.account();
  record.request_type = std::string(codec::PayoneCodec<Req>::kRequestType);
  if constexpr (li::HasTxid<Req>::value) record.txid = req.txid();
  if constexpr (li::HasReference<Req>::value)
    record.reference = req.reference();
  if constexpr (li::HasSequenceNumber<Req>::value) {
    if (req.has_sequencenumber()) record.sequencenumber = req.sequencenumber();
  }
  if constexpr (li::HasAmount<Req>::value) record.amount = req.amount();
  if constexpr (li::HasCurrency<Req>::value) record.currency = req.currency();
  if constexpr (li::HasCaptureMode<Req>::value) {
    using Mode = std::decay_t<decltype(req.capturemode())>;
    record.capturemode =
        std::string(codec::PayoneEnum<Mode>::ToWire(req.capturemode()));
  }
  return record;
}

}  // namespace payone::service

#endif  // PAYONE_SERVICE_LEDGER_REQUEST_FACTS_H_
