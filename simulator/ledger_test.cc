#include "simulator/ledger.h"

#include "gtest/gtest.h"

namespace payone::simulator {
namespace {

TEST(Ledger, ReferencesAreUniquePerPortalIgnoringCase) {
  Ledger ledger(1, 1);
  EXPECT_TRUE(ledger.ClaimReference("2000001", "Order-1"));
  EXPECT_FALSE(ledger.ClaimReference("2000001", "ORDER-1"));
  EXPECT_TRUE(ledger.ClaimReference("2000002", "Order-1"));
}

TEST(Ledger, UsersAreStablePerCustomer) {
  Ledger ledger(1, 500);
  EXPECT_EQ(ledger.UserFor("2000001", "C-1"), "500");
  EXPECT_EQ(ledger.UserFor("2000001", "C-1"), "500");
  EXPECT_EQ(ledger.UserFor("2000002", "C-1"), "501");
  EXPECT_EQ(ledger.UserFor("2000001", ""), "502");
  EXPECT_EQ(ledger.UserFor("2000001", ""), "503");
  EXPECT_TRUE(ledger.HasUser("2000001", "503"));
  EXPECT_FALSE(ledger.HasUser("2000002", "503"));
}

TEST(Ledger, UserTokensNameTheDebtorUntilTheyExpire) {
  Ledger ledger(1, 500);
  const std::string userid = ledger.UserFor("2000001", "C-1");
  EXPECT_EQ(ledger.KnownUser("2000001", "C-1"), userid);
  EXPECT_EQ(ledger.KnownUser("2000001", "C-2"), "");
  const absl::Time issued = absl::FromUnixSeconds(1000);
  const std::string token =
      ledger.IssueUserToken("2000001", userid, issued + absl::Minutes(15));
  EXPECT_EQ(ledger.UserOfToken("2000001", token, issued), userid);
  // Another merchant gets a copy of the debtor, the same copy each time.
  const std::string copy = ledger.UserOfToken("2000002", token, issued);
  EXPECT_NE(copy, userid);
  EXPECT_TRUE(ledger.HasUser("2000002", copy));
  EXPECT_EQ(ledger.UserOfToken("2000002", token, issued), copy);
  EXPECT_EQ(ledger.UserOfToken("2000001", token, issued + absl::Minutes(15)),
            "");
  EXPECT_EQ(ledger.UserOfToken("2000001", "UT0", issued), "");
}

TEST(Ledger, TransactionsBelongToTheirPortal) {
  Ledger ledger(900000001, 1);
  Transaction tx;
  tx.txid = ledger.NextTxid();
  tx.portalid = "2000001";
  tx.redirect_token = "tok";
  ledger.Add(tx);
  EXPECT_NE(ledger.Find("2000001", "900000001"), nullptr);
  EXPECT_EQ(ledger.Find("2000002", "900000001"), nullptr);
  EXPECT_EQ(ledger.Find("2000001", "x"), nullptr);
  EXPECT_EQ(ledger.FindByToken("tok")->txid, 900000001);
  EXPECT_EQ(ledger.FindByToken("other"), nullptr);
  EXPECT_EQ(ledger.NextTxid(), 900000002);
}

TEST(Ledger, VirtualAccountsAreNamedPerPortal) {
  Ledger ledger(1, 1);
  const int64_t first = ledger.VirtualAccount("2000001", "acc");
  EXPECT_EQ(ledger.VirtualAccount("2000001", "acc"), first);
  EXPECT_NE(ledger.VirtualAccount("2000002", "acc"), first);
}

}  // namespace
}  // namespace payone::simulator
