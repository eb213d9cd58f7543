#include "service/gateway/call_log.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
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

// The printer written by hand writes what protobuf's JSON printer writes.
std::string ProtobufJson(const payone::gateway::v1::CallLog& record) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  EXPECT_TRUE(
      google::protobuf::util::MessageToJsonString(record, &json, options).ok());
  return json;
}

payone::gateway::v1::CallLog EveryField() {
  payone::gateway::v1::CallLog record;
  record.set_time("2026-12-06T03:00:00Z");
  record.set_request_id("0123456789abcdef0123456789abcdef");
  record.set_method("Preauthorize");
  record.set_client("backend");
  record.set_account("shop-de");
  record.set_request("preauthorization");
  record.set_code("OK");
  record.set_payone_status("APPROVED");
  record.set_errorcode(-42);
  record.set_txid("123456789");
  record.set_upstream_ms(1.2345678901234567);
  record.set_total_ms(12);
  record.set_message("m");
  record.set_reused_connection(true);
  record.set_idempotent_replay(true);
  record.set_filled_sequencenumber(3);
  return record;
}

TEST(CallLoggerTest, WritesWhatProtobufsPrinterWrites) {
  // Every field: a field added to call_log.proto must be added to the
  // printer too.
  const payone::gateway::v1::CallLog every = EveryField();
  EXPECT_EQ(every.descriptor()->field_count(), 16);
  EXPECT_EQ(CallLogger::ToJson(every), ProtobufJson(every));
  EXPECT_EQ(CallLogger::ToJson(payone::gateway::v1::CallLog()), "{}");
  for (const double ms : {0.001, 0.1, 1e-7, 0.30000000000000004, 123456.789,
                          1e21, 2.5e-5, 1.0 / 3, 999.9999999999999}) {
    payone::gateway::v1::CallLog record;
    record.set_upstream_ms(ms);
    record.set_total_ms(ms * 7);
    EXPECT_EQ(CallLogger::ToJson(record), ProtobufJson(record)) << ms;
  }
  // Every byte in a string, including those protobuf escapes its own way.
  for (int byte = 1; byte < 256; ++byte) {
    payone::gateway::v1::CallLog record;
    record.set_message(
        absl::StrCat("a", std::string(1, static_cast<char>(byte)), "b"));
    if (byte >= 0x80) continue;  // not UTF-8 alone: protobuf refuses it
    EXPECT_EQ(CallLogger::ToJson(record), ProtobufJson(record)) << byte;
  }
  for (const char* text : {"caf\xc3\xa9", "\xe2\x80\xa8", "\xef\xbb\xbf",
                           "\xf0\x9f\x92\xb3 card", "soft\xc2\xad"}) {
    payone::gateway::v1::CallLog record;
    record.set_payone_status(text);
    EXPECT_EQ(CallLogger::ToJson(record), ProtobufJson(record)) << text;
  }
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
