// The real binaries: payone_simulator (TLS) and payone_gateway with a
// configuration file, driven over gRPC; then SIGTERM. Everything the
// processes print is scanned for card data and secrets.

#include <signal.h>

#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "service/config/hex_digest.h"
#include "simulator/test_certs.h"
#include "tests/e2e/subprocess.h"

namespace payone::tests {
namespace {

using ::payone::v1::PayoneGateway;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPortalKey[] = "e2e-portal-key-9f3b";
constexpr char kToken[] = "e2e-client-token-77aa";
constexpr char kPan[] = "4111111111111111";
constexpr char kIban[] = "DE02120300000000202051";

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path) << content;
}

void ExpectNoSecrets(const std::string& output) {
  for (const std::string& secret :
       {std::string(kPan), std::string(kIban), std::string(kPortalKey),
        service::HexDigest(service::DigestAlgorithm::kSha384, kPortalKey),
        service::HexDigest(service::DigestAlgorithm::kMd5, kPortalKey),
        std::string(kToken)}) {
    EXPECT_THAT(output, Not(HasSubstr(secret)));
  }
}

bool Contains(const std::string& line, const char* text) {
  return absl::StrContains(line, text);
}

class GatewayProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto certs = simulator::GenerateTestCerts();
    ASSERT_TRUE(certs.ok()) << certs.status();
    auto files = simulator::WriteTestCerts(*certs, ::testing::TempDir());
    ASSERT_TRUE(files.ok()) << files.status();
    ca_file_ = files->ca_cert;
    auto sim = Subprocess::Start(
        {Runfile("simulator/payone_simulator"), "--port=0",
         "--tls_cert=" + files->server_cert, "--tls_key=" + files->server_key,
         absl::StrCat("--account=10000:10001:2000001:", kPortalKey, ":test")});
    ASSERT_TRUE(sim.ok()) << sim.status();
    simulator_ = *std::move(sim);
    auto line = simulator_->WaitForLine(
        [](const std::string& l) { return Contains(l, "listening on"); },
        absl::Seconds(30));
    ASSERT_TRUE(line.has_value()) << simulator_->Output();
    simulator_port_ = std::atoi(line->substr(line->find("port=") + 5).c_str());
    ASSERT_GT(simulator_port_, 0);
  }

  void TearDown() override {
    if (simulator_) {
      simulator_->Signal(SIGTERM);
      simulator_->Wait();
      ExpectNoSecrets(simulator_->Output());
    }
  }

  std::string ConfigText() const {
    return absl::Substitute(R"(listen_address: "127.0.0.1:0"
metrics_address: "127.0.0.1:0"
upstream {
  url: "https://localhost:$0/post-gateway/"
  ca_file: "$1"
}
accounts {
  name: "shop-de"
  mid: "10000"
  aid: "10001"
  portalid: "2000001"
  mode: "test"
  key_env: "E2E_PORTAL_KEY"
}
clients { name: "backend" token_env: "E2E_TOKEN" accounts: "shop-de" }
)",
                            simulator_port_, ca_file_);
  }

  std::unique_ptr<Subprocess> StartGateway(const std::string& config_path) {
    auto gateway = Subprocess::Start(
        {Runfile("service/payone_gateway"), "--config=" + config_path},
        {{"E2E_PORTAL_KEY", kPortalKey}, {"E2E_TOKEN", kToken}});
    EXPECT_TRUE(gateway.ok()) << gateway.status();
    return gateway.ok() ? *std::move(gateway) : nullptr;
  }

  std::string ca_file_;
  std::unique_ptr<Subprocess> simulator_;
  int simulator_port_ = 0;
};

TEST_F(GatewayProcessTest, ServesPaymentsAndStopsCleanlyOnSigterm) {
  const std::string config = ::testing::TempDir() + "gateway.textproto";
  WriteFile(config, ConfigText());
  std::unique_ptr<Subprocess> gateway = StartGateway(config);
  ASSERT_NE(gateway, nullptr);
  auto listening = gateway->WaitForLine(
      [](const std::string& l) {
        return Contains(l, "\"event\":\"listening\"");
      },
      absl::Seconds(30));
  ASSERT_TRUE(listening.has_value()) << gateway->Output();
  const int port = JsonInt(*listening, "port");
  const int metrics_port = JsonInt(*listening, "metrics_port");
  ASSERT_GT(port, 0);
  ASSERT_GT(metrics_port, 0);

  auto stub = PayoneGateway::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  v1::PreauthorizationRequest request;
  request.set_account("shop-de");
  request.set_reference("e2e-1");
  request.set_amount(1999);
  request.set_currency("EUR");
  request.mutable_personal_data()->set_lastname("Beispiel");
  request.mutable_personal_data()->set_country("DE");
  request.mutable_credit_card()->set_cardpan(kPan);
  request.mutable_credit_card()->set_cardtype(v1::CARD_TYPE_VISA);
  request.mutable_credit_card()->set_cardexpiredate("3012");
  request.mutable_credit_card()->set_cardcvc2("123");
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
  context.AddMetadata("x-request-id", "e2e-request-1");
  v1::PreauthorizationResponse response;
  grpc::Status status = stub->Preauthorize(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message() << gateway->Output();
  EXPECT_EQ(response.status(), v1::STATUS_APPROVED);

  v1::CaptureRequest capture;
  capture.set_account("shop-de");
  capture.set_txid(response.txid());
  capture.set_sequencenumber(1);
  capture.set_amount(1999);
  capture.set_currency("EUR");
  grpc::ClientContext capture_context;
  capture_context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
  v1::CaptureResponse captured;
  ASSERT_TRUE(stub->Capture(&capture_context, capture, &captured).ok());
  EXPECT_EQ(captured.status(), v1::STATUS_APPROVED);

  // One JSON log line per call, with the caller's request id.
  auto log = gateway->WaitForLine(
      [](const std::string& l) { return Contains(l, "e2e-request-1"); },
      absl::Seconds(10));
  ASSERT_TRUE(log.has_value());
  EXPECT_THAT(*log, HasSubstr("\"payone_status\":\"APPROVED\""));
  EXPECT_THAT(*log, HasSubstr("\"method\":\"Preauthorize\""));

  const std::string metrics = HttpGet(metrics_port, "/metrics");
  EXPECT_THAT(metrics, HasSubstr("payone_gateway_calls_total{code=\"OK\","
                                 "method=\"Capture\"} 1"));
  ExpectNoSecrets(metrics);

  gateway->Signal(SIGTERM);
  EXPECT_EQ(gateway->Wait(), 0) << gateway->Output();
  EXPECT_THAT(gateway->Output(), HasSubstr("\"event\":\"stopped\""));
  ExpectNoSecrets(gateway->Output());
}

TEST_F(GatewayProcessTest, BadConfigurationExitsNamingFileLineAndField) {
  const std::string config = ::testing::TempDir() + "bad.textproto";
  std::string text = ConfigText();
  text.replace(text.find("mid: \"10000\""), 12, "mid: \"1x\"");
  WriteFile(config, text);
  std::unique_ptr<Subprocess> gateway = StartGateway(config);
  ASSERT_NE(gateway, nullptr);
  EXPECT_EQ(gateway->Wait(), 2);
  EXPECT_THAT(gateway->Output(),
              testing::ContainsRegex(
                  "bad\\.textproto:[0-9]+:[0-9]+: accounts\\[0\\]\\.mid:"));
  ExpectNoSecrets(gateway->Output());
}

TEST(ProductionBinaryTest, NeedsAConfigurationFile) {
  auto gateway = Subprocess::Start({Runfile("service/payone_gateway")});
  ASSERT_TRUE(gateway.ok()) << gateway.status();
  EXPECT_EQ((*gateway)->Wait(), 2);
  EXPECT_THAT((*gateway)->Output(), HasSubstr("--config=FILE is required"));
}

// ./dev run: the development launcher, its simulator and dev.textproto
// (built in: no workspace under bazel test).
TEST(DevelopmentLauncherTest, RunsOnItsOwnSimulatorWithTheDemoAccount) {
  auto gateway =
      Subprocess::Start({Runfile("service/payone_gateway_dev"),
                         "--listen=127.0.0.1:0", "--metrics_address=off"});
  ASSERT_TRUE(gateway.ok()) << gateway.status();
  auto listening = (*gateway)->WaitForLine(
      [](const std::string& l) {
        return Contains(l, "\"event\":\"listening\"");
      },
      absl::Seconds(30));
  ASSERT_TRUE(listening.has_value()) << (*gateway)->Output();
  auto stub = PayoneGateway::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", JsonInt(*listening, "port")),
      grpc::InsecureChannelCredentials()));
  v1::CreditCardCheckRequest check;
  check.set_account("demo");
  check.set_cardpan(kPan);
  check.set_cardtype(v1::CARD_TYPE_VISA);
  check.set_cardexpiredate("3012");
  check.set_cardcvc2("123");
  grpc::ClientContext context;
  v1::CreditCardCheckResponse response;
  grpc::Status status = stub->CreditCardCheck(&context, check, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), v1::STATUS_VALID);
  EXPECT_FALSE(response.pseudocardpan().empty());
  EXPECT_THAT((*gateway)->Output(), HasSubstr("\"embedded_simulator\":true"));
  (*gateway)->Signal(SIGINT);
  EXPECT_EQ((*gateway)->Wait(), 0);
  ExpectNoSecrets((*gateway)->Output());
}

}  // namespace
}  // namespace payone::tests
