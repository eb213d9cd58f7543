#include "codec/runtime/redact.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::codec {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr absl::string_view kSensitive[] = {"cardpan", "cardcvc2", "iban",
                                            "add_paydata[device_token]"};

TEST(RedactTest, MatchesExactNamesStemsAndKey) {
  EXPECT_TRUE(IsSensitiveName("cardpan", kSensitive));
  EXPECT_TRUE(IsSensitiveName("key", kSensitive));
  EXPECT_TRUE(IsSensitiveName("add_paydata[device_token]", kSensitive));
  EXPECT_FALSE(IsSensitiveName("add_paydata[action]", kSensitive));
  EXPECT_FALSE(IsSensitiveName("cardholder", kSensitive));
  constexpr absl::string_view kStem[] = {"add_paydata"};
  EXPECT_TRUE(IsSensitiveName("add_paydata[action]", kStem));
}

TEST(RedactTest, RedactsFormBodies) {
  EXPECT_EQ(RedactFormBody("mid=1&key=abc&cardpan=4111111111111111&"
                           "add_paydata%5Bdevice_token%5D=tok&"
                           "add_paydata%5Baction%5D=x&cardcvc2=123",
                           kSensitive),
            "mid=1&key=<redacted>&cardpan=<redacted>&"
            "add_paydata%5Bdevice_token%5D=<redacted>&"
            "add_paydata%5Baction%5D=x&cardcvc2=<redacted>");
}

TEST(RedactTest, RedactsValuesBehindMalformedNames) {
  const std::string out =
      RedactFormBody("card%ZZpan=4111111111111111&a", kSensitive);
  EXPECT_THAT(out, Not(HasSubstr("4111")));
  EXPECT_EQ(out, "card%ZZpan=<redacted>&a");
}

TEST(RedactTest, RedactsResponseBodiesKeepingLineBreaks) {
  EXPECT_EQ(RedactResponseBody("status=APPROVED\r\niban=DE89370400440532013000"
                               "\r\n\r\ntxid=1",
                               kSensitive),
            "status=APPROVED\r\niban=<redacted>\r\n\r\ntxid=1");
}

}  // namespace
}  // namespace payone::codec
