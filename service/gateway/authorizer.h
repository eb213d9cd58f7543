#ifndef PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_
#define PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "service/config/config.h"

namespace payone::service {

struct Authorized {
  // The calling client's configured name ("anonymous" without auth).
  std::string client;
  const AccountSettings* account = nullptr;
};

// Decides whether a call may use the PAYONE account it names.
class Authorizer {
 public:
  explicit Authorizer(const Config& config) : config_(config) {}

  // `authorization` is the call's "authorization" metadata ("Bearer <token>"),
  // empty when absent. UNAUTHENTICATED: no or unknown token; NOT_FOUND: no
  // such account; PERMISSION_DENIED: the client may not use it.
  absl::StatusOr<Authorized> Authorize(absl::string_view authorization,
                                       absl::string_view account) const;

 private:
  const Config& config_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_
