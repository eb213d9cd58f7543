#ifndef PAYONE_SERVICE_GATEWAY_TESTING_H_
#define PAYONE_SERVICE_GATEWAY_TESTING_H_

// Test helper: the gateway's settings for the simulator's test portal.

#include <string>

#include "absl/strings/string_view.h"
#include "service/config/config.h"

namespace payone::service {

// Gateway account `name` for the simulator's mid 10000, aid 10001, portal
// 2000001 in test mode with `portal_key` (its SHA-384 for requests, its MD5
// for TransactionStatus, itself for the Client API hash), the schema's
// default API version and encoding.
AccountSettings SimulatorTestAccount(const std::string& name,
                                     absl::string_view portal_key);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_TESTING_H_
