// libFuzzer: PAYONE answers (key=value lines) into AuthorizationResponse,
// the response with the most fields, and into GenericPaymentResponse with
// the typed results of every action (DecodeResult: numbered add_paydata
// lists).
#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/fuzz/fuzz_oracle.h"
#include "codec/runtime/codec.h"
#include "google/protobuf/descriptor.h"
#include "payone/v1/management_requests.pb.h"
#include "payone/v1/responses.payone.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using Codec = payone::codec::PayoneCodec<payone::v1::AuthorizationResponse>;
  absl::string_view data(reinterpret_cast<const char*>(bytes), size);
  const payone::codec::DecodeOptions options =
      payone::codec::fuzz::OptionsFrom(&data);
  using Generic =
      payone::codec::PayoneCodec<payone::v1::GenericPaymentResponse>;
  payone::v1::GenericPaymentResponse generic;
  if (Generic::Decode(data, options, &generic).ok()) {
    const auto* actions =
        payone::v1::GenericPaymentRequest::descriptor()->FindOneofByName(
            "generic_action");
    for (int i = 0; i < actions->field_count(); ++i) {
      // The body read as an answer, so a result reads it too.
      payone::codec::fuzz::Check(
          Generic::DecodeResult(actions->field(i)->number(), data, options,
                                &generic)
              .ok());
    }
  }
  payone::v1::AuthorizationResponse response;
  if (!Codec::Decode(data, options, &response).ok()) return 0;
  (void)Codec::RedactedDebugString(response);
  // Re-encoded as PAYONE would answer (UTF-8), it reads back the same.
  payone::v1::AuthorizationResponse again;
  payone::codec::fuzz::Check(
      Codec::Decode(Codec::EncodeResponse(response), {}, &again).ok());
  payone::codec::fuzz::CheckSame(response, again);
  return 0;
}
