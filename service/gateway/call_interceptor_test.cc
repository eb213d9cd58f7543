// The call interceptor through the running gateway: every call of
// PayoneGateway, PaymentLedger and PayoneClientApi gets a request id, one
// call-log line and the call metrics; health checks get none of them.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/client_api.grpc.pb.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "payone/v1/ledger.grpc.pb.h"
#include "service/gateway/server.h"
#include "service/gateway/testing.h"
#include "service/store/store_test_backend.h"
#include "simulator/http_client.h"
#include "simulator/simulator.h"
#include "simulator/testing.h"

namespace payone::service {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

// simulator::testing::TestAccount()'s.
constexpr char kPortalKey[] = "test-portal-key";
constexpr char kCard[] = "4111111111111111";

std::string ReadAll(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string content;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    content.append(buffer, n);
  }
  return content;
}

// The log lines of calls to `method`.
std::vector<std::string> LinesOf(const std::string& log,
                                 absl::string_view method) {
  std::vector<std::string> lines;
  const std::string key = absl::StrCat("\"method\":\"", method, "\"");
  for (absl::string_view line : absl::StrSplit(log, '\n')) {
    if (absl::StrContains(line, key)) lines.emplace_back(line);
  }
  return lines;
}

// The x-request-id the gateway sent back in the initial metadata.
std::string EchoedRequestId(const grpc::ClientContext& ctx) {
  const auto& metadata = ctx.GetServerInitialMetadata();
  auto it = metadata.find("x-request-id");
  if (it == metadata.end()) return "";
  return std::string(it->second.data(), it->second.size());
}

class CallInterceptorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    simulator::SimulatorOptions options;
    options.accounts = {simulator::testing::TestAccount()};
    sim_ = simulator::testing::StartSimulator(std::move(options));

    Config config;
    config.file.set_listen_address("127.0.0.1:0");
    config.file.set_metrics_address("127.0.0.1:0");
    config.file.mutable_upstream()->set_url(sim_->gateway_url());
    config.file.mutable_upstream()->set_client_api_url(sim_->base_url() +
                                                       "/client-api/");
    config.file.set_allow_unauthenticated(true);
    ledger_path_ = absl::StrCat(::testing::TempDir(), "interceptor-ledger.db");
    std::remove(ledger_path_.c_str());
    config.file.mutable_ledger()->set_sqlite_path(ledger_path_);
    AccountSettings account = SimulatorTestAccount("shop", kPortalKey);
    config.accounts.emplace("shop", account);
    log_file_ = std::tmpfile();
    ASSERT_NE(log_file_, nullptr);
    logger_ = std::make_unique<CallLogger>(log_file_);
    auto server = GatewayServer::Start(std::move(config), logger_.get());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->port()),
                                   grpc::InsecureChannelCredentials());
  }

  void TearDown() override {
    server_.reset();
    if (sim_) sim_->Stop();
    if (log_file_ != nullptr) std::fclose(log_file_);
  }

  // Ends every call (their lines are written by then); the metrics
  // endpoint still answers.
  std::string StopAndReadLog() {
    server_->Shutdown(absl::Seconds(5));
    server_->Wait();
    return ReadAll(log_file_);
  }

  std::string Metrics() {
    auto url = simulator::ParseUrl(
        absl::StrCat("http://127.0.0.1:", server_->metrics_port()));
    EXPECT_TRUE(url.ok());
    auto connection = simulator::HttpConnection::Connect(*url);
    EXPECT_TRUE(connection.ok()) << connection.status();
    if (!connection.ok()) return "";
    auto response = (*connection)->Send("GET", "/metrics", "");
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? response->body : "";
  }

  // The value of payone_gateway_calls_total for `method` and `code`.
  static std::string CallsCounted(const std::string& metrics,
                                  absl::string_view method,
                                  absl::string_view code) {
    for (absl::string_view line : absl::StrSplit(metrics, '\n')) {
      if (absl::StartsWith(line, "payone_gateway_calls_total{") &&
          absl::StrContains(line, absl::StrCat("method=\"", method, "\"")) &&
          absl::StrContains(line, absl::StrCat("code=\"", code, "\""))) {
        return std::string(line.substr(line.rfind(' ') + 1));
      }
    }
    return "";
  }

  std::string ledger_path_;
  std::unique_ptr<simulator::Simulator> sim_;
  std::FILE* log_file_ = nullptr;
  std::unique_ptr<CallLogger> logger_;
  std::unique_ptr<GatewayServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(CallInterceptorTest, LedgerAndClientApiCallsAreLoggedAndCounted) {
  auto ledger = payone::v1::PaymentLedger::NewStub(channel_);
  grpc::ClientContext get_ctx;
  get_ctx.AddMetadata("x-request-id", "ledger-call-1");
  payone::v1::GetPaymentRequest get;
  get.set_account("shop");
  get.set_txid("123456789");
  payone::v1::GetPaymentResponse payment;
  const grpc::Status got = ledger->GetPayment(&get_ctx, get, &payment);
  EXPECT_EQ(got.error_code(), grpc::StatusCode::NOT_FOUND)
      << got.error_message();
  EXPECT_EQ(EchoedRequestId(get_ctx), "ledger-call-1");

  // No x-request-id: the gateway makes one up and says which.
  auto client_api = payone::v1::PayoneClientApi::NewStub(channel_);
  grpc::ClientContext prepare_ctx;
  payone::v1::PrepareCreditCardCheckRequest prepare;
  prepare.set_account("shop");
  payone::v1::PrepareCreditCardCheckResponse prepared;
  const grpc::Status status =
      client_api->PrepareCreditCardCheck(&prepare_ctx, prepare, &prepared);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const std::string generated_id = EchoedRequestId(prepare_ctx);
  EXPECT_EQ(generated_id.size(), 32u);

  // The library's own services are neither logged nor counted.
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext health_ctx;
  grpc::health::v1::HealthCheckResponse serving;
  ASSERT_TRUE(
      health
          ->Check(&health_ctx, grpc::health::v1::HealthCheckRequest(), &serving)
          .ok());
  EXPECT_EQ(EchoedRequestId(health_ctx), "");

  const std::string metrics = Metrics();
  EXPECT_EQ(CallsCounted(metrics, "GetPayment", "NOT_FOUND"), "1") << metrics;
  EXPECT_EQ(CallsCounted(metrics, "PrepareCreditCardCheck", "OK"), "1")
      << metrics;
  EXPECT_THAT(metrics, Not(HasSubstr("method=\"Check\"")));

  const std::string log = StopAndReadLog();
  const std::vector<std::string> get_lines = LinesOf(log, "GetPayment");
  ASSERT_EQ(get_lines.size(), 1u) << log;
  EXPECT_THAT(get_lines[0], HasSubstr("\"request_id\":\"ledger-call-1\""));
  EXPECT_THAT(get_lines[0], HasSubstr("\"code\":\"NOT_FOUND\""));
  EXPECT_THAT(get_lines[0], HasSubstr("\"total_ms\":"));
  EXPECT_THAT(
      get_lines[0],
      ContainsRegex("^\\{\"time\":\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:"
                    "[0-9]{2}:[0-9]{2}\\+00:00\","));
  const std::vector<std::string> prepare_lines =
      LinesOf(log, "PrepareCreditCardCheck");
  ASSERT_EQ(prepare_lines.size(), 1u) << log;
  EXPECT_THAT(prepare_lines[0],
              HasSubstr(absl::StrCat("\"request_id\":\"", generated_id, "\"")));
  EXPECT_THAT(prepare_lines[0], HasSubstr("\"code\":\"OK\""));
  EXPECT_TRUE(LinesOf(log, "Check").empty()) << log;
}

// A stream is logged and counted once, when it ends.
TEST_F(CallInterceptorTest, AWatchIsLoggedOnceAtItsEnd) {
  {
    // One stored notification: the watch's first event.
    auto store = OpenSqliteTestStore(ledger_path_);
    ASSERT_TRUE(store.ok()) << store.status();
    StoredNotification stored;
    stored.account = "shop";
    stored.received_at = absl::Now();
    stored.notification.set_txid("7001");
    ASSERT_TRUE((*store)->AppendNotification(stored, "one", "body", {}).ok());
  }
  auto ledger = payone::v1::PaymentLedger::NewStub(channel_);
  grpc::ClientContext ctx;
  ctx.AddMetadata("x-request-id", "watch-1");
  payone::v1::WatchTransactionStatusRequest request;
  request.set_account("shop");
  auto stream = ledger->WatchTransactionStatus(&ctx, request);
  payone::v1::TransactionStatusEvent event;
  ASSERT_TRUE(stream->Read(&event));
  EXPECT_EQ(EchoedRequestId(ctx), "watch-1");
  EXPECT_TRUE(LinesOf(ReadAll(log_file_), "WatchTransactionStatus").empty());
  // The gateway's shutdown ends the watch (a cancelled one ends the same
  // way, at a moment this test could not wait for without sleeping).
  const std::string log = StopAndReadLog();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
  const std::vector<std::string> lines = LinesOf(log, "WatchTransactionStatus");
  ASSERT_EQ(lines.size(), 1u) << log;
  EXPECT_THAT(lines[0], HasSubstr("\"request_id\":\"watch-1\""));
  EXPECT_THAT(lines[0], HasSubstr("\"code\":\"UNAVAILABLE\""));
  EXPECT_EQ(CallsCounted(Metrics(), "WatchTransactionStatus", "UNAVAILABLE"),
            "1");
}

// The forwarder's facts reach the interceptor's line; the request's content
// never does.
TEST_F(CallInterceptorTest, APaymentLineCarriesPayoneFactsAndNoCardData) {
  auto gateway = payone::v1::PayoneGateway::NewStub(channel_);
  payone::v1::PreauthorizationRequest request;
  request.set_account("shop");
  request.set_reference("interceptor-1");
  request.set_amount(1000);
  request.set_currency("EUR");
  request.mutable_personal_data()->set_lastname("Mustermann");
  request.mutable_personal_data()->set_country("DE");
  auto* card = request.mutable_credit_card();
  card->set_cardpan(kCard);
  card->set_cardtype(payone::v1::CARD_TYPE_VISA);
  card->set_cardexpiredate("3012");
  card->set_cardcvc2("123");
  grpc::ClientContext ctx;
  ctx.AddMetadata("x-request-id", "pay-1");
  payone::v1::PreauthorizationResponse response;
  const grpc::Status status = gateway->Preauthorize(&ctx, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(EchoedRequestId(ctx), "pay-1");
  // An invalid request carrying the card: its violations are logged.
  request.mutable_credit_card()->set_cardexpiredate("13");
  grpc::ClientContext invalid_ctx;
  EXPECT_EQ(
      gateway->Preauthorize(&invalid_ctx, request, &response).error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);

  const std::string metrics = Metrics();
  EXPECT_EQ(CallsCounted(metrics, "Preauthorize", "OK"), "1") << metrics;
  EXPECT_THAT(metrics, HasSubstr("payone_gateway_upstream_requests_total{"));
  const std::string log = StopAndReadLog();
  const std::vector<std::string> lines = LinesOf(log, "Preauthorize");
  ASSERT_EQ(lines.size(), 2u) << log;
  EXPECT_THAT(lines[0], HasSubstr("\"request_id\":\"pay-1\""));
  EXPECT_THAT(lines[0], HasSubstr("\"request\":\"preauthorization\""));
  EXPECT_THAT(lines[0], HasSubstr("\"payone_status\":\"APPROVED\""));
  EXPECT_THAT(lines[0], HasSubstr("\"txid\":\""));
  EXPECT_THAT(lines[0], HasSubstr("\"upstream_ms\":"));
  EXPECT_THAT(lines[1], HasSubstr("\"code\":\"INVALID_ARGUMENT\""));
  EXPECT_THAT(log, Not(HasSubstr(kCard)));
  EXPECT_THAT(log, Not(HasSubstr("4111")));
  EXPECT_THAT(log, Not(HasSubstr(kPortalKey)));
}

}  // namespace
}  // namespace payone::service
