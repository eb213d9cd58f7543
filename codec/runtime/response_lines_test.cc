#include "codec/runtime/response_lines.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::codec {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(ParseResponseLinesTest, SplitsAtFirstEqualsAndKeepsRawValues) {
  const auto lines = ParseResponseLines(
      "status=REDIRECT\n"
      "redirecturl=https://secure.pay1.de/3ds/redirect.php?md=20954722&"
      "txid=262491170\n"
      "txid=262491170\n");
  ASSERT_TRUE(lines.ok()) << lines.status();
  EXPECT_THAT(*lines,
              ElementsAre(Pair("status", "REDIRECT"),
                          Pair("redirecturl",
                               "https://secure.pay1.de/3ds/redirect.php?"
                               "md=20954722&txid=262491170"),
                          Pair("txid", "262491170")));
}

TEST(ParseResponseLinesTest, AcceptsCrlfBlankLinesAndNoFinalNewline) {
  // The shape of PAYONE's error answers: a blank line before customermessage.
  const auto lines = ParseResponseLines(
      "status=ERROR\r\nerrorcode=33\r\n"
      "errormessage=Expiry date invalid, incorrect or in the past\r\n\r\n"
      "customermessage=Invalid card expiry date. Please verify your card "
      "data.");
  ASSERT_TRUE(lines.ok()) << lines.status();
  EXPECT_THAT(
      *lines,
      ElementsAre(
          Pair("status", "ERROR"), Pair("errorcode", "33"),
          Pair("errormessage", "Expiry date invalid, incorrect or in the past"),
          Pair("customermessage",
               "Invalid card expiry date. Please verify your card "
               "data.")));
}

TEST(ParseResponseLinesTest, KeepsEmptyValuesAndBracketKeys) {
  const auto lines = ParseResponseLines(
      "status=APPROVED\nclearing_legalnote=\nadd_paydata[workorderid]=WX1\n");
  ASSERT_TRUE(lines.ok()) << lines.status();
  EXPECT_THAT(*lines, ElementsAre(Pair("status", "APPROVED"),
                                  Pair("clearing_legalnote", ""),
                                  Pair("add_paydata[workorderid]", "WX1")));
}

TEST(ParseResponseLinesTest, IgnoresLinesWithoutName) {
  const auto lines = ParseResponseLines("garbage line\n=novalue\nstatus=OK\n");
  ASSERT_TRUE(lines.ok()) << lines.status();
  EXPECT_THAT(*lines, ElementsAre(Pair("status", "OK")));
}

TEST(ParseResponseLinesTest, RejectsWhatIsNotAnAnswer) {
  EXPECT_FALSE(ParseResponseLines("").ok());
  EXPECT_FALSE(ParseResponseLines("<html>502 Bad Gateway</html>").ok());
  EXPECT_FALSE(ParseResponseLines(std::string("status=OK\0x=1", 13)).ok());
  const auto oversize = ParseResponseLines("status=APPROVED\n", 8);
  ASSERT_FALSE(oversize.ok());
  EXPECT_THAT(std::string(oversize.status().message()),
              HasSubstr("exceeds the limit"));
}

TEST(AppendResponseLineTest, WritesRawValues) {
  std::string body;
  AppendResponseLine("status", "REDIRECT", &body);
  AppendResponseLine("redirecturl", "https://x/?a=1&b=2", &body);
  EXPECT_EQ(body, "status=REDIRECT\nredirecturl=https://x/?a=1&b=2\n");
  EXPECT_EQ(ParseResponseLines(body)->at(1).second, "https://x/?a=1&b=2");
}

}  // namespace
}  // namespace payone::codec
