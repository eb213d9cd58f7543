// capture, refund and debit over HTTP: PAYONE's booking rules.

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "simulator/testing.h"

namespace payone::simulator {
namespace {

using testing::CardPayment;
using testing::Client;
using testing::Fields;
using testing::LineValue;

std::string Approved(const std::string& txid, const char* settled) {
  return absl::StrCat("status=APPROVED\ntxid=", txid,
                      "\nsettleaccount=", settled, "\n");
}

class BookingsTest : public testing::SimulatorTest {
 protected:
  // A card preauthorization; returns its txid.
  std::string Preauthorize(const std::string& reference,
                           const std::string& amount) {
    return LineValue(
        client_.Call("preauthorization", CardPayment(reference, amount)),
        "txid");
  }

  std::string Book(const std::string& request, const std::string& txid,
                   Fields fields) {
    fields.insert(fields.begin(), {{"txid", txid}, {"currency", "EUR"}});
    return client_.Call(request, fields);
  }

  std::string Code(const std::string& request, const std::string& txid,
                   Fields fields) {
    return LineValue(Book(request, txid, std::move(fields)), "errorcode");
  }
};

TEST_F(BookingsTest, MultiPartialCaptureFollowsSequenceNumbers) {
  const std::string txid = Preauthorize("CAP-1", "10000");
  EXPECT_EQ(Book("capture", txid,
                 {{"amount", "3000"}, {"capturemode", "notcompleted"}}),
            Approved(txid, "yes"));
  // From the second capture on, sequencenumber is required and must be
  // the next one.
  EXPECT_EQ(Code("capture", txid, {{"amount", "2000"}}), "1009");
  EXPECT_EQ(
      Code("capture", txid, {{"amount", "2000"}, {"sequencenumber", "3"}}),
      "907");
  EXPECT_EQ(
      Code("capture", txid, {{"amount", "8000"}, {"sequencenumber", "2"}}),
      "908");
  EXPECT_EQ(
      Code("capture", txid, {{"amount", "2000"}, {"sequencenumber", "128"}}),
      "1009");
  // Numbers, not strings: "02" is 2.
  EXPECT_EQ(Book("capture", txid,
                 {{"amount", "2000"},
                  {"sequencenumber", "02"},
                  {"capturemode", "completed"}}),
            Approved(txid, "yes"));
  // completed: the rest of the reservation is gone.
  EXPECT_EQ(Code("capture", txid, {{"amount", "100"}, {"sequencenumber", "3"}}),
            "952");
}

TEST_F(BookingsTest, FullCaptureCompletesByItself) {
  const std::string txid = Preauthorize("CAP-2", "500");
  EXPECT_EQ(Book("capture", txid, {{"amount", "500"}}), Approved(txid, "yes"));
  EXPECT_EQ(Code("capture", txid, {{"amount", "1"}, {"sequencenumber", "2"}}),
            "952");
}

TEST_F(BookingsTest, CaptureZeroReleasesTheReservation) {
  const std::string txid = Preauthorize("REL-1", "700");
  EXPECT_EQ(
      Code("capture", txid, {{"amount", "0"}, {"capturemode", "notcompleted"}}),
      "935");
  EXPECT_EQ(Book("capture", txid, {{"amount", "0"}}), Approved(txid, "no"));
  EXPECT_EQ(Code("capture", txid, {{"amount", "700"}, {"sequencenumber", "2"}}),
            "952");
  // Nothing was paid: nothing to refund.
  EXPECT_EQ(Code("refund", txid, {{"amount", "-100"}, {"sequencenumber", "2"}}),
            "915");
}

TEST_F(BookingsTest, CaptureRefersToAKnownProcessOfThisPortal) {
  const std::string txid = Preauthorize("REF-1", "1000");
  EXPECT_EQ(Code("capture", "123456789", {{"amount", "100"}}), "913");
  EXPECT_EQ(Code("capture", txid, {{"amount", "-1"}}), "1016");
  EXPECT_EQ(Code("capture", txid, {{"amount", "100"}, {"capturemode", "x"}}),
            "1032");
  Fields usd = {{"txid", txid}, {"currency", "USD"}, {"amount", "100"}};
  EXPECT_EQ(LineValue(client_.Call("capture", usd), "errorcode"), "910");
  Account other = testing::TestAccount();
  other.portalid = "2000003";
  EXPECT_EQ(
      LineValue(
          client_.Call("capture",
                       {{"txid", txid}, {"currency", "EUR"}, {"amount", "100"}},
                       other),
          "errorcode"),
      "913");
  // An authorization has nothing to capture.
  const std::string charged = LineValue(
      client_.Call("authorization", CardPayment("AUTH-1", "100")), "txid");
  EXPECT_EQ(Code("capture", charged, {{"amount", "100"}}), "950");
}

TEST_F(BookingsTest, ModeMustMatchTheProcess) {
  Account both = testing::TestAccount();
  both.portalid = "2000003";
  Fields payment = CardPayment("MODE-1", "100");
  const std::string txid =
      LineValue(client_.Call("preauthorization", payment, both), "txid");
  both.test_mode = false;
  both.live_mode = true;
  EXPECT_EQ(
      LineValue(
          client_.Call("capture",
                       {{"txid", txid}, {"currency", "EUR"}, {"amount", "100"}},
                       both),
          "errorcode"),
      "926");
}

TEST_F(BookingsTest, RefundOnlyWhatWasPaid) {
  const std::string txid = Preauthorize("RFD-1", "10000");
  EXPECT_EQ(Code("refund", txid, {{"amount", "-100"}, {"sequencenumber", "1"}}),
            "915");
  ASSERT_EQ(Book("capture", txid, {{"amount", "5000"}}), Approved(txid, "yes"));
  EXPECT_EQ(Code("refund", txid, {{"amount", "100"}, {"sequencenumber", "2"}}),
            "1016");
  EXPECT_EQ(Code("refund", txid, {{"amount", "-100"}}), "1009");
  EXPECT_EQ(Code("refund", txid, {{"amount", "-100"}, {"sequencenumber", "5"}}),
            "907");
  EXPECT_EQ(
      Code("refund", txid, {{"amount", "-6000"}, {"sequencenumber", "2"}}),
      "906");
  EXPECT_EQ(
      Book("refund", txid, {{"amount", "-3000"}, {"sequencenumber", "2"}}),
      absl::StrCat("status=APPROVED\ntxid=", txid, "\n"));
  EXPECT_EQ(
      Code("refund", txid, {{"amount", "-2001"}, {"sequencenumber", "3"}}),
      "906");
  EXPECT_EQ(
      Book("refund", txid, {{"amount", "-2000"}, {"sequencenumber", "3"}}),
      absl::StrCat("status=APPROVED\ntxid=", txid, "\n"));
}

TEST_F(BookingsTest, PrepaymentIsNotSettledUntilPaid) {
  Fields prepayment = testing::Payment("vor", "VOR-2", "10000");
  const std::string txid =
      LineValue(client_.Call("preauthorization", prepayment), "txid");
  const std::string capture = Book("capture", txid, {{"amount", "10000"}});
  EXPECT_EQ(LineValue(capture, "settleaccount"), "no");
  EXPECT_EQ(LineValue(capture, "clearing_bankiban"), "DE87210700200022520120");
  EXPECT_EQ(Code("refund", txid, {{"amount", "-100"}, {"sequencenumber", "2"}}),
            "915");
}

TEST_F(BookingsTest, DebitBooksClaimsAndCredits) {
  const std::string txid = Preauthorize("DEB-1", "10000");
  ASSERT_EQ(Book("capture", txid, {{"amount", "10000"}}),
            Approved(txid, "yes"));
  EXPECT_EQ(Code("debit", txid, {{"amount", "-100"}}), "1009");
  EXPECT_EQ(Code("debit", txid,
                 {{"amount", "100"},
                  {"sequencenumber", "2"},
                  {"transactiontype", "GT"}}),
            "1035");
  EXPECT_EQ(Code("debit", txid,
                 {{"amount", "100"},
                  {"sequencenumber", "2"},
                  {"settleaccount", "maybe"}}),
            "1031");
  EXPECT_EQ(Book("debit", txid,
                 {{"amount", "-2500"},
                  {"sequencenumber", "2"},
                  {"transactiontype", "GT"}}),
            Approved(txid, "yes"));
  EXPECT_EQ(Book("debit", txid,
                 {{"amount", "450"},
                  {"sequencenumber", "3"},
                  {"transactiontype", "VD"},
                  {"settleaccount", "no"}}),
            Approved(txid, "no"));
}

}  // namespace
}  // namespace payone::simulator
