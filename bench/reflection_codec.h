#ifndef PAYONE_BENCH_REFLECTION_CODEC_H_
#define PAYONE_BENCH_REFLECTION_CODEC_H_

// The benchmarks' baseline: the codec's job (validate + encode a request,
// decode an answer or a notification) done generically with protobuf
// reflection, reading the (payone.v1.*) options from the descriptors at run
// time, instead of with the code protoc-gen-payone generates. It uses the
// same runtime primitives (form encoding, validators, charset conversion,
// and for decoding the generated decoders' ParameterReader, which reads a
// body one parameter at a time in UTF-8) so that the difference the
// benchmark measures is the dispatch: generated code versus reflection.
//
// It is written to be a fair baseline, not a straw man: violation paths are
// only rendered when a rule is broken, and the decoder caches its wire name
// index per message type (built once). It is checked against the generated
// codec (same body, same decoded message) by the smoke test.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "codec/runtime/violations.h"
#include "google/protobuf/message.h"

namespace payone::bench {

void ReflectValidate(const google::protobuf::Message& m,
                     const codec::EncodeOptions& options,
                     codec::Violations* out);

void ReflectEncode(const google::protobuf::Message& m,
                   const codec::EncodeOptions& options,
                   codec::FormBuilder* form);

// PAYONE's key=value answer lines into a response message.
absl::Status ReflectDecodeResponse(absl::string_view body,
                                   const codec::DecodeOptions& options,
                                   google::protobuf::Message* r);

// A form-encoded TransactionStatus POST body into the notification message.
absl::Status ReflectDecodeNotification(absl::string_view body,
                                       const codec::DecodeOptions& options,
                                       google::protobuf::Message* n);

}  // namespace payone::bench

#endif  // PAYONE_BENCH_REFLECTION_CODEC_H_
