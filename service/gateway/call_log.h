#ifndef PAYONE_SERVICE_GATEWAY_CALL_LOG_H_
#define PAYONE_SERVICE_GATEWAY_CALL_LOG_H_

#include <cstdio>
#include <mutex>
#include <string>

#include "absl/strings/string_view.h"
#include "service/gateway/call_log.pb.h"

namespace payone::service {

// Writes CallLog records as one JSON object per line.
class CallLogger {
 public:
  // Writes to `out` (stderr by default); nullptr discards.
  explicit CallLogger(std::FILE* out = stderr) : out_(out) {}

  static std::string ToJson(const payone::gateway::v1::CallLog& record);
  void Write(const payone::gateway::v1::CallLog& record);
  // Writes one line built elsewhere (the notification receiver's), so that
  // every log line of the gateway goes to one stream, whole.
  void WriteLine(absl::string_view json);

 private:
  // One line, ending in a newline, in one piece.
  void WriteWhole(absl::string_view line);

  std::FILE* out_;
  std::mutex mu_;
};

// A random 128-bit hex id for calls that bring no x-request-id.
std::string NewRequestId();

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_CALL_LOG_H_
