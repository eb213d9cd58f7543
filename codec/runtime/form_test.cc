#include "codec/runtime/form.h"

#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::codec {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(FormEncodeTest, KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(FormEncode("AZaz09*-._"), "AZaz09*-._");
  EXPECT_EQ(FormEncode("a b"), "a+b");
  EXPECT_EQ(FormEncode("a+b&c=d/e?f~"), "a%2Bb%26c%3Dd%2Fe%3Ff%7E");
  // UTF-8 "ü" is two bytes; ISO-8859-1 "ü" is one.
  EXPECT_EQ(FormEncode("\xC3\xBC"), "%C3%BC");
  EXPECT_EQ(FormEncode("\xFC"), "%FC");
}

TEST(FormDecodeTest, ReversesEncodingOfEveryByte) {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  const absl::StatusOr<std::string> decoded = FormDecode(FormEncode(all_bytes));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, all_bytes);
}

TEST(FormDecodeTest, AcceptsLowerCaseHex) {
  EXPECT_EQ(FormDecode("%c3%bc+x").value(), "\xC3\xBC x");
}

TEST(FormDecodeTest, RejectsMalformedEscapes) {
  EXPECT_FALSE(FormDecode("%").ok());
  EXPECT_FALSE(FormDecode("%4").ok());
  EXPECT_FALSE(FormDecode("%zz").ok());
  EXPECT_FALSE(FormDecode("abc%G1").ok());
}

TEST(FormBuilderTest, BuildsPayoneParameters) {
  FormBuilder form;
  form.Add("request", "preauthorization");
  form.AddIndexed("it", 1, "goods");
  form.AddKeyed("add_paydata", "device_token", "tok en");
  form.Add("successurl", "https://shop.example/ok?a=1&b=2");
  EXPECT_EQ(form.body(),
            "request=preauthorization&it%5B1%5D=goods&"
            "add_paydata%5Bdevice_token%5D=tok+en&"
            "successurl=https%3A%2F%2Fshop.example%2Fok%3Fa%3D1%26b%3D2");
}

TEST(FormBuilderTest, EncodedNamesDropTheSeparatorOfTheFirstParameter) {
  FormBuilder form;
  const EncodedName it{"&it=", "&it%5B"};
  form.Add(it, 0, "goods");
  form.Add(it, 400, "a b");
  form.Add({"&de=", "&de%5B"}, 12, "");
  form.AddVerbatim({"&pr=", "&pr%5B"}, 3, "-12.50");
  form.AddVerbatim({"&amount=", "&amount%5B"}, 0, "3499");
  EXPECT_EQ(form.body(),
            "it=goods&it%5B400%5D=a+b&de%5B12%5D=&pr%5B3%5D=-12.50&"
            "amount=3499");
}

TEST(FormBuilderTest, WritesIntegersInDecimal) {
  const EncodedName n{"&n=", "&n%5B"};
  const std::vector<std::pair<int64_t, std::string>> cases = {
      {0, "0"},
      {7, "7"},
      {9, "9"},
      {10, "10"},
      {99, "99"},
      {100, "100"},
      {1999, "1999"},
      {-1, "-1"},
      {-3499, "-3499"},
      {999999999999999999, "999999999999999999"},
      {1000000000000000000, "1000000000000000000"},
      {std::numeric_limits<int64_t>::max(), "9223372036854775807"},
      {std::numeric_limits<int64_t>::min(), "-9223372036854775808"}};
  for (const auto& [value, text] : cases) {
    FormBuilder form;
    form.AddInteger(n, 0, value);
    EXPECT_EQ(form.body(), "n=" + text);
  }
  // Every power of ten and its neighbours, where the digit count changes.
  uint64_t power = 1;
  for (int digits = 1; digits <= 20; ++digits) {
    for (const uint64_t value : {power - 1, power, power + 1}) {
      FormBuilder form;
      form.AddUnsigned(n, 3, value);
      EXPECT_EQ(form.body(), absl::StrCat("n%5B3%5D=", value));
    }
    if (digits < 20) power *= 10;
  }
  FormBuilder max;
  max.AddUnsigned(n, 0, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(max.body(), "n=18446744073709551615");
  FormBuilder indexed;
  indexed.AddInteger(n, 1234567, 5);
  EXPECT_EQ(indexed.body(), "n%5B1234567%5D=5");
}

TEST(FormBuilderTest, EncodesEveryByteAtEveryPositionOfABlock) {
  // A value of each length up to three blocks, with an escaped byte, a
  // space and a kept byte at each position, in a heap block of its own size
  // (under ASan, reading a whole block past its end would be reported).
  for (size_t length = 1; length <= 48; ++length) {
    for (size_t position = 0; position < length; ++position) {
      for (const char special : {'/', ' ', '\xFC', '%', 'k'}) {
        std::string text(length, 'a');
        text[position] = special;
        const auto heap = std::make_unique<char[]>(length);
        std::memcpy(heap.get(), text.data(), length);
        FormBuilder form;
        form.Add("v", absl::string_view(heap.get(), length));
        std::string want = "v=";
        for (char c : text) {
          if (absl::ascii_isalnum(c)) {
            want.push_back(c);
          } else if (c == ' ') {
            want.push_back('+');
          } else {
            absl::StrAppendFormat(&want, "%%%02X",
                                  static_cast<unsigned char>(c));
          }
        }
        ASSERT_EQ(form.body(), want) << length << " " << position;
      }
    }
  }
}

TEST(FormBuilderTest, EncodesLongValuesAndGrowsPastItsReserve) {
  // Runs longer than a block, a block with one byte to escape in it, and a
  // tail; the reserve is too small, so the body grows mid-parameter.
  const std::string value =
      "0123456789abcdefABCDEFGHIJKLMNOP-._*0123456789/bcdef" +
      std::string(40, 'x') + " \xFF";
  FormBuilder form(8);
  for (int i = 0; i < 20; ++i) form.Add("v", value);
  const std::string one =
      "v=0123456789abcdefABCDEFGHIJKLMNOP-._*0123456789%2Fbcdef" +
      std::string(40, 'x') + "+%FF";
  std::string want = one;
  for (int i = 1; i < 20; ++i) want += "&" + one;
  EXPECT_EQ(form.body(), want);
  // body() between Adds, then more parameters: still one body.
  form.Add("w", "1");
  EXPECT_EQ(form.Release(), want + "&w=1");
}

TEST(FormEncodeTest, EveryByteInEveryPositionOfABlock) {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t position = 0; position < 20; ++position) {
      std::string value(20, 'a');
      value[position] = static_cast<char>(byte);
      const std::string encoded = FormEncode(value);
      std::string expected = std::string(position, 'a');
      const char c = static_cast<char>(byte);
      if (absl::ascii_isalnum(c) || c == '*' || c == '-' || c == '.' ||
          c == '_') {
        expected += c;
      } else if (c == ' ') {
        expected += '+';
      } else {
        expected += absl::StrFormat("%%%02X", byte);
      }
      expected += std::string(19 - position, 'a');
      ASSERT_EQ(encoded, expected) << byte << " at " << position;
    }
  }
}

TEST(ParseFormTest, ReadsRawAndEncodedBrackets) {
  const auto parsed = ParseForm("id[1]=A-1&pr%5B1%5D=100&de%5b1%5d=T+shirt");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed, ElementsAre(Pair("id[1]", "A-1"), Pair("pr[1]", "100"),
                                   Pair("de[1]", "T shirt")));
}

TEST(ParseFormTest, SkipsEmptySegmentsAndKeepsNamesWithoutValue) {
  const auto parsed = ParseForm("&a=1&&flag&b=&");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed,
              ElementsAre(Pair("a", "1"), Pair("flag", ""), Pair("b", "")));
}

TEST(ParseFormTest, RoundTripsBuilderOutput) {
  FormBuilder form;
  form.Add("narrative_text", "Order 4711 / Müller & Söhne = 100%");
  form.AddIndexed("de", 400, "line\nbreak");
  const auto parsed = ParseForm(form.body());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed, ElementsAre(Pair("narrative_text",
                                        "Order 4711 / Müller & Söhne = 100%"),
                                   Pair("de[400]", "line\nbreak")));
}

TEST(ParseFormTest, RejectsMalformedEscapeAndTooManyParameters) {
  EXPECT_FALSE(ParseForm("a=%2").ok());
  EXPECT_FALSE(ParseForm("a%=1").ok());
  EXPECT_TRUE(ParseForm("a=1&b=2", 2).ok());
  const auto too_many = ParseForm("a=1&b=2&c=3", 2);
  ASSERT_FALSE(too_many.ok());
  EXPECT_THAT(std::string(too_many.status().message()),
              ::testing::HasSubstr("more than 2 parameters"));
}

TEST(ParseFormTest, ErrorsNeverEchoTheValue) {
  const auto parsed = ParseForm("cardpan=4111111111111111%ZZ");
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(std::string(parsed.status().message()),
              ::testing::Not(::testing::HasSubstr("4111")));
}

}  // namespace
}  // namespace payone::codec
