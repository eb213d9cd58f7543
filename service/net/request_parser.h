#ifndef PAYONE_SERVICE_NET_REQUEST_PARSER_H_
#define PAYONE_SERVICE_NET_REQUEST_PARSER_H_

// How HttpServer reads a request off the wire: the parser, its limits and
// the RequestHead its header gives the handler. Its own header so that a
// fuzzer can feed raw bytes through the same steps as a server session.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "boost/beast/http.hpp"

namespace payone::net {

using RequestParser =
    boost::beast::http::request_parser<boost::beast::http::string_body>;

inline constexpr uint32_t kMaxRequestHeaderBytes = 16 * 1024;

// What a handler sees of a request before its body.
struct RequestHead {
  std::string method;
  std::string target;  // path and query
  // In the order received, names as sent.
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<uint64_t> content_length;
  bool keep_alive = false;
  bool expect_continue = false;
  // The TCP peer's address ("127.0.0.1", "::1"); empty when unknown.
  std::string peer;

  // The first value of header `name` (any case); empty when absent.
  std::string Header(absl::string_view name) const;
  // Every value of header `name` (any case), in order.
  std::vector<std::string> Headers(absl::string_view name) const;
};

// Limits for a new request: the header's; the body is unlimited until the
// head passed, so that a declared length can be answered (413) instead of
// dropping the connection. Then: parser.body_limit(max_body_bytes).
inline void PrepareRequestParser(RequestParser& parser) {
  parser.header_limit(kMaxRequestHeaderBytes);
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
}

// The head of a parsed header.
RequestHead HeadOf(const RequestParser& parser, std::string peer);

}  // namespace payone::net

#endif  // PAYONE_SERVICE_NET_REQUEST_PARSER_H_
