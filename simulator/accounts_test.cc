#include "simulator/accounts.h"

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"

namespace payone::simulator {
namespace {

TEST(Accounts, ParsesSpecsWithColonsInTheKey) {
  auto account = ParseAccount("10000:10001:2000001:se:cr:et:test+live");
  ASSERT_TRUE(account.ok()) << account.status();
  EXPECT_EQ(account->mid, "10000");
  EXPECT_EQ(account->aid, "10001");
  EXPECT_EQ(account->portalid, "2000001");
  EXPECT_EQ(account->key, "se:cr:et");
  EXPECT_TRUE(account->test_mode);
  EXPECT_TRUE(account->live_mode);
  auto list = ParseAccounts("1:2:3:k:test,4:5:6:k:live");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_FALSE((*list)[1].test_mode);
}

TEST(Accounts, RejectsBadSpecs) {
  for (const char* spec :
       {"", "1:2:3", "a:2:3:k:test", "1:2:3::test", "1:2:3:k:staging"}) {
    EXPECT_FALSE(ParseAccount(spec).ok()) << spec;
  }
}

TEST(Accounts, KeyIsSha384OrLegacyMd5InAnyCase) {
  Account account;
  account.key = "test-portal-key";
  EXPECT_EQ(Md5Hex("test-portal-key"), "aaf9c9ba75bc2898fad4ced11ee866d1");
  EXPECT_EQ(Sha384Hex("").size(), 96u);
  EXPECT_TRUE(KeyMatches(account, Sha384Hex("test-portal-key")));
  EXPECT_TRUE(
      KeyMatches(account, absl::AsciiStrToUpper(Md5Hex("test-portal-key"))));
  EXPECT_FALSE(KeyMatches(account, "test-portal-key"));
  EXPECT_FALSE(KeyMatches(account, ""));
}

}  // namespace
}  // namespace payone::simulator
