#ifndef PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_
#define PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_

#include <array>
#include <string>
#include <vector>

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
  // Reads the clients' token digests once; `config` must outlive this.
  explicit Authorizer(const Config& config);

  // `authorization` is the call's "authorization" metadata ("Bearer <token>"),
  // empty when absent. UNAUTHENTICATED: no or unknown token; NOT_FOUND: no
  // such account; PERMISSION_DENIED: the client may not use it.
  absl::StatusOr<Authorized> Authorize(absl::string_view authorization,
                                       absl::string_view account) const;

 private:
  using Digest = std::array<unsigned char, 32>;
  // SHA-256 of the token, raw: no hex string (and no allocation) per call.
  // False if OpenSSL failed.
  static bool TokenDigest(absl::string_view token, Digest* digest);

  const Config& config_;
  // config_.clients[i]'s token_sha256 as bytes; digest_valid_[i] is false
  // (and the client matches no token) unless it is 64 lower-case hex digits.
  std::vector<Digest> client_digests_;
  std::vector<bool> digest_valid_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_AUTHORIZER_H_
