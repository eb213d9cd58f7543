#include "service/config/hex_digest.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>

#include "absl/strings/escaping.h"

namespace payone::service {

std::string HexDigest(DigestAlgorithm algorithm, absl::string_view data) {
  const EVP_MD* md = algorithm == DigestAlgorithm::kMd5      ? EVP_md5()
                     : algorithm == DigestAlgorithm::kSha256 ? EVP_sha256()
                                                             : EVP_sha384();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, md, nullptr);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), size));
}

bool HexSha256(absl::string_view data, char (&hex)[64]) {
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
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
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

std::string HexHmacSha384(absl::string_view key, absl::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha384(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac,
       &size);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(mac), size));
}

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() &&
         CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace payone::service
