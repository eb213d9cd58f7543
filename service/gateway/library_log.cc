#include "service/gateway/library_log.h"

#include <atomic>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "google/protobuf/stubs/logging.h"
#include "grpc/support/log.h"
#include "service/common/json_string.h"

namespace payone::service {
namespace {

// Library messages name fields and files, not data; the cap keeps a
// pathological one from flooding the log all the same.
constexpr size_t kMaxMessageBytes = 1024;

std::atomic<CallLogger*> routed_logger{nullptr};

void Write(const std::string& line) {
  CallLogger* logger = routed_logger.load();
  if (logger != nullptr) {
    logger->WriteLine(line);
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

void ProtobufHandler(google::protobuf::LogLevel level, const char* file,
                     int line, const std::string& message) {
  static constexpr const char* kLevels[] = {"INFO", "WARNING", "ERROR",
                                            "FATAL"};
  const int index = static_cast<int>(level);
  Write(LibraryLogLine("protobuf",
                       index >= 0 && index < 4 ? kLevels[index] : "UNKNOWN",
                       file == nullptr ? "" : file, line, message));
}

void GrpcHandler(gpr_log_func_args* args) {
  const char* severity = "UNKNOWN";
  switch (args->severity) {
    case GPR_LOG_SEVERITY_DEBUG:
      severity = "DEBUG";
      break;
    case GPR_LOG_SEVERITY_INFO:
      severity = "INFO";
      break;
    case GPR_LOG_SEVERITY_ERROR:
      severity = "ERROR";
      break;
  }
  Write(LibraryLogLine("grpc", severity,
                       args->file == nullptr ? "" : args->file, args->line,
                       args->message == nullptr ? "" : args->message));
}

}  // namespace

std::string LibraryLogLine(absl::string_view library,
                           absl::string_view severity, absl::string_view file,
                           int line, absl::string_view message) {
  std::string text(message.substr(0, kMaxMessageBytes));
  if (message.size() > kMaxMessageBytes) text += "...";
  return absl::StrCat(
      "{\"event\":\"library_log\",\"library\":", JsonString(library),
      ",\"severity\":", JsonString(severity), ",\"file\":", JsonString(file),
      ",\"line\":", line, ",\"message\":", JsonString(text), "}");
}

void RouteLibraryLogs(CallLogger* logger) {
  routed_logger.store(logger);
  // Reads GRPC_VERBOSITY now rather than at the first grpc_init(), so that
  // what gRPC logs before then is filtered the same.
  gpr_log_verbosity_init();
  google::protobuf::SetLogHandler(&ProtobufHandler);
  gpr_set_log_function(&GrpcHandler);
}

}  // namespace payone::service
