// The gateway in-process against the PAYONE simulator over TLS, called by a
// real gRPC client: PAYONE's documented flows, every error class, auth,
// concurrency and graceful shutdown.

#include "service/gateway/server.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "service/config/hex_digest.h"
#include "service/gateway/library_log.h"
#include "service/gateway/testing.h"
#include "simulator/http_client.h"
#include "simulator/simulator.h"
#include "simulator/test_certs.h"
#include "simulator/testing.h"

namespace payone::service {
namespace {

using ::payone::v1::PayoneGateway;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

constexpr char kPortalKey[] = "s3cr3t-portal-key";
constexpr char kToken[] = "backend-token";
constexpr char kOtherToken[] = "reporting-token";
constexpr char kVisa[] = "4111111111111111";

// Reads what the logger has written so far without touching the FILE's
// position (the logger flushes every line): safe while it writes.
std::string ReadWritten(std::FILE* file) {
  std::string content;
  char buffer[4096];
  ssize_t n;
  while ((n = pread(fileno(file), buffer, sizeof(buffer), content.size())) >
         0) {
    content.append(buffer, n);
  }
  return content;
}

class GatewayTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto certs = simulator::GenerateTestCerts();
    ASSERT_TRUE(certs.ok()) << certs.status();
    certs_ = new simulator::TestCerts(*certs);
    auto files = simulator::WriteTestCerts(*certs_, ::testing::TempDir());
    ASSERT_TRUE(files.ok()) << files.status();
    ca_file_ = new std::string(files->ca_cert);
  }

  void SetUp() override {
    simulator::SimulatorOptions options;
    options.accounts.push_back({"10000", "10001", "2000001", kPortalKey,
                                /*test_mode=*/true, /*live_mode=*/false, ""});
    options.tls_cert_pem = certs_->server_cert_pem;
    options.tls_key_pem = certs_->server_key_pem;
    auto sim = simulator::Simulator::Start(std::move(options));
    ASSERT_TRUE(sim.ok()) << sim.status();
    sim_ = *std::move(sim);
    StartGateway(sim_->gateway_url());
  }

  void TearDown() override {
    server_.reset();
    if (sim_) sim_->Stop();
    if (log_file_ != nullptr) {
      // Nothing secret ever reaches the log.
      const std::string log = ReadWritten(log_file_);
      for (const std::string& secret :
           {std::string(kVisa), std::string(kPortalKey),
            HexDigest(DigestAlgorithm::kSha384, kPortalKey),
            std::string(kToken), std::string("DE02120300000000202051")}) {
        EXPECT_THAT(log, Not(HasSubstr(secret)));
      }
      std::fclose(log_file_);
    }
  }

  Config BaseConfig(const std::string& upstream_url) {
    Config config;
    config.file.set_listen_address("127.0.0.1:0");
    config.file.set_metrics_address("off");
    config.file.mutable_upstream()->set_url(upstream_url);
    config.file.mutable_upstream()->set_ca_file(*ca_file_);
    config.file.mutable_upstream()->set_max_connections(32);
    config.accounts.emplace("shop-de",
                            SimulatorTestAccount("shop-de", kPortalKey));
    config.accounts.emplace("shop-at",
                            SimulatorTestAccount("shop-at", kPortalKey));
    ClientSettings backend;
    backend.name = "backend";
    backend.token_sha256 = HexDigest(DigestAlgorithm::kSha256, kToken);
    backend.all_accounts = true;
    config.clients.push_back(backend);
    ClientSettings reporting;
    reporting.name = "reporting";
    reporting.token_sha256 = HexDigest(DigestAlgorithm::kSha256, kOtherToken);
    reporting.accounts.insert("shop-at");
    config.clients.push_back(reporting);
    return config;
  }

  void StartGateway(const std::string& upstream_url) {
    StartGatewayWith(BaseConfig(upstream_url));
  }

  void StartGatewayWith(Config config,
                        std::shared_ptr<grpc::ChannelCredentials> credentials =
                            grpc::InsecureChannelCredentials()) {
    server_.reset();
    if (log_file_ == nullptr) log_file_ = std::tmpfile();
    logger_ = std::make_unique<CallLogger>(log_file_);
    auto server = GatewayServer::Start(std::move(config), logger_.get());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    grpc::ChannelArguments arguments;
    arguments.SetSslTargetNameOverride("localhost");
    channel_ = grpc::CreateCustomChannel(
        absl::StrCat("127.0.0.1:", server_->port()), credentials, arguments);
    stub_ = PayoneGateway::NewStub(channel_);
  }

  std::unique_ptr<grpc::ClientContext> Context(
      const char* token = kToken, absl::Duration timeout = absl::Seconds(20)) {
    auto context = std::make_unique<grpc::ClientContext>();
    if (token != nullptr) {
      context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
    }
    context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
    return context;
  }

  static v1::PreauthorizationRequest CardPreauthorization(
      const std::string& reference, int64_t amount) {
    v1::PreauthorizationRequest request;
    request.set_account("shop-de");
    request.set_reference(reference);
    request.set_amount(amount);
    request.set_currency("EUR");
    request.mutable_personal_data()->set_lastname("Mustermann");
    request.mutable_personal_data()->set_country("DE");
    auto* card = request.mutable_credit_card();
    card->set_cardpan(kVisa);
    card->set_cardtype(v1::CARD_TYPE_VISA);
    card->set_cardexpiredate("3012");
    card->set_cardcvc2("123");
    return request;
  }

  // A Preauthorize in flight on the async stub; `done` fires at its end.
  struct AsyncPreauthorize {
    grpc::ClientContext context;
    v1::PreauthorizationRequest request;
    v1::PreauthorizationResponse response;
    grpc::Status status;
    absl::Notification done;
  };
  std::unique_ptr<AsyncPreauthorize> StartPreauthorize(
      const std::string& reference, int64_t amount) {
    auto call = std::make_unique<AsyncPreauthorize>();
    call->context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
    call->request = CardPreauthorization(reference, amount);
    AsyncPreauthorize* c = call.get();
    stub_->async()->Preauthorize(&c->context, &c->request, &c->response,
                                 [c](grpc::Status status) {
                                   c->status = status;
                                   c->done.Notify();
                                 });
    return call;
  }

  v1::PreauthorizationResponse Preauthorize(const std::string& reference,
                                            int64_t amount) {
    v1::PreauthorizationResponse response;
    grpc::Status status = stub_->Preauthorize(
        Context().get(), CardPreauthorization(reference, amount), &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  static google::rpc::ErrorInfo ErrorInfoOf(const grpc::Status& status) {
    google::rpc::Status details;
    google::rpc::ErrorInfo info;
    EXPECT_TRUE(details.ParseFromString(status.error_details()));
    for (const auto& any : details.details()) {
      if (any.UnpackTo(&info)) return info;
    }
    ADD_FAILURE() << "no ErrorInfo in " << status.error_message();
    return info;
  }

  static inline simulator::TestCerts* certs_ = nullptr;
  static inline std::string* ca_file_ = nullptr;
  std::unique_ptr<simulator::Simulator> sim_;
  std::FILE* log_file_ = nullptr;
  std::unique_ptr<CallLogger> logger_;
  std::unique_ptr<GatewayServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<PayoneGateway::Stub> stub_;
};

// 000/001: preauthorize, capture part, capture the rest, refund an item.
TEST_F(GatewayTest, PreauthorizeCapturePartsAndRefund) {
  v1::PreauthorizationResponse preauth = Preauthorize("order-1001", 10000);
  ASSERT_EQ(preauth.status(), v1::STATUS_APPROVED);
  ASSERT_FALSE(preauth.txid().empty());

  v1::CaptureRequest capture;
  capture.set_account("shop-de");
  capture.set_txid(preauth.txid());
  capture.set_sequencenumber(1);
  capture.set_amount(6000);
  capture.set_currency("EUR");
  capture.set_capturemode(v1::CAPTURE_MODE_NOTCOMPLETED);
  v1::CaptureResponse captured;
  ASSERT_TRUE(stub_->Capture(Context().get(), capture, &captured).ok());
  EXPECT_EQ(captured.status(), v1::STATUS_APPROVED) << captured.errormessage();

  capture.set_sequencenumber(2);
  capture.set_amount(4000);
  capture.set_capturemode(v1::CAPTURE_MODE_COMPLETED);
  ASSERT_TRUE(stub_->Capture(Context().get(), capture, &captured).ok());
  EXPECT_EQ(captured.status(), v1::STATUS_APPROVED) << captured.errormessage();

  v1::RefundRequest refund;
  refund.set_account("shop-de");
  refund.set_txid(preauth.txid());
  refund.set_sequencenumber(3);
  refund.set_amount(-2500);
  refund.set_currency("EUR");
  auto* item = refund.add_items();
  item->set_type(v1::ITEM_TYPE_GOODS);
  item->set_id("SKU-1");
  item->set_price(2500);
  item->set_quantity(1);
  item->set_description("Mug");
  item->set_vat_rate(19);
  v1::RefundResponse refunded;
  grpc::Status status = stub_->Refund(Context().get(), refund, &refunded);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(refunded.status(), v1::STATUS_APPROVED) << refunded.errormessage();
}

TEST_F(GatewayTest, CaptureZeroCancelsTheReservation) {
  v1::PreauthorizationResponse preauth = Preauthorize("order-1002", 5000);
  ASSERT_EQ(preauth.status(), v1::STATUS_APPROVED);
  v1::CaptureRequest capture;
  capture.set_account("shop-de");
  capture.set_txid(preauth.txid());
  capture.set_sequencenumber(1);
  capture.set_amount(0);
  capture.set_currency("EUR");
  v1::CaptureResponse captured;
  ASSERT_TRUE(stub_->Capture(Context().get(), capture, &captured).ok());
  EXPECT_EQ(captured.status(), v1::STATUS_APPROVED) << captured.errormessage();
}

TEST_F(GatewayTest, PayPalRedirects) {
  v1::PreauthorizationRequest request =
      CardPreauthorization("order-1003", 2000);
  request.clear_credit_card();
  request.mutable_wallet()->set_wallettype(v1::WALLET_TYPE_PAYPAL);
  request.mutable_redirect_urls()->set_successurl("https://shop.example/ok");
  request.mutable_redirect_urls()->set_errorurl("https://shop.example/error");
  request.mutable_redirect_urls()->set_backurl("https://shop.example/back");
  v1::PreauthorizationResponse response;
  grpc::Status status =
      stub_->Preauthorize(Context().get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.status(), v1::STATUS_REDIRECT) << response.errormessage();
  ASSERT_THAT(response.redirecturl(), testing::StartsWith(sim_->base_url()));

  // The buyer approves at PayPal (the simulator's page) and comes back.
  simulator::ClientOptions browser_options;
  browser_options.ca_pem = certs_->ca_cert_pem;
  simulator::testing::Client browser(*sim_, browser_options);
  auto page =
      browser.Get(response.redirecturl().substr(sim_->base_url().size()));
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->status, 302);
  EXPECT_THAT(page->Header("location"),
              testing::StartsWith("https://shop.example/ok"));

  v1::CaptureRequest capture;
  capture.set_account("shop-de");
  capture.set_txid(response.txid());
  capture.set_sequencenumber(1);
  capture.set_amount(2000);
  capture.set_currency("EUR");
  v1::CaptureResponse captured;
  ASSERT_TRUE(stub_->Capture(Context().get(), capture, &captured).ok());
  EXPECT_EQ(captured.status(), v1::STATUS_APPROVED) << captured.errormessage();
}

TEST_F(GatewayTest, SepaMandateAndItsPdf) {
  v1::ManageMandateRequest mandate;
  mandate.set_account("shop-de");
  mandate.set_currency("EUR");
  mandate.set_iban("DE02120300000000202051");
  mandate.set_bankcountry("DE");
  mandate.set_lastname("Mustermann");
  mandate.set_country("DE");
  v1::ManageMandateResponse managed;
  grpc::Status status =
      stub_->ManageMandate(Context().get(), mandate, &managed);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(managed.status(), v1::STATUS_APPROVED) << managed.errormessage();
  ASSERT_FALSE(managed.mandate_identification().empty());

  // getfile must not carry aid (PAYONE answers 1204 if it does).
  v1::GetFileRequest file;
  file.set_account("shop-de");
  file.set_file_reference(managed.mandate_identification());
  file.set_file_type(v1::FILE_TYPE_SEPA_MANDATE);
  file.set_file_format(v1::FILE_FORMAT_PDF);
  v1::GetFileResponse pdf;
  status = stub_->GetFile(Context().get(), file, &pdf);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(pdf.status(), v1::STATUS_APPROVED) << pdf.errormessage();
  EXPECT_EQ(pdf.content().substr(0, 5), "%PDF-");
}

TEST_F(GatewayTest, PayoneErrorIsAnAnswerNotAFailure) {
  ASSERT_EQ(Preauthorize("order-dup", 1000).status(), v1::STATUS_APPROVED);
  v1::PreauthorizationResponse again = Preauthorize("order-dup", 1000);
  EXPECT_EQ(again.status(), v1::STATUS_ERROR);
  EXPECT_EQ(again.errorcode(), 911);
  EXPECT_FALSE(again.errormessage().empty());
}

TEST_F(GatewayTest, InvalidRequestListsEveryViolation) {
  v1::PreauthorizationRequest request = CardPreauthorization("bad ref!", 1000);
  request.set_currency("EURO");
  request.mutable_credit_card()->set_cardpan("4111111111111112");
  v1::PreauthorizationResponse response;
  grpc::Status status =
      stub_->Preauthorize(Context().get(), request, &response);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad_request));
  std::vector<std::string> fields;
  for (const auto& v : bad_request.field_violations()) {
    fields.push_back(v.field());
  }
  EXPECT_THAT(fields, testing::IsSupersetOf(
                          {"reference", "currency", "credit_card.cardpan"}));
  // The card number is named, never shown.
  EXPECT_THAT(status.error_message(), Not(HasSubstr("4111111111111112")));
  EXPECT_EQ(sim_->connections_accepted(), 0u);  // nothing went upstream
}

// The encoded form has a bound too: over it, INVALID_ARGUMENT and nothing
// reaches PAYONE.
TEST_F(GatewayTest, ARequestOverTheFormBoundIsRefusedBeforeSending) {
  Config config = BaseConfig(sim_->gateway_url());
  config.file.mutable_upstream()->set_max_request_bytes(4096);
  StartGatewayWith(std::move(config));
  v1::PreauthorizationRequest request = CardPreauthorization("big-1", 1000);
  for (const char* key : {"a", "b", "c"}) {
    (*request.mutable_add_paydata())[key] = std::string(2000, 'x');
  }
  v1::PreauthorizationResponse response;
  grpc::Status status =
      stub_->Preauthorize(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              HasSubstr("bytes, more than the limit of 4096"));
  EXPECT_EQ(sim_->connections_accepted(), 0u);
}

// 400 articles with overlong descriptions: the caller gets INVALID_ARGUMENT
// (not RESOURCE_EXHAUSTED from its own metadata limit), listing what fits.
TEST_F(GatewayTest, ManyViolationsStillArriveAsInvalidArgument) {
  v1::PreauthorizationRequest request = CardPreauthorization("many-1", 1000);
  for (int i = 0; i < 400; ++i) {
    v1::Article* item = request.add_items();
    item->set_type(v1::ITEM_TYPE_GOODS);
    item->set_id(absl::StrCat("A", i));
    item->set_price(1);
    item->set_quantity(1);
    item->set_description(std::string(3000, 'd'));
  }
  v1::PreauthorizationResponse response;
  grpc::Status status =
      stub_->Preauthorize(Context().get(), request, &response);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("more not listed"));
  EXPECT_EQ(sim_->connections_accepted(), 0u);
}

// Bytes that are no PreauthorizationRequest: gRPC alone would answer
// UNIMPLEMENTED with no message, before the gateway saw the call. The
// gateway answers INVALID_ARGUMENT with a message, logs and counts the call
// like any other, and protobuf's complaint joins the JSON log as a
// library_log entry.
TEST_F(GatewayTest, MalformedMessagesAreInvalidArgumentLoggedAndCounted) {
  Config config = BaseConfig(sim_->gateway_url());
  config.file.set_metrics_address("127.0.0.1:0");
  StartGatewayWith(config);
  RouteLibraryLogs(logger_.get());

  std::string valid;
  ASSERT_TRUE(
      CardPreauthorization("MALFORMED-1", 100).SerializeToString(&valid));
  // Field 8 (the reference) with invalid UTF-8.
  v1::PreauthorizationRequest with_bad_text = CardPreauthorization("x", 1);
  with_bad_text.set_reference("bad\xff\xfe");
  std::string bad_utf8;
  with_bad_text.SerializeToString(&bad_utf8);
  // A length-delimited field announcing more bytes than follow.
  const std::string truncated = valid + std::string("\x0a\x40short", 7);
  // 1,000 nested groups of an unknown field (protobuf stops at 100).
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "\xc3\x3e";  // field 1000, start group
  for (int i = 0; i < 1000; ++i) deep += "\xc4\x3e";  // field 1000, end group

  grpc::GenericStub generic(channel_);
  auto call = [&](const char* method, const std::string& bytes) {
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    grpc::Status status;
    absl::Notification done;
    auto context = Context();
    generic.UnaryCall(context.get(), method, grpc::StubOptions(), &request,
                      &response, [&](grpc::Status s) {
                        status = std::move(s);
                        done.Notify();
                      });
    done.WaitForNotification();
    return status;
  };
  for (const std::string* bytes :
       std::vector<const std::string*>{&bad_utf8, &truncated, &deep}) {
    const grpc::Status status =
        call("/payone.v1.PayoneGateway/Preauthorize", *bytes);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << status.error_message();
    EXPECT_THAT(status.error_message(),
                HasSubstr("not a valid payone.v1.PreauthorizationRequest"));
  }
  // The ledger's and the Client API's unary methods answer the same.
  for (const char* method :
       {"/payone.v1.PaymentLedger/GetPayment",
        "/payone.v1.PaymentLedger/ListTransactionStatus",
        "/payone.v1.PayoneClientApi/PrepareCreditCardCheck"}) {
    for (const std::string* bytes :
         std::vector<const std::string*>{&truncated, &deep}) {
      const grpc::Status status = call(method, *bytes);
      EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
          << method << ": " << status.error_message();
      EXPECT_THAT(status.error_message(),
                  HasSubstr("is not a valid payone.v1."))
          << method;
    }
  }
  // Over gRPC's 4 MiB limit: refused by gRPC before any of the above.
  EXPECT_EQ(
      call("/payone.v1.PayoneGateway/Preauthorize", std::string(5 << 20, 'x'))
          .error_code(),
      grpc::StatusCode::RESOURCE_EXHAUSTED);
  // The gateway still serves well-formed calls.
  EXPECT_EQ(Preauthorize("MALFORMED-2", 100).status(), v1::STATUS_APPROVED);
  RouteLibraryLogs(nullptr);

  const std::string log = ReadWritten(log_file_);
  EXPECT_THAT(log, Not(HasSubstr("[libprotobuf")));
  EXPECT_THAT(log, HasSubstr("\"event\":\"library_log\""));
  int invalid_lines = 0;
  for (absl::string_view line : absl::StrSplit(log, '\n')) {
    if (absl::StrContains(line, "\"code\":\"INVALID_ARGUMENT\"") &&
        absl::StrContains(line, "\"method\":\"Preauthorize\"")) {
      ++invalid_lines;
    }
  }
  EXPECT_EQ(invalid_lines, 3) << log;

  auto url = simulator::ParseUrl(
      absl::StrCat("http://127.0.0.1:", server_->metrics_port()));
  ASSERT_TRUE(url.ok());
  auto connection = simulator::HttpConnection::Connect(*url);
  ASSERT_TRUE(connection.ok()) << connection.status();
  auto metrics = (*connection)->Send("GET", "/metrics", "");
  ASSERT_TRUE(metrics.ok()) << metrics.status();
  bool counted = false;
  for (absl::string_view line : absl::StrSplit(metrics->body, '\n')) {
    counted =
        counted || (absl::StartsWith(line, "payone_gateway_calls_total{") &&
                    absl::StrContains(line, "code=\"INVALID_ARGUMENT\"") &&
                    absl::StrContains(line, "method=\"Preauthorize\"") &&
                    absl::EndsWith(line, "} 3"));
  }
  EXPECT_TRUE(counted) << metrics->body;
}

TEST_F(GatewayTest, AuthenticationAndAccounts) {
  v1::PreauthorizationResponse response;
  auto request = CardPreauthorization("order-auth", 1000);
  EXPECT_EQ(stub_->Preauthorize(Context(nullptr).get(), request, &response)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(stub_->Preauthorize(Context("nope").get(), request, &response)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(stub_->Preauthorize(Context(kOtherToken).get(), request, &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // An account that does not exist gets the same answer as one the client
  // may not use.
  request.set_account("shop-fr");
  EXPECT_EQ(stub_->Preauthorize(Context(kOtherToken).get(), request, &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(
      stub_->Preauthorize(Context().get(), request, &response).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
}

struct FaultCase {
  const char* fault;
  grpc::StatusCode code;
  const char* reason;
};

TEST_F(GatewayTest, UpstreamFaultsSayWhetherARetryIsSafe) {
  const FaultCase cases[] = {
      {"reset_before", grpc::StatusCode::UNKNOWN, "PAYONE_OUTCOME_UNKNOWN"},
      {"reset_after", grpc::StatusCode::UNKNOWN, "PAYONE_OUTCOME_UNKNOWN"},
      {"http500", grpc::StatusCode::UNKNOWN, "PAYONE_OUTCOME_UNKNOWN"},
      {"http503", grpc::StatusCode::UNKNOWN, "PAYONE_OUTCOME_UNKNOWN"},
      {"truncate", grpc::StatusCode::UNKNOWN, "PAYONE_OUTCOME_UNKNOWN"},
      {"garbage", grpc::StatusCode::UNKNOWN, "PAYONE_OUTCOME_UNKNOWN"},
  };
  int n = 0;
  for (const FaultCase& c : cases) {
    const std::string reference = absl::StrCat("fault-", n++);
    auto rule =
        simulator::ParseFault(absl::StrCat(c.fault, ",reference=", reference));
    ASSERT_TRUE(rule.ok()) << rule.status();
    sim_->AddFault(*rule);
    v1::PreauthorizationResponse response;
    grpc::Status status = stub_->Preauthorize(
        Context().get(), CardPreauthorization(reference, 1000), &response);
    EXPECT_EQ(status.error_code(), c.code) << c.fault;
    google::rpc::ErrorInfo info = ErrorInfoOf(status);
    EXPECT_EQ(info.reason(), c.reason) << c.fault;
    EXPECT_EQ(info.metadata().at("retry_safe"), "false") << c.fault;
  }
}

// A PAYONE newer than the model: the call succeeds on what PAYONE said, with
// the status it sent and everything else it answered.
TEST_F(GatewayTest, AnAnswerWithAStatusTheModelDoesNotKnowReachesTheCaller) {
  auto rule = simulator::ParseFault("unknown_status,reference=newer-*");
  ASSERT_TRUE(rule.ok()) << rule.status();
  sim_->AddFault(*rule);
  v1::PreauthorizationResponse response;
  grpc::Status status = stub_->Preauthorize(
      Context().get(), CardPreauthorization("newer-1", 1000), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), v1::STATUS_UNSPECIFIED);
  EXPECT_EQ(response.other_parameters().at("status"), "NEWER_THAN_THE_MODEL");
  EXPECT_FALSE(response.txid().empty());
  EXPECT_FALSE(response.userid().empty());
}

TEST_F(GatewayTest, DeadlineShorterThanPayoneIsDeadlineExceeded) {
  auto rule = simulator::ParseFault("latency=2s,reference=slow-*");
  ASSERT_TRUE(rule.ok());
  sim_->AddFault(*rule);
  v1::PreauthorizationResponse response;
  grpc::Status status =
      stub_->Preauthorize(Context(kToken, absl::Milliseconds(300)).get(),
                          CardPreauthorization("slow-1", 1000), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST_F(GatewayTest, CallerCancellationAbortsTheUpstreamRequest) {
  auto rule = simulator::ParseFault("latency=30s,reference=cancel-*");
  ASSERT_TRUE(rule.ok());
  sim_->AddFault(*rule);
  // No deadline: only the cancel ends it.
  auto call = StartPreauthorize("cancel-1", 100);
  while (sim_->connections_accepted() < 1) std::this_thread::yield();
  call->context.TryCancel();
  call->done.WaitForNotification();
  EXPECT_EQ(call->status.error_code(), grpc::StatusCode::CANCELLED);
  // The gateway ends the call (and logs it) when the caller cancels, not
  // when PAYONE would have answered 30 s later.
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  std::string log;
  while (absl::Now() < give_up &&
         (log = ReadWritten(log_file_)).find("\"code\":\"CANCELLED\"") ==
             std::string::npos) {
    std::this_thread::yield();
  }
  EXPECT_THAT(log, HasSubstr("\"code\":\"CANCELLED\""));
}

TEST_F(GatewayTest, UnreachableUpstreamIsUnavailableAndNotSent) {
  int free_port = 0;
  {
    // A port nobody listens on: taken, then given back.
    auto closed = simulator::Simulator::Start(simulator::SimulatorOptions());
    ASSERT_TRUE(closed.ok());
    free_port = (*closed)->port();
  }
  StartGateway(absl::StrCat("https://127.0.0.1:", free_port, "/post-gateway/"));
  v1::PreauthorizationResponse response;
  grpc::Status status = stub_->Preauthorize(
      Context().get(), CardPreauthorization("order-down", 1000), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  google::rpc::ErrorInfo info = ErrorInfoOf(status);
  EXPECT_EQ(info.reason(), "PAYONE_NOT_SENT");
  EXPECT_EQ(info.metadata().at("retry_safe"), "true");
}

TEST_F(GatewayTest, UntrustedUpstreamCertificateIsRefused) {
  // A second, unrelated CA: the simulator's certificate must not verify.
  auto other = simulator::GenerateTestCerts();
  ASSERT_TRUE(other.ok());
  const std::string dir = absl::StrCat(::testing::TempDir(), "other");
  std::system(absl::StrCat("mkdir -p ", dir).c_str());
  auto files = simulator::WriteTestCerts(*other, dir);
  ASSERT_TRUE(files.ok());
  std::string* saved = ca_file_;
  ca_file_ = new std::string(files->ca_cert);
  StartGateway(sim_->gateway_url());
  delete ca_file_;
  ca_file_ = saved;
  v1::PreauthorizationResponse response;
  grpc::Status status = stub_->Preauthorize(
      Context().get(), CardPreauthorization("order-mitm", 1000), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
  EXPECT_EQ(ErrorInfoOf(status).reason(), "PAYONE_NOT_SENT");
}

TEST_F(GatewayTest, HundredsOfConcurrentCallsGetTheirOwnAnswers) {
  constexpr int kCalls = 300;
  // Even calls are new references (APPROVED); odd ones repeat a reference
  // used before (ERROR 911), so a mixed-up answer shows.
  for (int i = 1; i < kCalls; i += 2) {
    ASSERT_EQ(Preauthorize(absl::StrCat("dup-", i), 100).status(),
              v1::STATUS_APPROVED);
  }
  std::vector<std::unique_ptr<AsyncPreauthorize>> calls;
  for (int i = 0; i < kCalls; ++i) {
    calls.push_back(StartPreauthorize(
        i % 2 == 0 ? absl::StrCat("new-", i) : absl::StrCat("dup-", i),
        100 + i));
  }
  std::vector<std::string> txids;
  for (int i = 0; i < kCalls; ++i) {
    calls[i]->done.WaitForNotification();
    ASSERT_TRUE(calls[i]->status.ok()) << calls[i]->status.error_message();
    if (i % 2 == 0) {
      EXPECT_EQ(calls[i]->response.status(), v1::STATUS_APPROVED) << i;
      txids.push_back(calls[i]->response.txid());
    } else {
      EXPECT_EQ(calls[i]->response.errorcode(), 911) << i;
    }
  }
  std::sort(txids.begin(), txids.end());
  EXPECT_EQ(std::unique(txids.begin(), txids.end()), txids.end());
}

TEST_F(GatewayTest, ShutdownFinishesCallsInFlight) {
  auto rule = simulator::ParseFault("latency=300ms,reference=drain-*");
  ASSERT_TRUE(rule.ok());
  sim_->AddFault(*rule);
  constexpr int kCalls = 5;
  std::vector<std::unique_ptr<AsyncPreauthorize>> calls;
  for (int i = 0; i < kCalls; ++i) {
    calls.push_back(StartPreauthorize(absl::StrCat("drain-", i), 100));
  }
  // Every call has reached PAYONE before the drain starts.
  while (sim_->connections_accepted() < static_cast<size_t>(kCalls)) {
    std::this_thread::yield();
  }
  server_->Shutdown(absl::Seconds(10));
  for (auto& call : calls) {
    call->done.WaitForNotification();
    EXPECT_TRUE(call->status.ok()) << call->status.error_message();
    EXPECT_EQ(call->response.status(), v1::STATUS_APPROVED);
  }
  server_->Wait();
  v1::PreauthorizationResponse late;
  EXPECT_FALSE(stub_
                   ->Preauthorize(Context().get(),
                                  CardPreauthorization("after", 100), &late)
                   .ok());
}

TEST_F(GatewayTest, ServesGrpcOverTlsAndCanRequireClientCertificates) {
  Config config = BaseConfig(sim_->gateway_url());
  const std::string dir = ::testing::TempDir();  // ends in '/'
  config.file.mutable_tls()->set_cert_file(dir + "server.pem");
  config.file.mutable_tls()->set_key_file(dir + "server.key");
  grpc::SslCredentialsOptions trust;
  trust.pem_root_certs = certs_->ca_cert_pem;
  StartGatewayWith(config, grpc::SslCredentials(trust));
  v1::PreauthorizationResponse response;
  grpc::Status status = stub_->Preauthorize(
      Context().get(), CardPreauthorization("order-tls", 1000), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), v1::STATUS_APPROVED);

  // mTLS: a client without a certificate does not get in.
  config.file.mutable_tls()->set_client_ca_file(*ca_file_);
  config.file.mutable_tls()->set_require_client_cert(true);
  StartGatewayWith(config, grpc::SslCredentials(trust));
  status = stub_->Preauthorize(
      Context().get(), CardPreauthorization("order-mtls", 1000), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(GatewayTest, HealthTurnsNotServingWhenDraining) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  auto watch = health->Watch(&context, request);
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  // Shutdown blocks while calls (this watch) are open.
  std::thread drain([this] { server_->Shutdown(absl::Seconds(10)); });
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(),
            grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  context.TryCancel();
  drain.join();
  server_->Wait();
}

}  // namespace
}  // namespace payone::service
