#include "service/common/json_string.h"

#include <string>

#include "gtest/gtest.h"

namespace payone::service {
namespace {

TEST(JsonStringTest, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonString("a\"b\\c\nd\x01\x1f"),
            "\"a\\\"b\\\\c\\u000ad\\u0001\\u001f\"");
}

TEST(JsonStringTest, PassesValidUtf8Through) {
  // ä (2 bytes), € (3 bytes), 😀 (4 bytes)
  const std::string text = "M\xc3\xbcller \xe2\x82\xac \xf0\x9f\x98\x80";
  EXPECT_EQ(JsonString(text), "\"" + text + "\"");
}

TEST(JsonStringTest, EscapesEachByteThatIsNotValidUtf8) {
  // ISO-8859-1 "Müller", a lone continuation byte, a truncated sequence,
  // an overlong '/', a UTF-16 surrogate and a code point above U+10FFFF.
  EXPECT_EQ(JsonString("M\xfcller"), "\"M\\u00fcller\"");
  EXPECT_EQ(JsonString("\x80"), "\"\\u0080\"");
  EXPECT_EQ(JsonString("\xe2\x82"), "\"\\u00e2\\u0082\"");
  EXPECT_EQ(JsonString("\xc0\xaf"), "\"\\u00c0\\u00af\"");
  EXPECT_EQ(JsonString("\xed\xa0\x80"), "\"\\u00ed\\u00a0\\u0080\"");
  EXPECT_EQ(JsonString("\xf4\x90\x80\x80"), "\"\\u00f4\\u0090\\u0080\\u0080\"");
}

TEST(JsonStringTest, AppendsAfterWhatIsThere) {
  std::string json = "{\"k\":";
  AppendJsonString("v", &json);
  EXPECT_EQ(json, "{\"k\":\"v\"");
}

}  // namespace
}  // namespace payone::service
