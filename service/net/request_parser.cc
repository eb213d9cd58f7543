#include "service/net/request_parser.h"

#include "absl/strings/match.h"

namespace payone::net {

std::string RequestHead::Header(absl::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (absl::EqualsIgnoreCase(field, name)) return value;
  }
  return "";
}

std::vector<std::string> RequestHead::Headers(absl::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [field, value] : headers) {
    if (absl::EqualsIgnoreCase(field, name)) values.push_back(value);
  }
  return values;
}

RequestHead HeadOf(const RequestParser& parser, std::string peer) {
  namespace http = boost::beast::http;
  const auto& message = parser.get();
  RequestHead head;
  head.method = std::string(message.method_string());
  head.target = std::string(message.target());
  head.headers.reserve(8);
  for (const auto& field : message) {
    head.headers.emplace_back(std::string(field.name_string()),
                              std::string(field.value()));
  }
  if (const auto length = parser.content_length()) {
    head.content_length = *length;
  }
  head.keep_alive = message.keep_alive();
  head.expect_continue =
      boost::beast::iequals(message[http::field::expect], "100-continue");
  head.peer = std::move(peer);
  return head;
}

}  // namespace payone::net
