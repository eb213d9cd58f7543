// The gateway with its payment ledger, in-process against the PAYONE
// simulator: automatic sequence numbers, the checks made before PAYONE is
// called, idempotency keys, duplicate references, and the PaymentLedger
// service (GetPayment, ListTransactionStatus, WatchTransactionStatus).

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "payone/v1/ledger.grpc.pb.h"
#include "service/config/hex_digest.h"
#include "service/gateway/server.h"
#include "service/gateway/testing.h"
#include "service/store/postgres_server.h"
#include "service/store/store_test_backend.h"
#include "simulator/http_client.h"
#include "simulator/simulator.h"

namespace payone::service {
namespace {

using ::google::protobuf::util::TimeUtil;
using ::payone::v1::PaymentLedger;
using ::payone::v1::PayoneGateway;
using ::testing::HasSubstr;

enum class LedgerBackend { kNone, kSqlite, kPostgres };

constexpr char kPortalKey[] = "ledger-portal-key";

std::string TempPath(absl::string_view name) {
  static int counter = 0;
  return absl::StrCat(::testing::TempDir(), name, "-", ++counter);
}

// The ErrorInfo reason of a failed call.
std::string Reason(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&info)) return info.reason();
  }
  return "";
}

// The simulator's portal as the gateway account "shop".
AccountSettings ShopAccount() {
  return SimulatorTestAccount("shop", kPortalKey);
}

// One throwaway PostgreSQL for the whole binary, a database per test.
PostgresServer& Postgres() {
  static PostgresServer* server = [] {
    auto started = PostgresServer::Start();
    if (!started.ok()) {
      ADD_FAILURE() << started.status();
      std::abort();
    }
    return started->release();
  }();
  return *server;
}

std::string NewPostgresDatabase() {
  static int counter = 0;
  auto conninfo =
      Postgres().CreateDatabase(absl::StrCat("ledger_test_", ++counter));
  EXPECT_TRUE(conninfo.ok()) << conninfo.status();
  return conninfo.ok() ? *conninfo : "";
}

// Every test runs on both backends.
class LedgerGatewayTest : public ::testing::TestWithParam<LedgerBackend> {
 protected:
  void SetUp() override {
    simulator::SimulatorOptions options;
    options.accounts.push_back({"10000", "10001", "2000001", kPortalKey,
                                /*test_mode=*/true, /*live_mode=*/false, ""});
    options.request_log = [this](const std::string& line) {
      absl::MutexLock lock(&mu_);
      simulator_requests_.push_back(line);
    };
    auto sim = simulator::Simulator::Start(std::move(options));
    ASSERT_TRUE(sim.ok()) << sim.status();
    sim_ = *std::move(sim);
    ledger_path_ = TempPath("ledger.db");
    if (GetParam() == LedgerBackend::kPostgres) {
      postgres_conninfo_ = NewPostgresDatabase();
    }
    StartGateway(GetParam());
  }

  // The ledger as another gateway replica sees it.
  std::unique_ptr<TestStore> OpenOtherReplica() {
    absl::StatusOr<std::unique_ptr<TestStore>> store;
    if (GetParam() == LedgerBackend::kPostgres) {
      auto database = OpenPostgresLedger(postgres_conninfo_, 2);
      store = database.ok()
                  ? absl::StatusOr<std::unique_ptr<TestStore>>(
                        std::make_unique<TestStore>(*std::move(database)))
                  : database.status();
    } else {
      store = OpenSqliteTestStore(ledger_path_);
    }
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  // One notification of account "shop", stored by another replica.
  void AppendOneNotificationElsewhere() {
    std::unique_ptr<TestStore> other_replica = OpenOtherReplica();
    ASSERT_NE(other_replica, nullptr);
    StoredNotification stored;
    stored.account = "shop";
    stored.received_at = absl::Now();
    stored.notification.set_txid("7001");
    ASSERT_TRUE(
        other_replica->AppendNotification(stored, "only", "body", {}).ok());
  }

  void TearDown() override {
    server_.reset();
    if (sim_) sim_->Stop();
  }

  void StartGateway(LedgerBackend backend, bool with_receiver = false) {
    server_.reset();
    Config config;
    config.file.set_listen_address("127.0.0.1:0");
    config.file.set_metrics_address("off");
    config.file.mutable_upstream()->set_url(sim_->gateway_url());
    config.file.set_allow_unauthenticated(true);
    switch (backend) {
      case LedgerBackend::kNone:
        break;
      case LedgerBackend::kSqlite:
        config.file.mutable_ledger()->set_sqlite_path(ledger_path_);
        break;
      case LedgerBackend::kPostgres:
        // The loader would have read it from there.
        config.file.mutable_ledger()->set_postgres_conninfo_env("LEDGER_DSN");
        config.ledger_postgres_conninfo = postgres_conninfo_;
        break;
    }
    if (with_receiver) {
      config.file.mutable_notifications()->set_listen_address("127.0.0.1:0");
      config.file.mutable_notifications()->add_allowed_sources("127.0.0.1/32");
      config.file.set_metrics_address("127.0.0.1:0");
    }
    *config.file.mutable_ledger()->mutable_watch_poll_interval() =
        TimeUtil::MillisecondsToDuration(50);
    config.file.mutable_ledger()->set_max_watches_per_client(3);
    *config.file.mutable_ledger()->mutable_notification_retention() =
        TimeUtil::MillisecondsToDuration(
            absl::ToInt64Milliseconds(notification_retention_));
    config.accounts.emplace("shop", ShopAccount());
    auto server = GatewayServer::Start(std::move(config), &logger_);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    auto channel =
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->port()),
                            grpc::InsecureChannelCredentials());
    gateway_ = PayoneGateway::NewStub(channel);
    ledger_ = PaymentLedger::NewStub(channel);
  }

  // The body of one HTTP request to the gateway's own ports (notification
  // receiver, metrics).
  static std::string Http(int port, const std::string& method,
                          const std::string& target, const std::string& body) {
    auto url = simulator::ParseUrl(absl::StrCat("http://127.0.0.1:", port));
    EXPECT_TRUE(url.ok());
    auto connection = simulator::HttpConnection::Connect(*url);
    EXPECT_TRUE(connection.ok()) << connection.status();
    if (!connection.ok()) return "";
    auto response = (*connection)->Send(method, target, body);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? response->body : "";
  }

  payone::v1::ListTransactionStatusResponse ListEvents(
      const std::string& txid) {
    payone::v1::ListTransactionStatusRequest list;
    list.set_account("shop");
    list.set_txid(txid);
    payone::v1::ListTransactionStatusResponse page;
    grpc::ClientContext ctx;
    EXPECT_TRUE(ledger_->ListTransactionStatus(&ctx, list, &page).ok());
    return page;
  }

  size_t SimulatorRequests() {
    absl::MutexLock lock(&mu_);
    return simulator_requests_.size();
  }

  // A preauthorization on the test Visa card; returns its txid.
  std::string Preauthorize(absl::string_view reference, int64_t amount) {
    payone::v1::PreauthorizationRequest request =
        PreauthorizationOf(reference, amount);
    payone::v1::PreauthorizationResponse response;
    grpc::ClientContext ctx;
    grpc::Status status = gateway_->Preauthorize(&ctx, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.status(), payone::v1::STATUS_APPROVED);
    return response.txid();
  }

  static payone::v1::PreauthorizationRequest PreauthorizationOf(
      absl::string_view reference, int64_t amount) {
    payone::v1::PreauthorizationRequest request;
    request.set_account("shop");
    request.set_reference(std::string(reference));
    request.set_amount(amount);
    request.set_currency("EUR");
    request.mutable_personal_data()->set_lastname("Mustermann");
    request.mutable_personal_data()->set_country("DE");
    auto* card = request.mutable_credit_card();
    card->set_cardpan("4111111111111111");
    card->set_cardtype(payone::v1::CARD_TYPE_VISA);
    card->set_cardexpiredate("3012");
    card->set_cardcvc2("123");
    return request;
  }

  grpc::Status Capture(
      const std::string& txid, int64_t amount,
      payone::v1::CaptureResponse* response,
      payone::v1::CaptureMode mode = payone::v1::CAPTURE_MODE_NOTCOMPLETED) {
    payone::v1::CaptureRequest request;
    request.set_account("shop");
    request.set_txid(txid);
    request.set_amount(amount);
    request.set_currency("EUR");
    request.set_capturemode(mode);
    grpc::ClientContext ctx;
    return gateway_->Capture(&ctx, request, response);
  }

  grpc::Status Refund(const std::string& txid, int64_t amount,
                      payone::v1::RefundResponse* response) {
    payone::v1::RefundRequest request;
    request.set_account("shop");
    request.set_txid(txid);
    request.set_amount(-amount);
    request.set_currency("EUR");
    grpc::ClientContext ctx;
    return gateway_->Refund(&ctx, request, response);
  }

  payone::v1::GetPaymentResponse GetPayment(const std::string& txid) {
    payone::v1::GetPaymentRequest request;
    request.set_account("shop");
    request.set_txid(txid);
    payone::v1::GetPaymentResponse response;
    grpc::ClientContext ctx;
    grpc::Status status = ledger_->GetPayment(&ctx, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  absl::Mutex mu_;
  std::vector<std::string> simulator_requests_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<simulator::Simulator> sim_;
  std::string ledger_path_;
  std::string postgres_conninfo_;
  absl::Duration notification_retention_ = absl::Hours(24 * 30);
  CallLogger logger_{nullptr};
  std::unique_ptr<GatewayServer> server_;
  std::unique_ptr<PayoneGateway::Stub> gateway_;
  std::unique_ptr<PaymentLedger::Stub> ledger_;
};

TEST_P(LedgerGatewayTest, SequenceNumbersThroughThreeCapturesAndTwoRefunds) {
  const std::string txid = Preauthorize("seq-1", 10000);
  // The simulator refuses a wrong sequence number with 907, so every
  // APPROVED below proves the gateway's number right.
  for (int64_t amount : {2000, 3000, 1000}) {
    payone::v1::CaptureResponse response;
    grpc::Status status = Capture(txid, amount, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.status(), payone::v1::STATUS_APPROVED)
        << response.errormessage();
  }
  for (int64_t amount : {500, 1500}) {
    payone::v1::RefundResponse response;
    grpc::Status status = Refund(txid, amount, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.status(), payone::v1::STATUS_APPROVED)
        << response.errormessage();
  }
  payone::v1::GetPaymentResponse payment = GetPayment(txid);
  EXPECT_EQ(payment.reference(), "seq-1");
  EXPECT_EQ(payment.reserved_amount(), 10000);
  EXPECT_EQ(payment.captured_amount(), 6000);
  EXPECT_EQ(payment.refunded_amount(), 2000);
  EXPECT_EQ(payment.open_amount(), 4000);
  EXPECT_EQ(payment.last_sequencenumber(), 5);
  ASSERT_EQ(payment.history_size(), 6);
  EXPECT_EQ(payment.history(3).request().request_type(), "capture");
  EXPECT_EQ(payment.history(3).request().sequencenumber(), 3);
  EXPECT_EQ(payment.history(5).request().sequencenumber(), 5);
}

TEST_P(LedgerGatewayTest, OverCaptureAndOverRefundNeverReachPayone) {
  const std::string txid = Preauthorize("over-1", 1000);
  const size_t before = SimulatorRequests();
  payone::v1::CaptureResponse capture;
  grpc::Status over = Capture(txid, 1001, &capture);
  EXPECT_EQ(over.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(over.error_message(), HasSubstr("open reservation of 1000"));
  EXPECT_EQ(Reason(over), "LEDGER_CHECK_FAILED");
  payone::v1::RefundResponse refund;
  EXPECT_EQ(Refund(txid, 1, &refund).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(SimulatorRequests(), before);

  ASSERT_TRUE(
      Capture(txid, 400, &capture, payone::v1::CAPTURE_MODE_COMPLETED).ok());
  EXPECT_EQ(capture.status(), payone::v1::STATUS_APPROVED);
  grpc::Status second = Capture(txid, 100, &capture);
  EXPECT_EQ(second.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(second.error_message(), HasSubstr("completed"));
}

// A capture answered with a status newer than the model may have booked:
// the ledger records the status as sent and counts the capture as undecided
// (no sequence number is guessed, the open amount allows for it).
TEST_P(LedgerGatewayTest, AnswerWithAnUnknownStatusIsKeptAndCountedUndecided) {
  const std::string txid = Preauthorize("newer-1", 1000);
  auto rule = simulator::ParseFault(absl::StrCat("unknown_status,txid=", txid));
  ASSERT_TRUE(rule.ok()) << rule.status();
  sim_->AddFault(*rule);
  payone::v1::CaptureResponse capture;
  grpc::Status status = Capture(txid, 600, &capture);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(capture.other_parameters().at("status"), "NEWER_THAN_THE_MODEL");

  payone::v1::GetPaymentResponse payment = GetPayment(txid);
  ASSERT_EQ(payment.history_size(), 2);
  EXPECT_EQ(payment.history(1).request().outcome(),
            payone::v1::REQUEST_OUTCOME_ANSWERED);
  EXPECT_EQ(payment.history(1).request().status(), "NEWER_THAN_THE_MODEL");
  const size_t before = SimulatorRequests();
  grpc::Status next = Capture(txid, 400, &capture);
  EXPECT_EQ(next.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(SimulatorRequests(), before);
}

TEST_P(LedgerGatewayTest, DuplicateReferenceIsRefusedBeforePayone) {
  Preauthorize("dup-1", 100);
  const size_t before = SimulatorRequests();
  payone::v1::PreauthorizationResponse response;
  grpc::ClientContext ctx;
  grpc::Status status =
      gateway_->Preauthorize(&ctx, PreauthorizationOf("DUP-1", 100), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(Reason(status), "DUPLICATE_REFERENCE");
  EXPECT_EQ(SimulatorRequests(), before);
}

TEST_P(LedgerGatewayTest, IdempotencyKeyReplaysAndRefusesADifferentRequest) {
  auto call = [&](const payone::v1::PreauthorizationRequest& request,
                  payone::v1::PreauthorizationResponse* response) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("idempotency-key", "order-500-attempt");
    return gateway_->Preauthorize(&ctx, request, response);
  };
  payone::v1::PreauthorizationResponse first, replay, conflict;
  ASSERT_TRUE(call(PreauthorizationOf("idem-1", 700), &first).ok());
  const size_t after_first = SimulatorRequests();
  ASSERT_TRUE(call(PreauthorizationOf("idem-1", 700), &replay).ok());
  EXPECT_EQ(replay.SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ(SimulatorRequests(), after_first);

  grpc::Status status = call(PreauthorizationOf("idem-1", 701), &conflict);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(Reason(status), "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(SimulatorRequests(), after_first);
}

TEST_P(LedgerGatewayTest, LedgerSurvivesARestart) {
  const std::string txid = Preauthorize("restart-1", 5000);
  payone::v1::CaptureResponse capture;
  ASSERT_TRUE(Capture(txid, 1000, &capture).ok());
  StartGateway(GetParam());
  ASSERT_TRUE(Capture(txid, 1000, &capture).ok());
  EXPECT_EQ(capture.status(), payone::v1::STATUS_APPROVED)
      << capture.errormessage();
  EXPECT_EQ(GetPayment(txid).last_sequencenumber(), 2);
}

TEST_P(LedgerGatewayTest, UnknownTxidIsNotFound) {
  payone::v1::GetPaymentRequest request;
  request.set_account("shop");
  request.set_txid("123");
  payone::v1::GetPaymentResponse response;
  grpc::ClientContext ctx;
  EXPECT_EQ(ledger_->GetPayment(&ctx, request, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_P(LedgerGatewayTest, WithoutLedgerTheServiceSaysSo) {
  StartGateway(LedgerBackend::kNone);
  payone::v1::ListTransactionStatusRequest request;
  request.set_account("shop");
  payone::v1::ListTransactionStatusResponse response;
  grpc::ClientContext ctx;
  grpc::Status status =
      ledger_->ListTransactionStatus(&ctx, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // Requests go through without ledger checks: PAYONE itself refuses the
  // duplicate reference.
  Preauthorize("no-ledger-1", 100);
  payone::v1::PreauthorizationResponse preauth;
  grpc::ClientContext preauth_ctx;
  ASSERT_TRUE(gateway_
                  ->Preauthorize(&preauth_ctx,
                                 PreauthorizationOf("no-ledger-1", 100),
                                 &preauth)
                  .ok());
  EXPECT_EQ(preauth.errorcode(), 911);
  // An idempotency key cannot be honoured without a ledger: refused, not
  // silently ignored.
  grpc::ClientContext keyed_ctx;
  keyed_ctx.AddMetadata("idempotency-key", "k-1");
  const size_t before = SimulatorRequests();
  EXPECT_EQ(gateway_
                ->Preauthorize(&keyed_ctx,
                               PreauthorizationOf("no-ledger-2", 100), &preauth)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(SimulatorRequests(), before);
}

// Notifications stored by another replica (here: a second connection to the
// same SQLite file) reach watchers through polling, in cursor order, and a
// watch resumed from a cursor starts after it.
TEST_P(LedgerGatewayTest, WatchStreamsStoredNotificationsAndResumes) {
  std::unique_ptr<TestStore> other_replica = OpenOtherReplica();
  ASSERT_NE(other_replica, nullptr);
  auto append = [&](int i) {
    StoredNotification stored;
    stored.account = "shop";
    stored.received_at = absl::Now();
    stored.notification.set_txid("7001");
    stored.notification.set_sequencenumber(i);
    stored.notification.set_txaction(payone::v1::TRANSACTION_ACTION_CAPTURE);
    auto appended = other_replica->AppendNotification(
        stored, absl::StrCat("dedupe-", i), "body", {});
    ASSERT_TRUE(appended.ok()) << appended.status();
  };
  append(1);

  grpc::ClientContext ctx;
  payone::v1::WatchTransactionStatusRequest request;
  request.set_account("shop");
  auto stream = ledger_->WatchTransactionStatus(&ctx, request);
  payone::v1::TransactionStatusEvent event;
  ASSERT_TRUE(stream->Read(&event));
  EXPECT_EQ(event.notification().sequencenumber(), 1);
  EXPECT_TRUE(event.notification().key().empty());
  const int64_t first_cursor = event.cursor();
  append(2);
  append(3);
  ASSERT_TRUE(stream->Read(&event));
  EXPECT_EQ(event.notification().sequencenumber(), 2);
  ASSERT_TRUE(stream->Read(&event));
  EXPECT_EQ(event.notification().sequencenumber(), 3);
  ctx.TryCancel();

  grpc::ClientContext resumed_ctx;
  request.set_after_cursor(first_cursor);
  auto resumed = ledger_->WatchTransactionStatus(&resumed_ctx, request);
  ASSERT_TRUE(resumed->Read(&event));
  EXPECT_EQ(event.notification().sequencenumber(), 2);
  resumed_ctx.TryCancel();

  payone::v1::ListTransactionStatusRequest list;
  list.set_account("shop");
  list.set_page_size(2);
  payone::v1::ListTransactionStatusResponse page;
  grpc::ClientContext list_ctx;
  ASSERT_TRUE(ledger_->ListTransactionStatus(&list_ctx, list, &page).ok());
  ASSERT_EQ(page.events_size(), 2);
  EXPECT_EQ(page.next_cursor(), page.events(1).cursor());
}

// One client cannot hold the ledger's threads with endless streams.
TEST_P(LedgerGatewayTest, WatchesPerClientAreCapped) {
  AppendOneNotificationElsewhere();
  payone::v1::WatchTransactionStatusRequest request;
  request.set_account("shop");
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<
      std::unique_ptr<grpc::ClientReader<payone::v1::TransactionStatusEvent>>>
      streams;
  payone::v1::TransactionStatusEvent event;
  for (int i = 0; i < 3; ++i) {
    contexts.push_back(std::make_unique<grpc::ClientContext>());
    streams.push_back(
        ledger_->WatchTransactionStatus(contexts.back().get(), request));
    // An event proves the watch is open on the server.
    ASSERT_TRUE(streams.back()->Read(&event));
  }
  grpc::ClientContext one_more_ctx;
  auto one_more = ledger_->WatchTransactionStatus(&one_more_ctx, request);
  EXPECT_FALSE(one_more->Read(&event));
  grpc::Status status = one_more->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("max_watches_per_client"));
  for (auto& context : contexts) context->TryCancel();
}

TEST_P(LedgerGatewayTest, ShutdownEndsWatches) {
  AppendOneNotificationElsewhere();
  grpc::ClientContext ctx;
  payone::v1::WatchTransactionStatusRequest request;
  request.set_account("shop");
  auto stream = ledger_->WatchTransactionStatus(&ctx, request);
  payone::v1::TransactionStatusEvent event;
  // Once an event arrived, the watch is surely running on the server.
  ASSERT_TRUE(stream->Read(&event));
  server_->Shutdown(absl::Seconds(5));

  EXPECT_FALSE(stream->Read(&event));
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
}

// PAYONE's notifications of whole payment flows go through the receiver into
// the ledger and reach a subscriber exactly as stored.
TEST_P(LedgerGatewayTest, FlowNotificationsReachTheSubscriberAsStored) {
  StartGateway(GetParam(), /*with_receiver=*/true);
  sim_->SetNotifyUrl(
      absl::StrCat("http://127.0.0.1:", server_->notifications_port(),
                   "/payone/transaction-status"));
  grpc::ClientContext watch_ctx;
  payone::v1::WatchTransactionStatusRequest watch;
  watch.set_account("shop");
  auto stream = ledger_->WatchTransactionStatus(&watch_ctx, watch);

  const std::string txid = Preauthorize("flow-1", 5000);
  payone::v1::CaptureResponse capture;
  ASSERT_TRUE(Capture(txid, 5000, &capture).ok());
  ASSERT_EQ(capture.status(), payone::v1::STATUS_APPROVED);
  payone::v1::RefundResponse refund;
  ASSERT_TRUE(Refund(txid, 1000, &refund).ok());
  ASSERT_EQ(refund.status(), payone::v1::STATUS_APPROVED);
  payone::v1::DebitRequest debit;
  debit.set_account("shop");
  debit.set_txid(txid);
  debit.set_amount(-500);
  debit.set_currency("EUR");
  payone::v1::DebitResponse debited;
  grpc::ClientContext debit_ctx;
  ASSERT_TRUE(gateway_->Debit(&debit_ctx, debit, &debited).ok());
  ASSERT_EQ(debited.status(), payone::v1::STATUS_APPROVED)
      << debited.errormessage();
  ASSERT_TRUE(sim_->SimulateChargeback("2000001", txid, "soc").ok());

  using payone::v1::TransactionAction;
  const std::vector<TransactionAction> expected = {
      payone::v1::TRANSACTION_ACTION_APPOINTED,
      payone::v1::TRANSACTION_ACTION_CAPTURE,
      payone::v1::TRANSACTION_ACTION_PAID,
      payone::v1::TRANSACTION_ACTION_REFUND,
      payone::v1::TRANSACTION_ACTION_DEBIT,
      payone::v1::TRANSACTION_ACTION_FAILED};
  std::vector<payone::v1::TransactionStatusEvent> received;
  payone::v1::TransactionStatusEvent event;
  while (received.size() < expected.size() && stream->Read(&event)) {
    received.push_back(event);
  }
  ASSERT_EQ(received.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(received[i].notification().txaction(), expected[i]) << i;
    EXPECT_EQ(received[i].notification().txid(), txid);
    EXPECT_TRUE(received[i].notification().key().empty());
  }
  EXPECT_EQ(received.back().notification().failedcause(),
            payone::v1::FAILED_CAUSE_INSUFFICIENT_FUNDS);

  const payone::v1::ListTransactionStatusResponse page = ListEvents(txid);
  ASSERT_EQ(page.events_size(), static_cast<int>(received.size()));
  for (size_t i = 0; i < received.size(); ++i) {
    EXPECT_EQ(page.events(i).SerializeAsString(),
              received[i].SerializeAsString());
  }
  // The ledger's view follows the notifications too.
  payone::v1::GetPaymentResponse payment = GetPayment(txid);
  EXPECT_EQ(payment.last_txaction(), payone::v1::TRANSACTION_ACTION_FAILED);
  EXPECT_EQ(payment.last_sequencenumber(), 3);
  watch_ctx.TryCancel();
}

// PAYONE newer than the model: a signed notification with a txaction the
// model does not know, and one it cannot decode at all, are both answered
// TSOK, stored, counted and delivered with what PAYONE sent.
TEST_P(LedgerGatewayTest, NotificationsTheModelCannotReadAreDeliveredRaw) {
  StartGateway(GetParam(), /*with_receiver=*/true);
  const std::string signed_part = absl::StrCat(
      "key=", HexDigest(DigestAlgorithm::kMd5, kPortalKey),
      "&portalid=2000001&aid=10001&mode=test&txid=7009&sequencenumber=2");
  const int port = server_->notifications_port();
  EXPECT_EQ(Http(port, "POST", "/payone/transaction-status",
                 absl::StrCat(signed_part, "&txaction=settled")),
            "TSOK");
  EXPECT_EQ(Http(port, "POST", "/payone/transaction-status",
                 absl::StrCat(signed_part, "&price=1.00")),
            "TSOK");

  const payone::v1::ListTransactionStatusResponse page = ListEvents("7009");
  ASSERT_EQ(page.events_size(), 2);
  const payone::v1::TransactionStatusEvent& newer = page.events(0);
  EXPECT_FALSE(newer.undecoded());
  EXPECT_EQ(newer.notification().txaction(),
            payone::v1::TRANSACTION_ACTION_UNSPECIFIED);
  EXPECT_EQ(newer.notification().other_parameters().at("txaction"), "settled");
  const payone::v1::TransactionStatusEvent& raw = page.events(1);
  EXPECT_TRUE(raw.undecoded());
  EXPECT_EQ(raw.decode_error(), "required parameter txaction is missing");
  EXPECT_EQ(raw.notification().txid(), "7009");
  EXPECT_EQ(raw.notification().sequencenumber(), 2);
  EXPECT_EQ(raw.notification().other_parameters().at("price"), "1.00");
  EXPECT_FALSE(raw.notification().other_parameters().contains("key"));

  // The ledger counts the sequence number both confirmed.
  EXPECT_EQ(GetPayment("7009").last_sequencenumber(), 2);
  const std::string metrics =
      Http(server_->metrics_port(), "GET", "/metrics", "");
  EXPECT_THAT(metrics,
              HasSubstr("payone_gateway_notifications_undecoded_total 1"));
  EXPECT_THAT(
      metrics,
      HasSubstr(
          "payone_gateway_notifications_unexpected_content_type_total 0"));
  EXPECT_THAT(
      metrics,
      HasSubstr("payone_gateway_notifications_total{result=\"stored\"} 2"));
}

// ledger.notification_retention: past it, what PAYONE sent stays, but its
// IBAN and account number read "<redacted>", and /metrics counts it.
TEST_P(LedgerGatewayTest, NotificationsPastRetentionKeepNoBankData) {
  notification_retention_ = absl::Milliseconds(1);
  StartGateway(GetParam(), /*with_receiver=*/true);
  ASSERT_EQ(
      Http(server_->notifications_port(), "POST", "/payone/transaction-status",
           absl::StrCat("key=", HexDigest(DigestAlgorithm::kMd5, kPortalKey),
                        "&portalid=2000001&aid=10001&mode=test&txid=7011"
                        "&sequencenumber=0&txaction=appointed&clearingtype=elv"
                        "&iban=DE02120300000000202051&bankaccount=202051")),
      "TSOK");

  // The sweep runs every second here: wait for it, with a deadline.
  payone::v1::TransactionStatusNotification stored;
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (absl::Now() < deadline) {
    const payone::v1::ListTransactionStatusResponse page = ListEvents("7011");
    ASSERT_EQ(page.events_size(), 1);
    stored = page.events(0).notification();
    if (stored.iban() != "DE02120300000000202051") break;
    absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_EQ(stored.iban(), "<redacted>");
  EXPECT_EQ(stored.bankaccount(), "<redacted>");
  EXPECT_EQ(stored.txid(), "7011");
  EXPECT_EQ(stored.txaction(), payone::v1::TRANSACTION_ACTION_APPOINTED);
  EXPECT_THAT(Http(server_->metrics_port(), "GET", "/metrics", ""),
              HasSubstr("payone_gateway_notifications_redacted_total 1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerGatewayTest,
                         ::testing::Values(LedgerBackend::kSqlite,
                                           LedgerBackend::kPostgres),
                         [](const auto& info) {
                           return info.param == LedgerBackend::kSqlite
                                      ? "Sqlite"
                                      : "Postgres";
                         });

// Two gateway replicas on one PostgreSQL ledger: a payment opened through
// one is continued through the other with the right sequence numbers.
TEST(LedgerReplicasTest, TwoGatewaysShareOnePostgresLedger) {
  simulator::SimulatorOptions options;
  options.accounts.push_back({"10000", "10001", "2000001", kPortalKey,
                              /*test_mode=*/true, /*live_mode=*/false, ""});
  auto sim = simulator::Simulator::Start(std::move(options));
  ASSERT_TRUE(sim.ok()) << sim.status();
  const std::string conninfo = NewPostgresDatabase();
  CallLogger logger(nullptr);
  std::vector<std::unique_ptr<GatewayServer>> replicas;
  std::vector<std::unique_ptr<PayoneGateway::Stub>> stubs;
  for (int i = 0; i < 2; ++i) {
    Config config;
    config.file.set_listen_address("127.0.0.1:0");
    config.file.set_metrics_address("off");
    config.file.mutable_upstream()->set_url((*sim)->gateway_url());
    config.file.set_allow_unauthenticated(true);
    config.file.mutable_ledger()->set_postgres_conninfo_env("LEDGER_DSN");
    config.ledger_postgres_conninfo = conninfo;
    config.accounts.emplace("shop", ShopAccount());
    auto server = GatewayServer::Start(std::move(config), &logger);
    ASSERT_TRUE(server.ok()) << server.status();
    stubs.push_back(PayoneGateway::NewStub(
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                            grpc::InsecureChannelCredentials())));
    replicas.push_back(*std::move(server));
  }
  payone::v1::PreauthorizationRequest preauth;
  preauth.set_account("shop");
  preauth.set_reference("replica-1");
  preauth.set_amount(3000);
  preauth.set_currency("EUR");
  preauth.mutable_personal_data()->set_lastname("Mustermann");
  preauth.mutable_personal_data()->set_country("DE");
  preauth.mutable_credit_card()->set_cardpan("4111111111111111");
  preauth.mutable_credit_card()->set_cardtype(payone::v1::CARD_TYPE_VISA);
  preauth.mutable_credit_card()->set_cardexpiredate("3012");
  payone::v1::PreauthorizationResponse opened;
  grpc::ClientContext ctx;
  ASSERT_TRUE(stubs[0]->Preauthorize(&ctx, preauth, &opened).ok());
  ASSERT_EQ(opened.status(), payone::v1::STATUS_APPROVED);

  for (int i = 0; i < 3; ++i) {
    payone::v1::CaptureRequest capture;
    capture.set_account("shop");
    capture.set_txid(opened.txid());
    capture.set_amount(1000);
    capture.set_currency("EUR");
    capture.set_capturemode(payone::v1::CAPTURE_MODE_NOTCOMPLETED);
    payone::v1::CaptureResponse captured;
    grpc::ClientContext capture_ctx;
    ASSERT_TRUE(
        stubs[(i + 1) % 2]->Capture(&capture_ctx, capture, &captured).ok());
    EXPECT_EQ(captured.status(), payone::v1::STATUS_APPROVED)
        << captured.errormessage();
  }
  // The same reference through the other replica is caught before PAYONE.
  payone::v1::PreauthorizationResponse again;
  grpc::ClientContext again_ctx;
  EXPECT_EQ(stubs[1]->Preauthorize(&again_ctx, preauth, &again).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  replicas.clear();
  (*sim)->Stop();
}

}  // namespace
}  // namespace payone::service
