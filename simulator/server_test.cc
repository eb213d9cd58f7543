// The simulator's HTTP side: keep-alive, TLS with a generated CA, routing,
// hostile input, idle timeouts and every fault kind.

#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "codec/runtime/response_lines.h"
#include "gtest/gtest.h"
#include "simulator/test_certs.h"
#include "simulator/testing.h"

namespace payone::simulator {
namespace {

using testing::CardPayment;
using testing::Client;
using testing::Fields;
using testing::LineValue;

constexpr char kApproved[] = "APPROVED";

class ServerTest : public testing::SimulatorTest {
 protected:
  std::string Status(const std::string& reference) {
    return LineValue(
        client_.Call("preauthorization", CardPayment(reference, "100")),
        "status");
  }

  // One preauthorization for `reference` on a fresh connection.
  absl::StatusOr<ClientResponse> Once(const std::string& reference,
                                      ClientOptions options = {}) {
    Client client(*sim_, options);
    Fields fields = {{"mid", "10000"},
                     {"portalid", "2000001"},
                     {"key", Md5Hex("test-portal-key")},
                     {"mode", "test"},
                     {"request", "preauthorization"}};
    for (const auto& field : CardPayment(reference, "100")) {
      fields.push_back(field);
    }
    return client.PostForm(fields);
  }

  void Fault(const char* spec) {
    auto rule = ParseFault(spec);
    ASSERT_TRUE(rule.ok()) << rule.status();
    sim_->AddFault(*rule);
  }
};

TEST_F(ServerTest, KeepAliveReusesOneConnection) {
  EXPECT_EQ(Status("KA-1"), kApproved);
  EXPECT_EQ(Status("KA-2"), kApproved);
  EXPECT_EQ(Status("KA-3"), kApproved);
  EXPECT_EQ(sim_->connections_accepted(), 1u);
}

TEST(ServerLog, OneLinePerRequestWithoutCardData) {
  absl::Mutex mu;
  std::vector<std::string> lines;
  SimulatorOptions options = testing::TestOptions();
  options.request_log = [&](const std::string& line) {
    absl::MutexLock lock(&mu);
    lines.push_back(line);
  };
  auto sim = testing::StartSimulator(options);
  Client client(*sim);
  client.Call("preauthorization", CardPayment("LOG-1", "100"));
  client.Call("preauthorization", CardPayment("LOG-1", "100"));
  absl::MutexLock lock(&mu);
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                "request=preauthorization portalid=2000001 "
                "reference=LOG-1 amount=100 status=APPROVED txid=700000001",
                "request=preauthorization portalid=2000001 "
                "reference=LOG-1 amount=100 status=ERROR errorcode=911"}));
}

TEST(ServerStop, DropsHangingConnectionsAndRefusesNewOnes) {
  absl::Notification answered;
  SimulatorOptions options = testing::TestOptions();
  options.faults = {*ParseFault("hang")};
  options.request_log = [&](const std::string&) { answered.Notify(); };
  auto sim = testing::StartSimulator(options);
  ClientOptions patient;
  patient.timeout = absl::Seconds(60);
  absl::Status result;
  std::thread waiter([&] {
    Client client(*sim, patient);
    result = client.PostForm({{"mid", "10000"}}).status();
  });
  answered.WaitForNotification();
  const absl::Time start = absl::Now();
  sim->Stop();
  waiter.join();
  EXPECT_LT(absl::Now() - start, absl::Seconds(30));
  EXPECT_EQ(result.code(), absl::StatusCode::kDataLoss) << result;
  Client late(*sim);
  EXPECT_EQ(late.PostForm({{"mid", "10000"}}).status().code(),
            absl::StatusCode::kUnavailable);
}

TEST_F(ServerTest, RoutesOnlyTheGatewayAndRedirects) {
  auto response = client_.Get("/post-gateway/");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 405);
  response = client_.Get("/elsewhere");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
}

TEST_F(ServerTest, MalformedFormsAndEncodings) {
  auto url = ParseUrl(sim_->gateway_url());
  auto connection = HttpConnection::Connect(*url);
  ASSERT_TRUE(connection.ok());
  auto response = (*connection)->Send("POST", "/post-gateway/", "mid=%zz");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(LineValue(response->body, "errorcode"), "2008");
  response =
      (*connection)
          ->Send("POST", "/post-gateway/", "encoding=UTF-8&lastname=J%E4ger");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(LineValue(response->body, "errorcode"), "2013");
  response = (*connection)->Send("POST", "/post-gateway/", "encoding=EBCDIC");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(LineValue(response->body, "errorcode"), "1201");
  // Raw and percent-encoded brackets read the same.
  const std::string key = Sha384Hex("test-portal-key");
  response =
      (*connection)
          ->Send("POST", "/post-gateway/",
                 absl::StrCat(
                     "mid=10000&portalid=2000001&key=", key,
                     "&mode=test&request=genericpayment&aid=10001"
                     "&clearingtype=wlt&wallettype=PPE&amount=100&currency=EUR"
                     "&add_paydata%5Baction%5D=nonsense"));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(LineValue(response->body, "errormessage"),
            "Parameter {add_paydata[action]} faulty or missing");
}

TEST_F(ServerTest, AnswersExpectContinue) {
  auto url = ParseUrl(sim_->gateway_url());
  auto connection = HttpConnection::Connect(*url);
  ASSERT_TRUE(connection.ok());
  const std::string body = "mid=10000";
  auto answer =
      (*connection)
          ->SendRaw(absl::StrCat(
              "POST /post-gateway/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
              "Expect: 100-continue\r\nContent-Length: ",
              body.size(), "\r\n\r\n", body));
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_TRUE(absl::StartsWith(*answer, "HTTP/1.1 100 Continue\r\n\r\n"))
      << *answer;
  EXPECT_NE(answer->find("errorcode=1205"), std::string::npos) << *answer;
}

TEST_F(ServerTest, HostileInputIsDroppedAndServiceGoesOn) {
  auto url = ParseUrl(sim_->gateway_url());
  ClientOptions quick;
  quick.timeout = absl::Seconds(5);
  for (const std::string& junk :
       {std::string("GARBAGE\r\n\r\n"),
        std::string("POST /post-gateway/ HTTP/1.1\r\nContent-Length: "
                    "99999999999\r\n\r\nabc"),
        std::string("POST /post-gateway/ HTTP/1.1\r\nX: ") +
            std::string(40000, 'x') + "\r\n\r\n",
        std::string("\0\xff\xfe\r\n\r\n", 7)}) {
    auto connection = HttpConnection::Connect(*url, quick);
    ASSERT_TRUE(connection.ok());
    auto answer = (*connection)->SendRaw(junk);
    EXPECT_TRUE(answer.ok()) << answer.status();
    if (answer.ok()) {
      EXPECT_EQ(*answer, "");
    }
  }
  EXPECT_EQ(Status("AFTER-JUNK"), kApproved);
}

TEST_F(ServerTest, ConcurrentClientsGetDistinctProcesses) {
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::vector<std::vector<std::string>> txids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t, &txids] {
      Client client(*sim_);
      for (int i = 0; i < kEach; ++i) {
        txids[t].push_back(LineValue(
            client.Call("authorization",
                        CardPayment(absl::StrCat("PAR-", t, "-", i), "100")),
            "txid"));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> unique;
  for (const auto& list : txids) unique.insert(list.begin(), list.end());
  unique.erase("");
  EXPECT_EQ(unique.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(sim_->connections_accepted(), static_cast<size_t>(kThreads));
}

TEST(ServerLimits, ConnectionsBeyondTheLimitAreClosed) {
  HttpServerOptions options;
  options.server.max_connections = 1;
  auto server = HttpServer::Start(options, [](const HttpRequest&) {
    HttpResponse response;
    response.body = "ok";
    return response;
  });
  ASSERT_TRUE(server.ok());
  const Url url{false, "127.0.0.1", (*server)->port(), "/"};
  auto first = HttpConnection::Connect(url);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE((*first)->Send("GET", "/", "").ok());
  auto second = HttpConnection::Connect(url);
  ASSERT_TRUE(second.ok());
  // The kernel accepts; the server then closes.
  EXPECT_EQ((*second)->Send("GET", "/", "").status().code(),
            absl::StatusCode::kUnavailable);
  first->reset();
  // A freed slot serves again (the session ends when its socket closes).
  absl::StatusOr<ClientResponse> third;
  for (int i = 0; i < 100; ++i) {
    auto connection = HttpConnection::Connect(url);
    ASSERT_TRUE(connection.ok());
    third = (*connection)->Send("GET", "/", "");
    if (third.ok()) break;
  }
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->body, "ok");
}

TEST(ServerIpv6, ClientsReachItThroughABracketedUrl) {
  HttpServerOptions options;
  options.host = "::1";
  auto server = HttpServer::Start(options, [](const HttpRequest& request) {
    HttpResponse response;
    response.body = absl::StrCat(
        request.target, " ", request.Header("content-type"), " ", request.body);
    return response;
  });
  if (!server.ok()) GTEST_SKIP() << "no IPv6 loopback: " << server.status();
  auto answer =
      HttpPost(absl::StrCat("http://[::1]:", (*server)->port(), "/status?x=1"),
               "a=1", {{"content-type", "text/plain"}});
  ASSERT_TRUE(answer.ok()) << answer.status();
  // The header given replaces the form type instead of adding a second one.
  EXPECT_EQ(answer->body, "/status?x=1 text/plain a=1");
  // Raw bytes go to the same bracketed host.
  auto connection = HttpConnection::Connect(
      *ParseUrl(absl::StrCat("http://[::1]:", (*server)->port(), "/")));
  ASSERT_TRUE(connection.ok());
  auto raw =
      (*connection)
          ->SendRaw(
              "GET /raw HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(raw.ok()) << raw.status();
  EXPECT_TRUE(absl::StartsWith(*raw, "HTTP/1.1 200 OK\r\n")) << *raw;
  EXPECT_TRUE(absl::EndsWith(*raw, "/raw  ")) << *raw;
}

TEST(ServerIdle, IdleConnectionsAreClosed) {
  SimulatorOptions options = testing::TestOptions();
  options.idle_timeout = absl::Milliseconds(200);
  auto sim = testing::StartSimulator(options);
  auto url = ParseUrl(sim->gateway_url());
  ClientOptions patient;
  patient.timeout = absl::Seconds(10);
  auto connection = HttpConnection::Connect(*url, patient);
  ASSERT_TRUE(connection.ok());
  const absl::Time start = absl::Now();
  // Half a request line, then silence: the server gives up, not us.
  auto answer = (*connection)->SendRaw("POST /post-");
  EXPECT_TRUE(answer.ok()) << answer.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

TEST(ServerTls, ServesHttpsVerifiedWithTheGeneratedCa) {
  auto certs = GenerateTestCerts();
  ASSERT_TRUE(certs.ok()) << certs.status();
  SimulatorOptions options = testing::TestOptions();
  options.tls_cert_pem = certs->server_cert_pem;
  options.tls_key_pem = certs->server_key_pem;
  auto sim = testing::StartSimulator(options);
  EXPECT_EQ(sim->gateway_url(),
            absl::StrCat("https://127.0.0.1:", sim->port(), "/post-gateway/"));
  ClientOptions trusting;
  trusting.ca_pem = certs->ca_cert_pem;
  Client client(*sim, trusting);
  EXPECT_EQ(client.Call("preauthorization", CardPayment("TLS-1", "100")),
            "status=APPROVED\ntxid=700000001\nuserid=400000001\n");
  // Redirect URLs point at the TLS server too.
  Fields cc = CardPayment("TLS-2", "100", "4012001037141112");
  cc.push_back({"successurl", "https://shop.example/ok"});
  cc.push_back({"errorurl", "https://shop.example/error"});
  EXPECT_EQ(LineValue(client.Call("preauthorization", cc), "redirecturl"),
            absl::StrCat("https://127.0.0.1:", sim->port(),
                         "/3ds/redirect.php?md=700000002x1&txid=700000002"));

  // Without the CA the handshake fails: verification is real.
  Client untrusting(*sim);
  auto refused = untrusting.PostForm({{"mid", "1"}});
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kUnavailable)
      << refused.status();
  // Another CA's certificate is not trusted either.
  auto other = GenerateTestCerts();
  ASSERT_TRUE(other.ok());
  ClientOptions wrong;
  wrong.ca_pem = other->ca_cert_pem;
  Client mistrusting(*sim, wrong);
  EXPECT_FALSE(mistrusting.PostForm({{"mid", "1"}}).ok());
}

TEST(ServerTls, RejectsUnusableKeyMaterial) {
  SimulatorOptions options = testing::TestOptions();
  options.tls_cert_pem = "not a certificate";
  options.tls_key_pem = "not a key";
  EXPECT_EQ(Simulator::Start(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(TestCerts, WritesPemFiles) {
  auto certs = GenerateTestCerts();
  ASSERT_TRUE(certs.ok());
  EXPECT_NE(certs->ca_cert_pem.find("BEGIN CERTIFICATE"), std::string::npos);
  EXPECT_NE(certs->server_key_pem.find("PRIVATE KEY"), std::string::npos);
  const char* dir = std::getenv("TEST_TMPDIR");
  ASSERT_NE(dir, nullptr);
  auto files = WriteTestCerts(*certs, dir);
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_EQ(files->server_key, absl::StrCat(dir, "/server.key"));
}

TEST_F(ServerTest, FaultLatencyDelaysTheAnswer) {
  Fault("latency=300ms,reference=SLOW-*");
  const absl::Time start = absl::Now();
  EXPECT_EQ(Status("SLOW-1"), kApproved);
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(300));
}

TEST_F(ServerTest, FaultResetBeforeProcessing) {
  Fault("reset_before,reference=RB-*,times=1");
  auto response = Once("RB-1");
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable)
      << response.status();
  // Not processed: the same reference is still free.
  EXPECT_EQ(Status("RB-1"), kApproved);
}

TEST_F(ServerTest, FaultResetAfterProcessing) {
  Fault("reset_after,reference=RA-*,times=1");
  auto response = Once("RA-1");
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable)
      << response.status();
  // Processed: the reference is taken.
  EXPECT_EQ(
      LineValue(client_.Call("preauthorization", CardPayment("RA-1", "100")),
                "errorcode"),
      "911");
}

TEST_F(ServerTest, FaultHttpErrorsAreNotProcessed) {
  for (const char* code : {"500", "502", "503"}) {
    const std::string reference = absl::StrCat("HTTP-", code);
    Fault(absl::StrCat("http", code, ",reference=", reference, ",times=1")
              .c_str());
    auto response = Once(reference);
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ(absl::StrCat(response->status), code);
    EXPECT_EQ(response->Header("content-type"), "text/html");
    EXPECT_EQ(Status(reference), kApproved);
  }
}

TEST_F(ServerTest, FaultTruncatedGarbageAndHangingAnswers) {
  Fault("truncate,reference=TR-*");
  EXPECT_EQ(Once("TR-1").status().code(), absl::StatusCode::kDataLoss);

  Fault("garbage,reference=GB-*");
  auto garbage = Once("GB-1");
  ASSERT_TRUE(garbage.ok()) << garbage.status();
  EXPECT_EQ(garbage->status, 200);
  EXPECT_FALSE(codec::ParseResponseLines(garbage->body).ok());

  Fault("hang,reference=HG-*");
  ClientOptions impatient;
  impatient.timeout = absl::Milliseconds(300);
  EXPECT_EQ(Once("HG-1", impatient).status().code(),
            absl::StatusCode::kDeadlineExceeded);
}

TEST_F(ServerTest, FaultsSelectByPortal) {
  Fault("http503,portal=2000003");
  EXPECT_EQ(Status("PORTAL-1"), kApproved);
  Account other = testing::TestAccount();
  other.portalid = "2000003";
  Client client(*sim_);
  EXPECT_EQ(
      client.Call("preauthorization", CardPayment("PORTAL-2", "100"), other),
      "<html><body>Service Unavailable</body></html>");
  sim_->ClearFaults();
  EXPECT_EQ(LineValue(client.Call("preauthorization",
                                  CardPayment("PORTAL-2", "100"), other),
                      "status"),
            kApproved);
}

}  // namespace
}  // namespace payone::simulator
