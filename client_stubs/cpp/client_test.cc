// The four client scenarios through the C++ stubs
// (//client_stubs/cpp:payone_client) against the gateway binary, started here
// on its embedded simulator with 2 s of latency for references slow-*
// ($PAYONE_GATEWAY_ADDRESS overrides).
#include <fcntl.h>
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "payone/v1/gateway.grpc.pb.h"

namespace v1 = payone::v1;
namespace {

// The gateway process: its stderr is read until the "listening" line, then
// drained by a thread.
class Gateway {
 public:
  Gateway() {
    if (const char* given = std::getenv("PAYONE_GATEWAY_ADDRESS");
        given && *given) {
      address_ = given;
      return;
    }
    const char* srcdir = std::getenv("TEST_SRCDIR");
    const char* workspace = std::getenv("TEST_WORKSPACE");
    const std::string binary = std::string(srcdir ? srcdir : ".") + "/" +
                               (workspace ? workspace : "payone_gateway") +
                               "/service/payone_gateway";
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDERR_FILENO);
      close(fds[0]);
      close(fds[1]);
      execl(binary.c_str(), binary.c_str(), "--listen=127.0.0.1:0",
            "--metrics_address=off",
            "--simulator_faults=latency=2s,reference=slow-*",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    stderr_ = fdopen(fds[0], "r");
    char line[4096];
    while (address_.empty() && fgets(line, sizeof line, stderr_) != nullptr) {
      const std::string text = line;
      const std::string key = "\"event\":\"listening\",\"port\":";
      if (auto at = text.find(key); at != std::string::npos) {
        address_ = "127.0.0.1:" +
                   std::to_string(std::atoi(text.c_str() + at + key.size()));
      }
    }
    drain_ = std::thread([this] {
      char rest[4096];
      while (fgets(rest, sizeof rest, stderr_) != nullptr) {
      }
    });
  }
  ~Gateway() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    if (drain_.joinable()) drain_.join();
    if (stderr_ != nullptr) fclose(stderr_);
  }
  const std::string& address() const { return address_; }

 private:
  pid_t pid_ = -1;
  FILE* stderr_ = nullptr;
  std::thread drain_;
  std::string address_;
};

class ClientTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    gateway_ = new Gateway();
    stub_ = v1::PayoneGateway::NewStub(
                grpc::CreateChannel(gateway_->address(),
                                    grpc::InsecureChannelCredentials()))
                .release();
  }
  static void TearDownTestSuite() {
    delete stub_;
    delete gateway_;
  }

  static std::unique_ptr<grpc::ClientContext> Within(
      std::chrono::milliseconds timeout) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + timeout);
    return context;
  }
  static std::string Unique(const std::string& prefix) {
    static std::mt19937_64 random(std::random_device{}());
    return prefix + std::to_string(random() % 100000000000000ULL);
  }
  static v1::PreauthorizationRequest CardPreauthorization(
      const std::string& reference) {
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

  static Gateway* gateway_;
  static v1::PayoneGateway::Stub* stub_;
};
Gateway* ClientTest::gateway_ = nullptr;
v1::PayoneGateway::Stub* ClientTest::stub_ = nullptr;

constexpr std::chrono::milliseconds kLong(20000);

TEST_F(ClientTest, PreauthorizeCaptureTwiceRefundOneItem) {
  ASSERT_FALSE(gateway_->address().empty()) << "the gateway did not start";
  v1::PreauthorizationResponse pre;
  ASSERT_TRUE(stub_
                  ->Preauthorize(Within(kLong).get(),
                                 CardPreauthorization(Unique("cc-")), &pre)
                  .ok());
  ASSERT_EQ(pre.status(), v1::STATUS_APPROVED) << pre.DebugString();
  ASSERT_FALSE(pre.txid().empty());

  struct Part {
    int sequencenumber;
    int64_t amount;
    v1::CaptureMode mode;
  };
  for (const Part& part : {Part{1, 6000, v1::CAPTURE_MODE_NOTCOMPLETED},
                           Part{2, 4000, v1::CAPTURE_MODE_COMPLETED}}) {
    v1::CaptureRequest capture;
    capture.set_account("demo");
    capture.set_txid(pre.txid());
    capture.set_sequencenumber(part.sequencenumber);
    capture.set_amount(part.amount);
    capture.set_currency("EUR");
    capture.set_capturemode(part.mode);
    v1::CaptureResponse captured;
    ASSERT_TRUE(stub_->Capture(Within(kLong).get(), capture, &captured).ok());
    EXPECT_EQ(captured.status(), v1::STATUS_APPROVED) << captured.DebugString();
  }

  v1::RefundRequest refund;
  refund.set_account("demo");
  refund.set_txid(pre.txid());
  refund.set_sequencenumber(3);
  refund.set_amount(-2500);
  refund.set_currency("EUR");
  v1::Article* item = refund.add_items();
  item->set_type(v1::ITEM_TYPE_GOODS);
  item->set_id("SKU-1");
  item->set_price(2500);
  item->set_quantity(1);
  item->set_description("Mug");
  item->set_vat_rate(19);
  v1::RefundResponse refunded;
  ASSERT_TRUE(stub_->Refund(Within(kLong).get(), refund, &refunded).ok());
  EXPECT_EQ(refunded.status(), v1::STATUS_APPROVED) << refunded.DebugString();
}

TEST_F(ClientTest, SepaDirectDebitWithMandate) {
  const std::string iban = "DE02120300000000202051";
  v1::ManageMandateRequest mandate_request;
  mandate_request.set_account("demo");
  mandate_request.set_currency("EUR");
  mandate_request.set_iban(iban);
  mandate_request.set_lastname("Mustermann");
  mandate_request.set_country("DE");
  v1::ManageMandateResponse mandate;
  ASSERT_TRUE(
      stub_->ManageMandate(Within(kLong).get(), mandate_request, &mandate)
          .ok());
  ASSERT_EQ(mandate.status(), v1::STATUS_APPROVED) << mandate.DebugString();
  ASSERT_FALSE(mandate.mandate_identification().empty());

  v1::AuthorizationRequest request;
  request.set_account("demo");
  request.set_reference(Unique("cc-"));
  request.set_amount(1999);
  request.set_currency("EUR");
  request.mutable_personal_data()->set_lastname("Mustermann");
  request.mutable_personal_data()->set_country("DE");
  request.mutable_sepa_direct_debit()->set_iban(iban);
  request.mutable_sepa_direct_debit()->set_mandate_identification(
      mandate.mandate_identification());
  v1::AuthorizationResponse authorization;
  ASSERT_TRUE(
      stub_->Authorize(Within(kLong).get(), request, &authorization).ok());
  EXPECT_EQ(authorization.status(), v1::STATUS_APPROVED)
      << authorization.DebugString();
  EXPECT_FALSE(authorization.txid().empty());
  EXPECT_EQ(authorization.mandate_identification(),
            mandate.mandate_identification());
}

TEST_F(ClientTest, ThreeInvalidFieldsComeBackAsBadRequest) {
  v1::PreauthorizationRequest request = CardPreauthorization("bad ref!");
  request.set_currency("EURO");
  request.mutable_credit_card()->set_cardpan("4111111111111112");
  v1::PreauthorizationResponse response;
  grpc::Status status =
      stub_->Preauthorize(Within(kLong).get(), request, &response);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  std::set<std::string> fields;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad_request;
    if (!any.UnpackTo(&bad_request)) continue;
    for (const auto& violation : bad_request.field_violations())
      fields.insert(violation.field());
  }
  for (const char* field : {"reference", "currency", "credit_card.cardpan"}) {
    EXPECT_EQ(fields.count(field), 1u) << field;
  }
}

TEST_F(ClientTest, DeadlineShorterThanLatency) {
  const auto started = std::chrono::steady_clock::now();
  v1::PreauthorizationResponse response;
  grpc::Status status =
      stub_->Preauthorize(Within(std::chrono::milliseconds(300)).get(),
                          CardPreauthorization(Unique("slow-")), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(std::chrono::steady_clock::now() - started,
            std::chrono::milliseconds(1500));
}

}  // namespace
