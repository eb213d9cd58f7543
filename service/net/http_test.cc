// service/net's client and server against each other.
#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/net/http_client.h"
#include "service/net/http_server.h"
#include "simulator/test_certs.h"

namespace payone::net {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<HttpServer> Serve(HttpServerOptions options,
                                  SimpleHttpHandler handler) {
  auto server = HttpServer::Start(std::move(options),
                                  MakeSimpleHandler(std::move(handler)));
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
}

ServerResponse Echo(const ServerRequest& request) {
  ServerResponse response;
  response.body =
      absl::StrCat(request.head.method, " ", request.head.target, " ",
                   request.head.Header("x-test"), " ", request.body);
  response.headers = {{"X-Seen-Peer", request.head.peer}};
  return response;
}

HttpClientOptions To(const std::string& url) {
  HttpClientOptions options;
  options.url = url;
  return options;
}

std::unique_ptr<HttpClient> Client(HttpClientOptions options) {
  auto client = HttpClient::Create(options);
  EXPECT_TRUE(client.ok()) << client.status();
  return client.ok() ? *std::move(client) : nullptr;
}

TEST(Http, KeepAliveRequestsWithMethodsTargetsAndHeaders) {
  auto server = Serve({}, Echo);
  HttpClientOptions options =
      To(absl::StrCat("http://127.0.0.1:", server->port(), "/base"));
  options.response_headers = true;
  auto client = Client(options);
  ClientRequest post;
  post.body = "a=1";
  post.headers = {{"X-Test", "yes"}};
  HttpResult result = client->SendAndWait(post);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.http_status, 200);
  EXPECT_EQ(result.body, "POST /base yes a=1");
  EXPECT_EQ(result.content_type, "text/plain");
  EXPECT_THAT(result.headers,
              ::testing::Contains(std::make_pair(std::string("X-Seen-Peer"),
                                                 std::string("127.0.0.1"))));
  ClientRequest get;
  get.method = "GET";
  get.target = "/other?q=1";
  result = client->SendAndWait(get);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.body, "GET /other?q=1  ");
  EXPECT_TRUE(result.reused_connection);
  EXPECT_EQ(server->connections_accepted(), 1u);
}

TEST(Http, Ipv6Loopback) {
  HttpServerOptions options;
  options.listen_address = "[::1]:0";
  auto server = HttpServer::Start(options, MakeSimpleHandler(Echo));
  if (!server.ok()) GTEST_SKIP() << "no IPv6 loopback: " << server.status();
  auto client =
      Client(To(absl::StrCat("http://[::1]:", (*server)->port(), "/")));
  const HttpResult result = client->SendAndWait({});
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.body, "POST /  ");
}

TEST(Http, WithoutKeepAliveEveryRequestHasItsConnection) {
  auto server = Serve({}, Echo);
  HttpClientOptions options =
      To(absl::StrCat("http://127.0.0.1:", server->port(), "/"));
  options.keep_alive = false;
  auto client = Client(options);
  for (int i = 0; i < 3; ++i) {
    const HttpResult result = client->SendAndWait({});
    ASSERT_TRUE(result.status.ok()) << result.status;
    EXPECT_FALSE(result.reused_connection);
  }
  EXPECT_EQ(server->connections_accepted(), 3u);
}

TEST(Http, RequestsThatWouldBreakTheHeadAreNotSent) {
  auto server = Serve({}, Echo);
  auto client =
      Client(To(absl::StrCat("http://127.0.0.1:", server->port(), "/")));
  ClientRequest request;
  request.headers = {{"X-Test", "a\r\nX-Injected: 1"}};
  const HttpResult result = client->SendAndWait(request);
  EXPECT_EQ(result.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(result.delivery, Delivery::kNotSent);
  EXPECT_EQ(server->connections_accepted(), 0u);
}

TEST(Http, BodyLimitAndRefusalBeforeTheBody) {
  class Refusing : public HttpHandler {
   public:
    std::optional<ServerResponse> OnHead(const RequestHead& head) override {
      if (head.target != "/refuse") return std::nullopt;
      ServerResponse response;
      response.status = 403;
      return response;
    }
    std::optional<ServerResponse> OnBodyTooLarge() override {
      ServerResponse response;
      response.status = 413;
      return response;
    }
    void OnRequest(ServerRequest, Respond respond) override {
      respond(ServerResponse());
    }
  };
  HttpServerOptions options;
  options.max_body_bytes = 16;
  auto server =
      HttpServer::Start(options, [] { return std::make_unique<Refusing>(); });
  ASSERT_TRUE(server.ok()) << server.status();
  auto client =
      Client(To(absl::StrCat("http://127.0.0.1:", (*server)->port(), "/")));
  ClientRequest big;
  big.body = std::string(64, 'x');
  HttpResult result = client->SendAndWait(big);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.http_status, 413);
  ClientRequest refused;
  refused.target = "/refuse";
  refused.body = "a=1";
  result = client->SendAndWait(refused);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.http_status, 403);
  result = client->SendAndWait({});
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.http_status, 200);
}

TEST(Http, TruncatedAnswerIsReportedAsSuch) {
  auto server = Serve({}, [](const ServerRequest&) {
    ServerResponse response;
    response.body = "0123456789";
    response.fault = Fault::kTruncate;
    return response;
  });
  auto client =
      Client(To(absl::StrCat("http://127.0.0.1:", server->port(), "/")));
  const HttpResult result = client->SendAndWait({});
  EXPECT_EQ(result.status.code(), absl::StatusCode::kUnknown);
  EXPECT_EQ(result.delivery, Delivery::kOutcomeUnknown);
  EXPECT_EQ(result.read_failure, ReadFailure::kTruncated);
  EXPECT_THAT(result.status.message(), HasSubstr("may have reached"));
}

TEST(Http, DeadlineAndDrain) {
  std::atomic<int> seen{0};
  class Holding : public HttpHandler {
   public:
    explicit Holding(std::atomic<int>* seen) : seen_(seen) {}
    void OnRequest(ServerRequest, Respond respond) override {
      ++*seen_;
      ServerResponse response;
      response.delay = absl::Milliseconds(300);
      respond(std::move(response));
    }

   private:
    std::atomic<int>* seen_;
  };
  auto server = HttpServer::Start(
      {}, [&seen] { return std::make_unique<Holding>(&seen); });
  ASSERT_TRUE(server.ok()) << server.status();
  auto client =
      Client(To(absl::StrCat("http://127.0.0.1:", (*server)->port(), "/")));
  ClientRequest hurried;
  hurried.deadline = absl::Now() + absl::Milliseconds(50);
  HttpResult result = client->SendAndWait(hurried);
  EXPECT_EQ(result.status.code(), absl::StatusCode::kDeadlineExceeded);
  // A request in flight when the drain starts is still answered.
  HttpResult in_flight;
  std::thread caller([&] { in_flight = client->SendAndWait({}); });
  while (seen < 2) absl::SleepFor(absl::Milliseconds(1));
  (*server)->Drain(absl::Seconds(10));
  caller.join();
  ASSERT_TRUE(in_flight.status.ok()) << in_flight.status;
  EXPECT_EQ(in_flight.http_status, 200);
  // And then the server takes no more.
  result = client->SendAndWait({});
  EXPECT_FALSE(result.status.ok());
}

TEST(Http, TlsVerifiesThePeerByNameAndAddressAndCanAskForClientCerts) {
  auto certs = simulator::GenerateTestCerts();
  ASSERT_TRUE(certs.ok()) << certs.status();
  HttpServerOptions options;
  options.tls.cert_pem = certs->server_cert_pem;
  options.tls.key_pem = certs->server_key_pem;
  auto server = Serve(options, Echo);
  ASSERT_TRUE(server->tls());
  const std::string port = std::to_string(server->port());
  for (const std::string host : {"localhost", "127.0.0.1"}) {
    HttpClientOptions trusting;
    trusting.url = absl::StrCat("https://", host, ":", port, "/");
    trusting.tls.ca_pem = certs->ca_cert_pem;
    const HttpResult result = Client(trusting)->SendAndWait({});
    ASSERT_TRUE(result.status.ok()) << host << ": " << result.status;
    EXPECT_EQ(result.http_status, 200);
  }
  // The system store does not know the test CA.
  HttpClientOptions system;
  system.url = absl::StrCat("https://localhost:", port, "/");
  EXPECT_EQ(Client(system)->SendAndWait({}).status.code(),
            absl::StatusCode::kUnavailable);

  // Mutual TLS: the server wants a client certificate from its CA.
  options.tls.client_ca_pem = certs->ca_cert_pem;
  auto mutual = Serve(options, Echo);
  HttpClientOptions anonymous;
  anonymous.url = absl::StrCat("https://localhost:", mutual->port(), "/");
  anonymous.tls.ca_pem = certs->ca_cert_pem;
  EXPECT_FALSE(Client(anonymous)->SendAndWait({}).status.ok());
  // (The test CA issues server certificates only, so the accepted case is
  // not exercised here.)
}

TEST(Tls, UnusableMaterialIsRefused) {
  TlsServerOptions server;
  server.cert_pem = "not a certificate";
  server.key_pem = "not a key";
  EXPECT_THAT(MakeServerTlsContext(server).status().message(),
              HasSubstr("TLS certificate or key not usable"));
  TlsClientOptions client;
  client.ca_file = "/nonexistent/ca.pem";
  EXPECT_THAT(MakeClientTlsContext(client).status().message(),
              HasSubstr("/nonexistent/ca.pem"));
}

}  // namespace
}  // namespace payone::net
