// Card payments without card data through the running gateway and the
// simulator: PayoneClientApi prepares the browser's creditcardcheck, the
// simulator's Client API accepts its hash and answers a pseudocardpan, the
// gateway pays with it, and an account set to PSEUDO_CARD_PAN_ONLY refuses
// card numbers before anything is sent.

#include <cstdio>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/client_api.grpc.pb.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "service/gateway/server.h"
#include "service/gateway/testing.h"
#include "simulator/simulator.h"
#include "simulator/testing.h"

namespace payone::service {
namespace {

using ::payone::v1::PayoneClientApi;
using ::payone::v1::PayoneGateway;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

constexpr char kPortalKey[] = "saq-portal-key";
constexpr char kCard[] = "4111111111111111";

// The string value of `"name":"..."` in a flat JSON object ("" if absent).
std::string JsonValue(const std::string& json, const std::string& name) {
  const std::string key = absl::StrCat("\"", name, "\":\"");
  const size_t start = json.find(key);
  if (start == std::string::npos) return "";
  const size_t end = json.find('"', start + key.size());
  return json.substr(start + key.size(), end - start - key.size());
}

class ClientApiServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    simulator::SimulatorOptions options;
    options.accounts.push_back({"10000", "10001", "2000001", kPortalKey,
                                /*test_mode=*/true, /*live_mode=*/false, ""});
    auto sim = simulator::Simulator::Start(std::move(options));
    ASSERT_TRUE(sim.ok()) << sim.status();
    sim_ = *std::move(sim);

    Config config;
    config.file.set_listen_address("127.0.0.1:0");
    config.file.set_metrics_address("off");
    config.file.mutable_upstream()->set_url(sim_->gateway_url());
    config.file.set_allow_unauthenticated(true);
    config.file.mutable_upstream()->set_client_api_url(sim_->base_url() +
                                                       "/client-api/");
    AccountSettings account = SimulatorTestAccount("shop-saq", kPortalKey);
    account.file.set_card_data(gateway::v1::PSEUDO_CARD_PAN_ONLY);
    config.accounts.emplace(account.file.name(), account);
    AccountSettings legacy = account;
    legacy.file.set_name("shop-legacy");
    legacy.file.set_legacy_md5_client_api_hash(true);
    legacy.file.set_card_data(gateway::v1::CARD_DATA_ANY);
    config.accounts.emplace(legacy.file.name(), legacy);
    log_file_ = std::tmpfile();
    logger_ = std::make_unique<CallLogger>(log_file_);
    auto server = GatewayServer::Start(std::move(config), logger_.get());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    auto channel =
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->port()),
                            grpc::InsecureChannelCredentials());
    gateway_ = PayoneGateway::NewStub(channel);
    client_api_ = PayoneClientApi::NewStub(channel);
  }

  void TearDown() override {
    server_.reset();
    std::fflush(log_file_);
    std::rewind(log_file_);
    std::string log;
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof(buffer), log_file_)) > 0) {
      log.append(buffer, n);
    }
    std::fclose(log_file_);
    EXPECT_THAT(log, Not(HasSubstr(kCard)));
    EXPECT_THAT(log, Not(HasSubstr(kPortalKey)));
  }

  v1::PrepareCreditCardCheckResponse Prepare(const std::string& account) {
    v1::PrepareCreditCardCheckRequest request;
    request.set_account(account);
    v1::PrepareCreditCardCheckResponse response;
    grpc::ClientContext context;
    grpc::Status status =
        client_api_->PrepareCreditCardCheck(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  // What the hosted iFrame sends from the customer's browser: the prepared
  // parameters plus the card.
  std::string BrowserCheck(const v1::PrepareCreditCardCheckResponse& prepared) {
    const v1::ClientApiRequest& p = prepared.request();
    simulator::testing::Fields fields = {
        {"request", p.request()},   {"responsetype", p.responsetype()},
        {"mode", p.mode()},         {"mid", p.mid()},
        {"aid", p.aid()},           {"portalid", p.portalid()},
        {"encoding", p.encoding()}, {"storecarddata", p.storecarddata()},
        {"hash", p.hash()},         {"cardpan", kCard},
        {"cardtype", "V"},          {"cardexpiredate", "3012"},
        {"cardcvc2", "123"}};
    auto answer =
        simulator::testing::HttpPostForm(prepared.client_api_url(), fields);
    EXPECT_TRUE(answer.ok()) << answer.status();
    return answer.ok() ? answer->body : "";
  }

  static v1::PreauthorizationRequest Preauthorization(
      const std::string& account, const std::string& reference) {
    v1::PreauthorizationRequest request;
    request.set_account(account);
    request.set_reference(reference);
    request.set_amount(2500);
    request.set_currency("EUR");
    request.mutable_personal_data()->set_lastname("Mustermann");
    request.mutable_personal_data()->set_country("DE");
    request.mutable_credit_card()->set_cardtype(v1::CARD_TYPE_VISA);
    request.mutable_credit_card()->set_cardexpiredate("3012");
    return request;
  }

  std::unique_ptr<simulator::Simulator> sim_;
  std::FILE* log_file_ = nullptr;
  std::unique_ptr<CallLogger> logger_;
  std::unique_ptr<GatewayServer> server_;
  std::unique_ptr<PayoneGateway::Stub> gateway_;
  std::unique_ptr<PayoneClientApi::Stub> client_api_;
};

TEST_F(ClientApiServerTest, BrowserCheckThenPaymentWithThePseudoCardPan) {
  const v1::PrepareCreditCardCheckResponse prepared = Prepare("shop-saq");
  EXPECT_EQ(prepared.request().portalid(), "2000001");
  EXPECT_EQ(prepared.hosted_iframe_script_url(),
            sim_->base_url() + "/client-api/js/v1/payone_hosted_min.js");
  const std::string answer = BrowserCheck(prepared);
  ASSERT_EQ(JsonValue(answer, "status"), "VALID") << answer;
  EXPECT_EQ(JsonValue(answer, "truncatedcardpan"), "411111XXXXXX1111");
  const std::string pseudo = JsonValue(answer, "pseudocardpan");
  ASSERT_FALSE(pseudo.empty());

  v1::PreauthorizationRequest request =
      Preauthorization("shop-saq", "saq-order-1");
  request.mutable_credit_card()->set_pseudocardpan(pseudo);
  v1::PreauthorizationResponse response;
  grpc::ClientContext context;
  grpc::Status status = gateway_->Preauthorize(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), v1::STATUS_APPROVED);
}

TEST_F(ClientApiServerTest, LegacyMd5HashIsAcceptedToo) {
  const v1::PrepareCreditCardCheckResponse prepared = Prepare("shop-legacy");
  EXPECT_EQ(prepared.request().hash().size(), 32u);
  EXPECT_EQ(JsonValue(BrowserCheck(prepared), "status"), "VALID");
  // A hash that does not fit the parameters: PAYONE's 2007.
  v1::PrepareCreditCardCheckResponse tampered = prepared;
  tampered.mutable_request()->set_aid("10002");
  EXPECT_EQ(JsonValue(BrowserCheck(tampered), "errorcode"), "2007");
}

TEST_F(ClientApiServerTest, PseudoOnlyAccountRefusesCardNumbers) {
  v1::PreauthorizationRequest request =
      Preauthorization("shop-saq", "saq-order-2");
  request.mutable_credit_card()->set_cardpan(kCard);
  request.mutable_credit_card()->set_cardcvc2("123");
  const size_t connections = sim_->connections_accepted();
  v1::PreauthorizationResponse response;
  grpc::ClientContext context;
  grpc::Status status = gateway_->Preauthorize(&context, request, &response);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad_request));
  std::vector<std::string> fields;
  for (const auto& violation : bad_request.field_violations()) {
    fields.push_back(violation.field());
    EXPECT_THAT(violation.description(), HasSubstr("PSEUDO_CARD_PAN_ONLY"));
    EXPECT_THAT(violation.description(), Not(HasSubstr(kCard)));
  }
  EXPECT_THAT(fields, UnorderedElementsAre("credit_card.cardpan",
                                           "credit_card.cardcvc2"));
  EXPECT_EQ(sim_->connections_accepted(), connections);  // nothing was sent

  // Any request type: a server-side creditcardcheck with a card too.
  v1::CreditCardCheckRequest check;
  check.set_account("shop-saq");
  check.set_cardpan(kCard);
  check.set_cardtype(v1::CARD_TYPE_VISA);
  check.set_cardexpiredate("3012");
  v1::CreditCardCheckResponse check_response;
  grpc::ClientContext check_context;
  EXPECT_EQ(gateway_->CreditCardCheck(&check_context, check, &check_response)
                .error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  // The account without the policy still takes card numbers.
  request.set_account("shop-legacy");
  grpc::ClientContext legacy_context;
  EXPECT_TRUE(gateway_->Preauthorize(&legacy_context, request, &response).ok());
  EXPECT_EQ(response.status(), v1::STATUS_APPROVED);
}

TEST_F(ClientApiServerTest, PrepareNamesTheAccountAndChecksItsRequest) {
  v1::PrepareCreditCardCheckRequest request;
  request.set_account("no-such-shop");
  v1::PrepareCreditCardCheckResponse response;
  grpc::ClientContext context;
  EXPECT_EQ(client_api_->PrepareCreditCardCheck(&context, request, &response)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  request.set_account("shop-saq");
  request.set_responsetype(v1::CLIENT_API_RESPONSE_TYPE_REDIRECT);
  grpc::ClientContext redirect_context;
  EXPECT_EQ(
      client_api_->PrepareCreditCardCheck(&redirect_context, request, &response)
          .error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace payone::service
