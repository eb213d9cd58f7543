#ifndef PAYONE_SERVICE_CONFIG_HEX_DIGEST_H_
#define PAYONE_SERVICE_CONFIG_HEX_DIGEST_H_

#include <string>

#include "absl/strings/string_view.h"

namespace payone::service {

enum class DigestAlgorithm { kMd5, kSha256, kSha384 };

// Lower-case hex digest of `data` (OpenSSL). PAYONE's `key` parameter is the
// SHA-384 (or legacy MD5) of the portal key in this form.
std::string HexDigest(DigestAlgorithm algorithm, absl::string_view data);

// The same for SHA-256 into `hex`, without allocating: for per-call use (a
// bearer token against the stored client digests). False if OpenSSL failed.
bool HexSha256(absl::string_view data, char (&hex)[64]);

// Lower-case hex HMAC-SHA384 of `data` keyed with `key`: PAYONE's Client API
// `hash`.
std::string HexHmacSha384(absl::string_view key, absl::string_view data);

// Compares two equal-purpose secrets without leaking where they differ.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_CONFIG_HEX_DIGEST_H_
