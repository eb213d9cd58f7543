#ifndef PAYONE_CODEC_RUNTIME_CODEC_H_
#define PAYONE_CODEC_RUNTIME_CODEC_H_

// The contract between generated codecs and their users (the gateway, the
// tests, the benchmarks). protoc-gen-payone specialises PayoneCodec<M> for
// every message annotated with (payone.v1.message); code that is generic over
// request types (the gateway's forwarding path) is written against it.
//
// A request message M (kind REQUEST) gets:
//   static constexpr absl::string_view kRequestType;  // "preauthorization"
//   // Appends every broken rule of `m` to `out`; nothing when valid.
//   static void Validate(const M& m, const EncodeOptions& options,
//                        Violations* out);
//   // Appends m's parameters (not the standard ones: mid, portalid, key,
//   // mode, request, api_version, encoding, which the caller adds) to
//   // `form`. Only defined for a message that passed Validate.
//   static void Encode(const M& m, const EncodeOptions& options,
//                      FormBuilder* form);
//   // m as text for logs, every sensitive field replaced by "<redacted>".
//   static std::string RedactedDebugString(const M& m);
//
// A response message R (kind RESPONSE) gets:
//   // Parses PAYONE's key=value lines (status first) into `r`, which is
//   // cleared first. Unknown keys land in the unknown_parameters map.
//   static absl::Status Decode(absl::string_view body, const DecodeOptions&,
//                              R* r);
//   static std::string RedactedDebugString(const R& r);
//
// A notification message N (kind NOTIFICATION) gets:
//   // Parses the form-encoded POST body.
//   static absl::Status Decode(absl::string_view body, const DecodeOptions&,
//                              N* n);
//   static std::string RedactedDebugString(const N& n);

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/form.h"
#include "codec/runtime/violations.h"

namespace payone::codec {

enum class Charset {
  kUtf8,
  // ISO-8859-1: PAYONE's default when a request does not say encoding=UTF-8.
  kLatin1,
};

struct EncodeOptions {
  // The encoding the request declares; strings are converted to it, and a
  // character it cannot represent is a violation.
  Charset charset = Charset::kUtf8;
};

struct DecodeOptions {
  // The encoding of the body; text is converted to UTF-8.
  Charset charset = Charset::kUtf8;
  // Larger bodies are rejected with INVALID_ARGUMENT.
  size_t max_body_bytes = 1 << 20;
};

// Specialised by generated code only.
template <typename M>
struct PayoneCodec;

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_CODEC_H_
