// The client scenarios through the C++ layer (//client_stubs/cpp:payone_client)
// against a GatewayFixture (simulator + gateway binary, a client token, 2 s
// of latency for references slow-*).
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "client_stubs/cpp/gateway_fixture.h"
#include "client_stubs/cpp/payone_client.h"
#include "gtest/gtest.h"

namespace v1 = payone::v1;
namespace {

using payone::client::CallOptions;
using payone::client::ErrorOf;
using payone::client::GatewayClient;
using payone::client::GatewayError;
using payone::client::IdempotentOperation;
using payone::client::NotificationSubscriber;
using payone::client::RandomId;
using payone::client::testing::GatewayFixture;
using Gateway = v1::PayoneGateway::Stub;

constexpr char kToken[] = "cpp-client-test-token";

std::unique_ptr<GatewayFixture> StartFixture() {
  auto fixture = GatewayFixture::Start(
      {.faults = "latency=2s,reference=slow-*", .token = kToken});
  EXPECT_TRUE(fixture.ok()) << fixture.status();
  return fixture.ok() ? *std::move(fixture) : nullptr;
}

std::unique_ptr<GatewayClient> ClientOf(const GatewayFixture& fixture) {
  return *GatewayClient::Create(
      {.address = fixture.address(), .token = kToken});
}

v1::PreauthorizationRequest CardPreauthorization(const std::string& reference) {
  v1::PreauthorizationRequest request;
  request.set_account("demo");
  request.set_reference(reference);
  request.set_amount(10000);
  request.set_currency("EUR");
  request.mutable_personal_data()->set_lastname("Mustermann");
  request.mutable_personal_data()->set_country("DE");
  auto* card = request.mutable_credit_card();
  card->set_cardpan("4111111111111111");
  card->set_cardtype(v1::CARD_TYPE_VISA);
  card->set_cardexpiredate("3012");
  card->set_cardcvc2("123");
  return request;
}

std::string Unique(const std::string& prefix) {
  return prefix + RandomId().substr(0, 14);
}

class ClientTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixture_ = StartFixture().release();
    if (fixture_ != nullptr) client_ = ClientOf(*fixture_).release();
  }
  static void TearDownTestSuite() {
    delete client_;
    delete fixture_;
  }
  void SetUp() override { ASSERT_NE(client_, nullptr); }

  static GatewayFixture* fixture_;
  static GatewayClient* client_;
};
GatewayFixture* ClientTest::fixture_ = nullptr;
GatewayClient* ClientTest::client_ = nullptr;

TEST_F(ClientTest, PreauthorizeCaptureTwiceRefundOneItem) {
  auto pre = IdempotentOperation(*client_).Call(
      &Gateway::Preauthorize, CardPreauthorization(Unique("cc-")));
  ASSERT_TRUE(pre.ok()) << pre.status();
  ASSERT_EQ(pre->status(), v1::STATUS_APPROVED) << pre->DebugString();

  for (auto [amount, mode] : {std::pair{6000, v1::CAPTURE_MODE_NOTCOMPLETED},
                              std::pair{4000, v1::CAPTURE_MODE_COMPLETED}}) {
    v1::CaptureRequest capture;
    capture.set_account("demo");
    capture.set_txid(pre->txid());
    capture.set_amount(amount);
    capture.set_currency("EUR");
    capture.set_capturemode(mode);
    // The ledger fills in the sequence number.
    auto captured =
        IdempotentOperation(*client_).Call(&Gateway::Capture, capture);
    ASSERT_TRUE(captured.ok()) << captured.status();
    EXPECT_EQ(captured->status(), v1::STATUS_APPROVED);
  }

  v1::RefundRequest refund;
  refund.set_account("demo");
  refund.set_txid(pre->txid());
  refund.set_amount(-2500);
  refund.set_currency("EUR");
  v1::Article* item = refund.add_items();
  item->set_type(v1::ITEM_TYPE_GOODS);
  item->set_id("SKU-1");
  item->set_price(2500);
  item->set_quantity(1);
  item->set_description("Mug");
  item->set_vat_rate(19);
  auto refunded = IdempotentOperation(*client_).Call(&Gateway::Refund, refund);
  ASSERT_TRUE(refunded.ok()) << refunded.status();
  EXPECT_EQ(refunded->status(), v1::STATUS_APPROVED);
}

TEST_F(ClientTest, SepaDirectDebitWithMandate) {
  const std::string iban = "DE02120300000000202051";
  v1::ManageMandateRequest mandate_request;
  mandate_request.set_account("demo");
  mandate_request.set_currency("EUR");
  mandate_request.set_iban(iban);
  mandate_request.set_lastname("Mustermann");
  mandate_request.set_country("DE");
  auto mandate = client_->Call(&Gateway::ManageMandate, mandate_request);
  ASSERT_TRUE(mandate.ok()) << mandate.status();
  ASSERT_EQ(mandate->status(), v1::STATUS_APPROVED);

  v1::AuthorizationRequest request;
  request.set_account("demo");
  request.set_reference(Unique("cc-"));
  request.set_amount(1999);
  request.set_currency("EUR");
  request.mutable_personal_data()->set_lastname("Mustermann");
  request.mutable_personal_data()->set_country("DE");
  request.mutable_sepa_direct_debit()->set_iban(iban);
  request.mutable_sepa_direct_debit()->set_mandate_identification(
      mandate->mandate_identification());
  auto authorization =
      IdempotentOperation(*client_).Call(&Gateway::Authorize, request);
  ASSERT_TRUE(authorization.ok()) << authorization.status();
  EXPECT_EQ(authorization->status(), v1::STATUS_APPROVED);
  EXPECT_EQ(authorization->mandate_identification(),
            mandate->mandate_identification());
}

TEST_F(ClientTest, ThreeInvalidFieldsComeBackAsOneTypedError) {
  v1::PreauthorizationRequest request = CardPreauthorization("bad ref!");
  request.set_currency("EURO");
  request.mutable_credit_card()->set_cardpan("4111111111111112");
  auto response = client_->Call(&Gateway::Preauthorize, request,
                                {.request_id = "cpp-bad-request-1"});
  ASSERT_FALSE(response.ok());
  const GatewayError error = ErrorOf(response.status());
  EXPECT_EQ(error.code, absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(error.retry_safe);
  EXPECT_EQ(error.request_id, "cpp-bad-request-1");
  std::set<std::string> fields;
  for (const auto& violation : error.violations) fields.insert(violation.field);
  EXPECT_EQ(fields, (std::set<std::string>{"reference", "currency",
                                           "credit_card.cardpan"}));
  EXPECT_EQ(error.message.find("4111111111111112"), std::string::npos);
}

TEST_F(ClientTest, DeadlineShorterThanLatency) {
  const auto started = std::chrono::steady_clock::now();
  auto response = client_->Call(&Gateway::Preauthorize,
                                CardPreauthorization(Unique("slow-")),
                                {.timeout = std::chrono::milliseconds(300)});
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_LT(std::chrono::steady_clock::now() - started,
            std::chrono::milliseconds(1500));
}

TEST_F(ClientTest, IdempotentRetryAfterOutcomeUnknownIsNeverSentTwice) {
  const std::string reference = Unique("unk-");
  ASSERT_TRUE(
      fixture_->AddFault("reset_after,times=1,reference=" + reference).ok());
  IdempotentOperation preauthorize(*client_);
  auto first = preauthorize.Call(&Gateway::Preauthorize,
                                 CardPreauthorization(reference));
  const GatewayError unknown = ErrorOf(first.status());
  EXPECT_EQ(unknown.code, absl::StatusCode::kUnknown);
  EXPECT_EQ(unknown.reason, "PAYONE_OUTCOME_UNKNOWN");
  EXPECT_FALSE(unknown.retry_safe);
  EXPECT_EQ(preauthorize.attempts(), 1) << "an unsafe error was retried";

  // The caller retries the same operation: same key, so the gateway refuses
  // instead of sending the payment a second time.
  auto retried = preauthorize.Call(&Gateway::Preauthorize,
                                   CardPreauthorization(reference));
  const GatewayError in_flight = ErrorOf(retried.status());
  EXPECT_EQ(in_flight.code, absl::StatusCode::kAborted);
  EXPECT_EQ(in_flight.reason, "IDEMPOTENCY_KEY_IN_FLIGHT");

  // A completed operation called again replays its first answer.
  IdempotentOperation approved(*client_);
  const auto request = CardPreauthorization(Unique("rp-"));
  auto once = approved.Call(&Gateway::Preauthorize, request);
  auto again = approved.Call(&Gateway::Preauthorize, request);
  ASSERT_TRUE(once.ok() && again.ok());
  EXPECT_EQ(once->status(), v1::STATUS_APPROVED) << once->DebugString();
  EXPECT_EQ(once->txid(), again->txid());
}

// Collects the events a subscriber hands over.
class Events {
 public:
  bool Add(const v1::TransactionStatusEvent& event) {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(event);
    cv_.notify_all();
    return true;
  }
  bool WaitForTxid(const std::string& txid) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(30), [&] {
      for (const auto& e : events_) {
        if (e.notification().txid() == txid) return true;
      }
      return false;
    });
  }
  std::vector<int64_t> Cursors() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<int64_t> cursors;
    for (const auto& e : events_) cursors.push_back(e.cursor());
    return cursors;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<v1::TransactionStatusEvent> events_;
};

TEST(SubscriberTest, WatchResumesAfterTheGatewayRestarts) {
  std::unique_ptr<GatewayFixture> fixture = StartFixture();
  ASSERT_NE(fixture, nullptr);
  std::unique_ptr<GatewayClient> client = ClientOf(*fixture);
  v1::WatchTransactionStatusRequest watch;
  watch.set_account("demo");
  NotificationSubscriber subscriber(*client, watch);
  Events events;
  absl::Status ended;
  std::thread running([&] {
    ended =
        subscriber.Run([&](const auto& event) { return events.Add(event); });
  });

  auto before = IdempotentOperation(*client).Call(
      &Gateway::Preauthorize, CardPreauthorization(Unique("watch-")));
  ASSERT_TRUE(before.ok()) << before.status();
  EXPECT_TRUE(events.WaitForTxid(before->txid()));

  ASSERT_TRUE(fixture->Restart().ok());
  auto after = IdempotentOperation(*client).Call(
      &Gateway::Preauthorize, CardPreauthorization(Unique("watch-")),
      {.wait_for_ready = true});
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_TRUE(events.WaitForTxid(after->txid()));
  subscriber.Stop();
  running.join();

  EXPECT_TRUE(ended.ok()) << ended;
  EXPECT_GE(subscriber.reconnects(), 1);
  const std::vector<int64_t> cursors = events.Cursors();
  for (size_t i = 1; i < cursors.size(); ++i) {
    EXPECT_LT(cursors[i - 1], cursors[i]) << "an event came twice";
  }
  EXPECT_EQ(subscriber.acknowledged_cursor(), cursors.back());
}

}  // namespace
