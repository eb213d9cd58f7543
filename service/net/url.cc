#include "service/net/url.h"

#include <arpa/inet.h>

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace payone::net {
namespace {

absl::Status Bad(absl::string_view text, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("URL '", text, "' ", why));
}

// Splits "host[:port]" or "[v6][:port]"; `port` stays empty without one.
// An unbracketed host with several ':' is refused in URLs (is "::1:80" a
// port?) and split at the last ':' in listen addresses, as before.
absl::Status SplitAuthority(absl::string_view authority, bool last_colon,
                            absl::string_view* host, absl::string_view* port) {
  *port = absl::string_view();
  if (absl::ConsumePrefix(&authority, "[")) {
    const size_t close = authority.find(']');
    if (close == absl::string_view::npos) {
      return absl::InvalidArgumentError("has an unclosed '['");
    }
    *host = authority.substr(0, close);
    if (host->find(':') == absl::string_view::npos || !IsIpLiteral(*host)) {
      return absl::InvalidArgumentError("has a bad IPv6 literal");
    }
    absl::string_view after = authority.substr(close + 1);
    if (after.empty()) return absl::OkStatus();
    if (!absl::ConsumePrefix(&after, ":") || after.empty()) {
      return absl::InvalidArgumentError("has a bad port");
    }
    *port = after;
    return absl::OkStatus();
  }
  const size_t colon = last_colon ? authority.rfind(':') : authority.find(':');
  *host = authority.substr(0, colon);
  if (colon == absl::string_view::npos) return absl::OkStatus();
  *port = authority.substr(colon + 1);
  if (port->empty() || port->find(':') != absl::string_view::npos) {
    return absl::InvalidArgumentError("has a bad port");
  }
  return absl::OkStatus();
}

bool ParsePort(absl::string_view text, bool allow_zero, uint16_t* port) {
  if (text.empty() || text.size() > 5 ||
      !std::all_of(text.begin(), text.end(), absl::ascii_isdigit)) {
    return false;
  }
  int value = 0;
  if (!absl::SimpleAtoi(text, &value) || value > 65535) return false;
  if (value == 0 && !allow_zero) return false;
  *port = static_cast<uint16_t>(value);
  return true;
}

}  // namespace

bool IsIpLiteral(absl::string_view host) {
  const std::string text(host);
  unsigned char address[16];
  return inet_pton(AF_INET, text.c_str(), address) == 1 ||
         inet_pton(AF_INET6, text.c_str(), address) == 1;
}

std::string UriHost(absl::string_view host) {
  if (host.find(':') != absl::string_view::npos) {
    return absl::StrCat("[", host, "]");
  }
  return std::string(host);
}

std::string JoinHostPort(absl::string_view host, uint16_t port) {
  return absl::StrCat(UriHost(host), ":", port);
}

std::string Url::Authority() const { return JoinHostPort(host, port); }

std::string Url::ToString() const {
  return absl::StrCat(tls ? "https://" : "http://", Authority(), target);
}

absl::StatusOr<Url> ParseUrl(absl::string_view text) {
  if (std::any_of(text.begin(), text.end(),
                  [](char c) { return absl::ascii_iscntrl(c) || c == ' '; })) {
    return Bad(text, "may not contain spaces or control characters");
  }
  Url url;
  absl::string_view rest = text;
  if (absl::ConsumePrefix(&rest, "https://")) {
    url.tls = true;
  } else if (absl::ConsumePrefix(&rest, "http://")) {
    url.tls = false;
  } else {
    return Bad(text, "must start with https:// or http://");
  }
  const size_t end = rest.find_first_of("/?#");
  const absl::string_view authority = rest.substr(0, end);
  absl::string_view target =
      end == absl::string_view::npos ? "" : rest.substr(end);
  if (authority.find('@') != absl::string_view::npos) {
    return Bad(text, "may not carry a user name or password");
  }
  if (target.find('#') != absl::string_view::npos) {
    return Bad(text, "may not carry a fragment");
  }
  absl::string_view host;
  absl::string_view port;
  if (absl::Status status =
          SplitAuthority(authority, /*last_colon=*/false, &host, &port);
      !status.ok()) {
    return Bad(text, status.message());
  }
  if (host.empty()) return Bad(text, "has no host");
  if (port.empty()) {
    url.port = url.tls ? 443 : 80;
  } else if (!ParsePort(port, /*allow_zero=*/false, &url.port)) {
    return Bad(text, "has a bad port");
  }
  url.host = std::string(host);
  url.target = absl::StartsWith(target, "/") ? std::string(target)
                                             : absl::StrCat("/", target);
  return url;
}

absl::StatusOr<HostPort> ParseHostPort(absl::string_view text) {
  HostPort out;
  absl::string_view host;
  absl::string_view port;
  const absl::Status split =
      SplitAuthority(text, /*last_colon=*/true, &host, &port);
  if (!split.ok() || host.empty() || port.empty() ||
      !ParsePort(port, /*allow_zero=*/true, &out.port)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "address must be host:port or [v6]:port, not \"", text, "\""));
  }
  out.host = std::string(host);
  return out;
}

}  // namespace payone::net
