#ifndef PAYONE_SERVICE_GATEWAY_CARD_DATA_POLICY_H_
#define PAYONE_SERVICE_GATEWAY_CARD_DATA_POLICY_H_

// An account's card-data policy (card_data: PSEUDO_CARD_PAN_ONLY): requests
// may pay with PAYONE's pseudo card numbers only, so card numbers never pass
// through the shop or the gateway (PCI DSS SAQ A).

#include "absl/strings/string_view.h"
#include "codec/runtime/violations.h"
#include "google/protobuf/message.h"

namespace payone::service {

// Adds a violation for every field of `request` (at any depth) that is set
// and carries raw card data: the PAYONE parameters cardpan and cardcvc2.
// `account` names the account in the explanation. Reads the contract's
// (payone.v1.field).wire_name, so a request type added to the .proto is
// covered without code here.
void CheckPseudoCardPanOnly(const google::protobuf::Message& request,
                            absl::string_view account,
                            codec::Violations* violations);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_CARD_DATA_POLICY_H_
