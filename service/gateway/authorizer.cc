#include "service/gateway/authorizer.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace payone::service {

namespace {

// SHA-256 of the token in lower-case hex, as the loader stores client
// digests: no allocation per call. False if OpenSSL failed.
bool TokenDigestHex(absl::string_view token, char (&hex)[64]) {
  // OpenSSL 3 looks the algorithm up (under a lock) on every implicit fetch
  // and allocates a context per EVP_Digest; fetch once, keep a context per
  // thread.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(
      EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char digest[32];
  unsigned int size = 0;
  if (sha256 == nullptr || ctx == nullptr ||
      EVP_DigestInit_ex(ctx.get(), sha256, nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), token.data(), token.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &size) != 1 ||
      size != sizeof(digest)) {
    return false;
  }
  constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < sizeof(digest); ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return true;
}

}  // namespace

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
    if (!TokenDigestHex(token, hex)) {
      return absl::InternalError("cannot check the bearer token");
    }
    for (const ClientSettings& candidate : config.clients) {
      if (candidate.token_sha256.size() == sizeof(hex) &&
          CRYPTO_memcmp(candidate.token_sha256.data(), hex, sizeof(hex)) == 0) {
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
