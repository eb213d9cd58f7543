#include "service/config/hex_digest.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>

#include "absl/strings/escaping.h"

namespace payone::service {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// OpenSSL 3 looks an algorithm up (under a lock) on every implicit fetch and
// allocates a context per EVP_Digest: each algorithm is fetched once and
// each thread keeps one context. Per-call users: notification dedupe keys,
// idempotency fingerprints, bearer tokens.
const EVP_MD* Fetched(DigestAlgorithm algorithm) {
  static EVP_MD* const md5 = EVP_MD_fetch(nullptr, "MD5", nullptr);
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  static EVP_MD* const sha384 = EVP_MD_fetch(nullptr, "SHA2-384", nullptr);
  switch (algorithm) {
    case DigestAlgorithm::kMd5:
      return md5;
    case DigestAlgorithm::kSha256:
      return sha256;
    case DigestAlgorithm::kSha384:
      return sha384;
  }
  return nullptr;
}

// Writes the digest of `data` to `digest` (EVP_MAX_MD_SIZE bytes) and
// returns its size, 0 if OpenSSL failed.
unsigned int Digest(DigestAlgorithm algorithm, absl::string_view data,
                    unsigned char* digest) {
  thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(
      EVP_MD_CTX_new(), EVP_MD_CTX_free);
  const EVP_MD* md = Fetched(algorithm);
  unsigned int size = 0;
  if (md == nullptr || ctx == nullptr ||
      EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &size) != 1) {
    return 0;
  }
  return size;
}

void ToHex(const unsigned char* digest, unsigned int size, char* hex) {
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xf];
  }
}

}  // namespace

std::string HexDigest(DigestAlgorithm algorithm, absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  const unsigned int size = Digest(algorithm, data, digest);
  std::string hex(2 * size, '\0');
  ToHex(digest, size, hex.data());
  return hex;
}

bool HexSha256(absl::string_view data, char (&hex)[64]) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  if (Digest(DigestAlgorithm::kSha256, data, digest) != 32) return false;
  ToHex(digest, 32, hex);
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
