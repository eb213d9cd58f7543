#ifndef PAYONE_CODEC_TESTING_CODEC_TESTING_H_
#define PAYONE_CODEC_TESTING_CODEC_TESTING_H_

// Helpers for tests of generated codecs: messages from text format, the
// body Encode writes, the violations Validate lists, readable violations.

#include <ostream>
#include <string>
#include <vector>

#include "codec/runtime/codec.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace payone::codec {

inline void PrintTo(const FieldViolation& v, std::ostream* os) {
  *os << "{" << v.field << " | " << v.wire_name << " | " << v.description
      << "}";
}

namespace testing {

template <typename M>
M Parse(const std::string& text) {
  M m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

template <typename M>
std::string Encode(const M& m, Charset charset = Charset::kUtf8) {
  FormBuilder form;
  EncodeOptions options;
  options.charset = charset;
  PayoneCodec<M>::Encode(m, options, &form);
  return form.Release();
}

template <typename M>
std::vector<FieldViolation> Validate(const M& m,
                                     Charset charset = Charset::kUtf8) {
  Violations violations;
  EncodeOptions options;
  options.charset = charset;
  PayoneCodec<M>::Validate(m, options, &violations);
  return violations.Release();
}

template <typename M>
bool Equal(const M& a, const M& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

}  // namespace testing
}  // namespace payone::codec

#endif  // PAYONE_CODEC_TESTING_CODEC_TESTING_H_
