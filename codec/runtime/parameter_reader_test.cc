#include "codec/runtime/parameter_reader.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/form.h"
#include "codec/runtime/response_lines.h"
#include "codec/testing/read_all.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::codec {
namespace {

using ::payone::codec::testing::ReadAll;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

// The readers must read exactly what the whole-body parsers return, and fail
// with the same message where they fail.
void ExpectSame(const absl::StatusOr<std::vector<NameValue>>& got,
                const absl::StatusOr<std::vector<NameValue>>& want) {
  ASSERT_EQ(got.status(), want.status());
  if (want.ok()) EXPECT_EQ(*got, *want);
}

const char* const kLineBodies[] = {
    "status=APPROVED\ntxid=987654321\nuserid=123456789\n",
    "status=REDIRECT\nredirecturl=https://x/?md=1&txid=2=3\ntxid=1",
    "status=ERROR\r\nerrorcode=33\r\n\r\ncustomermessage=a=b\r\r\n",
    "garbage line\n=novalue\nstatus=OK\n\n\n",
    "status=APPROVED\nclearing_legalnote=\nadd_paydata[workorderid]=WX1\n",
    "a=\r",
    "=\n\r\n",
    "",
    "<html>502 Bad Gateway</html>",
    "status=OK\0x=1",
    "\r\r\r",
    "x=\xE4\xF6\n",
};

TEST(ResponseLineReaderTest, ReadsWhatParseResponseLinesReturns) {
  for (const char* text : kLineBodies) {
    const absl::string_view body(
        text,
        text == kLineBodies[9] ? 13 : std::char_traits<char>::length(text));
    SCOPED_TRACE(body);
    ResponseLineReader reader(body);
    ExpectSame(ReadAll(reader), ParseResponseLines(body));
  }
  ResponseLineReader small("status=APPROVED\n", 8);
  ExpectSame(ReadAll(small), ParseResponseLines("status=APPROVED\n", 8));
  EXPECT_THAT(std::string(small.status().message()),
              HasSubstr("exceeds the limit"));
}

// 4000 bodies of random sizes below `max_size`, mostly letters (so that
// lines and parameters span blocks), else bytes of `alphabet`; the same
// every run.
std::vector<std::string> RandomBodies(absl::string_view alphabet,
                                      size_t max_size, uint32_t seed) {
  const auto next = [&seed] {
    seed = seed * 1103515245 + 12345;
    return seed >> 16;
  };
  std::vector<std::string> bodies(4000);
  for (std::string& body : bodies) {
    const size_t size = next() % max_size;
    for (size_t i = 0; i < size; ++i) {
      body.push_back(next() % 3 == 0 ? alphabet[next() % alphabet.size()]
                                     : static_cast<char>('a' + next() % 26));
    }
  }
  return bodies;
}

// ResponseLineReader, and ParameterReader over it, read `body` as
// ParseResponseLines does, and ascii() tells the truth.
void ExpectLinesAsParsed(absl::string_view body) {
  SCOPED_TRACE(::testing::PrintToString(std::string(body)));
  const auto want = ParseResponseLines(body);
  ResponseLineReader reader(body);
  ExpectSame(ReadAll(reader), want);
  ResponseLineReader again(body);
  while (again.Next()) {
    EXPECT_EQ(again.ascii(), IsAscii(again.name()) && IsAscii(again.value()));
  }
  DecodeOptions latin1;
  latin1.charset = Charset::kLatin1;
  ParameterReader<BodyFormat::kResponseLines> converting(body, latin1);
  const auto converted = ReadAll(converting);
  ASSERT_EQ(converted.status(), want.status());
  if (want.ok()) {
    ASSERT_EQ(converted->size(), want->size());
    for (size_t i = 0; i < want->size(); ++i) {
      EXPECT_EQ((*converted)[i].first, Latin1ToUtf8((*want)[i].first));
      EXPECT_EQ((*converted)[i].second, Latin1ToUtf8((*want)[i].second));
    }
  }
}

// Answers of up to a few 64-byte windows: lines that skip (blank, no '=',
// '=' first), CR runs, bytes >= 0x80, a last line without '\n'.
std::vector<std::string> LongerAnswers() {
  const std::string mandate(150, 'm');
  return {
      "status=APPROVED\ntxid=987654321\nuserid=123456789\n",
      "status=APPROVED\r\n\r\ngarbage line without equals\r\n=novalue\r\n"
      "mandate_text=" +
          mandate + "\r\r\nlast=K\xF6ln",
      "a=1\n" + mandate + "\nb=" + mandate + "=x\n\n\nc=\xE4\n",
      "no equals at all in a line longer than a window: " + mandate +
          "\n"
          "x=" +
          mandate + "\xE4\r\r\r",
      std::string(63, 'n') + "=\n" + std::string(64, 'n') + "=v\n" +
          std::string(65, '\xE4') + "=\xE4",
  };
}

TEST(ResponseLineReaderTest, FailsOnANulByteWhereverItIs) {
  // Before the first line, in a line read, in a skipped line, in the last
  // line without '\n', in and across every window.
  for (std::string body : LongerAnswers()) {
    for (size_t at = 0; at < body.size(); ++at) {
      std::string with_nul = body;
      with_nul[at] = '\0';
      ExpectLinesAsParsed(with_nul);
      ResponseLineReader reader(with_nul);
      while (reader.Next()) {
      }
      EXPECT_EQ(reader.status().message(), "response contains a NUL byte");
    }
    ExpectLinesAsParsed(body + '\0');
  }
}

TEST(ResponseLineReaderTest, ReadsLinesAcrossWindowsAtEveryOffset) {
  for (const std::string& answer : LongerAnswers()) {
    // A first line that skips, of every length: the lines after it start
    // and end at every offset of a window, their CR runs and '=' too.
    for (size_t pad = 0; pad <= 130; ++pad) {
      ExpectLinesAsParsed(std::string(pad, 'p') + "\n" + answer);
      ExpectLinesAsParsed("p=" + std::string(pad, 'p') + "\r\r\r\n" + answer);
      // Every length of the answer too (the last line without '\n').
      ExpectLinesAsParsed(answer.substr(0, pad));
    }
  }
}

// Random answers of up to three windows from the bytes the reader looks at.
TEST(ResponseLineReaderTest, AgreesWithTheParserOnRandomAnswers) {
  constexpr char kAlphabet[] = {'a', '=', '\n', '\r', '\xE4', '\0', 'z'};
  std::vector<std::string> bodies =
      RandomBodies(absl::string_view(kAlphabet, sizeof(kAlphabet)), 200, 54321);
  for (size_t i = 0; i < bodies.size(); ++i) {
    // Few NULs: most bodies are read to the end.
    if (i % 4 != 0) std::replace(bodies[i].begin(), bodies[i].end(), '\0', 'n');
    ExpectLinesAsParsed(bodies[i]);
  }
}

const char* const kFormBodies[] = {
    "id[1]=A-1&pr%5B1%5D=100&de%5b1%5d=T+shirt",
    "&a=1&&flag&b=&",
    "narrative_text=Order+4711+%2F+M%C3%BCller+%26+S%C3%B6hne+%3D+100%25",
    "a=%2",
    "a%=1",
    "cardpan=4111111111111111%ZZ",
    "x=1&y=%4",
    "=&=x&y",
    "",
    "&&&",
    "street=J%E4gerweg+12&lastname=Test+Buyer",
    "a=b=c&redirect=https%3A%2F%2Fx%2F%3Fa%3D1%26b%3D2",
};

TEST(FormReaderTest, ReadsWhatParseFormReturns) {
  for (const char* body : kFormBodies) {
    SCOPED_TRACE(body);
    FormReader reader(body);
    ExpectSame(ReadAll(reader), ParseForm(body));
  }
  for (size_t max : {0, 1, 2, 3}) {
    FormReader reader("a=1&b=2&&c=3", max);
    ExpectSame(ReadAll(reader), ParseForm("a=1&b=2&&c=3", max));
  }
}

TEST(FormReaderTest, DecodesLongParametersPastItsInlineBuffer) {
  // Escaped parameters longer than the inline buffer, then short ones again.
  const std::string long_value(3 * FormReader::kInlineBytes, 'x');
  const std::string body = "a=" + FormEncode(long_value + " %&=") +
                           "&b%5B1%5D=y+z&c=" + FormEncode(long_value);
  FormReader reader(body);
  const auto read = ReadAll(reader);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_THAT(*read, ElementsAre(Pair("a", long_value + " %&="),
                                 Pair("b[1]", "y z"), Pair("c", long_value)));
  ExpectSame(read, ParseForm(body));
}

// Bodies of every length up to a few 16-byte blocks, made of the bytes the
// readers look for, read the same as the whole-body parsers read them, and
// ascii() tells the truth.
TEST(ReadersTest, AgreeWithTheParsersAcrossBlockBoundaries) {
  constexpr char kAlphabet[] = {'a',  'b',    '=', '&', '%', '+', '\n',
                                '\r', '\xE4', '4', 'E', '[', ']'};
  for (const std::string& body : RandomBodies(
           absl::string_view(kAlphabet, sizeof(kAlphabet)), 100, 12345)) {
    SCOPED_TRACE(body);
    FormReader form(body);
    const auto form_read = ReadAll(form);
    ExpectSame(form_read, ParseForm(body));
    ResponseLineReader lines(body);
    ExpectSame(ReadAll(lines), ParseResponseLines(body));
    FormReader again(body);
    while (again.Next()) {
      EXPECT_EQ(again.ascii(), IsAscii(again.name()) && IsAscii(again.value()));
    }
    ResponseLineReader lines_again(body);
    while (lines_again.Next()) {
      EXPECT_EQ(lines_again.ascii(),
                IsAscii(lines_again.name()) && IsAscii(lines_again.value()));
    }
  }
}

TEST(ParameterReaderTest, ConvertsLatin1AndFallsBackFromBrokenUtf8) {
  DecodeOptions latin1;
  latin1.charset = Charset::kLatin1;
  const auto read = [](BodyFormat format, absl::string_view body,
                       const DecodeOptions& options) {
    if (format == BodyFormat::kForm) {
      ParameterReader<BodyFormat::kForm> reader(body, options);
      return ReadAll(reader);
    }
    ParameterReader<BodyFormat::kResponseLines> reader(body, options);
    return ReadAll(reader);
  };
  EXPECT_THAT(*read(BodyFormat::kResponseLines, "city=K\xF6ln", latin1),
              ElementsAre(Pair("city", "Köln")));
  EXPECT_THAT(*read(BodyFormat::kResponseLines, "city=K\xF6ln", {}),
              ElementsAre(Pair("city", "Köln")));
  EXPECT_THAT(*read(BodyFormat::kResponseLines, "city=Köln", {}),
              ElementsAre(Pair("city", "Köln")));
  // In ISO-8859-1 mode valid UTF-8 bytes are ISO-8859-1 characters too.
  EXPECT_THAT(*read(BodyFormat::kResponseLines, "city=Köln", latin1),
              ElementsAre(Pair("city", "K\xC3\x83\xC2\xB6ln")));
  EXPECT_THAT(*read(BodyFormat::kForm, "street=J%E4gerweg&x%E4=1", {}),
              ElementsAre(Pair("street", "Jägerweg"), Pair("xä", "1")));
  // A Latin-1 text longer than the inline buffer, between short ones.
  const std::string long_text(internal::Utf8Converter::kInlineBytes, '\xE4');
  std::string long_utf8;
  for (size_t i = 0; i < long_text.size(); ++i) long_utf8 += "ä";
  EXPECT_THAT(
      *read(BodyFormat::kForm, "c=%E4&a=" + FormEncode(long_text) + "&b=%FC",
            latin1),
      ElementsAre(Pair("c", "ä"), Pair("a", long_utf8), Pair("b", "ü")));
  EXPECT_THAT(
      *read(BodyFormat::kResponseLines, "c=\xE4\na=" + long_text + "\nb=\xFC",
            latin1),
      ElementsAre(Pair("c", "ä"), Pair("a", long_utf8), Pair("b", "ü")));
}

TEST(ParameterReaderTest, RejectsOversizeBodies) {
  DecodeOptions small;
  small.max_body_bytes = 4;
  ParameterReader<BodyFormat::kForm> form("a=12345", small);
  EXPECT_FALSE(form.Next());
  EXPECT_EQ(form.status().message(),
            "notification of 7 bytes exceeds the limit of 4 bytes");
  ParameterReader<BodyFormat::kResponseLines> lines("a=12345", small);
  EXPECT_FALSE(lines.Next());
  EXPECT_EQ(lines.status().message(),
            "response of 7 bytes exceeds the limit of 4 bytes");
}

TEST(ParameterReaderTest, StopPrefersTheBodysOwnErrorFurtherOn) {
  const absl::Status field_error = absl::InvalidArgumentError("bad a");
  ParameterReader<BodyFormat::kForm> broken("a=x&b=%Z", {});
  ASSERT_TRUE(broken.Next());
  EXPECT_THAT(std::string(broken.Stop(field_error).message()),
              HasSubstr("malformed percent-escape"));
  ParameterReader<BodyFormat::kForm> fine("a=x&b=2", {});
  ASSERT_TRUE(fine.Next());
  EXPECT_EQ(fine.Stop(field_error), field_error);
}

TEST(ParameterReaderTest, ErrorsNeverEchoTheValue) {
  ParameterReader<BodyFormat::kForm> reader("cardpan=4111111111111111%ZZ", {});
  EXPECT_FALSE(reader.Next());
  EXPECT_THAT(std::string(reader.status().message()), Not(HasSubstr("4111")));
}

}  // namespace
}  // namespace payone::codec
