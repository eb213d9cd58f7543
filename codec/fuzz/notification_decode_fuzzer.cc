// libFuzzer: TransactionStatus notification bodies (form-encoded).
#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/fuzz/fuzz_oracle.h"
#include "codec/runtime/codec.h"
#include "payone/v1/notification.payone.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using Codec =
      payone::codec::PayoneCodec<payone::v1::TransactionStatusNotification>;
  absl::string_view data(reinterpret_cast<const char*>(bytes), size);
  const payone::codec::DecodeOptions options =
      payone::codec::fuzz::OptionsFrom(&data);
  payone::v1::TransactionStatusNotification notification;
  if (!Codec::Decode(data, options, &notification).ok()) return 0;
  (void)Codec::RedactedDebugString(notification);
  payone::codec::FormBuilder form;
  Codec::Encode(notification, {}, &form);
  payone::v1::TransactionStatusNotification again;
  payone::codec::fuzz::Check(Codec::Decode(form.body(), {}, &again).ok());
  payone::codec::fuzz::CheckSame(notification, again);
  return 0;
}
