#include "service/gateway/authorizer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "service/config/hex_digest.h"

namespace payone::service {
namespace {

Config TwoAccountsOneClient() {
  Config config;
  config.accounts["shop-de"].file.set_name("shop-de");
  config.accounts["shop-at"].file.set_name("shop-at");
  ClientSettings client;
  client.name = "backend";
  client.token_sha256 = HexDigest(DigestAlgorithm::kSha256, "t0ken");
  client.accounts.insert("shop-de");
  config.clients.push_back(client);
  return config;
}

TEST(AuthorizerTest, AllowsAKnownTokenItsAccounts) {
  Config config = TwoAccountsOneClient();
  LiveConfig live(config);
  Authorizer authorizer(live);
  auto result = authorizer.Authorize("Bearer t0ken", "shop-de");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->client, "backend");
  EXPECT_EQ(result->account->file.name(), "shop-de");
}

TEST(AuthorizerTest, MapsEachRefusalToItsCode) {
  Config config = TwoAccountsOneClient();
  LiveConfig live(config);
  Authorizer authorizer(live);
  EXPECT_EQ(authorizer.Authorize("", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(authorizer.Authorize("Basic dXNlcg==", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(authorizer.Authorize("Bearer wrong", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
  // A missing account and someone else's get the same answer.
  const absl::Status missing =
      authorizer.Authorize("Bearer t0ken", "shop-fr").status();
  const absl::Status other =
      authorizer.Authorize("Bearer t0ken", "shop-at").status();
  EXPECT_EQ(missing.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(other.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(missing.message(),
            absl::StrReplaceAll(other.message(), {{"shop-at", "shop-fr"}}));
  EXPECT_EQ(authorizer.Authorize("Bearer t0ken", "").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(AuthorizerTest, FindsTheClientWhoseTokenMatches) {
  Config config = TwoAccountsOneClient();
  ClientSettings other;
  other.name = "reporting";
  other.token_sha256 = HexDigest(DigestAlgorithm::kSha256, "second-token");
  other.all_accounts = true;
  config.clients.push_back(other);
  LiveConfig live(config);
  Authorizer authorizer(live);
  auto second = authorizer.Authorize("Bearer second-token", "shop-at");
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->client, "reporting");
  auto first = authorizer.Authorize("Bearer t0ken", "shop-de");
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->client, "backend");
  // A token differing in one byte, or a prefix, is not the token.
  EXPECT_EQ(authorizer.Authorize("Bearer t0kem", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(authorizer.Authorize("Bearer t0ke", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(AuthorizerTest, AClientWithoutAUsableDigestMatchesNoToken) {
  Config config = TwoAccountsOneClient();
  // Upper case, short and empty digests are not what the loader stores.
  const std::string upper =
      absl::AsciiStrToUpper(HexDigest(DigestAlgorithm::kSha256, "t0ken"));
  for (const std::string& digest : {upper, upper.substr(2), std::string()}) {
    config.clients[0].token_sha256 = digest;
    LiveConfig live(config);
    Authorizer authorizer(live);
    EXPECT_EQ(authorizer.Authorize("Bearer t0ken", "shop-de").status().code(),
              absl::StatusCode::kUnauthenticated)
        << digest;
  }
}

TEST(AuthorizerTest, WildcardClientMayUseEveryAccount) {
  Config config = TwoAccountsOneClient();
  config.clients[0].all_accounts = true;
  LiveConfig live(config);
  Authorizer authorizer(live);
  EXPECT_TRUE(authorizer.Authorize("Bearer t0ken", "shop-at").ok());
}

TEST(AuthorizerTest, UnauthenticatedModeStillChecksAccountsAndTokens) {
  Config config = TwoAccountsOneClient();
  config.file.set_allow_unauthenticated(true);
  LiveConfig live(config);
  Authorizer authorizer(live);
  auto anonymous = authorizer.Authorize("", "shop-at");
  ASSERT_TRUE(anonymous.ok());
  EXPECT_EQ(anonymous->client, "anonymous");
  EXPECT_EQ(authorizer.Authorize("", "nope").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(authorizer.Authorize("Bearer wrong", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace payone::service
