#include "service/gateway/authorizer.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "service/config/hex_digest.h"

namespace payone::service {

absl::StatusOr<Authorized> Authorizer::Authorize(
    absl::string_view authorization, absl::string_view account) const {
  Authorized result;
  const ClientSettings* client = nullptr;
  if (!authorization.empty() || !config_.allow_unauthenticated) {
    absl::string_view token = authorization;
    if (!absl::ConsumePrefix(&token, "Bearer ") || token.empty()) {
      return absl::UnauthenticatedError(
          "send the client token as metadata 'authorization: Bearer <token>'");
    }
    const std::string digest = HexDigest(DigestAlgorithm::kSha256, token);
    for (const ClientSettings& candidate : config_.clients) {
      if (ConstantTimeEquals(candidate.token_sha256, digest)) {
        client = &candidate;
        break;
      }
    }
    if (client == nullptr) {
      return absl::UnauthenticatedError("the bearer token is not valid");
    }
    result.client = client->name;
  } else {
    result.client = "anonymous";
  }
  if (account.empty()) {
    return absl::InvalidArgumentError(
        "account is required: name the PAYONE account configured in the "
        "gateway");
  }
  auto it = config_.accounts.find(account);
  if (it == config_.accounts.end()) {
    return absl::NotFoundError(absl::StrCat("no PAYONE account named '",
                                            account,
                                            "' is configured in the gateway"));
  }
  if (client != nullptr && !client->all_accounts &&
      !client->accounts.contains(account)) {
    return absl::PermissionDeniedError(absl::StrCat(
        "client '", client->name, "' may not use account '", account, "'"));
  }
  result.account = &it->second;
  return result;
}

}  // namespace payone::service
