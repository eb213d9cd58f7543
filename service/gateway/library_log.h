#ifndef PAYONE_SERVICE_GATEWAY_LIBRARY_LOG_H_
#define PAYONE_SERVICE_GATEWAY_LIBRARY_LOG_H_

// Protobuf and gRPC write their own diagnostics ("[libprotobuf ERROR ...]",
// gRPC's "E1206 ... ] ...") straight to stderr, which breaks a log that
// promises one JSON object per line. RouteLibraryLogs() sends them through
// the gateway's CallLogger instead, as structured entries:
//   {"event":"library_log","library":"protobuf","severity":"ERROR",
//    "file":"...","line":123,"message":"..."}

#include <string>

#include "absl/strings/string_view.h"
#include "service/gateway/call_log.h"

namespace payone::service {

// The JSON line of one library message; the message is cut to a bounded
// length and escaped.
std::string LibraryLogLine(absl::string_view library,
                           absl::string_view severity, absl::string_view file,
                           int line, absl::string_view message);

// From now on, protobuf's and gRPC's log messages go to `logger` (which
// must outlive every later library call); with nullptr, the same JSON
// lines go to stderr. Call it at start-up, before any other thread logs.
void RouteLibraryLogs(CallLogger* logger);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_LIBRARY_LOG_H_
