#ifndef PAYONE_SERVICE_NOTIFICATIONS_HTTP_REQUEST_H_
#define PAYONE_SERVICE_NOTIFICATIONS_HTTP_REQUEST_H_

// How the TransactionStatus receiver reads a request off the wire: the
// parser's limits and the RequestHead its header gives NotificationHandler.
// Shared by the receiver's sessions and receiver_fuzzer, which feeds raw
// bytes through the same parser into the same handler.

#include <cstdint>
#include <limits>
#include <string>

#include "absl/time/time.h"
#include "boost/beast/http.hpp"
#include "service/notifications/notification_handler.h"

namespace payone::service {

using RequestParser =
    boost::beast::http::request_parser<boost::beast::http::string_body>;

inline constexpr uint32_t kMaxRequestHeaderBytes = 16 * 1024;

// Limits for a new request. The declared length is judged by CheckHead (an
// answer, not a dropped connection), so the body limit is set only once the
// head passed: parser.body_limit(handler.max_body_bytes()).
inline void PrepareRequestParser(RequestParser& parser) {
  parser.header_limit(kMaxRequestHeaderBytes);
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
}

// What NotificationHandler::CheckHead decides on, from a parsed header.
inline RequestHead HeadOf(const RequestParser& parser, const IpAddress& peer,
                          absl::Time started) {
  const auto& message = parser.get();
  RequestHead head;
  head.started = started;
  head.method = std::string(message.method_string());
  head.target = std::string(message.target());
  head.peer = peer;
  for (auto [it, end] = message.equal_range("X-Forwarded-For"); it != end;
       ++it) {
    head.forwarded_for.emplace_back(it->value());
  }
  if (const auto type = message.find(boost::beast::http::field::content_type);
      type != message.end()) {
    head.content_type = std::string(type->value());
  }
  if (const auto length = parser.content_length()) {
    head.content_length = *length;
  }
  return head;
}

}  // namespace payone::service

#endif  // PAYONE_SERVICE_NOTIFICATIONS_HTTP_REQUEST_H_
