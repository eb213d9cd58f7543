// libFuzzer: PAYONE answers (key=value lines) into AuthorizationResponse,
// the response with the most fields.
#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/fuzz/fuzz_oracle.h"
#include "codec/runtime/codec.h"
#include "payone/v1/responses.payone.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using Codec = payone::codec::PayoneCodec<payone::v1::AuthorizationResponse>;
  absl::string_view data(reinterpret_cast<const char*>(bytes), size);
  const payone::codec::DecodeOptions options =
      payone::codec::fuzz::OptionsFrom(&data);
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
