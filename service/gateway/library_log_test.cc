// Protobuf's and gRPC's own diagnostics reach the JSON log as structured
// library_log entries, never as raw "[libprotobuf ERROR ...]" lines.

#include "service/gateway/library_log.h"

#include <cstdio>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "grpc/support/log.h"
#include "gtest/gtest.h"
#include "service/gateway/call_log.pb.h"

namespace payone::service {
namespace {

std::string ReadAll(std::FILE* file) {
  std::rewind(file);
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    text.append(buffer, n);
  }
  return text;
}

TEST(LibraryLogTest, ProtobufAndGrpcMessagesBecomeJsonLines) {
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  CallLogger logger(out);
  RouteLibraryLogs(&logger);

  // Invalid UTF-8 in a proto3 string: protobuf complains while parsing, as
  // it does for a malformed request a client sends.
  payone::gateway::v1::CallLog record;
  record.set_method("Pre\xff\"authorize");
  std::string wire;
  record.SerializeToString(&wire);
  payone::gateway::v1::CallLog parsed;
  EXPECT_FALSE(parsed.ParseFromString(wire));
  gpr_log(GPR_ERROR, "grpc says %s", "hello\nworld");
  RouteLibraryLogs(nullptr);

  const std::string text = ReadAll(out);
  std::fclose(out);
  EXPECT_FALSE(absl::StrContains(text, "[libprotobuf")) << text;
  int protobuf_lines = 0;
  int grpc_lines = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    google::protobuf::Struct entry;
    ASSERT_TRUE(
        google::protobuf::util::JsonStringToMessage(std::string(line), &entry)
            .ok())
        << line;
    const auto& fields = entry.fields();
    EXPECT_EQ(fields.at("event").string_value(), "library_log") << line;
    EXPECT_EQ(fields.at("severity").string_value(), "ERROR") << line;
    const std::string library = fields.at("library").string_value();
    const std::string message = fields.at("message").string_value();
    if (library == "protobuf") {
      ++protobuf_lines;
      EXPECT_TRUE(absl::StrContains(message, "invalid UTF-8")) << line;
    } else if (library == "grpc") {
      ++grpc_lines;
      EXPECT_EQ(message, "grpc says hello\nworld") << line;
    }
  }
  EXPECT_GE(protobuf_lines, 1) << text;
  EXPECT_EQ(grpc_lines, 1) << text;
}

TEST(LibraryLogTest, LongMessagesAreCutAndEveryByteIsEscaped) {
  const std::string line = LibraryLogLine("grpc", "ERROR", "f.cc", 7,
                                          std::string(5000, '\xfe') + "\"");
  EXPECT_LT(line.size(), 7000u);
  EXPECT_TRUE(absl::StrContains(line, "\\u00fe...\"}")) << line.substr(0, 80);
  google::protobuf::Struct entry;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(line, &entry).ok());
}

// A library quoting UTF-8 (a file name, a field's text) is shown as it is,
// not as one \u00XX per byte, which a reader would decode as Latin-1.
TEST(LibraryLogTest, ValidUtf8IsKeptAndAnInvalidByteEscaped) {
  const std::string line =
      LibraryLogLine("protobuf", "ERROR", "f.cc", 7, "J\xc3\xa4ger \xe4");
  google::protobuf::Struct entry;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &entry).ok())
      << line;
  EXPECT_EQ(entry.fields().at("message").string_value(),
            "J\xc3\xa4ger \xc3\xa4");
}

}  // namespace
}  // namespace payone::service
