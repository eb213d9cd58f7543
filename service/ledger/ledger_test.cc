#include "service/ledger/ledger.h"

#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "payone/v1/payment_requests.pb.h"

namespace payone::service {
namespace {

using ::testing::HasSubstr;
using Outcome = RequestRecord::Outcome;

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("TEST_TMPDIR");
    ASSERT_NE(dir, nullptr);
    static int counter = 0;
    auto store =
        OpenSqliteStore(absl::StrCat(dir, "/ledger-", ++counter, ".db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    ledger_ = std::make_unique<Ledger>(store_.get(), 1);
  }

  static RequestRecord Request(absl::string_view type, absl::string_view txid,
                               int64_t amount) {
    RequestRecord r;
    r.account = "demo";
    r.portalid = "2000001";
    r.request_type = std::string(type);
    r.txid = std::string(txid);
    r.amount = amount;
    r.currency = "EUR";
    return r;
  }

  // Admits and finishes a request as PAYONE approved it.
  Admission Approve(RequestRecord record, absl::string_view txid = "") {
    Admission admission = ledger_->Admit(record, true, "", "");
    EXPECT_TRUE(admission.status.ok()) << admission.status;
    EXPECT_TRUE(ledger_
                    ->Finish(admission, "demo", "", Outcome::kAnswered,
                             "APPROVED", 0, txid, "")
                    .ok());
    return admission;
  }

  std::unique_ptr<Store> store_;
  std::unique_ptr<Ledger> ledger_;
};

TEST_F(LedgerTest, FillsSequenceNumbersThroughCapturesAndRefunds) {
  RequestRecord preauth = Request("preauthorization", "", 10000);
  preauth.reference = "order-1";
  Approve(preauth, "7001");
  for (int expected = 1; expected <= 3; ++expected) {
    Admission capture = Approve(Request("capture", "7001", 2000));
    EXPECT_EQ(capture.filled_sequencenumber, expected);
  }
  for (int expected = 4; expected <= 5; ++expected) {
    Admission refund = Approve(Request("refund", "7001", -1000));
    EXPECT_EQ(refund.filled_sequencenumber, expected);
  }
  auto facts = ledger_->Facts("demo", "7001");
  ASSERT_TRUE(facts.ok());
  EXPECT_EQ(facts->view.captured_amount(), 6000);
  EXPECT_EQ(facts->view.refunded_amount(), 2000);
  EXPECT_EQ(facts->view.open_amount(), 4000);
  EXPECT_EQ(facts->view.last_sequencenumber(), 5);
  EXPECT_EQ(facts->view.reference(), "order-1");
}

TEST_F(LedgerTest, CallerSequenceNumberIsKept) {
  Approve(Request("preauthorization", "", 10000), "7001");
  RequestRecord capture = Request("capture", "7001", 100);
  capture.sequencenumber = 1;
  Admission admission = ledger_->Admit(capture, true, "", "");
  EXPECT_TRUE(admission.status.ok());
  EXPECT_FALSE(admission.filled_sequencenumber.has_value());
}

TEST_F(LedgerTest, RefusesOverCaptureAndOverRefundBeforeSending) {
  Approve(Request("preauthorization", "", 10000), "7001");
  Admission over =
      ledger_->Admit(Request("capture", "7001", 10001), true, "", "");
  EXPECT_EQ(over.status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(over.reason, kReasonLedgerCheck);
  Approve(Request("capture", "7001", 3000));
  Admission refund =
      ledger_->Admit(Request("refund", "7001", -3001), true, "", "");
  EXPECT_EQ(refund.status.code(), absl::StatusCode::kFailedPrecondition);
  // Refused requests are not recorded: the next number is still 2.
  EXPECT_EQ(Approve(Request("refund", "7001", -3000)).filled_sequencenumber, 2);
}

TEST_F(LedgerTest, DuplicateReferenceIsCaughtCaseInsensitively) {
  RequestRecord first = Request("preauthorization", "", 100);
  first.reference = "Order-77";
  Approve(first, "7001");
  RequestRecord second = Request("authorization", "", 100);
  second.reference = "order-77";
  Admission admission = ledger_->Admit(second, false, "", "");
  EXPECT_EQ(admission.status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(admission.reason, kReasonDuplicateReference);
  EXPECT_THAT(admission.status.message(), HasSubstr("911"));
}

TEST_F(LedgerTest, UnsentReferenceMayBeUsedAgain) {
  RequestRecord first = Request("preauthorization", "", 100);
  first.reference = "order-78";
  Admission admission = ledger_->Admit(first, false, "", "");
  ASSERT_TRUE(admission.status.ok());
  ASSERT_TRUE(
      ledger_->Finish(admission, "demo", "", Outcome::kNotSent, "", 0, "", "")
          .ok());
  EXPECT_TRUE(ledger_->Admit(first, false, "", "").status.ok());
}

TEST_F(LedgerTest, IdempotencyKeyReplaysConflictsAndStaysInFlight) {
  RequestRecord preauth = Request("preauthorization", "", 100);
  preauth.reference = "order-90";
  Admission first = ledger_->Admit(preauth, false, "key-1", "fp-a");
  ASSERT_TRUE(first.status.ok());
  EXPECT_TRUE(first.claimed_key);

  // While the first call runs, the same key is refused.
  Admission concurrent = ledger_->Admit(preauth, false, "key-1", "fp-a");
  EXPECT_EQ(concurrent.status.code(), absl::StatusCode::kAborted);
  EXPECT_EQ(concurrent.reason, kReasonIdempotencyKeyInFlight);

  ASSERT_TRUE(ledger_
                  ->Finish(first, "demo", "key-1", Outcome::kAnswered,
                           "APPROVED", 0, "7001", "stored-response")
                  .ok());
  Admission replay = ledger_->Admit(preauth, false, "key-1", "fp-a");
  ASSERT_TRUE(replay.status.ok());
  EXPECT_EQ(replay.replay, "stored-response");

  Admission conflict = ledger_->Admit(preauth, false, "key-1", "fp-b");
  EXPECT_EQ(conflict.status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(conflict.reason, kReasonIdempotencyKeyReused);
}

TEST_F(LedgerTest, KeyOfAnUnsentRequestCanBeRetried) {
  RequestRecord preauth = Request("preauthorization", "", 100);
  preauth.reference = "order-91";
  Admission first = ledger_->Admit(preauth, false, "key-2", "fp");
  ASSERT_TRUE(first.status.ok());
  ASSERT_TRUE(
      ledger_->Finish(first, "demo", "key-2", Outcome::kNotSent, "", 0, "", "")
          .ok());
  Admission retry = ledger_->Admit(preauth, false, "key-2", "fp");
  EXPECT_TRUE(retry.status.ok());
  EXPECT_TRUE(retry.claimed_key);
}

TEST_F(LedgerTest, KeyOfAnUnknownOutcomeIsNeverSentAgain) {
  RequestRecord preauth = Request("preauthorization", "", 100);
  preauth.reference = "order-92";
  Admission first = ledger_->Admit(preauth, false, "key-3", "fp");
  ASSERT_TRUE(first.status.ok());
  ASSERT_TRUE(
      ledger_->Finish(first, "demo", "key-3", Outcome::kUnknown, "", 0, "", "")
          .ok());
  EXPECT_EQ(ledger_->Admit(preauth, false, "key-3", "fp").status.code(),
            absl::StatusCode::kAborted);
}

TEST_F(LedgerTest, RefusalReleasesTheKey) {
  Approve(Request("preauthorization", "", 100), "7001");
  RequestRecord capture = Request("capture", "7001", 500);
  EXPECT_EQ(ledger_->Admit(capture, true, "key-4", "fp-1").status.code(),
            absl::StatusCode::kFailedPrecondition);
  // The key was not used up by the refused request.
  capture.amount = 50;
  EXPECT_TRUE(ledger_->Admit(capture, true, "key-4", "fp-2").status.ok());
}

TEST_F(LedgerTest, UnknownProcessNeedsAnExplicitSequenceNumber) {
  // A first capture may go without one; a refund may not.
  Admission capture =
      ledger_->Admit(Request("capture", "9999", 100), true, "", "");
  EXPECT_TRUE(capture.status.ok());
  EXPECT_FALSE(capture.filled_sequencenumber.has_value());
  Admission refund =
      ledger_->Admit(Request("refund", "9998", -100), true, "", "");
  EXPECT_EQ(refund.status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(refund.status.message(), HasSubstr("sequencenumber"));
}

TEST(RequestFingerprintTest, SameRequestSameFingerprint) {
  payone::v1::CaptureRequest a;
  a.set_txid("7001");
  a.set_amount(100);
  payone::v1::CaptureRequest b = a;
  EXPECT_EQ(RequestFingerprint("Capture", a), RequestFingerprint("Capture", b));
  b.set_amount(101);
  EXPECT_NE(RequestFingerprint("Capture", a), RequestFingerprint("Capture", b));
  EXPECT_NE(RequestFingerprint("Capture", a), RequestFingerprint("Debit", a));
}

}  // namespace
}  // namespace payone::service
