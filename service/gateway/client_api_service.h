#ifndef PAYONE_SERVICE_GATEWAY_CLIENT_API_SERVICE_H_
#define PAYONE_SERVICE_GATEWAY_CLIENT_API_SERVICE_H_

// payone.v1.PayoneClientApi: the parameters and `hash` of calls the
// customer's browser makes to PAYONE's Client API (the hosted iFrame), so
// that card data goes from the browser to PAYONE and never through the shop
// (PCI DSS SAQ A) while the portal key stays inside the gateway.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "codec/runtime/violations.h"
#include "payone/v1/client_api.grpc.pb.h"
#include "service/config/config.h"
#include "service/config/live_config.h"
#include "service/gateway/authorizer.h"

namespace payone::service {

// PAYONE's Client API hash: the values of the parameters PAYONE hashes
// that `parameters` carries, in the order of their sorted names, joined
// without separator; HMAC-SHA384 keyed with the portal key, or (legacy)
// the MD5 of that string followed by the key. `hashed` (may be null)
// receives the names used, in order.
std::string ClientApiHash(
    const std::vector<std::pair<std::string, std::string>>& parameters,
    absl::string_view portal_key, bool legacy_md5,
    std::vector<std::string>* hashed);

// The answer of PrepareCreditCardCheck for `account`, or the violations of
// `request` (then `response` is untouched).
void PrepareCreditCardCheck(
    const AccountSettings& account, const std::string& client_api_url,
    const payone::v1::PrepareCreditCardCheckRequest& request,
    payone::v1::PrepareCreditCardCheckResponse* response,
    codec::Violations* violations);

class ClientApiService final
    : public payone::v1::PayoneClientApi::CallbackService {
 public:
  // `config` must outlive the service.
  explicit ClientApiService(const LiveConfig& config);

  grpc::ServerUnaryReactor* PrepareCreditCardCheck(
      grpc::CallbackServerContext* ctx,
      const payone::v1::PrepareCreditCardCheckRequest* request,
      payone::v1::PrepareCreditCardCheckResponse* response) override;

 private:
  Authorizer authorizer_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_CLIENT_API_SERVICE_H_
