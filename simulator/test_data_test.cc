#include "simulator/test_data.h"

#include "gtest/gtest.h"

namespace payone::simulator {
namespace {

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2026, 1, 15, 0, 0, 0),
                                        absl::UTCTimeZone());

TEST(Cards, LuhnTypeAndTruncation) {
  EXPECT_TRUE(LuhnValid("4111111111111111"));
  EXPECT_FALSE(LuhnValid("4111111111111112"));
  EXPECT_FALSE(LuhnValid(""));
  EXPECT_EQ(DetectCardType("4111111111111111"), "V");
  EXPECT_EQ(DetectCardType("2720990000000015"), "M");
  EXPECT_EQ(DetectCardType("370000000000002"), "A");
  EXPECT_EQ(DetectCardType("3528000000000007"), "J");
  EXPECT_EQ(DetectCardType("6011111111111117"), "D");
  EXPECT_EQ(DetectCardType("6759411100000008"), "O");
  EXPECT_EQ(DetectCardType("11111111111111116"), "");
  EXPECT_EQ(TruncatePan("4111141011111111116"), "411114XXXXXXXXX1116");
}

TEST(Cards, CheckOrder) {
  EXPECT_FALSE(CheckCard("4111111111111111", "V", "2601", "", kNow));
  EXPECT_EQ(CheckCard("4111", "V", "3012", "", kNow)->code, 878);
  EXPECT_EQ(CheckCard("4111111111111112", "V", "3012", "", kNow)->code, 877);
  EXPECT_EQ(CheckCard("11111111111111116", "V", "3012", "", kNow)->code, 875);
  EXPECT_EQ(CheckCard("4111111111111111", "M", "3012", "", kNow)->code, 880);
  EXPECT_EQ(CheckCard("4111111111111111", "V", "3013", "", kNow)->code, 1077);
  EXPECT_EQ(CheckCard("4111111111111111", "V", "2512", "", kNow)->code, 33);
  EXPECT_EQ(CheckCard("340000000000009", "A", "3012", "123", kNow)->code, 879);
  EXPECT_FALSE(CheckCard("340000000000009", "A", "3012", "1234", kNow));
}

TEST(Cards, Behaviours) {
  EXPECT_EQ(CardBehaviourOf("4301111100000101").decline_code, 1);
  EXPECT_EQ(CardBehaviourOf("4012001037141112").challenge,
            Challenge::kSucceeds);
  EXPECT_EQ(CardBehaviourOf("6759411100000008").challenge,
            Challenge::kSucceeds);
  EXPECT_EQ(CardBehaviourOf("4012001038443335").challenge, Challenge::kFails);
  EXPECT_TRUE(CardBehaviourOf("4000000000000093").pending);
  EXPECT_EQ(PseudoPanDeclineCode("9410009000000000201"), 2);
  EXPECT_EQ(PseudoPanDeclineCode("9999123412341234"), 872);
  EXPECT_EQ(PseudoPanDeclineCode("9410010000167640853"), 0);
}

TEST(Banks, TestIbans) {
  EXPECT_EQ(GermanIban("12345678", "2599100003"), "DE85123456782599100003");
  EXPECT_EQ(GermanIban("12345678", "2599100004"), "DE58123456782599100004");
  EXPECT_EQ(BankBehaviourOf("DE00123456782599100004", "TESTTEST").mandate,
            MandateStatus::kActive);
  EXPECT_EQ(BankBehaviourOf("DE00123456782599100003", "").mandate,
            MandateStatus::kPending);
  EXPECT_EQ(BankBehaviourOf("DE00123456782599100004", "TESTTESX").error->code,
            887);
  EXPECT_EQ(BankBehaviourOf("DE0012345678", "").error->code, 888);
  EXPECT_EQ(BankBehaviourOf("de00123456782599100003", "").error->code, 888);
  EXPECT_EQ(BankBehaviourOf("DE00123456782599100003", "TEST").error->code, 887);
  EXPECT_TRUE(BankBehaviourOf("DE00123456782599100099", "").returned_debit);
}

}  // namespace
}  // namespace payone::simulator
