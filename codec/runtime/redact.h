#ifndef PAYONE_CODEC_RUNTIME_REDACT_H_
#define PAYONE_CODEC_RUNTIME_REDACT_H_

// Bodies for logs. Generated codecs list the wire names of their sensitive
// fields (PayoneCodec<M>::SensitiveWireNames()); these functions replace the
// values of those parameters, and always of `key` (the hashed portal key the
// gateway adds), with "<redacted>".

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace payone::codec {

inline constexpr absl::string_view kRedacted = "<redacted>";

// True when parameter `name` (decoded, e.g. "cardpan", "add_paydata[x]")
// matches an entry of `sensitive` exactly or by its stem before '[' (an
// entry "add_paydata" covers every add_paydata[...] parameter), or is "key".
bool IsSensitiveName(absl::string_view name,
                     absl::Span<const absl::string_view> sensitive);

// A form body (request or notification) with sensitive values replaced.
// Other parameters stay exactly as they were; a malformed body is redacted
// segment by segment, never echoed where a name cannot be decoded.
std::string RedactFormBody(absl::string_view body,
                           absl::Span<const absl::string_view> sensitive);

// A key=value response body with sensitive values replaced; line breaks are
// kept.
std::string RedactResponseBody(absl::string_view body,
                               absl::Span<const absl::string_view> sensitive);

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_REDACT_H_
