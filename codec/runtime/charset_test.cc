#include "codec/runtime/charset.h"

#include <cstring>
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::codec {
namespace {

TEST(CharsetTest, IsAsciiFindsAHighByteAtAnyPosition) {
  // Each length up to three blocks, in a heap block of its own size (under
  // ASan a whole-block read past it would be reported), with the byte past
  // the text high: it must not count.
  for (size_t length = 0; length <= 48; ++length) {
    auto buffer = std::make_unique<char[]>(length + 1);
    std::memset(buffer.get(), 'a', length);
    buffer[length] = '\x80';
    EXPECT_TRUE(IsAscii(absl::string_view(buffer.get(), length))) << length;
    for (size_t position = 0; position < length; ++position) {
      buffer[position] = '\xC3';
      EXPECT_FALSE(IsAscii(absl::string_view(buffer.get(), length)))
          << length << " " << position;
      buffer[position] = '\x7F';
      EXPECT_TRUE(IsAscii(absl::string_view(buffer.get(), length)))
          << length << " " << position;
      buffer[position] = 'a';
    }
  }
}

TEST(CharsetTest, Latin1RoundTripsThroughUtf8) {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  const std::string utf8 = Latin1ToUtf8(all_bytes);
  EXPECT_TRUE(IsValidUtf8(utf8));
  EXPECT_EQ(utf8.size(), 128u + 2u * 128u);
  EXPECT_EQ(Utf8ToLatin1(utf8).value(), all_bytes);
}

TEST(CharsetTest, ConvertsGermanUmlauts) {
  EXPECT_EQ(Latin1ToUtf8("M\xFCller"), "M\xC3\xBCller");
  EXPECT_EQ(Utf8ToLatin1("M\xC3\xBCller").value(), "M\xFCller");
}

TEST(CharsetTest, RejectsCharactersOutsideLatin1WithOffset) {
  // "€" (U+20AC) has no ISO-8859-1 form.
  const auto result = Utf8ToLatin1("ab\xE2\x82\xAC");
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(std::string(result.status().message()),
              ::testing::HasSubstr("byte 2"));
}

TEST(CharsetTest, RejectsInvalidUtf8) {
  EXPECT_FALSE(IsValidUtf8("\xC3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(Utf8ToLatin1("\xC3(").ok());
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600
}

TEST(CharsetTest, ReadsUtf8InOnePass) {
  const Utf8Text mueller = ReadUtf8("M\xC3\xBCller");
  EXPECT_TRUE(mueller.valid);
  EXPECT_EQ(mueller.characters, 6u);  // PAYONE counts characters, not bytes
  EXPECT_FALSE(mueller.above_latin1);
  EXPECT_EQ(ReadUtf8("").characters, 0u);
  EXPECT_TRUE(ReadUtf8("\xC3\xBF").valid);  // U+00FF, the last of Latin-1
  EXPECT_FALSE(ReadUtf8("\xC3\xBF").above_latin1);
  EXPECT_TRUE(ReadUtf8("\xC4\x80").above_latin1);      // U+0100
  EXPECT_TRUE(ReadUtf8("\xE2\x82\xAC").above_latin1);  // the euro sign
  EXPECT_FALSE(ReadUtf8("abc\xFF").valid);
}

// "aü€😀" (1 + 2 + 3 + 4 bytes) after every length of ASCII, repeated, and
// with a broken sequence at every position: the ASCII runs read 8 bytes at
// a time must neither swallow nor miscount anything.
TEST(CharsetTest, ReadUtf8AgreesWithACodePointCount) {
  const std::string mixed = "a\xC3\xBC\xE2\x82\xAC\xF0\x9F\x98\x80";
  for (size_t ascii = 0; ascii <= 20; ++ascii) {
    for (size_t repeats = 1; repeats <= 3; ++repeats) {
      std::string text;
      for (size_t r = 0; r < repeats; ++r) {
        text += std::string(ascii, 'x') + mixed;
      }
      text += std::string(ascii, 'y');
      const Utf8Text utf8 = ReadUtf8(text);
      ASSERT_TRUE(utf8.valid) << ascii << " " << repeats;
      EXPECT_EQ(utf8.characters, repeats * (ascii + 4) + ascii);
      EXPECT_TRUE(utf8.above_latin1);
      for (size_t at = 0; at < text.size(); ++at) {
        std::string broken = text;
        broken[at] = '\xFF';  // never part of UTF-8
        EXPECT_FALSE(ReadUtf8(broken).valid) << ascii << " " << at;
      }
    }
  }
}

}  // namespace
}  // namespace payone::codec
