// The PAYONE simulator posts the notifications of real payment flows to the
// receiver (SQLite store, forwarding on): every one is stored exactly once,
// the simulator got its TSOK for each, and the forwarder passes each on
// exactly as PAYONE sent it.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "payone/v1/notification.payone.h"
#include "service/config/hex_digest.h"
#include "service/notifications/notification_forwarder.h"
#include "service/notifications/receiver.h"
#include "service/store/store_test_backend.h"
#include "simulator/testing.h"

namespace payone::service {
namespace {

using simulator::testing::Client;
using simulator::testing::LineValue;

constexpr absl::Duration kWait = absl::Seconds(30);
constexpr char kReturnedIban[] = "DE00123456782599100099";

class SimulatorFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenSqliteTestStore(
        absl::StrCat(::testing::TempDir(), "/flow_", getpid(), ".db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);

    NotificationForwarderOptions forward;
    forward.poll_interval = absl::Seconds(30);  // Notify() must wake it
    forward.initial_backoff = absl::Milliseconds(50);
    forward.max_backoff = absl::Milliseconds(50);
    forward.log_sink = [](const std::string&) {};
    auto forwarder = NotificationForwarder::Start(
        forward, &store_->forwards(), [this](const ForwardAttempt& attempt) {
          absl::MutexLock lock(&mu_);
          if (attempt.delivered) ++forwarded_;
        });
    ASSERT_TRUE(forwarder.ok()) << forwarder.status();
    forwarder_ = *std::move(forwarder);

    NotificationReceiverOptions options;
    options.config.set_listen_address("127.0.0.1:0");
    options.config.add_allowed_sources("127.0.0.1/32");
    options.config.add_forward_urls(merchant_.url());
    options.log_sink = [this](const std::string& line) {
      absl::MutexLock lock(&mu_);
      log_.push_back(line);
    };
    const simulator::Account account = simulator::testing::TestAccount();
    NotificationAccount demo{"demo", account.portalid, account.aid,
                             HexDigest(DigestAlgorithm::kMd5, account.key),
                             HexDigest(DigestAlgorithm::kSha384, account.key)};
    auto receiver =
        NotificationReceiver::Start(options, {demo}, &store_->notifications(),
                                    [this](int64_t) { forwarder_->Notify(); });
    ASSERT_TRUE(receiver.ok()) << receiver.status();
    receiver_ = *std::move(receiver);

    simulator::SimulatorOptions sim = simulator::testing::TestOptions();
    sim.notify_url = absl::StrCat("http://127.0.0.1:", receiver_->port(),
                                  "/payone/transaction-status");
    sim_ = simulator::testing::StartSimulator(sim);
    client_ = std::make_unique<Client>(*sim_);
  }

  void TearDown() override {
    sim_->Stop();
    receiver_->Shutdown();
    forwarder_->Stop();
  }

  std::string Book(const std::string& request, const std::string& txid,
                   simulator::testing::Fields fields) {
    fields.insert(fields.begin(), {{"txid", txid}, {"currency", "EUR"}});
    const std::string answer = client_->Call(request, fields);
    EXPECT_EQ(LineValue(answer, "status"), "APPROVED") << answer;
    return answer;
  }

  bool WaitForwarded(size_t count) {
    absl::MutexLock lock(&mu_);
    const auto enough = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return forwarded_ >= count;
    };
    return mu_.AwaitWithTimeout(absl::Condition(&enough), kWait);
  }

  simulator::testing::Receiver merchant_;  // where notifications go on to
  std::unique_ptr<TestStore> store_;
  std::unique_ptr<NotificationForwarder> forwarder_;
  std::unique_ptr<NotificationReceiver> receiver_;
  std::unique_ptr<simulator::Simulator> sim_;
  std::unique_ptr<Client> client_;
  absl::Mutex mu_;
  std::vector<std::string> log_ ABSL_GUARDED_BY(mu_);
  size_t forwarded_ ABSL_GUARDED_BY(mu_) = 0;
};

TEST_F(SimulatorFlowTest, EveryNotificationOfRealFlowsIsStoredOnce) {
  // Card: reserve, capture, refund, debit (appointed, capture, paid,
  // refund, debit).
  const std::string card = LineValue(
      client_->Call("preauthorization",
                    simulator::testing::CardPayment("FLOW-CARD", "10000")),
      "txid");
  ASSERT_FALSE(card.empty());
  Book("capture", card, {{"amount", "10000"}, {"capturemode", "completed"}});
  Book("refund", card, {{"amount", "-2500"}, {"sequencenumber", "2"}});
  Book("debit", card, {{"amount", "-500"}, {"sequencenumber", "3"}});
  // A direct debit that comes back (appointed, paid, failed).
  const std::string sepa = LineValue(
      client_->Call("authorization",
                    simulator::testing::Payment("elv", "FLOW-SEPA", "2500",
                                                {{"iban", kReturnedIban}})),
      "txid");
  ASSERT_FALSE(sepa.empty());
  // Prepayment paid by bank transfer (appointed, paid).
  const std::string prepaid = LineValue(
      client_->Call("preauthorization",
                    simulator::testing::Payment("vor", "FLOW-VOR", "4000")),
      "txid");
  ASSERT_FALSE(prepaid.empty());
  ASSERT_TRUE(sim_->SimulateIncomingPayment("2000001", prepaid, 4000).ok());

  constexpr size_t kNotifications = 10;
  ASSERT_TRUE(sim_->notifier().WaitForDelivered(kNotifications, kWait));
  const std::vector<simulator::Delivery> sent = sim_->notifier().Log();
  ASSERT_EQ(sent.size(), kNotifications);
  for (const simulator::Delivery& delivery : sent) {
    EXPECT_TRUE(delivery.delivered);
    EXPECT_EQ(delivery.attempts, 1);  // TSOK the first time
    EXPECT_EQ(delivery.last_answer, "TSOK");
  }

  auto stored = store_->ListNotifications({});
  ASSERT_TRUE(stored.ok()) << stored.status();
  ASSERT_EQ(stored->size(), kNotifications);
  std::vector<std::string> summary;
  for (const StoredNotification& row : *stored) {
    EXPECT_EQ(row.account, "demo");
    EXPECT_TRUE(row.notification.key().empty());
    summary.push_back(
        absl::StrCat(row.notification.reference(), "/",
                     codec::PayoneEnum<payone::v1::TransactionAction>::ToWire(
                         row.notification.txaction()),
                     "/", row.notification.sequencenumber()));
  }
  std::sort(summary.begin(), summary.end());
  EXPECT_EQ(summary, (std::vector<std::string>{
                         "FLOW-CARD/appointed/0", "FLOW-CARD/capture/1",
                         "FLOW-CARD/debit/3", "FLOW-CARD/paid/1",
                         "FLOW-CARD/refund/2", "FLOW-SEPA/appointed/0",
                         "FLOW-SEPA/failed/0", "FLOW-SEPA/paid/0",
                         "FLOW-VOR/appointed/0", "FLOW-VOR/paid/0"}));
  for (const StoredNotification& row : *stored) {
    if (row.notification.txaction() == payone::v1::TRANSACTION_ACTION_FAILED) {
      EXPECT_EQ(row.notification.failedcause(),
                payone::v1::FAILED_CAUSE_INSUFFICIENT_FUNDS);
      EXPECT_EQ(row.notification.iban(), kReturnedIban);
    }
  }
  const NotificationStats stats = receiver_->Stats();
  EXPECT_EQ(stats.stored, kNotifications);
  EXPECT_EQ(stats.duplicate, 0u);

  // Forwarded once each, byte for byte as PAYONE sent them.
  ASSERT_TRUE(WaitForwarded(kNotifications));
  std::vector<std::string> forwarded = merchant_.bodies();
  std::vector<std::string> originals;
  for (const simulator::Delivery& delivery : sent) {
    originals.push_back(delivery.body);
  }
  std::sort(forwarded.begin(), forwarded.end());
  std::sort(originals.begin(), originals.end());
  EXPECT_EQ(forwarded, originals);
  auto undelivered = store_->DueForwards(absl::InfiniteFuture(), 100);
  ASSERT_TRUE(undelivered.ok());
  EXPECT_TRUE(undelivered->empty());

  // The log lines carry no bank, card, name or key data.
  absl::MutexLock lock(&mu_);
  ASSERT_EQ(log_.size(), kNotifications);
  for (const std::string& line : log_) {
    EXPECT_TRUE(absl::StrContains(line, "\"result\":\"accepted\"")) << line;
    for (const std::string& secret :
         {std::string(kReturnedIban), std::string("411111"),
          std::string("Tester"),
          HexDigest(DigestAlgorithm::kMd5,
                    simulator::testing::TestAccount().key)}) {
      EXPECT_FALSE(absl::StrContains(line, secret)) << line;
    }
  }
}

}  // namespace
}  // namespace payone::service
