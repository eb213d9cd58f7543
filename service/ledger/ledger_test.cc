#include "service/ledger/ledger.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "payone/v1/payment_requests.pb.h"
#include "service/store/store_test_backend.h"

namespace payone::service {
namespace {

using ::testing::HasSubstr;
using Outcome = RequestRecord::Outcome;

class LedgerTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    auto database = NewTestDatabase(GetParam());
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = *std::move(database);
    auto store = database_->OpenStore();
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    ledger_ = std::make_unique<Ledger>(&store_->database(), 1);
  }

  static RequestRecord Request(absl::string_view type, absl::string_view txid,
                               int64_t amount) {
    RequestRecord r;
    r.account = "demo";
    r.portalid = "2000001";
    r.request_type = std::string(type);
    r.effect = EffectOfRequestType(type);
    r.txid = std::string(txid);
    r.amount = amount;
    r.currency = "EUR";
    return r;
  }

  static LedgerRequest Call(RequestRecord record, bool takes_sequencenumber,
                            absl::string_view key, absl::string_view fp) {
    LedgerRequest request;
    request.record = std::move(record);
    request.takes_sequencenumber = takes_sequencenumber;
    request.idempotency_key = std::string(key);
    request.fingerprint = std::string(fp);
    return request;
  }

  // Ledger::Admit, waiting for its decision.
  Admission Admit(RequestRecord record, bool takes_sequencenumber,
                  absl::string_view key, absl::string_view fp) {
    return AdmitCall(Call(std::move(record), takes_sequencenumber, key, fp));
  }
  Admission AdmitCall(const LedgerRequest& request) {
    absl::Notification decided;
    Admission admission;
    ledger_->Admit(request, [&](Admission a) {
      admission = std::move(a);
      decided.Notify();
    });
    decided.WaitForNotification();
    return admission;
  }

  // Ledger::Finish, waiting until it is recorded.
  absl::Status Finish(const Admission& admission, absl::string_view key,
                      Outcome outcome, absl::string_view status,
                      absl::string_view txid, absl::string_view response) {
    absl::Notification recorded;
    absl::Status result;
    ledger_->Finish(admission, Call(Request("", "", 0), false, key, ""),
                    outcome, std::string(status), 0, std::string(txid),
                    std::string(response), [&](absl::Status s) {
                      result = std::move(s);
                      recorded.Notify();
                    });
    recorded.WaitForNotification();
    return result;
  }

  // Admits and finishes a request as PAYONE approved it.
  Admission Approve(RequestRecord record, absl::string_view txid = "") {
    Admission admission = Admit(record, true, "", "");
    EXPECT_TRUE(admission.status.ok()) << admission.status;
    EXPECT_TRUE(
        Finish(admission, "", Outcome::kAnswered, "APPROVED", txid, "").ok());
    return admission;
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<TestStore> store_;
  std::unique_ptr<Ledger> ledger_;
};

TEST_P(LedgerTest, FillsSequenceNumbersThroughCapturesAndRefunds) {
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

TEST_P(LedgerTest, CallerSequenceNumberIsKept) {
  Approve(Request("preauthorization", "", 10000), "7001");
  RequestRecord capture = Request("capture", "7001", 100);
  capture.sequencenumber = 1;
  Admission admission = Admit(capture, true, "", "");
  EXPECT_TRUE(admission.status.ok());
  EXPECT_FALSE(admission.filled_sequencenumber.has_value());
}

TEST_P(LedgerTest, RefusesOverCaptureAndOverRefundBeforeSending) {
  Approve(Request("preauthorization", "", 10000), "7001");
  Admission over = Admit(Request("capture", "7001", 10001), true, "", "");
  EXPECT_EQ(over.status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(over.reason, kReasonLedgerCheck);
  Approve(Request("capture", "7001", 3000));
  Admission refund = Admit(Request("refund", "7001", -3001), true, "", "");
  EXPECT_EQ(refund.status.code(), absl::StatusCode::kFailedPrecondition);
  // Refused requests are not recorded: the next number is still 2.
  EXPECT_EQ(Approve(Request("refund", "7001", -3000)).filled_sequencenumber, 2);
}

TEST_P(LedgerTest, DuplicateReferenceIsCaughtCaseInsensitively) {
  RequestRecord first = Request("preauthorization", "", 100);
  first.reference = "Order-77";
  Approve(first, "7001");
  RequestRecord second = Request("authorization", "", 100);
  second.reference = "order-77";
  Admission admission = Admit(second, false, "", "");
  EXPECT_EQ(admission.status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(admission.reason, kReasonDuplicateReference);
  EXPECT_THAT(admission.status.message(), HasSubstr("911"));
}

TEST_P(LedgerTest, UnsentReferenceMayBeUsedAgain) {
  RequestRecord first = Request("preauthorization", "", 100);
  first.reference = "order-78";
  Admission admission = Admit(first, false, "", "");
  ASSERT_TRUE(admission.status.ok());
  ASSERT_TRUE(Finish(admission, "", Outcome::kNotSent, "", "", "").ok());
  EXPECT_TRUE(Admit(first, false, "", "").status.ok());
}

TEST_P(LedgerTest, IdempotencyKeyReplaysConflictsAndStaysInFlight) {
  RequestRecord preauth = Request("preauthorization", "", 100);
  preauth.reference = "order-90";
  Admission first = Admit(preauth, false, "key-1", "fp-a");
  ASSERT_TRUE(first.status.ok());
  EXPECT_TRUE(first.claimed_key);

  // While the first call runs, the same key is refused.
  Admission concurrent = Admit(preauth, false, "key-1", "fp-a");
  EXPECT_EQ(concurrent.status.code(), absl::StatusCode::kAborted);
  EXPECT_EQ(concurrent.reason, kReasonIdempotencyKeyInFlight);

  ASSERT_TRUE(Finish(first, "key-1", Outcome::kAnswered, "APPROVED", "7001",
                     "stored-response")
                  .ok());
  Admission replay = Admit(preauth, false, "key-1", "fp-a");
  ASSERT_TRUE(replay.status.ok());
  EXPECT_EQ(replay.replay, "stored-response");

  Admission conflict = Admit(preauth, false, "key-1", "fp-b");
  EXPECT_EQ(conflict.status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(conflict.reason, kReasonIdempotencyKeyReused);
}

TEST_P(LedgerTest, KeyOfAnUnsentRequestCanBeRetried) {
  RequestRecord preauth = Request("preauthorization", "", 100);
  preauth.reference = "order-91";
  Admission first = Admit(preauth, false, "key-2", "fp");
  ASSERT_TRUE(first.status.ok());
  ASSERT_TRUE(Finish(first, "key-2", Outcome::kNotSent, "", "", "").ok());
  Admission retry = Admit(preauth, false, "key-2", "fp");
  EXPECT_TRUE(retry.status.ok());
  EXPECT_TRUE(retry.claimed_key);
}

TEST_P(LedgerTest, KeyOfAnUnknownOutcomeIsNeverSentAgain) {
  RequestRecord preauth = Request("preauthorization", "", 100);
  preauth.reference = "order-92";
  Admission first = Admit(preauth, false, "key-3", "fp");
  ASSERT_TRUE(first.status.ok());
  ASSERT_TRUE(Finish(first, "key-3", Outcome::kUnknown, "", "", "").ok());
  EXPECT_EQ(Admit(preauth, false, "key-3", "fp").status.code(),
            absl::StatusCode::kAborted);
}

TEST_P(LedgerTest, RefusalReleasesTheKey) {
  Approve(Request("preauthorization", "", 100), "7001");
  RequestRecord capture = Request("capture", "7001", 500);
  EXPECT_EQ(Admit(capture, true, "key-4", "fp-1").status.code(),
            absl::StatusCode::kFailedPrecondition);
  // The key was not used up by the refused request.
  capture.amount = 50;
  EXPECT_TRUE(Admit(capture, true, "key-4", "fp-2").status.ok());
}

TEST_P(LedgerTest, UnknownProcessNeedsAnExplicitSequenceNumber) {
  // A first capture may go without one; a refund may not.
  Admission capture = Admit(Request("capture", "9999", 100), true, "", "");
  EXPECT_TRUE(capture.status.ok());
  EXPECT_FALSE(capture.filled_sequencenumber.has_value());
  Admission refund = Admit(Request("refund", "9998", -100), true, "", "");
  EXPECT_EQ(refund.status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(refund.status.message(), HasSubstr("sequencenumber"));
}

TEST_P(LedgerTest, SimultaneousCapturesAdmitOnlyWhatTheReservationHolds) {
  // Many callers at once, no sequencenumber: one capture of 60 fits in 100,
  // and while it is in flight no other can be numbered or fit.
  for (int round = 0; round < 20; ++round) {
    const std::string txid = absl::StrCat(7100 + round);
    RequestRecord preauth = Request("preauthorization", "", 10000);
    preauth.reference = absl::StrCat("burst-", round);
    Approve(preauth, txid);
    constexpr int kCallers = 8;
    std::vector<Admission> admissions(kCallers);
    std::vector<std::thread> callers;
    for (int i = 0; i < kCallers; ++i) {
      callers.emplace_back([&, i] {
        admissions[i] = Admit(Request("capture", txid, 6000), true, "", "");
      });
    }
    for (std::thread& caller : callers) caller.join();
    int admitted = 0;
    for (const Admission& admission : admissions) {
      if (admission.status.ok()) {
        ++admitted;
        EXPECT_EQ(admission.filled_sequencenumber, 1);
      } else {
        EXPECT_EQ(admission.status.code(),
                  absl::StatusCode::kFailedPrecondition)
            << admission.status;
      }
    }
    EXPECT_EQ(admitted, 1) << "round " << round;
  }
}

TEST_P(LedgerTest, SimultaneousOpenersOfOneReferenceAdmitOne) {
  for (int round = 0; round < 20; ++round) {
    constexpr int kCallers = 8;
    std::vector<Admission> admissions(kCallers);
    std::vector<std::thread> callers;
    for (int i = 0; i < kCallers; ++i) {
      callers.emplace_back([&, i] {
        RequestRecord preauth = Request("preauthorization", "", 100);
        // One reference, in any case.
        preauth.reference = i % 2 == 0 ? absl::StrCat("ref-", round)
                                       : absl::StrCat("REF-", round);
        admissions[i] = Admit(preauth, false, "", "");
      });
    }
    for (std::thread& caller : callers) caller.join();
    int admitted = 0;
    for (const Admission& admission : admissions) {
      if (admission.status.ok()) {
        ++admitted;
      } else {
        EXPECT_EQ(admission.reason, kReasonDuplicateReference);
      }
    }
    EXPECT_EQ(admitted, 1) << "round " << round;
  }
}

TEST_P(LedgerTest, AReplicaHoldingOnePaymentDoesNotHoldOthers) {
  if (GetParam() != StoreBackend::kPostgres) {
    GTEST_SKIP() << "replicas share PostgreSQL; SQLite has one writer";
  }
  Approve(Request("preauthorization", "", 10000), "7201");
  Approve(Request("preauthorization", "", 10000), "7202");
  Approve(Request("preauthorization", "", 10000), "7203");
  // Another replica's admission on 7201, stuck before its commit.
  auto raw = database_->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  absl::Notification holding, release;
  std::thread replica([&] {
    TransactionOptions options;
    options.locks = {LockKey("txid", {"2000001", "7201"})};
    // Locks are taken with the first statement (an admission's read or
    // insert): this one reads.
    EXPECT_TRUE((*raw)
                    ->InTransaction(options,
                                    [&](SqlTransaction& tx) {
                                      auto rows = tx.Query("SELECT 1");
                                      holding.Notify();
                                      release.WaitForNotification();
                                      return rows.status();
                                    })
                    .ok());
  });
  holding.WaitForNotification();
  // Other payments are admitted meanwhile; 7201 waits for the replica.
  EXPECT_TRUE(Admit(Request("capture", "7202", 100), true, "", "").status.ok());
  absl::Notification admitted;
  std::thread waiting([&] {
    EXPECT_TRUE(
        Admit(Request("capture", "7201", 100), true, "", "").status.ok());
    admitted.Notify();
  });
  // Once this replica's writer waits for the lock, another writer takes
  // the calls on other payments.
  auto observer = database_->OpenRaw();
  ASSERT_TRUE(observer.ok()) << observer.status();
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  bool lock_awaited = false;
  while (!lock_awaited && absl::Now() < deadline) {
    ASSERT_TRUE((*observer)
                    ->InTransaction({},
                                    [&](SqlTransaction& tx) {
                                      auto rows = tx.Query(
                                          "SELECT count(*) FROM pg_locks "
                                          "WHERE locktype = 'advisory' "
                                          "AND NOT granted");
                                      if (!rows.ok()) return rows.status();
                                      lock_awaited = rows->at(0).Int(0) > 0;
                                      return absl::OkStatus();
                                    })
                    .ok());
  }
  ASSERT_TRUE(lock_awaited);
  const Admission other = Admit(Request("capture", "7203", 100), true, "", "");
  EXPECT_TRUE(other.status.ok()) << other.status;
  EXPECT_FALSE(admitted.HasBeenNotified());
  release.Notify();
  replica.join();
  waiting.join();
  EXPECT_TRUE(admitted.HasBeenNotified());
}

TEST_P(LedgerTest, OutcomesRecordedTogetherAnswerEachCallerAlone) {
  constexpr int kCalls = 12;
  std::vector<Admission> admissions;
  for (int i = 0; i < kCalls; ++i) {
    RequestRecord preauth = Request("preauthorization", "", 100);
    preauth.reference = absl::StrCat("together-", i);
    admissions.push_back(Admit(preauth, false, "", ""));
    ASSERT_TRUE(admissions.back().status.ok()) << admissions.back().status;
  }
  Admission unknown;
  unknown.journal_row_id = 987654321;  // never admitted
  admissions.push_back(unknown);
  // Recorded without waiting for each other, so that they share writes.
  absl::Mutex mu;
  std::vector<absl::Status> results(admissions.size());
  int done = 0;
  for (size_t i = 0; i < admissions.size(); ++i) {
    ledger_->Finish(admissions[i], Call(Request("", "", 0), false, "", ""),
                    Outcome::kAnswered, "APPROVED", 0, absl::StrCat(7300 + i),
                    "", [&, i](absl::Status status) {
                      absl::MutexLock lock(&mu);
                      results[i] = std::move(status);
                      ++done;
                    });
  }
  {
    absl::MutexLock lock(&mu);
    std::pair<int*, int> all(&done, static_cast<int>(admissions.size()));
    mu.Await(absl::Condition(
        +[](std::pair<int*, int>* p) { return *p->first == p->second; }, &all));
  }
  for (int i = 0; i < kCalls; ++i) {
    EXPECT_TRUE(results[i].ok()) << i << ": " << results[i];
    auto facts = ledger_->Facts("demo", absl::StrCat(7300 + i));
    ASSERT_TRUE(facts.ok()) << facts.status();
    EXPECT_EQ(facts->view.reserved_amount(), 100) << i;
  }
  EXPECT_EQ(results.back().code(), absl::StatusCode::kNotFound);
}

TEST_P(LedgerTest, FullWriteQueueRefusesAtOnceWithNothingSent) {
  auto raw = database_->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  LedgerDatabaseOptions options;
  options.max_queued = 0;  // always full
  auto database = LedgerDatabase::Open(*std::move(raw), options);
  ASSERT_TRUE(database.ok()) << database.status();
  ledger_ = std::make_unique<Ledger>(database->get(), 1);
  RequestRecord preauth = Request("preauthorization", "", 100);
  preauth.reference = "busy-1";
  Admission admission = Admit(preauth, false, "", "");
  EXPECT_EQ(admission.status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(admission.reason, kReasonLedgerBusy);
  EXPECT_THAT(admission.status.message(), HasSubstr("nothing was sent"));
  ledger_.reset();
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerTest,
                         ::testing::ValuesIn(TestedBackends()),
                         [](const auto& info) {
                           return std::string(BackendName(info.param));
                         });

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
