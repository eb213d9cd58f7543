#include "service/upstream/http_client.h"

#include <sys/socket.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::service {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using ::testing::HasSubstr;

// What the fake upstream does with a request it has read.
enum class Behaviour {
  kAnswer,          // 200 with "status=APPROVED", keep-alive
  kAnswerAndClose,  // 200 with Connection: close
  kCloseWithoutAnswer,
  kHold,              // never answers (until the test releases it)
  kOversize,          // a body larger than the client accepts
  kDribble,           // the answer one byte per send
  kAnswerUntilClose,  // no Content-Length: the body ends when the server closes
  kAnswerChunked,     // Transfer-Encoding: chunked, keep-alive
};

// A plain-HTTP upstream on 127.0.0.1:0, one thread per connection.
class FakeUpstream {
 public:
  FakeUpstream()
      : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    accept_thread_ = std::thread([this] { AcceptLoop(); });
  }
  ~FakeUpstream() {
    Release();
    stopping_ = true;
    // shutdown(), unlike close(), wakes threads blocked in accept or read.
    ::shutdown(acceptor_.native_handle(), SHUT_RDWR);
    CloseConnections();
    accept_thread_.join();
    for (auto& thread : connection_threads_) thread.join();
  }

  std::string url() const {
    return "http://127.0.0.1:" +
           std::to_string(acceptor_.local_endpoint().port()) + "/post-gateway/";
  }
  void set_behaviour(Behaviour behaviour) { behaviour_ = behaviour; }
  int connections() const { return connections_; }
  int requests() const { return requests_; }
  // Lets held requests go (they are then dropped without an answer).
  void Release() {
    if (!release_.HasBeenNotified()) release_.Notify();
  }
  // Blocks until the upstream has read `n` requests in total.
  void AwaitRequests(int n) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return requests_ >= n; });
  }
  // Closes every connection the upstream holds (idle keep-alive ones too).
  void CloseConnections() {
    std::lock_guard<std::mutex> lock(mu_);
    beast::error_code ignored;
    for (auto& socket : sockets_)
      socket->shutdown(tcp::socket::shutdown_both, ignored);
  }
  std::string last_body() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_body_;
  }
  std::string last_content_type() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_content_type_;
  }
  // Host|User-Agent|Content-Length|target of the last request.
  std::string last_head() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_head_;
  }

 private:
  void AcceptLoop() {
    while (!stopping_) {
      auto socket = std::make_shared<tcp::socket>(io_);
      beast::error_code ec;
      acceptor_.accept(*socket, ec);
      if (ec) return;
      ++connections_;
      std::lock_guard<std::mutex> lock(mu_);
      sockets_.push_back(socket);
      connection_threads_.emplace_back([this, socket] { Serve(*socket); });
    }
  }

  void Serve(tcp::socket& socket) {
    beast::flat_buffer buffer;
    while (true) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      beast::error_code ec;
      http::read(socket, buffer, parser, ec);
      if (ec) return;
      http::request<http::string_body> request = parser.release();
      {
        std::lock_guard<std::mutex> lock(mu_);
        last_body_ = request.body();
        last_content_type_ = std::string(request[http::field::content_type]);
        last_head_ = std::string(request[http::field::host]) + "|" +
                     std::string(request[http::field::user_agent]) + "|" +
                     std::string(request[http::field::content_length]) + "|" +
                     std::string(request.target());
        ++requests_;
      }
      cv_.notify_all();
      http::response<http::string_body> response(http::status::ok, 11);
      response.set(http::field::content_type, "text/plain; charset=UTF-8");
      response.body() = "status=APPROVED\ntxid=42\n";
      switch (behaviour_.load()) {
        case Behaviour::kAnswer:
        case Behaviour::kAnswerChunked:
          break;
        case Behaviour::kAnswerAndClose:
          response.keep_alive(false);
          break;
        case Behaviour::kCloseWithoutAnswer:
          socket.close(ec);
          return;
        case Behaviour::kHold:
          release_.WaitForNotification();
          socket.close(ec);
          return;
        case Behaviour::kOversize:
          response.body() = std::string(4096, 'x');
          break;
        case Behaviour::kDribble: {
          response.prepare_payload();
          std::ostringstream out;
          out << response;
          socket.set_option(tcp::no_delay(true), ec);
          for (char c : out.str()) {
            if (asio::write(socket, asio::buffer(&c, 1), ec) != 1) return;
          }
          continue;
        }
        case Behaviour::kAnswerUntilClose: {
          response.keep_alive(false);
          std::ostringstream out;
          out << response.base();
          const std::string text = out.str() + response.body();
          asio::write(socket, asio::buffer(text), ec);
          socket.shutdown(tcp::socket::shutdown_both, ec);
          return;
        }
      }
      response.prepare_payload();
      if (behaviour_ == Behaviour::kAnswerChunked) response.chunked(true);
      http::write(socket, response, ec);
      if (ec || !response.keep_alive()) return;
    }
  }

  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::atomic<bool> stopping_{false};
  std::atomic<Behaviour> behaviour_{Behaviour::kAnswer};
  std::atomic<int> connections_{0};
  absl::Notification release_;
  std::thread accept_thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  int requests_ = 0;
  std::string last_body_;
  std::string last_content_type_;
  std::string last_head_;
  std::vector<std::shared_ptr<tcp::socket>> sockets_;
  std::vector<std::thread> connection_threads_;
};

// Posts and waits for the callback.
class PendingResult {
 public:
  HttpClient::Callback callback() {
    return [this](HttpResult result) {
      result_ = std::move(result);
      done_.Notify();
    };
  }
  const HttpResult& Await() {
    done_.WaitForNotification();
    return result_;
  }
  bool done() const { return done_.HasBeenNotified(); }

 private:
  absl::Notification done_;
  HttpResult result_;
};

HttpResult PostAndWait(HttpClient& client, std::string body,
                       absl::Duration timeout = absl::Seconds(10)) {
  PendingResult pending;
  client.Post(std::move(body), absl::Now() + timeout, pending.callback());
  return pending.Await();
}

std::unique_ptr<HttpClient> MakeClient(const std::string& url,
                                       size_t max_connections = 4) {
  HttpClientOptions options;
  options.url = url;
  options.max_connections = max_connections;
  options.max_response_bytes = 1024;
  auto client = HttpClient::Create(options);
  EXPECT_TRUE(client.ok()) << client.status();
  return *std::move(client);
}

TEST(HttpClientTest, PostsTheFormAndReturnsTheAnswer) {
  FakeUpstream upstream;
  auto client = MakeClient(upstream.url());
  HttpResult result =
      PostAndWait(*client, "request=preauthorization&amount=100");
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.delivery, Delivery::kAnswered);
  EXPECT_EQ(result.http_status, 200);
  EXPECT_EQ(result.content_type, "text/plain; charset=UTF-8");
  EXPECT_EQ(result.body, "status=APPROVED\ntxid=42\n");
  EXPECT_EQ(upstream.last_body(), "request=preauthorization&amount=100");
  EXPECT_EQ(upstream.last_content_type(), "application/x-www-form-urlencoded");
  EXPECT_EQ(upstream.last_head(), "127.0.0.1|payone-gateway|35|/post-gateway/");
}

TEST(HttpClientTest, CreatedFromTheUpstreamSectionPostsAsTheGateway) {
  FakeUpstream upstream;
  payone::gateway::v1::Upstream config;
  config.set_url(upstream.url());
  auto client = HttpClient::Create(config);
  ASSERT_TRUE(client.ok()) << client.status();
  HttpResult result = PostAndWait(**client, "request=preauthorization");
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.body, "status=APPROVED\ntxid=42\n");
  EXPECT_EQ(upstream.last_head(),
            "127.0.0.1|payone-grpc-gateway/0.1|24|/post-gateway/");
}

TEST(HttpClientTest, SendsABodyLargerThanTheSocketBuffers) {
  // More than a loopback socket's send and receive buffers hold: the first,
  // synchronous send is partial and the rest goes out asynchronously.
  FakeUpstream upstream;
  auto client = MakeClient(upstream.url());
  std::string body(8 << 20, 'a');
  for (size_t i = 0; i < body.size(); i += 4093) body[i] = 'b';
  HttpResult result = PostAndWait(*client, body, absl::Seconds(60));
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_TRUE(upstream.last_body() == body);
  // And the connection still carries the next request.
  HttpResult next = PostAndWait(*client, "a=2");
  ASSERT_TRUE(next.status.ok()) << next.status;
  EXPECT_TRUE(next.reused_connection);
  EXPECT_EQ(upstream.last_body(), "a=2");
}

// A byte at a time, or chunked: the same answer, on a connection kept for
// the next request.
TEST(HttpClientTest, ReadsAnAnswerHoweverItIsFramed) {
  for (Behaviour framing : {Behaviour::kDribble, Behaviour::kAnswerChunked}) {
    FakeUpstream upstream;
    upstream.set_behaviour(framing);
    auto client = MakeClient(upstream.url());
    for (int i = 0; i < 2; ++i) {
      HttpResult result = PostAndWait(*client, "a=1");
      ASSERT_TRUE(result.status.ok()) << result.status;
      EXPECT_EQ(result.http_status, 200);
      EXPECT_EQ(result.body, "status=APPROVED\ntxid=42\n");
      EXPECT_EQ(result.content_type, "text/plain; charset=UTF-8");
      EXPECT_EQ(result.reused_connection, i == 1);
    }
    EXPECT_EQ(upstream.connections(), 1);
  }
}

TEST(HttpClientTest, ReadsABodyThatEndsWhenTheServerCloses) {
  FakeUpstream upstream;
  upstream.set_behaviour(Behaviour::kAnswerUntilClose);
  auto client = MakeClient(upstream.url());
  HttpResult result = PostAndWait(*client, "a=1");
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.delivery, Delivery::kAnswered);
  EXPECT_EQ(result.body, "status=APPROVED\ntxid=42\n");
  // Not reusable: the next request opens a new connection.
  HttpResult next = PostAndWait(*client, "a=2");
  ASSERT_TRUE(next.status.ok()) << next.status;
  EXPECT_FALSE(next.reused_connection);
  EXPECT_EQ(upstream.connections(), 2);
}

TEST(HttpClientTest, RejectsAUserAgentThatWouldBreakTheRequestHead) {
  HttpClientOptions options;
  options.url = "http://127.0.0.1:1/post-gateway/";
  options.user_agent = "gw\r\nX-Injected: 1";
  auto client = HttpClient::Create(options);
  EXPECT_EQ(client.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(HttpClientTest, DropsTheCallbackOnceItRan) {
  // The gateway's call state holds the Call, and the callback holds the call
  // state: the client must let go of the callback or every call leaks.
  FakeUpstream upstream;
  auto client = MakeClient(upstream.url());
  auto sentinel = std::make_shared<int>(0);
  absl::Notification done;
  std::shared_ptr<HttpClient::Call> call =
      client->Post("a=1", absl::Now() + absl::Seconds(10),
                   [sentinel, &done](HttpResult) { done.Notify(); });
  done.WaitForNotification();
  // The callback object is released right after it returns.
  while (sentinel.use_count() > 1) std::this_thread::yield();
  EXPECT_EQ(sentinel.use_count(), 1);
  call.reset();
}

TEST(HttpClientTest, ReusesKeepAliveConnections) {
  FakeUpstream upstream;
  auto client = MakeClient(upstream.url());
  EXPECT_FALSE(PostAndWait(*client, "a=1").reused_connection);
  for (int i = 0; i < 5; ++i) {
    HttpResult result = PostAndWait(*client, "a=1");
    ASSERT_TRUE(result.status.ok()) << result.status;
    EXPECT_TRUE(result.reused_connection);
  }
  EXPECT_EQ(upstream.connections(), 1);
  EXPECT_EQ(client->Stats().open, 1u);
  EXPECT_EQ(client->Stats().idle, 1u);
}

TEST(HttpClientTest, OpensAFreshConnectionWhenTheServerClosedTheIdleOne) {
  FakeUpstream upstream;
  auto client = MakeClient(upstream.url());
  ASSERT_TRUE(PostAndWait(*client, "a=1").status.ok());
  upstream.CloseConnections();
  // Waiting for the FIN to arrive is what the stale check exists for; the
  // check itself must not need it, so poll the outcome, not the clock.
  HttpResult result = PostAndWait(*client, "a=2");
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(upstream.connections(), 2);
}

TEST(HttpClientTest, ConnectionClosedByTheAnswerIsNotReused) {
  FakeUpstream upstream;
  upstream.set_behaviour(Behaviour::kAnswerAndClose);
  auto client = MakeClient(upstream.url());
  ASSERT_TRUE(PostAndWait(*client, "a=1").status.ok());
  HttpResult second = PostAndWait(*client, "a=2");
  ASSERT_TRUE(second.status.ok()) << second.status;
  EXPECT_FALSE(second.reused_connection);
  EXPECT_EQ(upstream.connections(), 2);
}

TEST(HttpClientTest, RefusedConnectionIsUnavailableAndNotSent) {
  std::string url;
  {
    FakeUpstream closed;  // take a free port, then give it back
    url = closed.url();
  }
  auto client = MakeClient(url);
  HttpResult result = PostAndWait(*client, "a=1");
  EXPECT_EQ(result.status.code(), absl::StatusCode::kUnavailable)
      << result.status;
  EXPECT_EQ(result.delivery, Delivery::kNotSent);
  EXPECT_THAT(result.status.message(), HasSubstr("not sent"));
}

TEST(HttpClientTest, CloseAfterReadingIsAnUnknownOutcome) {
  FakeUpstream upstream;
  upstream.set_behaviour(Behaviour::kCloseWithoutAnswer);
  auto client = MakeClient(upstream.url());
  HttpResult result = PostAndWait(*client, "a=1");
  EXPECT_EQ(result.status.code(), absl::StatusCode::kUnknown) << result.status;
  EXPECT_EQ(result.delivery, Delivery::kOutcomeUnknown);
  EXPECT_THAT(result.status.message(), HasSubstr("outcome is unknown"));
  EXPECT_EQ(upstream.requests(), 1);  // and it was not sent again
}

TEST(HttpClientTest, DeadlineWhileWaitingForTheAnswer) {
  FakeUpstream upstream;
  upstream.set_behaviour(Behaviour::kHold);
  auto client = MakeClient(upstream.url());
  HttpResult result = PostAndWait(*client, "a=1", absl::Milliseconds(200));
  EXPECT_EQ(result.status.code(), absl::StatusCode::kDeadlineExceeded)
      << result.status;
  EXPECT_EQ(result.delivery, Delivery::kOutcomeUnknown);
  EXPECT_EQ(upstream.requests(), 1);
}

// The pool watches every exchange's deadline with one timer: an exchange
// that finished leaves it armed for its deadline, a later one with an
// earlier deadline re-arms it.
TEST(HttpClientTest, EachExchangeMeetsItsOwnDeadline) {
  FakeUpstream upstream;
  auto client = MakeClient(upstream.url());
  const HttpResult answered =
      PostAndWait(*client, "a=1", absl::Milliseconds(100));
  ASSERT_TRUE(answered.status.ok()) << answered.status;
  upstream.set_behaviour(Behaviour::kHold);
  PendingResult held;  // on the connection a=1 used
  client->Post("a=2", absl::Now() + absl::Seconds(30), held.callback());
  upstream.AwaitRequests(2);
  // Fires after a=1's deadline passed with nothing to close.
  const HttpResult later = PostAndWait(*client, "a=3", absl::Milliseconds(300));
  EXPECT_EQ(later.status.code(), absl::StatusCode::kDeadlineExceeded)
      << later.status;
  EXPECT_EQ(later.delivery, Delivery::kOutcomeUnknown);
  // Earlier than the 30 s the timer now waits for.
  const HttpResult earlier =
      PostAndWait(*client, "a=4", absl::Milliseconds(200));
  EXPECT_EQ(earlier.status.code(), absl::StatusCode::kDeadlineExceeded)
      << earlier.status;
  EXPECT_LT(earlier.latency, absl::Seconds(10));
  // Neither a=1's passed deadline nor the others' touched a=2.
  EXPECT_FALSE(held.done());
  upstream.Release();
  const HttpResult& closed = held.Await();
  EXPECT_EQ(closed.status.code(), absl::StatusCode::kUnknown) << closed.status;
  EXPECT_TRUE(closed.reused_connection);
  EXPECT_EQ(upstream.requests(), 4);
}

TEST(HttpClientTest, CancelAbortsTheExchange) {
  FakeUpstream upstream;
  upstream.set_behaviour(Behaviour::kHold);
  auto client = MakeClient(upstream.url());
  PendingResult pending;
  auto call =
      client->Post("a=1", absl::Now() + absl::Seconds(30), pending.callback());
  upstream.AwaitRequests(1);
  call->Cancel();
  const HttpResult& result = pending.Await();
  EXPECT_EQ(result.status.code(), absl::StatusCode::kCancelled)
      << result.status;
  EXPECT_EQ(result.delivery, Delivery::kOutcomeUnknown);
}

TEST(HttpClientTest, RequestsBeyondThePoolWaitAndTimeOutUnsent) {
  FakeUpstream upstream;
  upstream.set_behaviour(Behaviour::kHold);
  auto client = MakeClient(upstream.url(), /*max_connections=*/1);
  PendingResult first;
  client->Post("a=1", absl::Now() + absl::Seconds(30), first.callback());
  upstream.AwaitRequests(1);
  HttpResult second = PostAndWait(*client, "a=2", absl::Milliseconds(100));
  EXPECT_EQ(second.status.code(), absl::StatusCode::kDeadlineExceeded)
      << second.status;
  EXPECT_EQ(second.delivery, Delivery::kNotSent);
  EXPECT_EQ(upstream.requests(), 1);
  upstream.Release();
  EXPECT_EQ(first.Await().delivery, Delivery::kOutcomeUnknown);
}

TEST(HttpClientTest, WaitingRequestGetsTheConnectionWhenItFrees) {
  FakeUpstream upstream;
  auto client = MakeClient(upstream.url(), /*max_connections=*/1);
  std::vector<std::unique_ptr<PendingResult>> pending;
  for (int i = 0; i < 20; ++i) {
    pending.push_back(std::make_unique<PendingResult>());
    client->Post("n=" + std::to_string(i), absl::Now() + absl::Seconds(10),
                 pending.back()->callback());
  }
  for (auto& p : pending) {
    const HttpResult& result = p->Await();
    EXPECT_TRUE(result.status.ok()) << result.status;
  }
  EXPECT_EQ(upstream.connections(), 1);
  EXPECT_EQ(upstream.requests(), 20);
}

TEST(HttpClientTest, OversizeAnswerIsRejected) {
  FakeUpstream upstream;
  upstream.set_behaviour(Behaviour::kOversize);
  auto client = MakeClient(upstream.url());
  HttpResult result = PostAndWait(*client, "a=1");
  EXPECT_EQ(result.status.code(), absl::StatusCode::kUnknown) << result.status;
  EXPECT_EQ(result.delivery, Delivery::kOutcomeUnknown);
}

TEST(HttpClientTest, UnreadableCaFileFailsAtCreate) {
  payone::gateway::v1::Upstream config;
  config.set_url("https://127.0.0.1:1/");
  config.set_ca_file("/nonexistent/ca.pem");
  auto client = HttpClient::Create(config);
  EXPECT_EQ(client.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(client.status().message(), HasSubstr("/nonexistent/ca.pem"));
}

// The options the gateway's configuration sets, as one line.
std::string Configured(const HttpClientOptions& o) {
  return absl::StrCat(
      o.url, " ca=", o.tls.ca_file, " connections=", o.max_connections,
      " connect=", absl::FormatDuration(o.connect_timeout),
      " idle=", absl::FormatDuration(o.idle_timeout), " threads=", o.io_threads,
      " response=", o.max_response_bytes, " ", o.user_agent);
}

TEST(UpstreamClientOptionsTest, TakesTheSectionWithItsDeclaredDefaults) {
  EXPECT_EQ(Configured(UpstreamClientOptions(payone::gateway::v1::Upstream())),
            "https://api.pay1.de/post-gateway/ ca= connections=64 connect=5s "
            "idle=20s threads=2 response=1048576 payone-grpc-gateway/0.1");

  payone::gateway::v1::Upstream config;
  config.set_url("https://upstream.test/post-gateway/");
  config.set_ca_file("/etc/payone/ca.pem");
  config.set_max_connections(8);
  config.mutable_connect_timeout()->set_seconds(2);
  config.mutable_idle_timeout()->set_nanos(500000000);
  config.set_io_threads(3);
  config.set_max_response_bytes(4096);
  EXPECT_EQ(Configured(UpstreamClientOptions(config)),
            "https://upstream.test/post-gateway/ ca=/etc/payone/ca.pem "
            "connections=8 connect=2s idle=500ms threads=3 response=4096 "
            "payone-grpc-gateway/0.1");
}

}  // namespace
}  // namespace payone::service
