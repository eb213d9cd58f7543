#include "simulator/wire.h"

#include "gtest/gtest.h"

namespace payone::simulator {
namespace {

TEST(Params, DecodesRawAndEncodedBracketsAlike) {
  Params params;
  ASSERT_FALSE(Params::Parse("it[1]=goods&id%5B2%5D=x+y&a=1&a=2", &params));
  EXPECT_EQ(params.Get("it[1]"), "goods");
  EXPECT_EQ(params.Get("id[2]"), "x y");
  EXPECT_EQ(params.Get("a"), "2");  // the last one wins
  EXPECT_FALSE(params.Has("b"));
  EXPECT_EQ(params.Get("b"), "");
}

TEST(Params, CharsetFollowsEncoding) {
  Params params;
  ASSERT_FALSE(Params::Parse("lastname=J%E4ger", &params));
  EXPECT_EQ(params.Get("lastname"), "J\xc3\xa4ger");
  EXPECT_FALSE(params.utf8());
  ASSERT_FALSE(Params::Parse("encoding=UTF-8&lastname=J%C3%A4ger", &params));
  EXPECT_EQ(params.Get("lastname"), "J\xc3\xa4ger");
  EXPECT_TRUE(params.utf8());
  EXPECT_EQ(Params::Parse("encoding=UTF-8&lastname=J%E4ger", &params)->code,
            2013);
  EXPECT_EQ(Params::Parse("encoding=KOI8-R", &params)->code, 1201);
  EXPECT_EQ(Params::Parse("a=%G1", &params)->code, 2008);
}

TEST(Answer, ErrorsCarryPayoneTexts) {
  EXPECT_EQ(RenderLines(Answer::Error(ParamError("currency"), "en"), false),
            "status=ERROR\nerrorcode=1005\nerrormessage=Parameter {currency} "
            "faulty or missing\ncustomermessage=An error occured while "
            "processing this transaction (wrong parameters).\n");
  EXPECT_EQ(ParamErrorCode("add_paydata[device_token]"), 1007);
  EXPECT_EQ(ParamErrorCode("never_heard_of"), 1000);
  EXPECT_EQ(CustomerMessage(2, "de"),
            "Die Transaktion wurde abgelehnt. Bitte wählen Sie eine andere "
            "Zahlungsart.");
}

TEST(Answer, LinesAreLatin1UnlessUtf8) {
  Answer answer = Answer::Status("VALID");
  answer.Add("city", "K\xc3\xb6ln").Add("name", "\xe2\x82\xac");
  EXPECT_EQ(RenderLines(answer, false),
            "status=VALID\ncity=K\xf6ln\nname=???\n");
  EXPECT_EQ(RenderLines(answer, true),
            "status=VALID\ncity=K\xc3\xb6ln\nname=\xe2\x82\xac\n");
}

TEST(Answer, JsonNestsLikePayone) {
  Answer answer = Answer::Status("APPROVED");
  answer.Add("txid", "1")
      .Add("clearing_bankiban", "DE87")
      .Add("clearing_reference", "R\"1")
      .Add("mandate_identification", "PO-1")
      .Add("mandate_text", "%3C")
      .Add("add_paydata[workorderid]", "W1")
      .Add("creditor_identifier", "DE98");
  EXPECT_EQ(RenderJson(answer, "UTF-8"),
            "{\"Status\":\"APPROVED\",\"TxId\":\"1\",\"CreditorIdentifier\":"
            "\"DE98\",\"Encoding\":\"UTF-8\",\"Clearing\":{\"Reference\":"
            "\"R\\\"1\",\"BankAccount\":{\"Iban\":\"DE87\"}},\"Mandate\":{"
            "\"Identification\":\"PO-1\",\"HtmlText\":\"%3C\"},"
            "\"AddPayData\":{\"workorderid\":\"W1\"}}");
}

TEST(MajorUnits, DotAndTwoDecimals) {
  EXPECT_EQ(MajorUnits(0), "0.00");
  EXPECT_EQ(MajorUnits(5), "0.05");
  EXPECT_EQ(MajorUnits(199999999999), "1999999999.99");
  EXPECT_EQ(MajorUnits(-2050), "-20.50");
}

}  // namespace
}  // namespace payone::simulator
