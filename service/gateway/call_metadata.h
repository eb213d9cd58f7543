#ifndef PAYONE_SERVICE_GATEWAY_CALL_METADATA_H_
#define PAYONE_SERVICE_GATEWAY_CALL_METADATA_H_

#include "absl/strings/string_view.h"
#include "grpcpp/grpcpp.h"

namespace payone::service {

// The value of the call's client metadata `key` ("authorization",
// "x-request-id", "idempotency-key"); empty when absent. Valid as long as
// the call.
inline absl::string_view ClientMetadata(grpc::CallbackServerContext* ctx,
                                        absl::string_view key) {
  const auto& metadata = ctx->client_metadata();
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return {};
  return absl::string_view(it->second.data(), it->second.size());
}

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_CALL_METADATA_H_
