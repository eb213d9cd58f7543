#ifndef PAYONE_SERVICE_NOTIFICATIONS_IP_ALLOW_LIST_H_
#define PAYONE_SERVICE_NOTIFICATIONS_IP_ALLOW_LIST_H_

// Who may post TransactionStatus notifications: CIDR ranges (IPv4 and
// IPv6) and the rule that finds the real sender behind trusted reverse
// proxies (the right-most X-Forwarded-For address that is not a trusted
// proxy; PAYONE plugins call this "proxy mode").

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace payone::service {

// An IPv4 address is kept as its IPv4-mapped IPv6 form (::ffff:a.b.c.d) so
// that a dual-stack listener's peers match IPv4 ranges.
struct IpAddress {
  std::array<uint8_t, 16> bytes{};
  bool is_v4 = false;

  std::string ToString() const;
  friend bool operator==(const IpAddress& a, const IpAddress& b) {
    return a.bytes == b.bytes;
  }
};

// "192.0.2.1", "2001:db8::1", "[2001:db8::1]", "::ffff:192.0.2.1";
// nullopt for anything else (also with a port or a zone).
std::optional<IpAddress> ParseIpAddress(absl::string_view text);

struct CidrRange {
  IpAddress network;    // host bits cleared
  int prefix_bits = 0;  // of the 128-bit (mapped) form

  bool Contains(const IpAddress& address) const;
};

// "185.60.20.0/24", "2001:db8::/32"; a bare address is a single host.
absl::StatusOr<CidrRange> ParseCidr(absl::string_view text);

class IpAllowList {
 public:
  // Fails on the first range that does not parse.
  static absl::StatusOr<IpAllowList> Parse(
      absl::Span<const std::string> ranges);

  bool Contains(const IpAddress& address) const;
  bool empty() const { return ranges_.empty(); }

 private:
  std::vector<CidrRange> ranges_;
};

// PAYONE's published sender ranges (payone-api.md §4.1).
std::vector<std::string> PayoneSenderRanges();

// The address a request came from: the TCP peer unless the peer is a
// trusted proxy; then the right-most X-Forwarded-For entry that is not a
// trusted proxy (the left-most when all are). `forwarded_for` holds every
// X-Forwarded-For header value in order. nullopt when an entry that decides
// is not an address (the request is then refused, not guessed at).
std::optional<IpAddress> ResolveSender(
    const IpAddress& peer, absl::Span<const std::string> forwarded_for,
    const IpAllowList& trusted_proxies);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_NOTIFICATIONS_IP_ALLOW_LIST_H_
