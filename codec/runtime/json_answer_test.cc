#include "codec/runtime/json_answer.h"

#include "gtest/gtest.h"

namespace payone::codec {
namespace {

TEST(JsonAnswerTest, TopLevelAndErrorAreLowerCasedObjectsNested) {
  // Members in the order of their names.
  const auto lines = JsonAnswerToLines(
      R"({"Status":"OK","UserId":12345678,"Person":{"LastName":"Muster",)"
      R"("FirstName":"Max"},"Address":{"Zip":"10115","Lines":["a"]},)"
      R"("Note":"two\nlines","Flag":true,"Gone":null})");
  ASSERT_TRUE(lines.ok()) << lines.status();
  EXPECT_EQ(*lines,
            "Address.Zip=10115\nflag=true\nnote=two lines\n"
            "Person.FirstName=Max\nPerson.LastName=Muster\nstatus=OK\n"
            "userid=12345678\n");
  const auto error = JsonAnswerToLines(
      R"({"Status":"ERROR","Error":{"ErrorCode":"3009","ErrorMessage":"x"}})");
  ASSERT_TRUE(error.ok());
  EXPECT_EQ(*error, "errorcode=3009\nerrormessage=x\nstatus=ERROR\n");
  const auto paydata = JsonAnswerToLines(
      R"({"AddPayData":{"session_id":"s-1"},"WorkOrderId":"WO1"})");
  ASSERT_TRUE(paydata.ok());
  EXPECT_EQ(*paydata, "add_paydata[session_id]=s-1\nworkorderid=WO1\n");
}

TEST(JsonAnswerTest, NotAnObjectIsAnError) {
  EXPECT_FALSE(JsonAnswerToLines("status=OK\n").ok());
  EXPECT_FALSE(JsonAnswerToLines("[1,2]").ok());
}

}  // namespace
}  // namespace payone::codec
