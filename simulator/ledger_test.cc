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
