#include "codec/runtime/validators.h"

#include <arpa/inet.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace payone::codec {
namespace {

TEST(ValidatorsTest, Symbols) {
  EXPECT_TRUE(HasOnlySymbols("ref-1_a/b.c", Symbols::kReference));
  EXPECT_FALSE(HasOnlySymbols("ref 1", Symbols::kReference));
  EXPECT_TRUE(HasOnlySymbols("abc123", Symbols::kAlphanumeric));
  EXPECT_FALSE(HasOnlySymbols("abc-123", Symbols::kAlphanumeric));
  EXPECT_TRUE(HasOnlySymbols("0123", Symbols::kDigits));
  EXPECT_FALSE(HasOnlySymbols("01a", Symbols::kDigits));
  EXPECT_TRUE(HasOnlySymbols("deadbeef09", Symbols::kHex));
  EXPECT_FALSE(HasOnlySymbols("DEADBEEF", Symbols::kHex));
  EXPECT_TRUE(HasOnlySymbols("anything at all ü", Symbols::kAny));
}

TEST(ValidatorsTest, LuhnAndPan) {
  EXPECT_TRUE(IsValidPan("4111111111111111"));
  EXPECT_TRUE(IsValidPan("5500000000000004"));
  EXPECT_TRUE(IsValidPan("378282246310005"));
  EXPECT_FALSE(IsValidPan("4111111111111112"));
  EXPECT_FALSE(IsValidPan("411111111111"));  // too short
  EXPECT_FALSE(IsValidPan("4111 1111 1111 1111"));
  EXPECT_TRUE(PassesLuhn("0"));
  EXPECT_FALSE(PassesLuhn(""));
}

TEST(ValidatorsTest, Iban) {
  EXPECT_TRUE(IsValidIban("DE89370400440532013000"));
  EXPECT_TRUE(IsValidIban("GB82WEST12345698765432"));
  EXPECT_TRUE(IsValidIban("AT611904300234573201"));
  EXPECT_FALSE(IsValidIban("DE89370400440532013001"));  // checksum
  EXPECT_FALSE(IsValidIban("de89370400440532013000"));  // lower case
  EXPECT_FALSE(IsValidIban("DE89 3704 0044 0532 0130 00"));
  EXPECT_FALSE(IsValidIban("DE12345678910111213141"));  // 004's placeholder
  EXPECT_FALSE(IsValidIban("DE89"));
}

TEST(ValidatorsTest, Bic) {
  EXPECT_TRUE(IsValidBic("COBADEFF"));
  EXPECT_TRUE(IsValidBic("COBADEFFXXX"));
  EXPECT_TRUE(IsValidBic("DEUTDEDB101"));
  EXPECT_FALSE(IsValidBic("COBADEF"));
  EXPECT_FALSE(IsValidBic("C0BADEFF"));
  EXPECT_FALSE(IsValidBic("cobadeff"));
}

TEST(ValidatorsTest, Dates) {
  EXPECT_TRUE(IsValidDateYyyymmdd("19820324"));
  EXPECT_TRUE(IsValidDateYyyymmdd("20000229"));
  EXPECT_FALSE(IsValidDateYyyymmdd("19000229"));
  EXPECT_FALSE(IsValidDateYyyymmdd("20230431"));
  EXPECT_FALSE(IsValidDateYyyymmdd("00000000"));
  EXPECT_FALSE(IsValidDateYyyymmdd("1982-03-24"));
  EXPECT_TRUE(IsValidDateYymm("2512"));
  EXPECT_FALSE(IsValidDateYymm("2513"));
  EXPECT_FALSE(IsValidDateYymm("2500"));
  EXPECT_FALSE(IsValidDateYymm("251"));
}

TEST(ValidatorsTest, UrlsWithASpaceOrControlByteAnywhereAreRejected) {
  for (size_t length = 1; length <= 40; ++length) {
    const std::string url = "https://shop.example/" + std::string(length, 'p');
    EXPECT_TRUE(IsValidUrl(url)) << url;
    for (size_t position = 12; position < url.size(); ++position) {
      for (const char bad : {' ', '\t', '\0', '\x7F', '\x1F'}) {
        std::string broken = url;
        broken[position] = bad;
        EXPECT_FALSE(IsValidUrl(broken)) << length << " " << position;
      }
      std::string high = url;
      high[position] = '\xC3';  // bytes above 0x7F are not controls
      EXPECT_TRUE(IsValidUrl(high)) << length << " " << position;
    }
  }
}

TEST(ValidatorsTest, Urls) {
  EXPECT_TRUE(IsValidUrl("https://yourdomain.dev/success?a=1&b=2"));
  EXPECT_TRUE(IsValidUrl("http://www.your-success.url"));
  EXPECT_TRUE(IsValidUrl("myapp://return"));
  EXPECT_FALSE(IsValidUrl("yourdomain.dev/success"));
  EXPECT_FALSE(IsValidUrl("https:///path"));
  EXPECT_FALSE(IsValidUrl("h://x"));  // scheme too short
  EXPECT_FALSE(IsValidUrl("https://x/a b"));
  EXPECT_FALSE(IsValidUrl("1ttp://x"));
  EXPECT_TRUE(IsValidUrl("abcdefghij://x"));    // 10 characters: the most
  EXPECT_FALSE(IsValidUrl("abcdefghijk://x"));  // 11
  EXPECT_FALSE(IsValidUrl("ht-tp://x"));
  EXPECT_FALSE(IsValidUrl("https:/x://y"));
  EXPECT_FALSE(IsValidUrl("https://"));
  EXPECT_FALSE(IsValidUrl("https://?q"));
  EXPECT_FALSE(IsValidUrl(""));
  // Every byte value at every position of a path longer than a word: only
  // spaces, controls and DEL are refused (UTF-8 bytes pass).
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t position = 0; position < 19; ++position) {
      std::string path(19, 'p');
      path[position] = static_cast<char>(byte);
      const bool allowed = byte > 0x20 && byte != 0x7F;
      EXPECT_EQ(IsValidUrl("https://x/" + path), allowed)
          << byte << " at " << position;
    }
  }
}

TEST(ValidatorsTest, Emails) {
  EXPECT_TRUE(IsValidEmail("test@payone.com"));
  EXPECT_TRUE(IsValidEmail("max.mustermann+shop@mail.example.de"));
  EXPECT_FALSE(IsValidEmail("test@payone"));
  EXPECT_FALSE(IsValidEmail("@payone.com"));
  EXPECT_FALSE(IsValidEmail("te st@payone.com"));
  EXPECT_FALSE(IsValidEmail("a@b@payone.com"));
  EXPECT_FALSE(IsValidEmail("a@payone..com"));
  EXPECT_FALSE(IsValidEmail("a@.payone.com"));
  EXPECT_FALSE(IsValidEmail("a@payone.com."));
  EXPECT_FALSE(IsValidEmail("a@"));
  EXPECT_FALSE(IsValidEmail("no-at-sign"));
  EXPECT_FALSE(IsValidEmail(std::string(64, 'a') + "@payone.com"));
  EXPECT_TRUE(IsValidEmail(std::string(63, 'a') + "@payone.com"));
  // The specials, anywhere.
  for (const char* special : {"(", ")", ",", ";", ":", "<", ">", "[", "]", "\\",
                              "\"", "\x7F", "\t"}) {
    EXPECT_FALSE(IsValidEmail(absl::StrCat("a", special, "b@payone.com")))
        << special;
    EXPECT_FALSE(IsValidEmail(absl::StrCat("ab@pay", special, "one.com")))
        << special;
  }
  EXPECT_FALSE(IsValidEmail("a@payone.com.."));
  EXPECT_TRUE(IsValidEmail("a.b@pay-one.co.uk"));
}

TEST(ValidatorsTest, Ips) {
  EXPECT_TRUE(IsValidIp("172.19.0.34"));
  EXPECT_TRUE(IsValidIp("2001:db8::1"));
  EXPECT_FALSE(IsValidIp("256.1.1.1"));
  // The dotted-quad fast path says yes exactly where inet_pton does.
  for (const char* text :
       {"0.0.0.0",        "255.255.255.255", "1.2.3.4",   "01.2.3.4",
        "1.2.3.04",       "1.2.3",           "1.2.3.4.",  ".1.2.3.4",
        "1..2.3",         "1.2.3.4.5",       "1.2.3.256", "1000.1.1.1",
        "1.2.3.4 ",       " 1.2.3.4",        "1.2.3.-4",  "1.2.3.4a",
        "::ffff:1.2.3.4", "0x1.2.3.4",       "1.2.3.00",  "9.99.199.249"}) {
    unsigned char buffer[16];
    const bool want = inet_pton(AF_INET, text, buffer) == 1 ||
                      inet_pton(AF_INET6, text, buffer) == 1;
    EXPECT_EQ(IsValidIp(text), want) << text;
  }
  EXPECT_FALSE(IsValidIp("localhost"));
  EXPECT_FALSE(IsValidIp(""));
}

}  // namespace
}  // namespace payone::codec
