// TransactionStatus delivery: contents, sequence numbers and balances along
// a payment's life, ISO-8859-1, TSOK and the compressed retry schedule.

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"
#include "simulator/notifier.h"
#include "simulator/test_certs.h"
#include "simulator/testing.h"

namespace payone::simulator {
namespace {

using testing::CardPayment;
using testing::Client;
using testing::FieldValue;
using testing::LineValue;
using testing::ParseBody;
using testing::Receiver;

constexpr absl::Duration kWait = absl::Seconds(20);

// "txaction/sequencenumber/receivable/balance" of each body.
std::vector<std::string> Summary(const std::vector<std::string>& bodies) {
  std::vector<std::string> out;
  for (const std::string& body : bodies) {
    const auto fields = ParseBody(body);
    out.push_back(absl::StrJoin(
        {FieldValue(fields, "txaction"), FieldValue(fields, "sequencenumber"),
         FieldValue(fields, "receivable"), FieldValue(fields, "balance")},
        "/"));
  }
  return out;
}

class NotificationsTest : public ::testing::Test {
 protected:
  void Start(std::vector<std::string> answers = {}) {
    receiver_ = std::make_unique<Receiver>(std::move(answers));
    SimulatorOptions options = testing::TestOptions();
    options.notify_url = receiver_->url();
    sim_ = testing::StartSimulator(options);
    client_ = std::make_unique<Client>(*sim_);
  }

  std::string Book(const std::string& request, const std::string& txid,
                   testing::Fields fields) {
    fields.insert(fields.begin(), {{"txid", txid}, {"currency", "EUR"}});
    return client_->Call(request, fields);
  }

  std::unique_ptr<Receiver> receiver_;
  std::unique_ptr<Simulator> sim_;
  std::unique_ptr<Client> client_;
};

TEST_F(NotificationsTest, PaymentLifecycle) {
  Start();
  testing::Fields payment = CardPayment("NOTE-1", "10000");
  payment.push_back({"encoding", "UTF-8"});
  payment.push_back({"firstname", "Jörg"});
  payment[5].second = "Jäger";
  const std::string txid =
      LineValue(client_->Call("preauthorization", payment), "txid");
  ASSERT_EQ(txid, "700000001");
  Book("capture", txid, {{"amount", "4000"}, {"capturemode", "notcompleted"}});
  Book("capture", txid,
       {{"amount", "6000"},
        {"sequencenumber", "2"},
        {"capturemode", "completed"}});
  Book("refund", txid, {{"amount", "-1000"}, {"sequencenumber", "3"}});
  Book("debit", txid, {{"amount", "-500"}, {"sequencenumber", "4"}});
  ASSERT_TRUE(sim_->notifier().WaitForDelivered(7, kWait));
  const std::vector<std::string> bodies = receiver_->bodies();
  EXPECT_EQ(Summary(bodies), (std::vector<std::string>{
                                 "appointed/0/0.00/0.00",
                                 "capture/1/40.00/40.00", "paid/1/40.00/0.00",
                                 "capture/2/100.00/60.00", "paid/2/100.00/0.00",
                                 "refund/3/90.00/0.00", "debit/4/85.00/0.00"}));
  EXPECT_EQ(bodies[0],
            "key=aaf9c9ba75bc2898fad4ced11ee866d1&txaction=appointed&"
            "notify_version=7.5&transaction_status=completed&mode=test&"
            "portalid=2000001&aid=10001&clearingtype=cc&txtime=1768478400&"
            "currency=EUR&userid=400000001&txid=700000001&reference=NOTE-1&"
            "sequencenumber=0&price=100.00&receivable=0.00&balance=0.00&"
            "firstname=J%F6rg&lastname=J%E4ger&country=DE&"
            "cardpan=411111xxxxxx1111&cardtype=V&cardexpiredate=3012");
  EXPECT_EQ(FieldValue(ParseBody(bodies[6]), "transactiontype"), "GT");
  EXPECT_EQ(FieldValue(ParseBody(bodies[0]), "key"), Md5Hex("test-portal-key"));
}

TEST_F(NotificationsTest, RetriesUntilExactlyTsok) {
  Start({"ERROR", "TSOK\n", "\xef\xbb\xbfTSOK"});
  const std::string txid = LineValue(
      client_->Call("preauthorization", CardPayment("RETRY-1", "500")), "txid");
  Book("capture", txid, {{"amount", "500"}});
  ASSERT_TRUE(sim_->notifier().WaitForDelivered(3, kWait));
  // The capture waited for the appointed one to be acknowledged.
  EXPECT_EQ(Summary(receiver_->bodies()),
            (std::vector<std::string>{
                "appointed/0/0.00/0.00", "appointed/0/0.00/0.00",
                "appointed/0/0.00/0.00", "appointed/0/0.00/0.00",
                "capture/1/5.00/5.00", "paid/1/5.00/0.00"}));
  const auto log = sim_->notifier().Log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].attempts, 4);
  EXPECT_TRUE(log[0].delivered);
  EXPECT_EQ(log[1].attempts, 1);
  // Retries and later notifications reuse one keep-alive connection.
  EXPECT_EQ(receiver_->connections_accepted(), 1u);
}

TEST_F(NotificationsTest, GivesUpAfterTwelveRetries) {
  Start(std::vector<std::string>(13, "nope"));
  const std::string txid = LineValue(
      client_->Call("preauthorization", CardPayment("GIVEUP-1", "500")),
      "txid");
  ASSERT_TRUE(sim_->notifier().WaitForAttempts(13, kWait));
  Book("capture", txid, {{"amount", "500"}});
  const auto log = sim_->notifier().Log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_TRUE(log[0].abandoned);
  EXPECT_EQ(log[0].attempts, 13);
  EXPECT_EQ(log[0].last_answer, "nope");
  // Without TSOK, nothing further is sent for that payment.
  EXPECT_EQ(log[1].attempts, 0);
  EXPECT_EQ(sim_->notifier().delivered(), 0u);
}

TEST_F(NotificationsTest, ReleaseSendsCancelation) {
  Start();
  const std::string txid = LineValue(
      client_->Call("preauthorization", CardPayment("CANCEL-1", "500")),
      "txid");
  Book("capture", txid, {{"amount", "0"}});
  ASSERT_TRUE(sim_->notifier().WaitForDelivered(2, kWait));
  EXPECT_EQ(Summary(receiver_->bodies()),
            (std::vector<std::string>{"appointed/0/0.00/0.00",
                                      "cancelation/1/0.00/0.00"}));
}

TEST_F(NotificationsTest, ReturnedDirectDebitFails) {
  Start();
  testing::Fields sepa = {
      {"aid", "10001"},          {"clearingtype", "elv"},
      {"reference", "RETURN-1"}, {"amount", "2500"},
      {"currency", "EUR"},       {"lastname", "Tester"},
      {"country", "DE"},         {"iban", "DE00123456782599100099"}};
  ASSERT_EQ(LineValue(client_->Call("authorization", sepa), "status"),
            "APPROVED");
  ASSERT_TRUE(sim_->notifier().WaitForDelivered(3, kWait));
  const auto bodies = receiver_->bodies();
  EXPECT_EQ(Summary(bodies), (std::vector<std::string>{
                                 "appointed/0/25.00/25.00", "paid/0/25.00/0.00",
                                 "failed/0/25.00/25.00"}));
  EXPECT_EQ(FieldValue(ParseBody(bodies[2]), "failedcause"), "soc");
  EXPECT_EQ(FieldValue(ParseBody(bodies[0]), "mandate_identification"),
            "PO-0000000001");
}

TEST_F(NotificationsTest, RedirectPaymentsAppointOnReturn) {
  Start();
  testing::Fields wallet =
      testing::Payment("wlt", "PAL-1", "111",
                       {{"wallettype", "PAL"},
                        {"successurl", "https://shop.example/ok"},
                        {"errorurl", "https://shop.example/error"},
                        {"backurl", "https://shop.example/back"}});
  ASSERT_EQ(LineValue(client_->Call("authorization", wallet), "status"),
            "REDIRECT");
  EXPECT_TRUE(sim_->notifier().Log().empty());
  auto page = client_->Get("/redirect/?md=700000001x1&txid=700000001");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->Header("location"), "https://shop.example/ok");
  // The docs' sample: appointed with balance 1.11, then paid.
  ASSERT_TRUE(sim_->notifier().WaitForDelivered(2, kWait));
  EXPECT_EQ(
      Summary(receiver_->bodies()),
      (std::vector<std::string>{"appointed/0/1.11/1.11", "paid/0/1.11/0.00"}));
}

TEST_F(NotificationsTest, PrepaymentPaidByTransferThenCaptured) {
  Start();
  const std::string txid =
      LineValue(client_->Call("preauthorization",
                              testing::Payment("vor", "VOR-N", "10000")),
                "txid");
  EXPECT_TRUE(sim_->SimulateIncomingPayment("2000001", txid, 4000).ok());
  // Over HTTP as well, for tests that run the simulator as a process.
  auto event = testing::HttpPostForm(
      sim_->base_url() + "/simulator/incoming-payment",
      {{"portalid", "2000001"}, {"txid", txid}, {"amount", "6000"}});
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->body, "status=OK\n");
  EXPECT_EQ(
      LineValue(Book("capture", txid, {{"amount", "10000"}}), "settleaccount"),
      "no");
  EXPECT_EQ(sim_->SimulateIncomingPayment("2000001", "1", 5).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(sim_->SimulateChargeback("2000001", txid, "xyz").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(sim_->SimulateChargeback("2000001", txid, "rcl").ok());
  ASSERT_TRUE(sim_->notifier().WaitForDelivered(5, kWait));
  EXPECT_EQ(Summary(receiver_->bodies()),
            (std::vector<std::string>{
                "appointed/0/0.00/0.00", "underpaid/0/0.00/-40.00",
                "paid/0/0.00/-100.00", "capture/1/100.00/0.00",
                "failed/1/100.00/100.00"}));
  EXPECT_EQ(FieldValue(ParseBody(receiver_->bodies()[4]), "failedcause"),
            "rcl");
}

TEST(NotificationsTls, DeliversOverHttpsToATrustedReceiver) {
  auto certs = GenerateTestCerts();
  ASSERT_TRUE(certs.ok());
  HttpServerOptions tls;
  tls.tls_cert_pem = certs->server_cert_pem;
  tls.tls_key_pem = certs->server_key_pem;
  Receiver receiver({}, tls);
  ASSERT_TRUE(absl::StartsWith(receiver.url(), "https://"));
  SimulatorOptions options = testing::TestOptions();
  options.notify_url = receiver.url();
  options.notify_ca_pem = certs->ca_cert_pem;
  auto sim = testing::StartSimulator(options);
  Client client(*sim);
  ASSERT_EQ(
      LineValue(client.Call("preauthorization", CardPayment("TLS-NOTE", "100")),
                "status"),
      "APPROVED");
  ASSERT_TRUE(sim->notifier().WaitForDelivered(1, kWait));
  EXPECT_EQ(FieldValue(ParseBody(receiver.bodies()[0]), "txaction"),
            "appointed");
}

TEST(NotifierStop, CancelsADeliveryInFlight) {
  absl::Notification arrived;
  auto hanging = HttpServer::Start({}, [&arrived](const HttpRequest&) {
    arrived.Notify();
    HttpResponse response;
    response.transport = Transport::kHang;
    return response;
  });
  ASSERT_TRUE(hanging.ok()) << hanging.status();
  NotifierOptions options;
  options.timeout = absl::Hours(1);  // only the cancellation ends the wait
  Notifier notifier(options);
  notifier.Send(
      absl::StrCat("http://127.0.0.1:", (*hanging)->port(), "/status"),
      700000001, {{"txaction", "appointed"}});
  arrived.WaitForNotification();
  notifier.Stop();
  // Cancelled, not answered: no attempt counted, nothing delivered.
  EXPECT_EQ(notifier.attempts(), 0u);
  ASSERT_EQ(notifier.Log().size(), 1u);
  EXPECT_FALSE(notifier.Log()[0].delivered);
}

}  // namespace
}  // namespace payone::simulator
