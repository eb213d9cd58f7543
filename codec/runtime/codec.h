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
//   // Wire names (or stems: "add_paydata", "it") of m's sensitive fields,
//   // for RedactFormBody/RedactResponseBody (redact.h).
//   static absl::Span<const absl::string_view> SensitiveWireNames();
//   // What it does to a payment's ledger (ledger.h), from ledger_effect and
//   // the fields tagged (payone.v1.field).ledger: kLedgerEffect (kNone when
//   // untagged), kTakesSequenceNumber, LedgerFields LedgerFieldsOf(const M&),
//   // and SetSequenceNumber(M*, int32_t) where kTakesSequenceNumber.
//
// A response message R (kind RESPONSE) gets:
//   // Parses PAYONE's key=value lines (status first) into `r`, which is
//   // cleared first. Unknown keys land in the unknown_parameters map.
//   static absl::Status Decode(absl::string_view body, const DecodeOptions&,
//                              R* r);
//   static std::string RedactedDebugString(const R& r);
//   static absl::Span<const absl::string_view> SensitiveWireNames();
//
// A notification message N (kind NOTIFICATION) gets:
//   // Parses the form-encoded POST body.
//   static absl::Status Decode(absl::string_view body, const DecodeOptions&,
//                              N* n);
//   static std::string RedactedDebugString(const N& n);
//   static absl::Span<const absl::string_view> SensitiveWireNames();
//
// Every annotated message (PART ones too) also gets the building blocks the
// above are made of (ValidateFields, EncodeFields, DecodeField,
// AppendDebugFields); they are for generated code only.
//
// Decoding rules: an empty value is "not set"; a value that does not parse
// for its field's type is an error naming the parameter (never the value);
// an enum text without a matching value goes to the unknown_parameters map
// unless the field is required (then it is an error, as for a RESPONSE's
// `status`); a required parameter that is missing is an error; indexed
// parameters beyond the field's max_len (default 400) are an error.

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
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

// Specialised by generated code for every enum of a file it generates for:
//   static absl::string_view ToWire(E value);   // "" for 0 and unknown
//   static bool FromWire(absl::string_view text, E* value);
//   static absl::string_view Name(E value);     // the proto name, for logs
template <typename E>
struct PayoneEnum;

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_CODEC_H_
