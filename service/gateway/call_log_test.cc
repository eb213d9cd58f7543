#include "service/gateway/call_log.h"

#include "gtest/gtest.h"

namespace payone::service {
namespace {

TEST(CallLoggerTest, OneJsonObjectWithProtoFieldNames) {
  payone::gateway::v1::CallLog record;
  record.set_method("Preauthorize");
  record.set_payone_status("APPROVED");
  record.set_txid("123456789");
  record.set_message("quote \" and newline \n are escaped");
  const std::string json = CallLogger::ToJson(record);
  EXPECT_EQ(json,
            "{\"method\":\"Preauthorize\",\"payone_status\":\"APPROVED\","
            "\"txid\":\"123456789\",\"message\":\"quote \\\" and newline \\n "
            "are escaped\"}");
}

TEST(CallLoggerTest, WritesOneLinePerRecord) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  CallLogger logger(file);
  payone::gateway::v1::CallLog record;
  record.set_method("Capture");
  logger.Write(record);
  logger.Write(record);
  std::rewind(file);
  char buffer[256] = {};
  const size_t n = std::fread(buffer, 1, sizeof(buffer) - 1, file);
  EXPECT_EQ(std::string(buffer, n),
            "{\"method\":\"Capture\"}\n{\"method\":\"Capture\"}\n");
  std::fclose(file);
}

TEST(NewRequestIdTest, IsHexAndDiffers) {
  const std::string a = NewRequestId();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, NewRequestId());
}

}  // namespace
}  // namespace payone::service
