#include "service/notifications/ip_allow_list.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace payone::service {
namespace {

IpAddress Ip(const std::string& text) {
  const std::optional<IpAddress> address = ParseIpAddress(text);
  EXPECT_TRUE(address.has_value()) << text;
  return address.value_or(IpAddress());
}

IpAllowList List(const std::vector<std::string>& ranges) {
  auto list = IpAllowList::Parse(ranges);
  EXPECT_TRUE(list.ok()) << list.status();
  return list.ok() ? *list : IpAllowList();
}

TEST(ParseIpAddressTest, AcceptsBothFamiliesAndNothingElse) {
  EXPECT_EQ(Ip("192.0.2.1").ToString(), "192.0.2.1");
  EXPECT_EQ(Ip(" 2001:db8::1 ").ToString(), "2001:db8::1");
  EXPECT_EQ(Ip("[::1]").ToString(), "::1");
  EXPECT_EQ(Ip("::ffff:192.0.2.1"), Ip("192.0.2.1"));
  EXPECT_TRUE(Ip("::ffff:192.0.2.1").is_v4);
  for (const char* bad : {"", "1.2.3", "1.2.3.4:80", "256.0.0.1", "[::1",
                          "fe80::1%eth0", "example.org", "1.2.3.4/8"}) {
    EXPECT_FALSE(ParseIpAddress(bad).has_value()) << bad;
  }
}

TEST(ParseCidrTest, MatchesPrefixesOfBothFamilies) {
  const auto payone = ParseCidr("185.60.20.0/24");
  ASSERT_TRUE(payone.ok()) << payone.status();
  EXPECT_TRUE(payone->Contains(Ip("185.60.20.255")));
  EXPECT_TRUE(payone->Contains(Ip("::ffff:185.60.20.7")));
  EXPECT_FALSE(payone->Contains(Ip("185.60.21.1")));

  const auto odd = ParseCidr("10.0.0.128/25");
  ASSERT_TRUE(odd.ok());
  EXPECT_TRUE(odd->Contains(Ip("10.0.0.200")));
  EXPECT_FALSE(odd->Contains(Ip("10.0.0.127")));

  const auto v6 = ParseCidr("2001:db8:abcd::/48");
  ASSERT_TRUE(v6.ok());
  EXPECT_TRUE(v6->Contains(Ip("2001:db8:abcd:ffff::1")));
  EXPECT_FALSE(v6->Contains(Ip("2001:db8:abce::1")));
  EXPECT_FALSE(v6->Contains(Ip("185.60.20.1")));

  const auto host = ParseCidr("54.246.203.105");
  ASSERT_TRUE(host.ok());
  EXPECT_TRUE(host->Contains(Ip("54.246.203.105")));
  EXPECT_FALSE(host->Contains(Ip("54.246.203.104")));

  const auto everything = ParseCidr("0.0.0.0/0");
  ASSERT_TRUE(everything.ok());
  EXPECT_TRUE(everything->Contains(Ip("203.0.113.9")));
  EXPECT_FALSE(everything->Contains(Ip("2001:db8::1")));
}

TEST(ParseCidrTest, RejectsBadRanges) {
  for (const char* bad : {"185.60.20.0/33", "::/129", "1.2.3.0/", "1.2.3.0/x",
                          "/24", "1.2.3.0/-1", "example.org/24"}) {
    EXPECT_FALSE(ParseCidr(bad).ok()) << bad;
  }
  EXPECT_FALSE(IpAllowList::Parse({"127.0.0.1/32", "nonsense"}).ok());
}

TEST(IpAllowListTest, DefaultsArePayonesPublishedRanges) {
  const IpAllowList payone = List(PayoneSenderRanges());
  EXPECT_TRUE(payone.Contains(Ip("185.60.20.10")));
  EXPECT_TRUE(payone.Contains(Ip("54.246.203.105")));
  EXPECT_FALSE(payone.Contains(Ip("127.0.0.1")));
  EXPECT_FALSE(List({}).Contains(Ip("127.0.0.1")));
}

TEST(ResolveSenderTest, HonoursForwardedForOnlyFromTrustedProxies) {
  const IpAllowList proxies = List({"10.0.0.0/8", "fd00::/8"});
  // Not a proxy: the header is whatever the client chose to send.
  EXPECT_EQ(ResolveSender(Ip("198.51.100.1"), {"185.60.20.1"}, proxies),
            Ip("198.51.100.1"));
  // A proxy: the right-most address it did not add itself.
  EXPECT_EQ(
      ResolveSender(Ip("10.0.0.2"), {"203.0.113.5, 185.60.20.1"}, proxies),
      Ip("185.60.20.1"));
  EXPECT_EQ(ResolveSender(Ip("10.0.0.2"), {"185.60.20.1, 10.1.1.1", "fd00::7"},
                          proxies),
            Ip("185.60.20.1"));
  // A proxy without the header, and a chain of proxies only.
  EXPECT_EQ(ResolveSender(Ip("10.0.0.2"), {}, proxies), Ip("10.0.0.2"));
  EXPECT_EQ(ResolveSender(Ip("10.0.0.2"), {"10.0.0.9, 10.0.0.8"}, proxies),
            Ip("10.0.0.9"));
  // Garbage where the sender should be: no sender at all.
  EXPECT_FALSE(ResolveSender(Ip("10.0.0.2"), {"185.60.20.1, unknown"}, proxies)
                   .has_value());
  EXPECT_FALSE(ResolveSender(Ip("10.0.0.2"), {""}, proxies).has_value());
}

}  // namespace
}  // namespace payone::service
