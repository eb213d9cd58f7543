#include "service/gateway/authorizer.h"

#include <algorithm>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "service/config/hex_digest.h"

namespace payone::service {

absl::StatusOr<Authorized> Authorizer::Authorize(
    absl::string_view authorization, absl::string_view account) const {
  Authorized result;
  result.config = config_.Get();
  const Config& config = *result.config;
  const ClientSettings* client = nullptr;
  if (!authorization.empty() || !config.file.allow_unauthenticated()) {
    absl::string_view token = authorization;
    if (!absl::ConsumePrefix(&token, "Bearer ") || token.empty()) {
      return absl::UnauthenticatedError(
          "send the client token as metadata 'authorization: Bearer <token>'");
    }
    char hex[64];
    if (!HexSha256(token, hex)) {
      return absl::InternalError("cannot check the bearer token");
    }
    for (const ClientSettings& candidate : config.clients) {
      if (ConstantTimeEquals(candidate.token_sha256,
                             absl::string_view(hex, sizeof(hex)))) {
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
  auto it = config.accounts.find(account);
  const bool exists = it != config.accounts.end();
  if (client != nullptr && !(exists && (client->all_accounts ||
                                        client->accounts.contains(account)))) {
    // One answer whether the account is missing or someone else's: a client
    // learns nothing about the accounts it may not use.
    return absl::PermissionDeniedError(
        absl::StrCat("client '", client->name,
                     "' may not use an account named '", account, "'"));
  }
  if (!exists) {
    // Anonymous callers (allow_unauthenticated) may use every account.
    return absl::NotFoundError(absl::StrCat("no PAYONE account named '",
                                            account,
                                            "' is configured in the gateway"));
  }
  result.account = &it->second;
  return result;
}

}  // namespace payone::service
