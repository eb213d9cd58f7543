#include "service/notifications/ip_allow_list.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace payone::service {
namespace {

constexpr uint8_t kV4MappedPrefix[12] = {0, 0, 0, 0, 0,    0,
                                         0, 0, 0, 0, 0xff, 0xff};

bool IsV4Mapped(const std::array<uint8_t, 16>& bytes) {
  return std::memcmp(bytes.data(), kV4MappedPrefix, 12) == 0;
}

}  // namespace

std::string IpAddress::ToString() const {
  char text[INET6_ADDRSTRLEN] = {};
  if (is_v4) {
    inet_ntop(AF_INET, bytes.data() + 12, text, sizeof(text));
  } else {
    inet_ntop(AF_INET6, bytes.data(), text, sizeof(text));
  }
  return text;
}

std::optional<IpAddress> ParseIpAddress(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (absl::ConsumePrefix(&text, "[") && !absl::ConsumeSuffix(&text, "]")) {
    return std::nullopt;
  }
  // inet_pton needs a terminated string; addresses are short.
  if (text.empty() || text.size() > INET6_ADDRSTRLEN) return std::nullopt;
  const std::string terminated(text);
  IpAddress address;
  if (inet_pton(AF_INET, terminated.c_str(), address.bytes.data() + 12) == 1) {
    std::memcpy(address.bytes.data(), kV4MappedPrefix, 12);
    address.is_v4 = true;
    return address;
  }
  if (inet_pton(AF_INET6, terminated.c_str(), address.bytes.data()) == 1) {
    address.is_v4 = IsV4Mapped(address.bytes);
    return address;
  }
  return std::nullopt;
}

bool CidrRange::Contains(const IpAddress& address) const {
  const int full_bytes = prefix_bits / 8;
  if (std::memcmp(address.bytes.data(), network.bytes.data(), full_bytes) !=
      0) {
    return false;
  }
  const int rest_bits = prefix_bits % 8;
  if (rest_bits == 0) return true;
  const uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest_bits));
  return (address.bytes[full_bytes] & mask) == network.bytes[full_bytes];
}

absl::StatusOr<CidrRange> ParseCidr(absl::string_view text) {
  const std::pair<absl::string_view, absl::string_view> parts =
      absl::StrSplit(absl::StripAsciiWhitespace(text), absl::MaxSplits('/', 1));
  const std::optional<IpAddress> address = ParseIpAddress(parts.first);
  if (!address) {
    return absl::InvalidArgumentError(
        absl::StrCat("not an IP address range: \"", text, "\""));
  }
  // Written as IPv4, the prefix counts IPv4 bits.
  const bool written_as_v4 = parts.first.find(':') == absl::string_view::npos;
  const int max_bits = written_as_v4 ? 32 : 128;
  int bits = max_bits;
  if (text.find('/') != absl::string_view::npos) {
    if (!absl::SimpleAtoi(parts.second, &bits) || bits < 0 || bits > max_bits) {
      return absl::InvalidArgumentError(
          absl::StrCat("bad prefix length in \"", text, "\""));
    }
  }
  CidrRange range;
  range.prefix_bits = written_as_v4 ? bits + 96 : bits;
  range.network = *address;
  for (int i = 0; i < 16; ++i) {
    const int bits_in_byte =
        std::min(8, std::max(0, range.prefix_bits - 8 * i));
    const uint8_t mask = bits_in_byte == 0
                             ? 0
                             : static_cast<uint8_t>(0xff << (8 - bits_in_byte));
    range.network.bytes[i] &= mask;
  }
  return range;
}

absl::StatusOr<IpAllowList> IpAllowList::Parse(
    absl::Span<const std::string> ranges) {
  IpAllowList list;
  for (const std::string& text : ranges) {
    absl::StatusOr<CidrRange> range = ParseCidr(text);
    if (!range.ok()) return range.status();
    list.ranges_.push_back(*range);
  }
  return list;
}

bool IpAllowList::Contains(const IpAddress& address) const {
  for (const CidrRange& range : ranges_) {
    if (range.Contains(address)) return true;
  }
  return false;
}

std::vector<std::string> PayoneSenderRanges() {
  return {"185.60.20.0/24", "54.246.203.105/32"};
}

std::optional<IpAddress> ResolveSender(
    const IpAddress& peer, absl::Span<const std::string> forwarded_for,
    const IpAllowList& trusted_proxies) {
  if (!trusted_proxies.Contains(peer)) return peer;
  std::vector<absl::string_view> hops;
  for (const std::string& header : forwarded_for) {
    for (absl::string_view hop : absl::StrSplit(header, ',')) {
      hops.push_back(hop);
    }
  }
  if (hops.empty()) return peer;
  std::optional<IpAddress> hop_address;
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    hop_address = ParseIpAddress(*it);
    if (!hop_address) return std::nullopt;
    if (!trusted_proxies.Contains(*hop_address)) return hop_address;
  }
  return hop_address;  // every hop is a trusted proxy: the left-most
}

}  // namespace payone::service
