#include "service/net/url.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::net {
namespace {

using ::testing::HasSubstr;

TEST(ParseUrl, SchemeDefaultsPortAndTarget) {
  auto url = ParseUrl("https://api.pay1.de/post-gateway/");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_TRUE(url->tls);
  EXPECT_EQ(url->host, "api.pay1.de");
  EXPECT_EQ(url->port, 443);
  EXPECT_EQ(url->target, "/post-gateway/");

  url = ParseUrl("http://example.com");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_FALSE(url->tls);
  EXPECT_EQ(url->port, 80);
  EXPECT_EQ(url->target, "/");
}

TEST(ParseUrl, ExplicitPorts) {
  auto url = ParseUrl("http://127.0.0.1:8080/x");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, 8080);
  EXPECT_EQ(url->target, "/x");
  EXPECT_EQ(ParseUrl("http://h:1/")->port, 1);
  EXPECT_EQ(ParseUrl("http://h:65535/")->port, 65535);
  for (const char* bad :
       {"http://h:0/", "http://h:65536/", "http://h:/", "http://h:x/",
        "http://h:-1/", "http://h:+80/", "http://h:080000/"}) {
    auto parsed = ParseUrl(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_THAT(parsed.status().message(), HasSubstr("bad port")) << bad;
  }
}

TEST(ParseUrl, Ipv6Literals) {
  // The simulator's old parser split at the last ':' and read this one as
  // host "[" port ":1]".
  auto url = ParseUrl("http://[::1]/");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->port, 80);
  EXPECT_EQ(url->target, "/");
  EXPECT_EQ(url->Authority(), "[::1]:80");
  EXPECT_EQ(UriHost(url->host), "[::1]");

  url = ParseUrl("https://[2001:db8::7]:8443/notify?x=1");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "2001:db8::7");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->target, "/notify?x=1");
  EXPECT_EQ(url->ToString(), "https://[2001:db8::7]:8443/notify?x=1");

  for (const char* bad :
       {"http://[::1/", "http://[::1]x/", "http://[::1]:/", "http://[nothost]/",
        "http://[127.0.0.1]/", "http://::1/"}) {
    EXPECT_FALSE(ParseUrl(bad).ok()) << bad;
  }
}

TEST(ParseUrl, PathsAndQueries) {
  EXPECT_EQ(ParseUrl("http://h/a/b/c")->target, "/a/b/c");
  EXPECT_EQ(ParseUrl("http://h/a?b=1&c=%20")->target, "/a?b=1&c=%20");
  // A query straight after the authority still gets its '/'.
  auto url = ParseUrl("http://h?b=1");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "h");
  EXPECT_EQ(url->target, "/?b=1");
  url = ParseUrl("http://h:81?b=1");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->port, 81);
}

TEST(ParseUrl, Refusals) {
  EXPECT_THAT(ParseUrl("ftp://h/").status().message(),
              HasSubstr("https:// or http://"));
  EXPECT_THAT(ParseUrl("h/").status().message(),
              HasSubstr("https:// or http://"));
  EXPECT_THAT(ParseUrl("http:///x").status().message(), HasSubstr("no host"));
  EXPECT_THAT(ParseUrl("http://").status().message(), HasSubstr("no host"));
  // Credentials in a URL end up in logs and configuration dumps.
  EXPECT_THAT(ParseUrl("https://user:secret@h/").status().message(),
              HasSubstr("user name or password"));
  EXPECT_FALSE(ParseUrl("https://user@h/").ok());
  EXPECT_THAT(ParseUrl("http://h/#frag").status().message(),
              HasSubstr("fragment"));
  // Whatever would break the request line.
  EXPECT_FALSE(ParseUrl("http://h/a b").ok());
  EXPECT_FALSE(ParseUrl("http://h/a\r\nX-Injected: 1").ok());
  EXPECT_FALSE(ParseUrl("http://h\t/").ok());
}

// The upstream client's URL tests (service/upstream had its own parser).
TEST(ParseUrl, UpstreamDefaultsPortsAndKeepsTheTarget) {
  auto https = ParseUrl("https://api.pay1.de/post-gateway/");
  ASSERT_TRUE(https.ok());
  EXPECT_TRUE(https->tls);
  EXPECT_EQ(https->host, "api.pay1.de");
  EXPECT_EQ(https->port, 443);
  EXPECT_EQ(https->target, "/post-gateway/");

  auto http = ParseUrl("http://127.0.0.1:8080");
  ASSERT_TRUE(http.ok());
  EXPECT_FALSE(http->tls);
  EXPECT_EQ(http->port, 8080);
  EXPECT_EQ(http->target, "/");

  auto v6 = ParseUrl("https://[::1]:9443/x");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 9443);
}

TEST(ParseUrl, UpstreamRejectsWhatItCannotUse) {
  EXPECT_FALSE(ParseUrl("ftp://example.com/").ok());
  EXPECT_FALSE(ParseUrl("https://:443/").ok());
  EXPECT_FALSE(ParseUrl("https://host:99999/").ok());
  EXPECT_FALSE(ParseUrl("https://[::1/").ok());
}

TEST(ParseHostPort, NamesAddressesAndPortZero) {
  auto address = ParseHostPort("127.0.0.1:0");
  ASSERT_TRUE(address.ok()) << address.status();
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 0);
  address = ParseHostPort("[::1]:50051");
  ASSERT_TRUE(address.ok()) << address.status();
  EXPECT_EQ(address->host, "::1");
  EXPECT_EQ(address->port, 50051);
  // Unbracketed IPv6 splits at the last ':', as listen addresses always did.
  address = ParseHostPort("::1:9000");
  ASSERT_TRUE(address.ok()) << address.status();
  EXPECT_EQ(address->host, "::1");
  EXPECT_EQ(address->port, 9000);
  for (const char* bad : {"127.0.0.1", ":80", "h:", "h:65536", "h:x", ""}) {
    EXPECT_FALSE(ParseHostPort(bad).ok()) << bad;
  }
}

TEST(IsIpLiteral, TellsAddressesFromNames) {
  EXPECT_TRUE(IsIpLiteral("127.0.0.1"));
  EXPECT_TRUE(IsIpLiteral("::1"));
  EXPECT_TRUE(IsIpLiteral("2001:db8::1"));
  EXPECT_FALSE(IsIpLiteral("localhost"));
  EXPECT_FALSE(IsIpLiteral("1.2.3"));
  EXPECT_FALSE(IsIpLiteral(""));
}

}  // namespace
}  // namespace payone::net
