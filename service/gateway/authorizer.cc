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

Authorizer::Authorizer(const Config& config) : config_(config) {
  client_digests_.resize(config_.clients.size());
  digest_valid_.resize(config_.clients.size(), false);
  for (size_t i = 0; i < config_.clients.size(); ++i) {
    const std::string& hex = config_.clients[i].token_sha256;
    // Lower case only, as HexDigest writes it and the loader stores it.
    if (hex.size() != 2 * sizeof(Digest) ||
        !std::all_of(hex.begin(), hex.end(), [](char c) {
          return absl::ascii_isdigit(c) || (c >= 'a' && c <= 'f');
        })) {
      continue;
    }
    const std::string bytes = absl::HexStringToBytes(hex);
    std::copy(bytes.begin(), bytes.end(), client_digests_[i].begin());
    digest_valid_[i] = true;
  }
}

bool Authorizer::TokenDigest(absl::string_view token, Digest* digest) {
  // OpenSSL 3 looks the algorithm up (under a lock) on every implicit fetch
  // and allocates a context per EVP_Digest; fetch once, keep a context per
  // thread.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(
      EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned int size = 0;
  return sha256 != nullptr && ctx != nullptr &&
         EVP_DigestInit_ex(ctx.get(), sha256, nullptr) == 1 &&
         EVP_DigestUpdate(ctx.get(), token.data(), token.size()) == 1 &&
         EVP_DigestFinal_ex(ctx.get(), digest->data(), &size) == 1 &&
         size == digest->size();
}

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
    Digest digest;
    if (!TokenDigest(token, &digest)) {
      return absl::InternalError("cannot check the bearer token");
    }
    for (size_t i = 0; i < client_digests_.size(); ++i) {
      if (digest_valid_[i] &&
          CRYPTO_memcmp(client_digests_[i].data(), digest.data(),
                        digest.size()) == 0) {
        client = &config_.clients[i];
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
  const bool exists = it != config_.accounts.end();
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
