// SIGHUP on the real gateway process: the file rewritten with a new account
// and a rotated client token takes effect for new calls at once, a call in
// flight across the reload finishes with the configuration it started with,
// a bad file is refused with its file:line:column and changes nothing, and a
// setting that cannot change live is reported and kept.

#include <signal.h>

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "service/config/hex_digest.h"
#include "simulator/simulator.h"
#include "tests/e2e/subprocess.h"

namespace payone::tests {
namespace {

using ::payone::v1::PayoneGateway;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kKeyDe[] = "reload-portal-key-de-4c1d";
constexpr char kKeyAt[] = "reload-portal-key-at-93e2";
constexpr char kOldToken[] = "reload-token-old-18ab";
constexpr char kNewToken[] = "reload-token-new-7f30";

// The first log line of `event` ({"event":"<event>",...}).
std::optional<std::string> WaitForEvent(Subprocess& gateway,
                                        const std::string& event) {
  const std::string needle = absl::StrCat("\"event\":\"", event, "\"");
  return gateway.WaitForLine(
      [&](const std::string& l) { return absl::StrContains(l, needle); },
      absl::Seconds(30));
}

std::string Sha256(const char* token) {
  return service::HexDigest(service::DigestAlgorithm::kSha256, token);
}

class ConfigReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    simulator::SimulatorOptions options;
    options.accounts.push_back({"10000", "10001", "2000001", kKeyDe,
                                /*test_mode=*/true, /*live_mode=*/false, ""});
    options.accounts.push_back({"10000", "10002", "2000002", kKeyAt,
                                /*test_mode=*/true, /*live_mode=*/false, ""});
    // slow-* stays in flight long enough to span a reload.
    auto faults = simulator::ParseFaults("latency=2s,reference=slow-*");
    ASSERT_TRUE(faults.ok()) << faults.status();
    options.faults = *std::move(faults);
    options.request_log = [this](const std::string& line) {
      if (absl::StrContains(line, "reference=slow-1")) slow_arrived_.Notify();
    };
    auto sim = simulator::Simulator::Start(std::move(options));
    ASSERT_TRUE(sim.ok()) << sim.status();
    sim_ = *std::move(sim);
    config_ = ::testing::TempDir() + "reload.textproto";
  }

  void TearDown() override {
    if (sim_) sim_->Stop();
  }

  // One account and the old token; with `rotated`, a second account and
  // the new token instead, and a listen address that needs a restart.
  std::string ConfigText(bool rotated) const {
    std::string text = absl::Substitute(
        R"(listen_address: "$0"
metrics_address: "off"
upstream { url: "$1" }
accounts {
  name: "shop-de" mid: "10000" aid: "10001" portalid: "2000001"
  mode: "test" key_env: "RELOAD_KEY_DE"
}
clients { name: "backend" token_sha256: "$2" accounts: "*" }
)",
        rotated ? "127.0.0.1:1" : "127.0.0.1:0", sim_->gateway_url(),
        Sha256(rotated ? kNewToken : kOldToken));
    if (rotated) {
      text += R"(accounts {
  name: "shop-at" mid: "10000" aid: "10002" portalid: "2000002"
  mode: "test" key_env: "RELOAD_KEY_AT"
}
)";
    }
    return text;
  }

  void WriteConfig(const std::string& text) { std::ofstream(config_) << text; }

  grpc::Status Preauthorize(const std::string& account, const char* token,
                            const std::string& reference,
                            v1::PreauthorizationResponse* response) {
    v1::PreauthorizationRequest request;
    request.set_account(account);
    request.set_reference(reference);
    request.set_amount(1000);
    request.set_currency("EUR");
    request.mutable_personal_data()->set_lastname("Beispiel");
    request.mutable_personal_data()->set_country("DE");
    request.mutable_credit_card()->set_pseudocardpan("4100000227987220");
    request.mutable_credit_card()->set_cardtype(v1::CARD_TYPE_VISA);
    request.mutable_credit_card()->set_cardexpiredate("3012");
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("Bearer ", token));
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    return stub_->Preauthorize(&context, request, response);
  }

  std::unique_ptr<simulator::Simulator> sim_;
  absl::Notification slow_arrived_;
  std::string config_;
  std::unique_ptr<PayoneGateway::Stub> stub_;
};

TEST_F(ConfigReloadTest, SighupSwapsAccountsAndClientsWithoutDroppingCalls) {
  WriteConfig(ConfigText(/*rotated=*/false));
  auto started = Subprocess::Start(
      {Runfile("service/payone_gateway"), "--config=" + config_},
      {{"RELOAD_KEY_DE", kKeyDe}, {"RELOAD_KEY_AT", kKeyAt}});
  ASSERT_TRUE(started.ok()) << started.status();
  std::unique_ptr<Subprocess> gateway = *std::move(started);
  auto listening = WaitForEvent(*gateway, "listening");
  ASSERT_TRUE(listening.has_value()) << gateway->Output();
  stub_ = PayoneGateway::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", JsonInt(*listening, "port")),
      grpc::InsecureChannelCredentials()));

  v1::PreauthorizationResponse answer;
  grpc::Status status = Preauthorize("shop-de", kOldToken, "before", &answer);
  ASSERT_TRUE(status.ok()) << status.error_message() << gateway->Output();
  EXPECT_EQ(
      Preauthorize("shop-at", kOldToken, "before-at", &answer).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);

  // A call admitted with the old token, still waiting for PAYONE while the
  // file changes.
  grpc::Status slow_status;
  v1::PreauthorizationResponse slow_answer;
  std::thread slow([&] {
    slow_status = Preauthorize("shop-de", kOldToken, "slow-1", &slow_answer);
  });
  ASSERT_TRUE(slow_arrived_.WaitForNotificationWithTimeout(absl::Seconds(30)))
      << gateway->Output();

  WriteConfig(ConfigText(/*rotated=*/true));
  gateway->Signal(SIGHUP);
  auto reloaded = WaitForEvent(*gateway, "config_reloaded");
  ASSERT_TRUE(reloaded.has_value()) << gateway->Output();
  EXPECT_THAT(*reloaded, HasSubstr("\"needs_restart\":[\"listen_address\"]"));
  EXPECT_THAT(*reloaded, HasSubstr("needs a restart"));

  // New calls: the new account and token; the old token is refused.
  status = Preauthorize("shop-at", kNewToken, "after-at", &answer);
  ASSERT_TRUE(status.ok()) << status.error_message() << gateway->Output();
  EXPECT_EQ(answer.status(), v1::STATUS_APPROVED);
  EXPECT_EQ(
      Preauthorize("shop-de", kOldToken, "after-old", &answer).error_code(),
      grpc::StatusCode::UNAUTHENTICATED);

  // The call in flight finished with the configuration it started with.
  slow.join();
  ASSERT_TRUE(slow_status.ok()) << slow_status.error_message();
  EXPECT_EQ(slow_answer.status(), v1::STATUS_APPROVED);

  // A bad file: refused with file:line:column, the configuration in force
  // stays.
  WriteConfig(absl::StrCat(ConfigText(/*rotated=*/true),
                           "accounts { name: \"x\" mdi: \"1\" }\n"));
  gateway->Signal(SIGHUP);
  auto refused = WaitForEvent(*gateway, "config_reload_refused");
  ASSERT_TRUE(refused.has_value()) << gateway->Output();
  EXPECT_THAT(*refused, ContainsRegex("reload\\.textproto:[0-9]+:[0-9]+: "));
  status = Preauthorize("shop-at", kNewToken, "after-bad", &answer);
  EXPECT_TRUE(status.ok()) << status.error_message();

  gateway->Signal(SIGTERM);
  EXPECT_EQ(gateway->Wait(), 0) << gateway->Output();
  const std::string output = gateway->Output();
  for (const char* secret : {kKeyDe, kKeyAt, kOldToken, kNewToken}) {
    EXPECT_THAT(output, Not(HasSubstr(secret)));
  }
}

}  // namespace
}  // namespace payone::tests
