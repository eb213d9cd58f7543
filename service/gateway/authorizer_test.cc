#include "service/gateway/authorizer.h"

#include "gtest/gtest.h"
#include "service/config/hex_digest.h"

namespace payone::service {
namespace {

Config TwoAccountsOneClient() {
  Config config;
  config.accounts["shop-de"].name = "shop-de";
  config.accounts["shop-at"].name = "shop-at";
  ClientSettings client;
  client.name = "backend";
  client.token_sha256 = HexDigest(DigestAlgorithm::kSha256, "t0ken");
  client.accounts.insert("shop-de");
  config.clients.push_back(client);
  return config;
}

TEST(AuthorizerTest, AllowsAKnownTokenItsAccounts) {
  Config config = TwoAccountsOneClient();
  Authorizer authorizer(config);
  auto result = authorizer.Authorize("Bearer t0ken", "shop-de");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->client, "backend");
  EXPECT_EQ(result->account->name, "shop-de");
}

TEST(AuthorizerTest, MapsEachRefusalToItsCode) {
  Config config = TwoAccountsOneClient();
  Authorizer authorizer(config);
  EXPECT_EQ(authorizer.Authorize("", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(authorizer.Authorize("Basic dXNlcg==", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(authorizer.Authorize("Bearer wrong", "shop-de").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(authorizer.Authorize("Bearer t0ken", "shop-fr").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(authorizer.Authorize("Bearer t0ken", "shop-at").status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(authorizer.Authorize("Bearer t0ken", "").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(AuthorizerTest, WildcardClientMayUseEveryAccount) {
  Config config = TwoAccountsOneClient();
  config.clients[0].all_accounts = true;
  Authorizer authorizer(config);
  EXPECT_TRUE(authorizer.Authorize("Bearer t0ken", "shop-at").ok());
}

TEST(AuthorizerTest, UnauthenticatedModeStillChecksAccountsAndTokens) {
  Config config = TwoAccountsOneClient();
  config.allow_unauthenticated = true;
  Authorizer authorizer(config);
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
