#ifndef PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_
#define PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "service/config/config.h"
#include "service/config/live_config.h"

namespace payone::service {

struct Authorized {
  // The calling client's configured name ("anonymous" without auth).
  std::string client;
  // Points into `config`.
  const AccountSettings* account = nullptr;
  // The configuration the call was admitted with: the call keeps it (and
  // so `account`) to its end, whatever a reload does meanwhile.
  std::shared_ptr<const Config> config;
};

// Decides whether a call may use the PAYONE account it names.
class Authorizer {
 public:
  // `config` must outlive this; every Authorize reads its current snapshot.
  explicit Authorizer(const LiveConfig& config) : config_(config) {}

  // `authorization` is the call's "authorization" metadata ("Bearer <token>"),
  // empty when absent. UNAUTHENTICATED: no or unknown token; NOT_FOUND: no
  // such account; PERMISSION_DENIED: the client may not use it.
  absl::StatusOr<Authorized> Authorize(absl::string_view authorization,
                                       absl::string_view account) const;

 private:
  const LiveConfig& config_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_
