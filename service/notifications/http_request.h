#ifndef PAYONE_SERVICE_NOTIFICATIONS_HTTP_REQUEST_H_
#define PAYONE_SERVICE_NOTIFICATIONS_HTTP_REQUEST_H_

// How the TransactionStatus receiver reads a request off the wire: service/
// net's parser and limits, and the RequestHead that NotificationHandler
// decides on. Shared by the receiver and receiver_fuzzer, which feeds raw
// bytes through the same parser into the same handler.

#include <string>

#include "absl/time/time.h"
#include "service/net/request_parser.h"
#include "service/notifications/notification_handler.h"

namespace payone::service {

using net::PrepareRequestParser;
using net::RequestParser;

// What NotificationHandler::CheckHead decides on, from service/net's head.
inline RequestHead NotificationHead(const net::RequestHead& net_head,
                                    const IpAddress& peer, absl::Time started) {
  RequestHead head;
  head.started = started;
  head.method = net_head.method;
  head.target = net_head.target;
  head.peer = peer;
  head.forwarded_for = net_head.Headers("X-Forwarded-For");
  head.content_length = net_head.content_length;
  if (auto types = net_head.Headers("Content-Type"); !types.empty()) {
    head.content_type = std::move(types.front());
  }
  return head;
}

// The same, from a parsed header.
inline RequestHead HeadOf(const RequestParser& parser, const IpAddress& peer,
                          absl::Time started) {
  return NotificationHead(net::HeadOf(parser, ""), peer, started);
}

}  // namespace payone::service

#endif  // PAYONE_SERVICE_NOTIFICATIONS_HTTP_REQUEST_H_
