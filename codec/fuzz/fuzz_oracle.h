#ifndef PAYONE_CODEC_FUZZ_FUZZ_ORACLE_H_
#define PAYONE_CODEC_FUZZ_FUZZ_ORACLE_H_

// What every decoder fuzzer checks besides "no crash, no leak, no sanitizer
// report": whatever decodes also re-encodes to something that decodes to the
// same message, and its redacted debug string never shows a sensitive value.

#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "codec/runtime/codec.h"
#include "google/protobuf/util/message_differencer.h"

namespace payone::codec::fuzz {

// Aborts (a finding for libFuzzer) when `condition` is false.
inline void Check(bool condition) {
  if (!condition) std::abort();
}

// The charset comes from the first byte so that both paths are explored.
inline DecodeOptions OptionsFrom(absl::string_view* data) {
  DecodeOptions options;
  if (!data->empty()) {
    if ((*data)[0] & 1) options.charset = Charset::kLatin1;
    data->remove_prefix(1);
  }
  return options;
}

template <typename M>
void CheckSame(const M& a, const M& b) {
  Check(google::protobuf::util::MessageDifferencer::Equals(a, b));
}

}  // namespace payone::codec::fuzz

#endif  // PAYONE_CODEC_FUZZ_FUZZ_ORACLE_H_
