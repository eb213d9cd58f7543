// The conformance matrix: every RPC and every payment method of the model
// through the whole path. A real gRPC client calls the gateway (validation,
// codec, ledger), which sends the request to the PAYONE simulator and
// decodes its answer; the simulator's TransactionStatus notifications go to
// the gateway's receiver, and the ledger's view is checked at the end of each
// payment. Each test registers what it covers; MatrixTest fails when the
// model has an RPC or payment method without a test, or when
// docs/conformance-matrix.md is not the table generated from this file.

#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "payone/v1/ledger.grpc.pb.h"
#include "payone/v1/options.pb.h"
#include "service/config/config.h"
#include "service/gateway/call_log.h"
#include "service/gateway/server.h"
#include "service/gateway/testing.h"
#include "simulator/simulator.h"
#include "simulator/testing.h"
#include "tests/conformance/matrix.h"

namespace payone::tests::conformance {
namespace {

using ::google::protobuf::util::TimeUtil;
using ::payone::service::Config;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

constexpr char kAccount[] = "shop";
constexpr char kPortalKey[] = "conformance-portal-key";
constexpr char kVisa[] = "4111111111111111";
// 3-D Secure challenge card of the simulator: REDIRECT, completing approves.
constexpr char kThreeDSVisa[] = "4012001037141112";
// PAYONE's test IBANs with a valid checksum: mandate pending (managemandate
// answers mandate_text) and active.
constexpr char kPendingIban[] = "DE85123456782599100003";
constexpr char kActiveIban[] = "DE58123456782599100004";
constexpr char kSuccessUrl[] = "https://shop.example/ok";

// The gateway with SQLite ledger and notification receiver, in front of one
// simulator, shared by every test of the binary (references are unique).
class GatewayUnderTest {
 public:
  GatewayUnderTest() {
    simulator::SimulatorOptions options;
    options.accounts.push_back({"10000", "10001", "2000001", kPortalKey,
                                /*test_mode=*/true, /*live_mode=*/false, ""});
    auto sim = simulator::Simulator::Start(std::move(options));
    if (!sim.ok()) Abort(sim.status().ToString());
    sim_ = *std::move(sim);

    Config config;
    config.file.set_listen_address("127.0.0.1:0");
    config.file.set_metrics_address("off");
    config.file.mutable_upstream()->set_url(sim_->gateway_url());
    config.file.set_allow_unauthenticated(true);
    config.file.mutable_ledger()->set_sqlite_path(
        absl::StrCat(::testing::TempDir(), "conformance.db"));
    config.file.mutable_notifications()->set_listen_address("127.0.0.1:0");
    config.file.mutable_notifications()->add_allowed_sources("127.0.0.1/32");
    *config.file.mutable_ledger()->mutable_watch_poll_interval() =
        TimeUtil::MillisecondsToDuration(20);
    config.accounts.emplace(
        kAccount, service::SimulatorTestAccount(kAccount, kPortalKey));
    auto server = service::GatewayServer::Start(std::move(config), &logger_);
    if (!server.ok()) Abort(server.status().ToString());
    server_ = *std::move(server);
    sim_->SetNotifyUrl(
        absl::StrCat("http://127.0.0.1:", server_->notifications_port(),
                     "/payone/transaction-status"));
    auto channel =
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->port()),
                            grpc::InsecureChannelCredentials());
    gateway_ = v1::PayoneGateway::NewStub(channel);
    ledger_ = v1::PaymentLedger::NewStub(channel);
  }

  ~GatewayUnderTest() {
    server_.reset();
    sim_->Stop();
  }

  simulator::Simulator& sim() { return *sim_; }
  v1::PayoneGateway::Stub& gateway() { return *gateway_; }
  v1::PaymentLedger::Stub& ledger() { return *ledger_; }

 private:
  [[noreturn]] static void Abort(const std::string& why) {
    ADD_FAILURE() << why;
    std::abort();
  }

  std::unique_ptr<simulator::Simulator> sim_;
  service::CallLogger logger_{nullptr};
  std::unique_ptr<service::GatewayServer> server_;
  std::unique_ptr<v1::PayoneGateway::Stub> gateway_;
  std::unique_ptr<v1::PaymentLedger::Stub> ledger_;
};

// Started by the first test that needs it; stopped after the last test, so
// that no server thread outlives the test binary's main.
std::unique_ptr<GatewayUnderTest>& EnvSlot() {
  static auto* slot = new std::unique_ptr<GatewayUnderTest>();
  return *slot;
}

GatewayUnderTest& Env() {
  if (EnvSlot() == nullptr) EnvSlot() = std::make_unique<GatewayUnderTest>();
  return *EnvSlot();
}

class StopEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { EnvSlot().reset(); }
};
::testing::Environment* const kStopEnvironment =
    ::testing::AddGlobalTestEnvironment(new StopEnvironment());

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  return context;
}

// Calls `rpc` on the gateway and expects the call itself to succeed (PAYONE
// answered, whatever it said).
template <typename Request, typename Response>
Response Call(grpc::Status (v1::PayoneGateway::Stub::*rpc)(grpc::ClientContext*,
                                                           const Request&,
                                                           Response*),
              const Request& request) {
  Response response;
  grpc::Status status =
      (Env().gateway().*rpc)(Context().get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_code() << " "
                           << status.error_message();
  return response;
}

std::string NewReference() {
  static int counter = 0;
  return absl::StrCat("conf-", ++counter);
}

// What every (pre)authorization carries.
template <typename Request>
Request PaymentOf(int64_t amount) {
  Request request;
  request.set_account(kAccount);
  request.set_reference(NewReference());
  request.set_amount(amount);
  request.set_currency("EUR");
  request.mutable_personal_data()->set_firstname("Erika");
  request.mutable_personal_data()->set_lastname("Mustermann");
  request.mutable_personal_data()->set_country("DE");
  auto* urls = request.mutable_redirect_urls();
  urls->set_successurl(kSuccessUrl);
  urls->set_errorurl("https://shop.example/error");
  urls->set_backurl("https://shop.example/back");
  return request;
}

// Person, address and one article: what the PAYONE Secured methods need.
template <typename Request>
void AddSecuredCustomer(Request* request) {
  auto* person = request->mutable_personal_data();
  person->set_street("Teststr. 1");
  person->set_zip("10115");
  person->set_city("Berlin");
  person->set_email("erika@example.com");
  person->set_telephonenumber("49304658976");
  person->set_birthday("20000101");
  request->set_businessrelation(v1::BUSINESS_RELATION_B2C);
  auto* item = request->add_items();
  item->set_type(v1::ITEM_TYPE_GOODS);
  item->set_id("5013210425384");
  item->set_price(request->amount());
  item->set_quantity(1);
  item->set_description("Mug");
  item->set_vat_rate(19);
}

// The buyer follows `redirecturl` on the simulator and comes back to the
// shop's success URL.
void CompleteRedirect(const std::string& redirecturl) {
  ASSERT_THAT(redirecturl, StartsWith(Env().sim().base_url()));
  simulator::testing::Client browser(Env().sim());
  auto page = browser.Get(redirecturl.substr(Env().sim().base_url().size()));
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->status, 302);
  EXPECT_THAT(page->Header("location"), StartsWith(kSuccessUrl));
}

// Blocks until the ledger holds a `txaction` notification of `txid` (the
// simulator posts it to the gateway's receiver); false after 20 s.
bool AwaitNotification(const std::string& txid, v1::TransactionAction action) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  v1::WatchTransactionStatusRequest watch;
  watch.set_account(kAccount);
  watch.set_txid(txid);
  auto stream = Env().ledger().WatchTransactionStatus(&context, watch);
  v1::TransactionStatusEvent event;
  while (stream->Read(&event)) {
    if (event.notification().txaction() == action) {
      context.TryCancel();
      return true;
    }
  }
  return false;
}

v1::GetPaymentResponse Payment(const std::string& txid) {
  v1::GetPaymentRequest request;
  request.set_account(kAccount);
  request.set_txid(txid);
  v1::GetPaymentResponse response;
  grpc::Status status =
      Env().ledger().GetPayment(Context().get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response;
}

v1::CaptureResponse CaptureAll(const std::string& txid, int64_t amount) {
  v1::CaptureRequest capture;
  capture.set_account(kAccount);
  capture.set_txid(txid);
  capture.set_amount(amount);
  capture.set_currency("EUR");
  capture.set_capturemode(v1::CAPTURE_MODE_COMPLETED);
  return Call(&v1::PayoneGateway::Stub::Capture, capture);
}

// The whole life of a preauthorization: reserve (following the redirect
// when PAYONE answers one), capture everything, and the ledger agrees with
// PAYONE's notifications. Returns the answer to the preauthorization.
v1::PreauthorizationResponse ReserveAndCapture(
    const v1::PreauthorizationRequest& request) {
  v1::PreauthorizationResponse reserved =
      Call(&v1::PayoneGateway::Stub::Preauthorize, request);
  EXPECT_THAT(reserved.status(),
              ::testing::AnyOf(v1::STATUS_APPROVED, v1::STATUS_REDIRECT))
      << reserved.errorcode() << " " << reserved.errormessage();
  if (reserved.status() == v1::STATUS_REDIRECT) {
    CompleteRedirect(reserved.redirecturl());
  }
  if (::testing::Test::HasFailure()) return reserved;
  EXPECT_FALSE(reserved.txid().empty());
  EXPECT_TRUE(
      AwaitNotification(reserved.txid(), v1::TRANSACTION_ACTION_APPOINTED));

  v1::CaptureResponse captured = CaptureAll(reserved.txid(), request.amount());
  EXPECT_EQ(captured.status(), v1::STATUS_APPROVED) << captured.errormessage();
  EXPECT_TRUE(
      AwaitNotification(reserved.txid(), v1::TRANSACTION_ACTION_CAPTURE));
  const v1::GetPaymentResponse payment = Payment(reserved.txid());
  EXPECT_EQ(payment.reference(), request.reference());
  EXPECT_EQ(payment.reserved_amount(), request.amount());
  EXPECT_EQ(payment.captured_amount(), request.amount());
  EXPECT_TRUE(payment.capture_completed());
  EXPECT_EQ(payment.last_sequencenumber(), 1);
  return reserved;
}

// An authorization books at once: APPROVED (or REDIRECT, completed), and
// the ledger holds the amount as captured.
v1::AuthorizationResponse AuthorizeAndBook(
    const v1::AuthorizationRequest& request) {
  v1::AuthorizationResponse booked =
      Call(&v1::PayoneGateway::Stub::Authorize, request);
  EXPECT_THAT(booked.status(),
              ::testing::AnyOf(v1::STATUS_APPROVED, v1::STATUS_REDIRECT))
      << booked.errorcode() << " " << booked.errormessage();
  if (booked.status() == v1::STATUS_REDIRECT) {
    CompleteRedirect(booked.redirecturl());
  }
  if (::testing::Test::HasFailure()) return booked;
  EXPECT_TRUE(
      AwaitNotification(booked.txid(), v1::TRANSACTION_ACTION_APPOINTED));
  const v1::GetPaymentResponse payment = Payment(booked.txid());
  EXPECT_EQ(payment.reference(), request.reference());
  EXPECT_EQ(payment.captured_amount(), request.amount());
  return booked;
}

void ExpectClearingAccount(const v1::ClearingData& clearing) {
  EXPECT_EQ(clearing.clearing_bankiban(), "DE87210700200022520120");
  EXPECT_EQ(clearing.clearing_bankbic(), "DEUTDEHH210");
  EXPECT_EQ(clearing.clearing_bankaccountholder(), "PAYONE GmbH");
}

// A test in the matrix: TEST(Conformance, name) that registers its rows.
#define CONFORMANCE_TEST(name, ...)                          \
  const bool name##_registered =                             \
      RegisterCoverage("Conformance." #name, {__VA_ARGS__}); \
  TEST(Conformance, name)

// ---------------------------------------------------------------------------
// Cards

CONFORMANCE_TEST(CardNumberReserveCaptureRefundDebit,
                 {"Preauthorize", "credit_card", "cardpan"},
                 {"Capture", "credit_card", ""}, {"Refund", "credit_card", ""},
                 {"Debit", "credit_card", "credit"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(10000);
  auto* card = request.mutable_credit_card();
  card->set_cardpan(kVisa);
  card->set_cardtype(v1::CARD_TYPE_VISA);
  card->set_cardexpiredate("3012");
  card->set_cardcvc2("123");
  const std::string txid = ReserveAndCapture(request).txid();
  ASSERT_FALSE(HasFailure());

  v1::RefundRequest refund;
  refund.set_account(kAccount);
  refund.set_txid(txid);
  refund.set_amount(-2500);
  refund.set_currency("EUR");
  EXPECT_EQ(Call(&v1::PayoneGateway::Stub::Refund, refund).status(),
            v1::STATUS_APPROVED);
  v1::DebitRequest debit;
  debit.set_account(kAccount);
  debit.set_txid(txid);
  debit.set_amount(-500);
  debit.set_currency("EUR");
  debit.set_transactiontype(v1::TRANSACTION_TYPE_CREDIT);
  EXPECT_EQ(Call(&v1::PayoneGateway::Stub::Debit, debit).status(),
            v1::STATUS_APPROVED);
  ASSERT_TRUE(AwaitNotification(txid, v1::TRANSACTION_ACTION_DEBIT));
  const v1::GetPaymentResponse payment = Payment(txid);
  EXPECT_EQ(payment.refunded_amount(), 3000);
  EXPECT_EQ(payment.last_sequencenumber(), 3);
}

CONFORMANCE_TEST(PseudoCardNumberFromCreditCardCheck,
                 {"CreditCardCheck", "", "storecarddata"},
                 {"Authorize", "credit_card", "pseudocardpan"}) {
  v1::CreditCardCheckRequest check;
  check.set_account(kAccount);
  check.set_cardpan("5500000000000004");
  check.set_cardtype(v1::CARD_TYPE_MASTERCARD);
  check.set_cardexpiredate("3012");
  check.set_cardcvc2("123");
  check.set_storecarddata(true);
  const v1::CreditCardCheckResponse checked =
      Call(&v1::PayoneGateway::Stub::CreditCardCheck, check);
  ASSERT_EQ(checked.status(), v1::STATUS_VALID) << checked.errormessage();
  ASSERT_FALSE(checked.pseudocardpan().empty());
  EXPECT_THAT(checked.truncatedcardpan(), HasSubstr("0004"));

  auto request = PaymentOf<v1::AuthorizationRequest>(4200);
  request.mutable_credit_card()->set_pseudocardpan(checked.pseudocardpan());
  EXPECT_EQ(AuthorizeAndBook(request).status(), v1::STATUS_APPROVED);
}

CONFORMANCE_TEST(ThreeDSecureRedirect,
                 {"Preauthorize", "credit_card", "3-D Secure redirect"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(3100);
  auto* card = request.mutable_credit_card();
  card->set_cardpan(kThreeDSVisa);
  card->set_cardtype(v1::CARD_TYPE_VISA);
  card->set_cardexpiredate("3012");
  EXPECT_EQ(ReserveAndCapture(request).status(), v1::STATUS_REDIRECT);
}

CONFORMANCE_TEST(ThreeDSCheckEnrolledCard, {"ThreeDSCheck", "", "enrolled"}) {
  v1::ThreeDSCheckRequest check;
  check.set_account(kAccount);
  check.set_amount(1000);
  check.set_currency("EUR");
  check.set_exiturl("https://shop.example/3ds-exit");
  check.set_cardpan(kThreeDSVisa);
  check.set_cardtype(v1::CARD_TYPE_VISA);
  check.set_cardexpiredate("3012");
  const v1::ThreeDSCheckResponse checked =
      Call(&v1::PayoneGateway::Stub::ThreeDSCheck, check);
  EXPECT_EQ(checked.status(), v1::STATUS_ENROLLED) << checked.errormessage();
  EXPECT_FALSE(checked.acsurl().empty());
  EXPECT_FALSE(checked.xid().empty());
}

// ---------------------------------------------------------------------------
// SEPA direct debit

CONFORMANCE_TEST(SepaWithMandate,
                 {"ManageMandate", "", "pending, mandate_text as HTML"},
                 {"GetFile", "", "SEPA mandate PDF"},
                 {"Preauthorize", "sepa_direct_debit", "mandate"}) {
  v1::ManageMandateRequest mandate;
  mandate.set_account(kAccount);
  mandate.set_currency("EUR");
  mandate.set_iban(kPendingIban);
  mandate.set_firstname("Jörg");
  mandate.set_lastname("Mustermann");
  mandate.set_country("DE");
  const v1::ManageMandateResponse managed =
      Call(&v1::PayoneGateway::Stub::ManageMandate, mandate);
  ASSERT_EQ(managed.status(), v1::STATUS_APPROVED) << managed.errormessage();
  ASSERT_FALSE(managed.mandate_identification().empty());
  // PAYONE form-URL-encodes the mandate; the codec hands it over as HTML.
  EXPECT_THAT(managed.mandate_text(),
              StartsWith("<div class=\"mandatetext\">"));
  EXPECT_THAT(managed.mandate_text(),
              HasSubstr("Kontoinhaber: Jörg Mustermann"));

  v1::GetFileRequest file;
  file.set_account(kAccount);
  file.set_file_reference(managed.mandate_identification());
  file.set_file_type(v1::FILE_TYPE_SEPA_MANDATE);
  file.set_file_format(v1::FILE_FORMAT_PDF);
  const v1::GetFileResponse pdf = Call(&v1::PayoneGateway::Stub::GetFile, file);
  EXPECT_EQ(pdf.content().substr(0, 5), "%PDF-");

  auto request = PaymentOf<v1::PreauthorizationRequest>(5000);
  auto* sepa = request.mutable_sepa_direct_debit();
  sepa->set_iban(kPendingIban);
  sepa->set_mandate_identification(managed.mandate_identification());
  const v1::PreauthorizationResponse reserved = ReserveAndCapture(request);
  EXPECT_EQ(reserved.mandate_identification(),
            managed.mandate_identification());
}

CONFORMANCE_TEST(SepaAuthorization,
                 {"Authorize", "sepa_direct_debit", "active mandate"}) {
  auto request = PaymentOf<v1::AuthorizationRequest>(1999);
  request.mutable_sepa_direct_debit()->set_iban(kActiveIban);
  const v1::AuthorizationResponse booked = AuthorizeAndBook(request);
  EXPECT_THAT(booked.mandate_identification(), StartsWith("PO-"));
}

CONFORMANCE_TEST(BankAccountCheck, {"BankAccountCheck", "", "IBAN"}) {
  v1::BankAccountCheckRequest check;
  check.set_account(kAccount);
  check.set_checktype(v1::BANK_ACCOUNT_CHECK_TYPE_REGULAR);
  check.set_iban(kActiveIban);
  const v1::BankAccountCheckResponse checked =
      Call(&v1::PayoneGateway::Stub::BankAccountCheck, check);
  EXPECT_EQ(checked.status(), v1::STATUS_VALID) << checked.errormessage();
  EXPECT_EQ(checked.bankcountry(), "DE");
}

// ---------------------------------------------------------------------------
// Clearing-account methods

CONFORMANCE_TEST(PrepaymentWithClearingData,
                 {"Preauthorize", "prepayment", "clearing data"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(7000);
  request.mutable_prepayment();
  ExpectClearingAccount(ReserveAndCapture(request).clearing());
}

CONFORMANCE_TEST(InvoiceWithClearingData,
                 {"Preauthorize", "invoice", "clearing data"},
                 {"GetInvoice", "", "PDF"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(8000);
  request.mutable_invoice();
  ExpectClearingAccount(ReserveAndCapture(request).clearing());

  v1::GetInvoiceRequest invoice;
  invoice.set_account(kAccount);
  invoice.set_invoice_title("RG-1000001");
  const v1::GetInvoiceResponse pdf =
      Call(&v1::PayoneGateway::Stub::GetInvoice, invoice);
  EXPECT_EQ(pdf.content().substr(0, 5), "%PDF-") << pdf.errormessage();
}

CONFORMANCE_TEST(InvoiceAuthorization,
                 {"Authorize", "invoice", "PAYONE secure invoice (POV)"}) {
  auto request = PaymentOf<v1::AuthorizationRequest>(8100);
  request.mutable_invoice()->set_clearingsubtype(
      v1::CLEARING_SUBTYPE_PAYONE_SECURE_INVOICE);
  ExpectClearingAccount(AuthorizeAndBook(request).clearing());
}

class CashOnDelivery : public ::testing::TestWithParam<v1::ShippingProvider> {};

TEST_P(CashOnDelivery, ReservesWithClearingDataAndCaptures) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(2500);
  request.mutable_cash_on_delivery()->set_shippingprovider(GetParam());
  ExpectClearingAccount(ReserveAndCapture(request).clearing());
}

// ---------------------------------------------------------------------------
// Parameterised suites: one row per sub-type, written out by hand so that a
// new value in the model fails MatrixTest until it gets a test here.

template <typename Enum>
struct SubtypeCase {
  Enum value;
  const char* wire;
};

// The wire text of an enum value of the model ("IDL"): names the rows and
// the parameterised tests.
template <typename Enum>
std::string WireOf(Enum value) {
  return google::protobuf::GetEnumDescriptor<Enum>()
      ->FindValueByNumber(value)
      ->options()
      .GetExtension(v1::enum_value)
      .wire_value();
}

struct WireName {
  template <typename Enum>
  std::string operator()(const ::testing::TestParamInfo<Enum>& info) const {
    return WireOf(info.param);
  }
};

// Registers the rows of the parameterised `test` (instantiated as "Types"
// with WireName) and returns its parameters.
template <typename Enum>
std::vector<Enum> Register(const char* test, const char* method,
                           const char* rpc, const char* variant,
                           const std::vector<Enum>& values) {
  for (Enum value : values) {
    RegisterCoverage(
        absl::StrCat("Types/", test, "/", WireOf(value)),
        {{rpc, absl::StrCat(method, "/", WireOf(value)), variant}});
  }
  return values;
}

const auto kShippingProviders = Register<v1::ShippingProvider>(
    "CashOnDelivery.ReservesWithClearingDataAndCaptures", "cash_on_delivery",
    "Preauthorize", "clearing data",
    {v1::SHIPPING_PROVIDER_DHL, v1::SHIPPING_PROVIDER_BARTOLINI});
INSTANTIATE_TEST_SUITE_P(Types, CashOnDelivery,
                         ::testing::ValuesIn(kShippingProviders), WireName());

class OnlineBankTransfer
    : public ::testing::TestWithParam<v1::OnlineBankTransferType> {};

// Every online bank transfer redirects to the bank; the buyer comes back.
TEST_P(OnlineBankTransfer, RedirectsAndCaptures) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(1500);
  auto* transfer = request.mutable_online_bank_transfer();
  transfer->set_onlinebanktransfertype(GetParam());
  transfer->set_bankcountry("DE");
  if (GetParam() == v1::ONLINE_BANK_TRANSFER_TYPE_EPS) {
    transfer->set_bankcountry("AT");
    transfer->set_bankgrouptype("ARZ_HTB");
  }
  if (GetParam() == v1::ONLINE_BANK_TRANSFER_TYPE_TRUSTLY) {
    transfer->set_iban(kActiveIban);
  }
  EXPECT_EQ(ReserveAndCapture(request).status(), v1::STATUS_REDIRECT);
}

const auto kOnlineBankTransfers = Register<v1::OnlineBankTransferType>(
    "OnlineBankTransfer.RedirectsAndCaptures", "online_bank_transfer",
    "Preauthorize", "redirect",
    {v1::ONLINE_BANK_TRANSFER_TYPE_SOFORT,
     v1::ONLINE_BANK_TRANSFER_TYPE_GIROPAY, v1::ONLINE_BANK_TRANSFER_TYPE_EPS,
     v1::ONLINE_BANK_TRANSFER_TYPE_IDEAL,
     v1::ONLINE_BANK_TRANSFER_TYPE_POSTFINANCE_EFINANCE,
     v1::ONLINE_BANK_TRANSFER_TYPE_POSTFINANCE_CARD,
     v1::ONLINE_BANK_TRANSFER_TYPE_PRZELEWY24,
     v1::ONLINE_BANK_TRANSFER_TYPE_BANCONTACT,
     v1::ONLINE_BANK_TRANSFER_TYPE_TRUSTLY,
     v1::ONLINE_BANK_TRANSFER_TYPE_MULTIBANCO,
     v1::ONLINE_BANK_TRANSFER_TYPE_VERKKOPANKKI,
     v1::ONLINE_BANK_TRANSFER_TYPE_MYBANK});
INSTANTIATE_TEST_SUITE_P(Types, OnlineBankTransfer,
                         ::testing::ValuesIn(kOnlineBankTransfers), WireName());

class RedirectWallet : public ::testing::TestWithParam<v1::WalletType> {};

// Wallets that send the buyer to the provider and back.
TEST_P(RedirectWallet, RedirectsAndCaptures) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(1200);
  request.mutable_wallet()->set_wallettype(GetParam());
  EXPECT_EQ(ReserveAndCapture(request).status(), v1::STATUS_REDIRECT);
}

const auto kRedirectWallets = Register<v1::WalletType>(
    "RedirectWallet.RedirectsAndCaptures", "wallet", "Preauthorize", "redirect",
    {v1::WALLET_TYPE_PAYPAL, v1::WALLET_TYPE_PAYPAL_V2,
     v1::WALLET_TYPE_PAYDIREKT, v1::WALLET_TYPE_AMAZON_PAY,
     v1::WALLET_TYPE_AMAZON_PAY_V2, v1::WALLET_TYPE_ALIPAY,
     v1::WALLET_TYPE_WECHAT_PAY, v1::WALLET_TYPE_WERO,
     v1::WALLET_TYPE_PAYSAFECARD, v1::WALLET_TYPE_QIWI});
INSTANTIATE_TEST_SUITE_P(Types, RedirectWallet,
                         ::testing::ValuesIn(kRedirectWallets), WireName());

class Financing : public ::testing::TestWithParam<v1::FinancingType> {};

// Financing products without a session of their own: the request goes
// through as typed, the partner approves.
TEST_P(Financing, ReservesAndCaptures) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(30000);
  request.mutable_financing()->set_financingtype(GetParam());
  EXPECT_EQ(ReserveAndCapture(request).status(), v1::STATUS_APPROVED);
}

const auto kFinancingTypes = Register<v1::FinancingType>(
    "Financing.ReservesAndCaptures", "financing", "Preauthorize", "",
    {v1::FINANCING_TYPE_KLARNA_CHECKOUT_INVOICE,
     v1::FINANCING_TYPE_KLARNA_CHECKOUT_INSTALLMENT,
     v1::FINANCING_TYPE_UNZER_INVOICE, v1::FINANCING_TYPE_UNZER_INSTALLMENT,
     v1::FINANCING_TYPE_UNZER_DIRECT_DEBIT, v1::FINANCING_TYPE_UNZER_MONTHLY,
     v1::FINANCING_TYPE_RATEPAY_INVOICE,
     v1::FINANCING_TYPE_RATEPAY_INSTALLMENTS,
     v1::FINANCING_TYPE_RATEPAY_DIRECT_DEBIT,
     v1::FINANCING_TYPE_RATEPAY_PREPAYMENT,
     v1::FINANCING_TYPE_PAYPAL_INSTALLMENT, v1::FINANCING_TYPE_BILLSAFE,
     v1::FINANCING_TYPE_COMMERZ_FINANZ});
INSTANTIATE_TEST_SUITE_P(Types, Financing, ::testing::ValuesIn(kFinancingTypes),
                         WireName());

CONFORMANCE_TEST(CashPaymentAuthorization, {"Authorize", "cash/BZN", ""}) {
  auto request = PaymentOf<v1::AuthorizationRequest>(4500);
  request.mutable_cash()->set_cashtype(v1::CASH_TYPE_BARZAHLEN);
  EXPECT_EQ(AuthorizeAndBook(request).status(), v1::STATUS_APPROVED);
}

// ---------------------------------------------------------------------------
// Wallets paid with a device token, PayPal Express, Click to Pay

class TokenWallet : public ::testing::TestWithParam<v1::WalletType> {};

// Apple Pay and Google Pay pay with the device's token, typed and
// validated by the gateway (never logged), checked by PAYONE: no redirect.
TEST_P(TokenWallet, ApprovesWithoutRedirect) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(1300);
  auto* wallet = request.mutable_wallet();
  wallet->set_wallettype(GetParam());
  v1::PreauthorizationResponse response;
  grpc::Status missing =
      Env().gateway().Preauthorize(Context().get(), request, &response);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(missing.error_message(), HasSubstr("_pay_token"));

  if (GetParam() == v1::WALLET_TYPE_APPLE_PAY) {
    auto* token = wallet->mutable_apple_pay_token();
    token->set_version("EC_v1");
    token->set_data("c2ltdWxhdGVkLWFwcGxlLXBheS1kYXRh");
    token->set_signature("c2ltdWxhdGVkLXNpZ25hdHVyZQ==");
    token->set_ephemeral_publickey("c2ltdWxhdGVkLWtleQ==");
    token->set_publickey_hash("c2ltdWxhdGVkLWhhc2g=");
    token->set_transaction_id("a1b2c3d4");
  } else {
    wallet->mutable_google_pay_token()->set_token_data(
        "c2ltdWxhdGVkLWdvb2dsZS1wYXk=");
  }
  EXPECT_EQ(ReserveAndCapture(request).status(), v1::STATUS_APPROVED);
}

const auto kTokenWallets = Register<v1::WalletType>(
    "TokenWallet.ApprovesWithoutRedirect", "wallet", "Preauthorize",
    "device token", {v1::WALLET_TYPE_APPLE_PAY, v1::WALLET_TYPE_GOOGLE_PAY});
INSTANTIATE_TEST_SUITE_P(Types, TokenWallet, ::testing::ValuesIn(kTokenWallets),
                         WireName());

// Click to Pay is a card payment (clearingtype cc with wallettype CTP):
// PAYONE refuses it as an e-wallet, and the refusal is an answer.
CONFORMANCE_TEST(ClickToPayIsNoEWallet,
                 {"Preauthorize", "wallet/CTP", "refused: use credit_card"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(1400);
  request.mutable_wallet()->set_wallettype(v1::WALLET_TYPE_CLICK_TO_PAY);
  const v1::PreauthorizationResponse refused =
      Call(&v1::PayoneGateway::Stub::Preauthorize, request);
  EXPECT_EQ(refused.status(), v1::STATUS_ERROR);
  EXPECT_EQ(refused.errorcode(), 1095);
}

CONFORMANCE_TEST(PayPalExpressCheckout,
                 {"GenericPayment", "wallet/PPE", "setexpresscheckout"},
                 {"GenericPayment", "wallet/PPE", "getexpresscheckoutdetails"},
                 {"Preauthorize", "wallet/PPE", "PayPal Express workorderid"}) {
  v1::GenericPaymentRequest set;
  set.set_account(kAccount);
  set.mutable_paypal_express_set_checkout();
  set.set_amount(2900);
  set.set_currency("EUR");
  set.mutable_wallet()->set_wallettype(v1::WALLET_TYPE_PAYPAL);
  set.mutable_redirect_urls()->set_successurl(kSuccessUrl);
  set.mutable_redirect_urls()->set_errorurl("https://shop.example/error");
  set.mutable_redirect_urls()->set_backurl("https://shop.example/back");
  const v1::GenericPaymentResponse started =
      Call(&v1::PayoneGateway::Stub::GenericPayment, set);
  ASSERT_EQ(started.status(), v1::STATUS_REDIRECT) << started.errormessage();
  ASSERT_FALSE(started.workorderid().empty());
  ASSERT_TRUE(started.has_paypal_express_set_checkout());
  EXPECT_EQ(started.paypal_express_set_checkout().workorderid(),
            started.workorderid());
  EXPECT_EQ(started.paypal_express_set_checkout().redirecturl(),
            started.redirecturl());
  CompleteRedirect(started.redirecturl());

  v1::GenericPaymentRequest get = set;
  get.mutable_paypal_express_get_checkout_details();
  get.set_workorderid(started.workorderid());
  const v1::GenericPaymentResponse details =
      Call(&v1::PayoneGateway::Stub::GenericPayment, get);
  ASSERT_EQ(details.status(), v1::STATUS_OK) << details.errormessage();
  EXPECT_EQ(details.paydata_email(), "buyer@example.com");
  ASSERT_TRUE(details.has_paypal_express_get_checkout_details());
  const auto& buyer = details.paypal_express_get_checkout_details();
  EXPECT_EQ(buyer.workorderid(), started.workorderid());
  EXPECT_EQ(buyer.email(), "buyer@example.com");
  EXPECT_EQ(buyer.payer_status(), "verified");
  EXPECT_EQ(buyer.shipping().firstname(), "Paula");
  EXPECT_EQ(buyer.shipping().lastname(), "Pal");
  EXPECT_EQ(buyer.shipping().street(), "Teststr. 1");
  EXPECT_EQ(buyer.shipping().zip(), "10115");
  EXPECT_EQ(buyer.shipping().city(), "Berlin");
  EXPECT_EQ(buyer.shipping().country(), "DE");
  // What the result holds is no longer in the free maps.
  EXPECT_THAT(details.add_paydata(), IsEmpty());
  EXPECT_THAT(details.other_parameters(), IsEmpty());

  auto request = PaymentOf<v1::PreauthorizationRequest>(2900);
  request.mutable_wallet()->set_wallettype(v1::WALLET_TYPE_PAYPAL);
  request.set_workorderid(started.workorderid());
  EXPECT_EQ(ReserveAndCapture(request).status(), v1::STATUS_APPROVED);
}

CONFORMANCE_TEST(AmazonPayCheckoutSession,
                 {"GenericPayment", "wallet/AMP",
                  "createCheckoutSessionPayload"},
                 {"GenericPayment", "wallet/AMP", "getCheckoutSession"}) {
  v1::GenericPaymentRequest create;
  create.set_account(kAccount);
  create.mutable_amazon_pay_create_checkout_session_payload();
  create.set_amount(4900);
  create.set_currency("EUR");
  create.mutable_wallet()->set_wallettype(v1::WALLET_TYPE_AMAZON_PAY_V2);
  create.mutable_redirect_urls()->set_successurl(kSuccessUrl);
  const v1::GenericPaymentResponse payload =
      Call(&v1::PayoneGateway::Stub::GenericPayment, create);
  ASSERT_EQ(payload.status(), v1::STATUS_OK) << payload.errormessage();
  EXPECT_THAT(payload.paydata_payload(), HasSubstr(kSuccessUrl));
  EXPECT_FALSE(payload.paydata_signature().empty());
  ASSERT_TRUE(payload.has_amazon_pay_create_checkout_session_payload());
  const auto& button = payload.amazon_pay_create_checkout_session_payload();
  EXPECT_EQ(button.workorderid(), payload.workorderid());
  EXPECT_THAT(button.payload(), HasSubstr(kSuccessUrl));
  EXPECT_EQ(button.signature(), payload.paydata_signature());

  v1::GenericPaymentRequest get = create;
  get.mutable_amazon_pay_get_checkout_session();
  get.set_workorderid(payload.workorderid());
  const v1::GenericPaymentResponse session =
      Call(&v1::PayoneGateway::Stub::GenericPayment, get);
  ASSERT_EQ(session.status(), v1::STATUS_OK) << session.errormessage();
  EXPECT_EQ(session.workorderid(), payload.workorderid());
  ASSERT_TRUE(session.has_amazon_pay_get_checkout_session());
  const auto& buyer = session.amazon_pay_get_checkout_session();
  EXPECT_EQ(buyer.workorderid(), payload.workorderid());
  EXPECT_EQ(buyer.email(), "buyer@example.com");
  EXPECT_EQ(buyer.shipping().lastname(), "Amazing");
  EXPECT_EQ(buyer.shipping().zip(), "80939");
  EXPECT_EQ(buyer.billing().city(), "Muenchen");
  EXPECT_EQ(buyer.billing().country(), "DE");
  // storename is not part of the typed result: it stays in the free map.
  EXPECT_THAT(session.add_paydata(),
              ElementsAre(Pair("storename", "Simulated Store")));
  get.set_workorderid("WX-unknown");
  EXPECT_EQ(Call(&v1::PayoneGateway::Stub::GenericPayment, get).errorcode(),
            1011);
}

CONFORMANCE_TEST(AmazonPayV1OrderReference,
                 {"GenericPayment", "wallet/AMZ", "getconfiguration"},
                 {"GenericPayment", "wallet/AMZ", "getorderreferencedetails"}) {
  v1::GenericPaymentRequest configure;
  configure.set_account(kAccount);
  configure.mutable_amazon_pay_get_configuration();
  configure.set_amount(3900);
  configure.set_currency("EUR");
  configure.mutable_wallet()->set_wallettype(v1::WALLET_TYPE_AMAZON_PAY);
  const v1::GenericPaymentResponse configured =
      Call(&v1::PayoneGateway::Stub::GenericPayment, configure);
  ASSERT_EQ(configured.status(), v1::STATUS_OK) << configured.errormessage();
  ASSERT_TRUE(configured.has_amazon_pay_get_configuration());
  const auto& ids = configured.amazon_pay_get_configuration();
  EXPECT_EQ(ids.workorderid(), configured.workorderid());
  EXPECT_EQ(ids.client_id(), "amzn1.application-oa2-client.sim");
  EXPECT_THAT(ids.seller_id(), StartsWith("SIMSELLER"));
  EXPECT_THAT(configured.add_paydata(), IsEmpty());

  v1::GenericPaymentRequest details = configure;
  details.mutable_amazon_pay_get_order_reference_details()
      ->set_amazon_reference_id("S02-0000000-0000001");
  details.set_workorderid(configured.workorderid());
  const v1::GenericPaymentResponse order =
      Call(&v1::PayoneGateway::Stub::GenericPayment, details);
  ASSERT_EQ(order.status(), v1::STATUS_OK) << order.errormessage();
  ASSERT_TRUE(order.has_amazon_pay_get_order_reference_details());
  const auto& reference = order.amazon_pay_get_order_reference_details();
  EXPECT_EQ(reference.workorderid(), configured.workorderid());
  EXPECT_EQ(reference.shipping().firstname(), "Alfred");
  EXPECT_EQ(reference.shipping().city(), "Muenchen");
  EXPECT_EQ(reference.billing().zip(), "80939");
  EXPECT_EQ(reference.storename(), "Simulated Store");
  // The address types are not part of the typed result.
  EXPECT_THAT(order.add_paydata(),
              UnorderedElementsAre(Pair("billing_type", "Physical"),
                                   Pair("shipping_type", "Physical")));
}

CONFORMANCE_TEST(AmazonPayUpdateCheckoutSession,
                 {"GenericPayment", "wallet/AMP", "updateCheckoutSession"}) {
  v1::GenericPaymentRequest create;
  create.set_account(kAccount);
  create.mutable_amazon_pay_create_checkout_session_payload();
  create.set_amount(4900);
  create.set_currency("EUR");
  create.mutable_wallet()->set_wallettype(v1::WALLET_TYPE_AMAZON_PAY_V2);
  create.mutable_redirect_urls()->set_successurl(kSuccessUrl);
  const v1::GenericPaymentResponse payload =
      Call(&v1::PayoneGateway::Stub::GenericPayment, create);
  ASSERT_EQ(payload.status(), v1::STATUS_OK) << payload.errormessage();

  // The buyer picked a dearer shipping method: the session's amount
  // changes.
  v1::GenericPaymentRequest update = create;
  update.mutable_amazon_pay_update_checkout_session();
  update.set_workorderid(payload.workorderid());
  update.set_amount(5400);
  const v1::GenericPaymentResponse updated =
      Call(&v1::PayoneGateway::Stub::GenericPayment, update);
  ASSERT_EQ(updated.status(), v1::STATUS_OK) << updated.errormessage();
  ASSERT_TRUE(updated.has_amazon_pay_update_checkout_session());
  EXPECT_EQ(updated.amazon_pay_update_checkout_session().workorderid(),
            payload.workorderid());
  EXPECT_THAT(updated.add_paydata(), IsEmpty());
  update.set_workorderid("WX-unknown");
  EXPECT_EQ(Call(&v1::PayoneGateway::Stub::GenericPayment, update).errorcode(),
            1011);
}

CONFORMANCE_TEST(AmazonPayV1OrderReferenceSetConfirmCancel,
                 {"GenericPayment", "wallet/AMZ", "setorderreferencedetails"},
                 {"GenericPayment", "wallet/AMZ", "confirmorderreference"},
                 {"GenericPayment", "wallet/AMZ", "cancelorderreference"}) {
  v1::GenericPaymentRequest configure;
  configure.set_account(kAccount);
  configure.mutable_amazon_pay_get_configuration();
  configure.set_amount(3900);
  configure.set_currency("EUR");
  configure.mutable_wallet()->set_wallettype(v1::WALLET_TYPE_AMAZON_PAY);
  const v1::GenericPaymentResponse configured =
      Call(&v1::PayoneGateway::Stub::GenericPayment, configure);
  ASSERT_EQ(configured.status(), v1::STATUS_OK) << configured.errormessage();
  v1::GenericPaymentRequest step = configure;
  step.set_workorderid(configured.workorderid());
  const auto call = [&](const v1::GenericPaymentRequest& request) {
    return Call(&v1::PayoneGateway::Stub::GenericPayment, request);
  };
  // Each step answers OK; its typed result is the alternative with the
  // action's number and names the checkout's work order.
  using Result =
      const v1::WorkOrderResult& (v1::GenericPaymentResponse::*)() const;
  const auto expect_step = [&](Result result) {
    const v1::GenericPaymentResponse answer = call(step);
    ASSERT_EQ(answer.status(), v1::STATUS_OK) << answer.errormessage();
    EXPECT_EQ(static_cast<int>(answer.result_case()),
              static_cast<int>(step.generic_action_case()));
    EXPECT_EQ((answer.*result)().workorderid(), configured.workorderid());
  };
  constexpr char kReferenceId[] = "S02-0000000-0000002";

  // Confirming before the reference is set on the checkout is refused.
  auto* confirm = step.mutable_amazon_pay_confirm_order_reference();
  confirm->set_amazon_reference_id(kReferenceId);
  confirm->set_order_reference("order-2002");
  EXPECT_EQ(call(step).errorcode(), 1007);

  auto* set = step.mutable_amazon_pay_set_order_reference_details();
  set->set_amazon_reference_id(kReferenceId);
  set->set_amazon_address_token("Atza|address-consent");
  set->set_storename("Conformance Store");
  expect_step(
      &v1::GenericPaymentResponse::amazon_pay_set_order_reference_details);

  step.mutable_amazon_pay_confirm_order_reference()->set_amazon_reference_id(
      kReferenceId);
  expect_step(&v1::GenericPaymentResponse::amazon_pay_confirm_order_reference);

  // Amazon declined (980/983 in the plugins): the shop cancels the
  // reference, which cannot be confirmed any more.
  step.mutable_amazon_pay_cancel_order_reference()->set_amazon_reference_id(
      kReferenceId);
  expect_step(&v1::GenericPaymentResponse::amazon_pay_cancel_order_reference);
  step.mutable_amazon_pay_confirm_order_reference()->set_amazon_reference_id(
      kReferenceId);
  EXPECT_EQ(call(step).errorcode(), 1007);

  // A reference id is required (validated by the gateway).
  step.mutable_amazon_pay_cancel_order_reference()->clear_amazon_reference_id();
  v1::GenericPaymentResponse ignored;
  const grpc::Status missing =
      Env().gateway().GenericPayment(Context().get(), step, &ignored);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(missing.error_message(), HasSubstr("amazon_reference_id"));
}

CONFORMANCE_TEST(PostFinanceRegisterAlias,
                 {"GenericPayment", "online_bank_transfer/PFC",
                  "register_alias"},
                 {"GenericPayment", "online_bank_transfer/PFF",
                  "register_alias"}) {
  for (const auto type : {v1::ONLINE_BANK_TRANSFER_TYPE_POSTFINANCE_CARD,
                          v1::ONLINE_BANK_TRANSFER_TYPE_POSTFINANCE_EFINANCE}) {
    v1::GenericPaymentRequest alias;
    alias.set_account(kAccount);
    alias.mutable_postfinance_register_alias();
    alias.set_amount(100);
    alias.set_currency("CHF");
    alias.set_reference(NewReference());
    alias.mutable_personal_data()->set_lastname("Test");
    alias.mutable_personal_data()->set_country("CH");
    alias.mutable_online_bank_transfer()->set_onlinebanktransfertype(type);
    alias.mutable_online_bank_transfer()->set_bankcountry("CH");
    alias.mutable_redirect_urls()->set_successurl(kSuccessUrl);
    alias.mutable_redirect_urls()->set_errorurl("https://shop.example/error");
    alias.mutable_redirect_urls()->set_backurl("https://shop.example/back");
    const v1::GenericPaymentResponse registered =
        Call(&v1::PayoneGateway::Stub::GenericPayment, alias);
    ASSERT_EQ(registered.status(), v1::STATUS_REDIRECT)
        << registered.errormessage();
    ASSERT_TRUE(registered.has_postfinance_register_alias());
    const auto& result = registered.postfinance_register_alias();
    EXPECT_EQ(result.workorderid(), registered.workorderid());
    EXPECT_EQ(result.redirecturl(), registered.redirecturl());
    EXPECT_THAT(result.redirecturl(), HasSubstr(result.workorderid()));

    // PostFinance is Swiss francs only.
    alias.set_currency("EUR");
    EXPECT_EQ(Call(&v1::PayoneGateway::Stub::GenericPayment, alias).status(),
              v1::STATUS_ERROR);
  }
}

CONFORMANCE_TEST(UnzerPreCheck,
                 {"GenericPayment", "financing/PYV", "pre_check"}) {
  v1::GenericPaymentRequest check;
  check.set_account(kAccount);
  check.mutable_unzer_pre_check();
  check.set_amount(5000);
  check.set_currency("EUR");
  check.set_payment_type("Payolution-Invoicing");
  check.mutable_financing()->set_financingtype(
      v1::FINANCING_TYPE_UNZER_INVOICE);
  check.mutable_personal_data()->set_lastname("Mustermann");
  check.mutable_personal_data()->set_country("DE");
  const v1::GenericPaymentResponse checked =
      Call(&v1::PayoneGateway::Stub::GenericPayment, check);
  ASSERT_EQ(checked.status(), v1::STATUS_OK) << checked.errormessage();
  EXPECT_FALSE(checked.workorderid().empty());
  ASSERT_TRUE(checked.has_unzer_pre_check());
  EXPECT_EQ(checked.unzer_pre_check().workorderid(), checked.workorderid());
  check.mutable_personal_data()->set_lastname("Rejected");
  const v1::GenericPaymentResponse rejected =
      Call(&v1::PayoneGateway::Stub::GenericPayment, check);
  EXPECT_EQ(rejected.errorcode(), 307);
  EXPECT_EQ(rejected.result_case(), v1::GenericPaymentResponse::RESULT_NOT_SET)
      << "an ERROR answer has no result";
}

CONFORMANCE_TEST(UnzerInstallmentCalculation,
                 {"GenericPayment", "financing/PYS", "calculation"}) {
  v1::GenericPaymentRequest check;
  check.set_account(kAccount);
  check.mutable_unzer_pre_check();
  check.set_amount(10000);
  check.set_currency("EUR");
  check.set_payment_type("Payolution-Installment");
  check.mutable_financing()->set_financingtype(
      v1::FINANCING_TYPE_UNZER_INSTALLMENT);
  check.mutable_personal_data()->set_lastname("Mustermann");
  check.mutable_personal_data()->set_country("DE");
  const v1::GenericPaymentResponse checked =
      Call(&v1::PayoneGateway::Stub::GenericPayment, check);
  ASSERT_EQ(checked.status(), v1::STATUS_OK) << checked.errormessage();

  // The calculation repeats the pre_check's work order.
  v1::GenericPaymentRequest calculate = check;
  calculate.mutable_unzer_calculation();
  calculate.set_workorderid(checked.workorderid());
  const v1::GenericPaymentResponse plans =
      Call(&v1::PayoneGateway::Stub::GenericPayment, calculate);
  ASSERT_EQ(plans.status(), v1::STATUS_OK) << plans.errormessage();
  ASSERT_TRUE(plans.has_unzer_calculation());
  const auto& result = plans.unzer_calculation();
  EXPECT_EQ(result.workorderid(), checked.workorderid());
  ASSERT_EQ(result.plans_size(), 3);
  EXPECT_EQ(result.plans(0).duration(), 3);
  EXPECT_EQ(result.plans(1).duration(), 6);
  EXPECT_EQ(result.plans(2).duration(), 12);
  const auto& year = result.plans(2);
  EXPECT_EQ(year.currency(), "EUR");
  EXPECT_EQ(year.original_amount(), "100.00");
  EXPECT_EQ(year.total_amount(), "109.90");
  EXPECT_EQ(year.interest_rate(), "9.90");
  EXPECT_THAT(year.standard_credit_information_url(), StartsWith("http"));
  // The rates, numbered twice, stay in the free map: 3 + 6 + 12 of them,
  // amount and due date each.
  EXPECT_EQ(plans.add_paydata_size(), 2 * (3 + 6 + 12));
  EXPECT_THAT(plans.add_paydata(),
              Contains(Pair("PaymentDetails_1_Installment_1_Amount", "34.16")));

  // Ratepay's calculation has the same action name: the financingtype
  // decides, and without the pre_check's work order Unzer refuses.
  calculate.set_workorderid("WX-unknown");
  EXPECT_EQ(
      Call(&v1::PayoneGateway::Stub::GenericPayment, calculate).errorcode(),
      1011);
}

CONFORMANCE_TEST(RatepayProfileAndCalculation,
                 {"GenericPayment", "financing/RPS", "profile"},
                 {"GenericPayment", "financing/RPS", "calculation"}) {
  v1::GenericPaymentRequest profile;
  profile.set_account(kAccount);
  profile.mutable_ratepay_profile();
  profile.set_amount(0);
  profile.set_currency("EUR");
  profile.set_shop_id("88880103");
  profile.mutable_financing()->set_financingtype(
      v1::FINANCING_TYPE_RATEPAY_INSTALLMENTS);
  const v1::GenericPaymentResponse shop =
      Call(&v1::PayoneGateway::Stub::GenericPayment, profile);
  ASSERT_EQ(shop.status(), v1::STATUS_OK) << shop.errormessage();
  ASSERT_TRUE(shop.has_ratepay_profile());
  const auto& limits = shop.ratepay_profile();
  EXPECT_EQ(limits.profile_id(), "SIM-88880103");
  EXPECT_EQ(limits.currency(), "EUR");
  EXPECT_EQ(limits.country_code_billing(), "DE,AT");
  EXPECT_EQ(limits.activation_status_installment(), "2");
  EXPECT_EQ(limits.tx_limit_installment_min(), "200.00");
  EXPECT_EQ(limits.tx_limit_installment_max(), "3000.00");
  EXPECT_EQ(limits.month_allowed(), "3,6,12,24");
  EXPECT_THAT(shop.add_paydata(), IsEmpty());

  // 1000.00 in rates of at most 100.00: 12 months at 13.70 %.
  v1::GenericPaymentRequest calculation = profile;
  auto* by_rate = calculation.mutable_ratepay_calculation();
  by_rate->set_calculation_type(v1::RATEPAY_CALCULATION_TYPE_BY_RATE);
  by_rate->set_rate(10000);
  by_rate->set_customer_allow_credit_inquiry(true);
  calculation.set_amount(100000);
  const v1::GenericPaymentResponse plan =
      Call(&v1::PayoneGateway::Stub::GenericPayment, calculation);
  ASSERT_EQ(plan.status(), v1::STATUS_OK) << plan.errormessage();
  ASSERT_TRUE(plan.has_ratepay_calculation());
  const auto& rates = plan.ratepay_calculation();
  EXPECT_EQ(rates.workorderid(), plan.workorderid());
  EXPECT_EQ(rates.amount(), "1000.00");
  EXPECT_EQ(rates.number_of_rates(), 12);
  EXPECT_EQ(rates.rate(), "94.75");
  EXPECT_EQ(rates.last_rate(), "94.75");
  EXPECT_EQ(rates.total_amount(), "1137.00");
  EXPECT_EQ(rates.interest_amount(), "137.00");
  EXPECT_EQ(rates.payment_firstday(), 2);
  EXPECT_THAT(plan.add_paydata(), IsEmpty());

  // By time: the rate is required with calculation-by-rate only.
  by_rate->set_calculation_type(v1::RATEPAY_CALCULATION_TYPE_BY_TIME);
  by_rate->clear_rate();
  by_rate->set_month(6);
  const v1::GenericPaymentResponse by_time =
      Call(&v1::PayoneGateway::Stub::GenericPayment, calculation);
  ASSERT_EQ(by_time.status(), v1::STATUS_OK) << by_time.errormessage();
  EXPECT_EQ(by_time.ratepay_calculation().number_of_rates(), 6);
}

// ---------------------------------------------------------------------------
// Klarna: a session first, then the payment with its workorderid

class Klarna : public ::testing::TestWithParam<v1::FinancingType> {};

TEST_P(Klarna, SessionThenPaymentWithWorkorder) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(10000);
  request.mutable_financing()->set_financingtype(GetParam());
  (*request.mutable_add_paydata())["authorization_token"] = "klarna-auth-1";
  EXPECT_EQ(Call(&v1::PayoneGateway::Stub::Preauthorize, request).errorcode(),
            1011)
      << "Klarna without a session";

  v1::GenericPaymentRequest session;
  session.set_account(kAccount);
  session.mutable_klarna_start_session();
  session.set_amount(10000);
  session.set_currency("EUR");
  session.mutable_financing()->set_financingtype(GetParam());
  session.mutable_personal_data()->set_lastname("Mustermann");
  session.mutable_personal_data()->set_country("DE");
  const v1::GenericPaymentResponse started =
      Call(&v1::PayoneGateway::Stub::GenericPayment, session);
  ASSERT_EQ(started.status(), v1::STATUS_OK) << started.errormessage();
  ASSERT_FALSE(started.workorderid().empty());
  EXPECT_FALSE(started.paydata_client_token().empty());
  ASSERT_TRUE(started.has_klarna_start_session());
  EXPECT_EQ(started.klarna_start_session().workorderid(),
            started.workorderid());
  EXPECT_EQ(started.klarna_start_session().client_token(),
            started.paydata_client_token());
  EXPECT_EQ(started.klarna_start_session().session_id(),
            started.paydata_session_id());

  // The basket changed: the session follows, keeping its workorderid.
  v1::GenericPaymentRequest update = session;
  update.mutable_klarna_update_order();
  update.set_amount(9000);
  update.set_workorderid(started.workorderid());
  const v1::GenericPaymentResponse updated =
      Call(&v1::PayoneGateway::Stub::GenericPayment, update);
  ASSERT_EQ(updated.status(), v1::STATUS_OK) << updated.errormessage();
  EXPECT_EQ(updated.workorderid(), started.workorderid());
  ASSERT_TRUE(updated.has_klarna_update_order());
  EXPECT_EQ(updated.klarna_update_order().workorderid(), started.workorderid());
  EXPECT_FALSE(updated.klarna_update_order().client_token().empty());

  request.set_reference(NewReference());
  request.set_workorderid(started.workorderid());
  EXPECT_EQ(ReserveAndCapture(request).status(), v1::STATUS_APPROVED);
}

const auto kKlarnaTypes = [] {
  const std::vector<v1::FinancingType> types = {
      v1::FINANCING_TYPE_KLARNA_INVOICE, v1::FINANCING_TYPE_KLARNA_INSTALLMENTS,
      v1::FINANCING_TYPE_KLARNA_DIRECT_DEBIT,
      v1::FINANCING_TYPE_KLARNA_BANK_TRANSFER};
  constexpr char kTest[] = "Klarna.SessionThenPaymentWithWorkorder";
  Register(kTest, "financing", "GenericPayment", "start_session", types);
  Register(kTest, "financing", "GenericPayment", "update_order", types);
  return Register(kTest, "financing", "Preauthorize", "Klarna workorderid",
                  types);
}();
INSTANTIATE_TEST_SUITE_P(Types, Klarna, ::testing::ValuesIn(kKlarnaTypes),
                         WireName());

// ---------------------------------------------------------------------------
// PAYONE Secured Invoice / Installment / Direct Debit (device token)

constexpr char kDeviceToken[] = "partner_merchant_session-0001";

CONFORMANCE_TEST(SecuredInvoice,
                 {"Preauthorize", "secured_invoice", "device token"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(5000);
  AddSecuredCustomer(&request);
  request.mutable_secured_invoice()->set_device_token(kDeviceToken);
  ExpectClearingAccount(ReserveAndCapture(request).clearing());
}

CONFORMANCE_TEST(SecuredInstallmentWithOptions,
                 {"GenericPayment", "financing/PIN", "installment_options"},
                 {"Preauthorize", "secured_installment", "chosen option"}) {
  v1::GenericPaymentRequest options;
  options.set_account(kAccount);
  options.mutable_secured_installment_options();
  options.set_amount(30000);
  options.set_currency("EUR");
  options.mutable_financing()->set_financingtype(
      v1::FINANCING_TYPE_PAYONE_SECURED_INSTALLMENT);
  const v1::GenericPaymentResponse offered =
      Call(&v1::PayoneGateway::Stub::GenericPayment, options);
  ASSERT_EQ(offered.status(), v1::STATUS_OK) << offered.errormessage();
  ASSERT_TRUE(offered.has_secured_installment_options());
  const auto& plans = offered.secured_installment_options();
  EXPECT_EQ(plans.workorderid(), offered.workorderid());
  EXPECT_EQ(plans.amount_value(), 30000);
  EXPECT_EQ(plans.amount_currency(), "EUR");
  // PAYONE numbers the plans add_paydata[<name>_0], _1, ...: in that order.
  ASSERT_EQ(plans.options_size(), 3);
  EXPECT_EQ(plans.options(0).number_of_payments(), 3);
  EXPECT_EQ(plans.options(1).number_of_payments(), 6);
  const v1::SecuredInstallmentOption& year = plans.options(2);
  EXPECT_EQ(year.installment_option_id(), "IOP_sim12");
  EXPECT_EQ(year.number_of_payments(), 12);
  EXPECT_EQ(year.total_amount_value(), 34497);  // 300.00 at 14.99 %
  EXPECT_EQ(year.total_amount_currency(), "EUR");
  EXPECT_EQ(year.monthly_amount_value(), 2875);
  EXPECT_EQ(year.last_rate_amount_value(), 2872);
  EXPECT_EQ(year.nominal_interest_rate(), 1499);
  EXPECT_EQ(year.effective_interest_rate(), 1503);
  EXPECT_EQ(year.first_rate_date(), "2030-01-28");
  EXPECT_EQ(year.link_credit_information_type(), "application/pdf");
  EXPECT_THAT(offered.add_paydata(), IsEmpty());
  const std::string chosen = plans.options(1).installment_option_id();

  auto request = PaymentOf<v1::PreauthorizationRequest>(30000);
  AddSecuredCustomer(&request);
  auto* installment = request.mutable_secured_installment();
  installment->set_device_token(kDeviceToken);
  installment->set_installment_option_id(chosen);
  installment->set_iban("DE62500105171314583819");
  installment->set_bankaccountholder("Erika Mustermann");
  EXPECT_EQ(ReserveAndCapture(request).status(), v1::STATUS_APPROVED);
}

CONFORMANCE_TEST(SecuredDirectDebit,
                 {"Authorize", "secured_direct_debit", "device token"}) {
  auto request = PaymentOf<v1::AuthorizationRequest>(6000);
  AddSecuredCustomer(&request);
  auto* debit = request.mutable_secured_direct_debit();
  debit->set_device_token(kDeviceToken);
  debit->set_iban("DE62500105171314583819");
  debit->set_bankaccountholder("Erika Mustermann");
  EXPECT_EQ(AuthorizeAndBook(request).status(), v1::STATUS_APPROVED);
}

// The generic financing part refuses the PAYONE Secured types' data in
// add_paydata: the typed parts (secured_invoice, ...) carry it, validated
// and redacted. Nothing reaches PAYONE.
CONFORMANCE_TEST(
    SecuredDataBelongsInTheTypedParts,
    {"Preauthorize", "financing/PIV", "refused: use secured_invoice"},
    {"Preauthorize", "financing/PIN", "refused: use secured_installment"},
    {"Preauthorize", "financing/PDD", "refused: use secured_direct_debit"}) {
  for (v1::FinancingType type :
       {v1::FINANCING_TYPE_PAYONE_SECURED_INVOICE,
        v1::FINANCING_TYPE_PAYONE_SECURED_INSTALLMENT,
        v1::FINANCING_TYPE_PAYONE_SECURED_DIRECT_DEBIT}) {
    SCOPED_TRACE(v1::FinancingType_Name(type));
    auto request = PaymentOf<v1::PreauthorizationRequest>(30000);
    AddSecuredCustomer(&request);
    request.mutable_financing()->set_financingtype(type);
    (*request.mutable_add_paydata())["device_token"] = kDeviceToken;
    v1::PreauthorizationResponse response;
    grpc::Status status =
        Env().gateway().Preauthorize(Context().get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("device_token"));
    EXPECT_THAT(status.error_message(), Not(HasSubstr(kDeviceToken)));
  }
}

// ---------------------------------------------------------------------------
// Billing accounts, checks, the debtor

CONFORMANCE_TEST(VauthorizationOnBillingAccount,
                 {"Vauthorize", "sepa_direct_debit", "billing account"}) {
  v1::VauthorizationRequest request;
  request.set_account(kAccount);
  request.set_vreference("vref-conformance-1");
  request.set_vaccountname("acc-conformance-1");
  request.set_amount(990);
  request.set_currency("EUR");
  request.set_settle_period_length(1);
  request.set_settle_period_unit(v1::PERIOD_UNIT_MONTHS);
  request.set_settletime(1767225600);
  request.mutable_personal_data()->set_lastname("Mustermann");
  request.mutable_personal_data()->set_country("DE");
  request.mutable_sepa_direct_debit()->set_iban(kActiveIban);
  const v1::VauthorizationResponse booked =
      Call(&v1::PayoneGateway::Stub::Vauthorize, request);
  EXPECT_EQ(booked.status(), v1::STATUS_APPROVED) << booked.errormessage();
  EXPECT_FALSE(booked.vxid().empty());
  EXPECT_FALSE(booked.vaid().empty());
}

CONFORMANCE_TEST(AddressCheckCorrectsStreet, {"AddressCheck", "", "basic"}) {
  v1::AddressCheckRequest check;
  check.set_account(kAccount);
  check.set_addresschecktype(v1::ADDRESS_CHECK_TYPE_BASIC);
  check.set_street("teststr. 1");
  check.set_zip("10115");
  check.set_city("Berlin");
  check.set_country("DE");
  const v1::AddressCheckResponse checked =
      Call(&v1::PayoneGateway::Stub::AddressCheck, check);
  EXPECT_EQ(checked.status(), v1::STATUS_VALID) << checked.errormessage();
  EXPECT_EQ(checked.secstatus(), v1::SEC_STATUS_CORRECTABLE);
  EXPECT_EQ(checked.street(), "Teststr. 1");
}

CONFORMANCE_TEST(ConsumerScoreRates, {"ConsumerScore", "", "infoscore"}) {
  v1::ConsumerScoreRequest check;
  check.set_account(kAccount);
  check.set_addresschecktype(v1::ADDRESS_CHECK_TYPE_PERSON);
  check.set_consumerscoretype(v1::CONSUMER_SCORE_TYPE_HARD_CRITERIA);
  check.set_firstname("Erika");
  check.set_lastname("Yellowstone");
  check.set_street("Teststr. 1");
  check.set_zip("10115");
  check.set_city("Berlin");
  check.set_country("DE");
  const v1::ConsumerScoreResponse scored =
      Call(&v1::PayoneGateway::Stub::ConsumerScore, check);
  EXPECT_EQ(scored.status(), v1::STATUS_VALID) << scored.errormessage();
  EXPECT_EQ(scored.score(), v1::SCORE_YELLOW);
}

CONFORMANCE_TEST(UpdateUserOfAPayment, {"UpdateUser", "", "userid"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(100);
  request.mutable_personal_data()->set_customerid("cust-4711");
  request.mutable_invoice();
  const v1::PreauthorizationResponse reserved =
      Call(&v1::PayoneGateway::Stub::Preauthorize, request);
  ASSERT_FALSE(reserved.userid().empty()) << reserved.errormessage();

  v1::UpdateUserRequest update;
  update.set_account(kAccount);
  update.mutable_personal_data()->set_userid(reserved.userid());
  update.mutable_personal_data()->set_email("erika.new@example.com");
  const v1::UpdateUserResponse updated =
      Call(&v1::PayoneGateway::Stub::UpdateUser, update);
  EXPECT_EQ(updated.status(), v1::STATUS_OK) << updated.errormessage();

  update.mutable_personal_data()->set_userid("999999999");
  EXPECT_EQ(Call(&v1::PayoneGateway::Stub::UpdateUser, update).errorcode(),
            3009);
}

CONFORMANCE_TEST(GetUserTokenPaysForTheStoredDebtor,
                 {"GetUser", "", "usertoken"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(100);
  request.mutable_personal_data()->set_customerid("cust-token-1");
  request.mutable_invoice();
  const v1::PreauthorizationResponse first =
      Call(&v1::PayoneGateway::Stub::Preauthorize, request);
  ASSERT_FALSE(first.userid().empty()) << first.errormessage();

  v1::GetUserRequest get;
  get.set_account(kAccount);
  get.set_customerid("cust-token-1");
  get.mutable_usertoken();
  const v1::GetUserResponse user = Call(&v1::PayoneGateway::Stub::GetUser, get);
  ASSERT_EQ(user.status(), v1::STATUS_APPROVED) << user.errormessage();
  EXPECT_EQ(user.userid(), first.userid());
  ASSERT_FALSE(user.usertoken().empty());

  // The token stands for the debtor: no name or address needed.
  v1::PreauthorizationRequest again;
  again.set_account(kAccount);
  again.set_reference(NewReference());
  again.set_amount(200);
  again.set_currency("EUR");
  again.set_usertoken(user.usertoken());
  again.mutable_invoice();
  const v1::PreauthorizationResponse second =
      Call(&v1::PayoneGateway::Stub::Preauthorize, again);
  EXPECT_EQ(second.status(), v1::STATUS_APPROVED) << second.errormessage();
  EXPECT_EQ(second.userid(), first.userid());

  get.clear_customerid();
  get.set_userid("999999999");
  EXPECT_EQ(Call(&v1::PayoneGateway::Stub::GetUser, get).errorcode(), 3009);

  // Neither way chosen: refused by the gateway, nothing goes to PAYONE.
  get.clear_read();
  v1::GetUserResponse ignored;
  const grpc::Status unchosen =
      Env().gateway().GetUser(Context().get(), get, &ignored);
  EXPECT_EQ(unchosen.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unchosen.error_message(), HasSubstr("usertoken"));
}

CONFORMANCE_TEST(GetUserDataReadsTheStoredDebtor, {"GetUser", "", "userdata"}) {
  auto request = PaymentOf<v1::PreauthorizationRequest>(100);
  request.mutable_personal_data()->set_customerid("cust-data-1");
  request.mutable_personal_data()->set_street("Teststr. 1");
  request.mutable_personal_data()->set_zip("10115");
  request.mutable_personal_data()->set_city("Berlin");
  request.mutable_invoice();
  const v1::PreauthorizationResponse paid =
      Call(&v1::PayoneGateway::Stub::Preauthorize, request);
  ASSERT_FALSE(paid.userid().empty()) << paid.errormessage();

  // PAYONE answers type=userdata in JSON only; the gateway decodes it.
  v1::GetUserRequest get;
  get.set_account(kAccount);
  get.set_customerid("cust-data-1");
  get.mutable_userdata();
  const v1::GetUserResponse user = Call(&v1::PayoneGateway::Stub::GetUser, get);
  ASSERT_EQ(user.status(), v1::STATUS_OK) << user.errormessage();
  EXPECT_EQ(user.userid(), paid.userid());
  // type=userdata alone: no getusertoken=yes went out (the simulator
  // refuses both at once), so no token came back.
  EXPECT_TRUE(user.usertoken().empty());
  ASSERT_TRUE(user.has_debtor());
  EXPECT_EQ(user.debtor().firstname(), "Erika");
  EXPECT_EQ(user.debtor().lastname(), "Mustermann");
  EXPECT_EQ(user.debtor().street(), "Teststr. 1");
  EXPECT_EQ(user.debtor().zip(), "10115");
  EXPECT_EQ(user.debtor().city(), "Berlin");
  EXPECT_EQ(user.debtor().country(), "DE");
  // Nothing else but the echo of the request's encoding that JSON answers
  // carry.
  EXPECT_THAT(user.other_parameters(), ElementsAre(Pair("encoding", "UTF-8")));

  // Errors come in JSON too, under "Error".
  get.clear_customerid();
  get.set_userid("999999999");
  const v1::GetUserResponse unknown =
      Call(&v1::PayoneGateway::Stub::GetUser, get);
  EXPECT_EQ(unknown.status(), v1::STATUS_ERROR);
  EXPECT_EQ(unknown.errorcode(), 3009);
  EXPECT_FALSE(unknown.has_debtor());
}

CONFORMANCE_TEST(SubscriptionCreatedUpdatedCancelled,
                 {"CreateAccess", "", "credit card"},
                 {"UpdateAccess", "", "update, lock, cancel"}) {
  v1::CreateAccessRequest create;
  create.set_account(kAccount);
  create.set_reference(NewReference());
  create.set_productid("4711");
  create.set_access_starttime(1767225600);
  create.set_amount_trail(0);
  create.set_period_unit_trail(v1::PERIOD_UNIT_DAYS);
  create.set_period_length_trail(14);
  create.set_amount_recurring(999);
  create.set_period_unit_recurring(v1::PERIOD_UNIT_MONTHS);
  create.set_period_length_recurring(1);
  create.set_currency("EUR");
  create.mutable_personal_data()->set_lastname("Mustermann");
  create.mutable_personal_data()->set_country("DE");
  auto* card = create.mutable_credit_card();
  card->set_pseudocardpan("4100000227987220");
  card->set_cardtype(v1::CARD_TYPE_VISA);
  card->set_cardexpiredate("3012");
  const v1::CreateAccessResponse created =
      Call(&v1::PayoneGateway::Stub::CreateAccess, create);
  ASSERT_EQ(created.status(), v1::STATUS_APPROVED) << created.errormessage();
  EXPECT_FALSE(created.txid().empty());
  EXPECT_FALSE(created.userid().empty());
  ASSERT_FALSE(created.accessid().empty());

  v1::UpdateAccessRequest update;
  update.set_account(kAccount);
  update.set_accessid(created.accessid());
  update.set_action(v1::ACCESS_ACTION_UPDATE);
  update.set_amount_recurring(1299);
  update.mutable_sepa_direct_debit()->set_iban(kActiveIban);
  auto status = [&] {
    const v1::UpdateAccessResponse answer =
        Call(&v1::PayoneGateway::Stub::UpdateAccess, update);
    return answer.status() == v1::STATUS_OK ? 0 : answer.errorcode();
  };
  EXPECT_EQ(status(), 0);
  update.clear_payment_method();
  update.clear_amount_recurring();
  update.set_action(v1::ACCESS_ACTION_LOCK);
  EXPECT_EQ(status(), 0);
  EXPECT_EQ(status(), 7030);  // already locked
  update.set_action(v1::ACCESS_ACTION_CANCEL);
  update.set_access_canceltime(1769904000);
  EXPECT_EQ(status(), 0);
  update.set_accessid("999999");
  EXPECT_EQ(status(), 7005);
}

CONFORMANCE_TEST(UpdateReminderOfAnInvoice,
                 {"UpdateReminder", "", "reminderlevel"}) {
  auto request = PaymentOf<v1::AuthorizationRequest>(100);
  request.mutable_invoice();
  const v1::AuthorizationResponse paid =
      Call(&v1::PayoneGateway::Stub::Authorize, request);
  ASSERT_FALSE(paid.txid().empty()) << paid.errormessage();

  v1::UpdateReminderRequest reminder;
  reminder.set_account(kAccount);
  reminder.set_txid(paid.txid());
  reminder.set_reminderlevel(v1::REMINDER_LEVEL_2);
  reminder.set_remindertime(1769904000);
  reminder.set_sendreminder(true);
  const v1::UpdateReminderResponse updated =
      Call(&v1::PayoneGateway::Stub::UpdateReminder, reminder);
  EXPECT_EQ(updated.status(), v1::STATUS_OK) << updated.errormessage();

  reminder.set_txid("999999999");
  EXPECT_EQ(
      Call(&v1::PayoneGateway::Stub::UpdateReminder, reminder).errorcode(),
      913);
}

// ---------------------------------------------------------------------------
// The matrix itself

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

// Every row names a test of this binary.
TEST(MatrixTest, EveryRowIsATest) {
  std::set<std::string> tests;
  const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
  for (int i = 0; i < unit.total_test_suite_count(); ++i) {
    const ::testing::TestSuite& suite = *unit.GetTestSuite(i);
    for (int j = 0; j < suite.total_test_count(); ++j) {
      tests.insert(
          absl::StrCat(suite.name(), ".", suite.GetTestInfo(j)->name()));
    }
  }
  for (const MatrixEntry& entry : RegisteredCoverage()) {
    EXPECT_TRUE(tests.count(entry.test)) << entry.test;
  }
}

TEST(MatrixTest, EveryRpcAndPaymentMethodHasAGatewayLevelTest) {
  EXPECT_THAT(Uncovered(RegisteredCoverage()), ::testing::IsEmpty())
      << "add a test to tests/conformance/conformance_test.cc";
}

// docs/conformance-matrix.md is the table generated from the tests;
// $CONFORMANCE_MATRIX_OUT (set by generate_matrix.sh) writes it instead.
TEST(MatrixTest, DocumentedTableIsGeneratedFromTheTests) {
  const std::string table = RenderMatrix(RegisteredCoverage());
  if (const char* out = std::getenv("CONFORMANCE_MATRIX_OUT")) {
    std::ofstream(out) << table;
    return;
  }
  const std::string documented =
      ReadFile(absl::StrCat(std::getenv("TEST_SRCDIR"),
                            "/payone_gateway/docs/conformance-matrix.md"));
  if (documented == table) return;
  // Name the first line that differs rather than print both documents.
  const std::vector<std::string> want = absl::StrSplit(table, '\n');
  const std::vector<std::string> have = absl::StrSplit(documented, '\n');
  size_t line = 0;
  while (line < want.size() && line < have.size() && want[line] == have[line]) {
    ++line;
  }
  ADD_FAILURE() << "docs/conformance-matrix.md is stale at line " << line + 1
                << ": has \"" << (line < have.size() ? have[line] : "")
                << "\", the tests make \""
                << (line < want.size() ? want[line] : "")
                << "\"; run tests/conformance/generate_matrix.sh";
}

}  // namespace
}  // namespace payone::tests::conformance
