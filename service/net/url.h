#ifndef PAYONE_SERVICE_NET_URL_H_
#define PAYONE_SERVICE_NET_URL_H_

// The one URL parser of the project's HTTP code (Boost.URL is not in
// Debian 12's Boost 1.74): http:// and https:// URLs as the gateway meets
// them in its configuration, plus the host:port form of listen addresses.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace payone::net {

struct Url {
  bool tls = false;  // https
  // Without brackets for an IPv6 literal: "::1", "api.pay1.de".
  std::string host;
  uint16_t port = 0;  // the scheme's default when the URL names none
  // Path and query as written, "/" when the URL has none: what the request
  // line carries.
  std::string target;

  // "host:port" ("[::1]:443" for IPv6): what a Host header carries.
  std::string Authority() const;
  // "https://host:port/target".
  std::string ToString() const;
};

// http[s]://host[:port][/path][?query]. Host is a DNS name, an IPv4 address
// or a bracketed IPv6 literal. Refused: other schemes, userinfo
// ("user:pass@", which would leak into logs), fragments, an empty host, a
// port outside 1..65535, spaces or control characters anywhere (they would
// break the request line).
absl::StatusOr<Url> ParseUrl(absl::string_view text);

struct HostPort {
  std::string host;  // without brackets
  uint16_t port = 0;
};

// "host:port" or "[v6]:port"; port 0 is allowed (any free port).
absl::StatusOr<HostPort> ParseHostPort(absl::string_view text);

// A host as a URL or a Host header writes it: an IPv6 literal in brackets.
std::string UriHost(absl::string_view host);
// "host:port", "[::1]:443" for IPv6.
std::string JoinHostPort(absl::string_view host, uint16_t port);

// Whether `host` is an IPv4 or IPv6 address literal (not a DNS name).
bool IsIpLiteral(absl::string_view host);

}  // namespace payone::net

#endif  // PAYONE_SERVICE_NET_URL_H_
