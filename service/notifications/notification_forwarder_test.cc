// The forwarder against real HTTP(S) endpoints on loopback and the SQLite
// store: failures back off, TSOK delivers once, a restart resumes.

#include "service/notifications/notification_forwarder.h"

#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"
#include "service/store/store_test_backend.h"
#include "simulator/http_server.h"
#include "simulator/test_certs.h"
#include "simulator/testing.h"

namespace payone::service {
namespace {

using simulator::testing::Receiver;

constexpr absl::Duration kWait = absl::Seconds(20);
constexpr char kBody[] =
    "key=0123456789abcdef0123456789abcdef&txaction=paid&portalid=2000001"
    "&aid=10001&txid=700000001&sequencenumber=1&lastname=J%E4ger";

std::string TempPath(const std::string& name) {
  static int counter = 0;
  return absl::StrCat(::testing::TempDir(), "/", name, "_", getpid(), "_",
                      ++counter);
}

// Records attempts and lets the test wait for a number of them.
class Attempts {
 public:
  void Add(const ForwardAttempt& attempt) {
    absl::MutexLock lock(&mu_);
    attempts_.push_back(attempt);
  }
  bool WaitFor(size_t count) {
    absl::MutexLock lock(&mu_);
    const auto enough = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return attempts_.size() >= count;
    };
    return mu_.AwaitWithTimeout(absl::Condition(&enough), kWait);
  }
  std::vector<ForwardAttempt> attempts() {
    absl::MutexLock lock(&mu_);
    return attempts_;
  }
  std::function<void(const ForwardAttempt&)> Callback() {
    return [this](const ForwardAttempt& attempt) { Add(attempt); };
  }

 private:
  absl::Mutex mu_;
  std::vector<ForwardAttempt> attempts_ ABSL_GUARDED_BY(mu_);
};

class ForwarderTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(TempPath("forwarder_test.db")); }

  void Open(const std::string& path) {
    path_ = path;
    store_.reset();
    auto store = OpenSqliteTestStore(path);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Stores a notification queued for `urls`, as the receiver does.
  void Queue(const std::vector<std::string>& urls,
             const std::string& body = kBody) {
    StoredNotification notification;
    notification.account = "demo";
    notification.received_at = absl::Now();
    notification.notification.set_txid("700000001");
    auto appended = store_->AppendNotification(
        notification, absl::StrCat("dedupe-", body.size(), "-", ++queued_),
        body, urls);
    ASSERT_TRUE(appended.ok()) << appended.status();
  }

  NotificationForwarderOptions FastOptions() {
    NotificationForwarderOptions options;
    options.initial_backoff = absl::Milliseconds(100);
    options.max_backoff = absl::Milliseconds(200);
    options.poll_interval = absl::Milliseconds(10);
    options.timeout = absl::Seconds(5);
    options.log_sink = [this](const std::string& line) {
      absl::MutexLock lock(&log_mu_);
      log_.push_back(line);
    };
    return options;
  }

  std::unique_ptr<NotificationForwarder> StartForwarder(
      NotificationForwarderOptions options, Attempts* attempts) {
    auto forwarder = NotificationForwarder::Start(
        std::move(options), &store_->forwards(), attempts->Callback());
    EXPECT_TRUE(forwarder.ok()) << forwarder.status();
    return forwarder.ok() ? *std::move(forwarder) : nullptr;
  }

  size_t Undelivered() {
    auto due = store_->DueForwards(absl::InfiniteFuture(), 100);
    EXPECT_TRUE(due.ok()) << due.status();
    return due.ok() ? due->size() : 0;
  }

  std::string path_;
  int queued_ = 0;
  std::unique_ptr<TestStore> store_;
  absl::Mutex log_mu_;
  std::vector<std::string> log_ ABSL_GUARDED_BY(log_mu_);
};

TEST_F(ForwarderTest, RetriesWithBackoffUntilExactlyTsok) {
  // 200 without TSOK, TSOK with a newline, then TSOK.
  Receiver endpoint({"ERROR", "TSOK\n"});
  Queue({endpoint.url()});
  Attempts attempts;
  auto forwarder = StartForwarder(FastOptions(), &attempts);
  ASSERT_TRUE(attempts.WaitFor(3));
  forwarder->Stop();

  const std::vector<ForwardAttempt> log = attempts.attempts();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_FALSE(log[0].delivered);
  EXPECT_FALSE(log[1].delivered);
  EXPECT_TRUE(log[2].delivered);
  EXPECT_EQ(log[1].attempt, 2);
  EXPECT_EQ(log[2].attempt, 3);
  // Each retry waited for its backoff: 100 ms, then doubled to the cap.
  EXPECT_GE(log[0].next_attempt - log[0].started, absl::Milliseconds(100));
  EXPECT_GE(log[1].next_attempt - log[1].started, absl::Milliseconds(200));
  EXPECT_GE(log[1].started, log[0].next_attempt);
  EXPECT_GE(log[2].started, log[1].next_attempt);

  // Exactly as PAYONE sent it, every time; delivered once, nothing left.
  EXPECT_EQ(endpoint.bodies(), std::vector<std::string>(3, kBody));
  EXPECT_EQ(Undelivered(), 0u);
  EXPECT_EQ(forwarder->Stats().delivered, 1u);
  EXPECT_EQ(forwarder->Stats().failed_attempts, 2u);
  absl::MutexLock lock(&log_mu_);
  ASSERT_EQ(log_.size(), 3u);
  EXPECT_NE(log_[0].find("\"result\":\"failed\""), std::string::npos);
  EXPECT_EQ(log_[0].find("J%E4ger"), std::string::npos);  // never the body
}

TEST_F(ForwarderTest, TreatsTransportFailuresAsFailed) {
  // Nothing listens on a port just freed.
  std::string closed_url;
  {
    Receiver gone;
    closed_url = gone.url();
  }
  Queue({closed_url});
  auto slow =
      simulator::HttpServer::Start({}, [](const simulator::HttpRequest&) {
        simulator::HttpResponse response;
        response.body = "TSOK";
        response.delay = absl::Seconds(30);
        return response;
      });
  ASSERT_TRUE(slow.ok());
  Queue({absl::StrCat("http://127.0.0.1:", (*slow)->port(), "/slow")});
  Queue({"ftp://example.org/x"});

  NotificationForwarderOptions options = FastOptions();
  options.initial_backoff = absl::Hours(1);
  options.max_backoff = absl::Hours(1);
  options.timeout = absl::Milliseconds(300);
  Attempts attempts;
  auto forwarder = StartForwarder(options, &attempts);
  ASSERT_TRUE(attempts.WaitFor(3));
  forwarder->Stop();
  for (const ForwardAttempt& attempt : attempts.attempts()) {
    EXPECT_FALSE(attempt.delivered);
    EXPECT_FALSE(attempt.error.empty());
    EXPECT_GE(attempt.next_attempt, absl::Now() + absl::Minutes(59));
  }
  EXPECT_EQ(Undelivered(), 3u);
  // Nothing is due before the backoff passed.
  auto due = store_->DueForwards(absl::Now(), 10);
  ASSERT_TRUE(due.ok());
  EXPECT_TRUE(due->empty());
}

TEST_F(ForwarderTest, StopIsPromptDuringAHangingPost) {
  absl::Notification arrived;
  auto hanging = simulator::HttpServer::Start(
      {}, [&arrived](const simulator::HttpRequest&) {
        arrived.Notify();
        simulator::HttpResponse response;
        response.transport = simulator::Transport::kHang;
        return response;
      });
  ASSERT_TRUE(hanging.ok());
  Queue({absl::StrCat("http://127.0.0.1:", (*hanging)->port(), "/")});
  NotificationForwarderOptions options = FastOptions();
  options.timeout = absl::Minutes(5);
  Attempts attempts;
  auto forwarder = StartForwarder(options, &attempts);
  ASSERT_TRUE(arrived.WaitForNotificationWithTimeout(kWait));
  const absl::Time start = absl::Now();
  forwarder->Stop();
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  // An aborted POST is no failed attempt: it stays due as it was.
  EXPECT_TRUE(attempts.attempts().empty());
  EXPECT_EQ(Undelivered(), 1u);
}

TEST_F(ForwarderTest, RestartResumesUndeliveredTasks) {
  Receiver endpoint({"not yet"});
  Queue({endpoint.url()});
  Queue({endpoint.url()}, "second=1");
  NotificationForwarderOptions options = FastOptions();
  options.initial_backoff = absl::Hours(1);
  options.max_backoff = absl::Hours(1);
  {
    Attempts attempts;
    auto forwarder = StartForwarder(options, &attempts);
    ASSERT_TRUE(attempts.WaitFor(2));
    forwarder->Stop();
    const auto log = attempts.attempts();
    EXPECT_FALSE(log[0].delivered);
    EXPECT_TRUE(log[1].delivered);
  }
  // A new process: the same file, a new store and forwarder, two hours on.
  Open(path_);
  options.clock = [] { return absl::Now() + absl::Hours(2); };
  Attempts attempts;
  auto forwarder = StartForwarder(options, &attempts);
  ASSERT_TRUE(attempts.WaitFor(1));
  forwarder->Stop();
  const auto log = attempts.attempts();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_TRUE(log[0].delivered);
  EXPECT_EQ(log[0].attempt, 2);
  EXPECT_EQ(endpoint.bodies(),
            (std::vector<std::string>{kBody, "second=1", kBody}));
  EXPECT_EQ(Undelivered(), 0u);
}

TEST_F(ForwarderTest, NotifyWakesItBeforeThePoll) {
  Receiver endpoint;
  NotificationForwarderOptions options = FastOptions();
  options.poll_interval = absl::Hours(1);
  Attempts attempts;
  auto forwarder = StartForwarder(options, &attempts);
  Queue({endpoint.url()});
  forwarder->Notify();
  ASSERT_TRUE(attempts.WaitFor(1));
  EXPECT_TRUE(attempts.attempts()[0].delivered);
}

TEST_F(ForwarderTest, VerifiesHttpsPeers) {
  auto certs = simulator::GenerateTestCerts();
  ASSERT_TRUE(certs.ok()) << certs.status();
  simulator::HttpServerOptions tls;
  tls.tls_cert_pem = certs->server_cert_pem;
  tls.tls_key_pem = certs->server_key_pem;
  Receiver endpoint({}, tls);
  const std::string url = absl::StrCat(
      "https://localhost:", simulator::ParseUrl(endpoint.url())->port, "/");
  Queue({url});

  // The system store does not know the test CA: refused, not delivered.
  NotificationForwarderOptions options = FastOptions();
  options.initial_backoff = absl::Hours(1);
  options.max_backoff = absl::Hours(1);
  {
    Attempts attempts;
    auto forwarder = StartForwarder(options, &attempts);
    ASSERT_TRUE(attempts.WaitFor(1));
    forwarder->Stop();
    EXPECT_FALSE(attempts.attempts()[0].delivered);
    EXPECT_TRUE(endpoint.bodies().empty());
  }
  const std::string ca_file = TempPath("ca.pem");
  std::ofstream(ca_file) << certs->ca_cert_pem;
  options.ca_file = ca_file;
  options.clock = [] { return absl::Now() + absl::Hours(2); };
  Attempts attempts;
  auto forwarder = StartForwarder(options, &attempts);
  ASSERT_TRUE(attempts.WaitFor(1));
  EXPECT_TRUE(attempts.attempts()[0].delivered) << attempts.attempts()[0].error;
  EXPECT_EQ(endpoint.bodies(), std::vector<std::string>{kBody});
}

TEST(ForwarderBackoffTest, DoublesUpToTheCap) {
  NotificationForwarderOptions options;
  options.initial_backoff = absl::Seconds(10);
  options.max_backoff = absl::Minutes(5);
  EXPECT_EQ(NotificationForwarder::Backoff(options, 1), absl::Seconds(10));
  EXPECT_EQ(NotificationForwarder::Backoff(options, 2), absl::Seconds(20));
  EXPECT_EQ(NotificationForwarder::Backoff(options, 5), absl::Seconds(160));
  EXPECT_EQ(NotificationForwarder::Backoff(options, 6), absl::Minutes(5));
  EXPECT_EQ(NotificationForwarder::Backoff(options, 1000), absl::Minutes(5));
}

TEST(ForwarderOptionsTest, RejectsNonsense) {
  NotificationForwarderOptions options;
  options.initial_backoff = absl::ZeroDuration();
  EXPECT_FALSE(NotificationForwarder::Start(options, nullptr).ok());
}

}  // namespace
}  // namespace payone::service
