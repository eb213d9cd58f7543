// The gateway process killed with SIGKILL in the middle of a burst of
// TransactionStatus notifications, then restarted on the same ledger: every
// notification it answered TSOK is stored, PAYONE's retries of the others are
// stored once, a subscriber that resumes from its last acknowledged cursor
// sees every notification exactly once, and forwarding delivers them all.

#include <signal.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/ledger.grpc.pb.h"
#include "service/config/hex_digest.h"
#include "simulator/testing.h"
#include "tests/e2e/subprocess.h"

namespace payone::tests {
namespace {

using ::payone::v1::PaymentLedger;

constexpr char kPortalKey[] = "crash-portal-key-51c0";
constexpr int kNotifications = 160;
constexpr int kKillAfterAcknowledged = 40;
constexpr int kSenders = 4;

// PAYONE's notification for payment process 7000 + i.
simulator::testing::Fields Notification(int i) {
  return {
      {"key", service::HexDigest(service::DigestAlgorithm::kMd5, kPortalKey)},
      {"txaction", "appointed"},
      {"transaction_status", "completed"},
      {"notify_version", "7.5"},
      {"mode", "test"},
      {"portalid", "2000001"},
      {"aid", "10001"},
      {"clearingtype", "cc"},
      {"txtime", "1795647123"},
      {"currency", "EUR"},
      {"txid", absl::StrCat(7000 + i)},
      {"reference", absl::StrCat("crash-", i)},
      {"sequencenumber", "0"},
      {"price", "10.00"}};
}

struct Gateway {
  std::unique_ptr<Subprocess> process;
  int port = 0;
  int notifications_port = 0;
  int metrics_port = 0;
};

class NotificationCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = ::testing::TempDir() + "crash.textproto";
    std::ofstream(config_) << absl::Substitute(
        R"(listen_address: "127.0.0.1:0"
metrics_address: "127.0.0.1:0"
allow_unauthenticated: true
upstream { url: "http://127.0.0.1:9/post-gateway/" }
accounts {
  name: "shop" mid: "10000" aid: "10001" portalid: "2000001"
  mode: "test" key_env: "CRASH_PORTAL_KEY"
}
ledger { sqlite_path: "$0/crash-ledger.db" watch_poll_interval { nanos: 50000000 } }
notifications {
  listen_address: "127.0.0.1:0"
  allowed_sources: "127.0.0.1/32"
  forward_urls: "$1"
}
)",
        ::testing::TempDir(), forward_target_.url());
  }

  Gateway Start() {
    Gateway gateway;
    auto process = Subprocess::Start(
        {Runfile("service/payone_gateway"), "--config=" + config_},
        {{"CRASH_PORTAL_KEY", kPortalKey}});
    EXPECT_TRUE(process.ok()) << process.status();
    if (!process.ok()) return gateway;
    gateway.process = *std::move(process);
    auto listening = gateway.process->WaitForLine(
        [](const std::string& l) {
          return absl::StrContains(l, "\"event\":\"listening\"");
        },
        absl::Seconds(60));
    EXPECT_TRUE(listening.has_value()) << gateway.process->Output();
    if (!listening.has_value()) return gateway;
    gateway.port = JsonInt(*listening, "port");
    gateway.notifications_port = JsonInt(*listening, "notifications_port");
    gateway.metrics_port = JsonInt(*listening, "metrics_port");
    return gateway;
  }

  static std::string ReceiverUrl(const Gateway& gateway) {
    return absl::StrCat("http://127.0.0.1:", gateway.notifications_port,
                        "/payone/transaction-status");
  }

  // Reads a watch stream until it ends, acknowledging each event (its
  // cursor) once processed.
  void Subscribe(const Gateway& gateway, int64_t after_cursor,
                 grpc::ClientContext* ctx) {
    auto stub = PaymentLedger::NewStub(
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", gateway.port),
                            grpc::InsecureChannelCredentials()));
    v1::WatchTransactionStatusRequest request;
    request.set_account("shop");
    request.set_after_cursor(after_cursor);
    auto stream = stub->WatchTransactionStatus(ctx, request);
    v1::TransactionStatusEvent event;
    while (stream->Read(&event)) {
      absl::MutexLock lock(&mu_);
      subscriber_txids_.push_back(event.notification().txid());
      acknowledged_cursor_ = event.cursor();
    }
  }

  std::string config_;
  simulator::testing::Receiver forward_target_;
  absl::Mutex mu_;
  std::vector<std::string> subscriber_txids_ ABSL_GUARDED_BY(mu_);
  int64_t acknowledged_cursor_ ABSL_GUARDED_BY(mu_) = 0;
};

TEST_F(NotificationCrashTest, NothingAcknowledgedIsLostAndNothingIsTwice) {
  Gateway first = Start();
  ASSERT_GT(first.notifications_port, 0);
  grpc::ClientContext first_watch;
  std::thread subscriber([&] { Subscribe(first, 0, &first_watch); });

  // The burst: kSenders concurrent senders, SIGKILL once enough were
  // acknowledged.
  std::vector<std::atomic<bool>> acknowledged(kNotifications);
  std::atomic<int> acknowledged_count{0};
  absl::Notification enough;
  std::atomic<int> next{0};
  std::vector<std::thread> senders;
  for (int s = 0; s < kSenders; ++s) {
    senders.emplace_back([&] {
      for (int i = next++; i < kNotifications; i = next++) {
        auto answer = simulator::testing::HttpPostForm(ReceiverUrl(first),
                                                       Notification(i));
        if (answer.ok() && answer->status == 200 && answer->body == "TSOK") {
          acknowledged[i] = true;
          if (++acknowledged_count == kKillAfterAcknowledged) enough.Notify();
        }
      }
    });
  }
  ASSERT_TRUE(enough.WaitForNotificationWithTimeout(absl::Seconds(120)));
  first.process->Signal(SIGKILL);
  first.process->Wait();
  for (std::thread& sender : senders) sender.join();
  subscriber.join();
  const int acknowledged_before_restart = acknowledged_count;
  ASSERT_GE(acknowledged_before_restart, kKillAfterAcknowledged);
  ASSERT_LT(acknowledged_before_restart, kNotifications)
      << "the kill came too late to interrupt the burst";

  Gateway second = Start();
  ASSERT_GT(second.port, 0);

  // Everything acknowledged before the kill survived it.
  auto stub = PaymentLedger::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", second.port),
                          grpc::InsecureChannelCredentials()));
  std::set<std::string> stored_before_retries;
  {
    v1::ListTransactionStatusRequest list;
    list.set_account("shop");
    list.set_page_size(1000);
    v1::ListTransactionStatusResponse page;
    grpc::ClientContext ctx;
    ASSERT_TRUE(stub->ListTransactionStatus(&ctx, list, &page).ok());
    for (const auto& event : page.events()) {
      stored_before_retries.insert(event.notification().txid());
    }
  }
  for (int i = 0; i < kNotifications; ++i) {
    if (acknowledged[i]) {
      EXPECT_TRUE(stored_before_retries.count(absl::StrCat(7000 + i)))
          << "notification " << i << " was answered TSOK but is not stored";
    }
  }

  // The subscriber resumes after the last event it acknowledged.
  int64_t resume_after;
  {
    absl::MutexLock lock(&mu_);
    resume_after = acknowledged_cursor_;
  }
  grpc::ClientContext second_watch;
  std::thread resumed([&] { Subscribe(second, resume_after, &second_watch); });

  // PAYONE retries what was not acknowledged; here everything is sent again,
  // so the acknowledged ones arrive twice.
  for (int i = 0; i < kNotifications; ++i) {
    auto answer =
        simulator::testing::HttpPostForm(ReceiverUrl(second), Notification(i));
    ASSERT_TRUE(answer.ok()) << answer.status();
    EXPECT_EQ(answer->body, "TSOK") << "notification " << i;
  }

  // Every notification is stored exactly once.
  v1::ListTransactionStatusRequest list;
  list.set_account("shop");
  list.set_page_size(1000);
  v1::ListTransactionStatusResponse page;
  grpc::ClientContext list_ctx;
  ASSERT_TRUE(stub->ListTransactionStatus(&list_ctx, list, &page).ok());
  std::multiset<std::string> stored;
  for (const auto& event : page.events()) {
    stored.insert(event.notification().txid());
  }
  EXPECT_EQ(stored.size(), static_cast<size_t>(kNotifications));
  for (int i = 0; i < kNotifications; ++i) {
    EXPECT_EQ(stored.count(absl::StrCat(7000 + i)), 1u) << i;
  }

  // The subscriber got each one exactly once across the crash.
  auto all_seen = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return subscriber_txids_.size() >= static_cast<size_t>(kNotifications);
  };
  {
    absl::MutexLock lock(&mu_);
    EXPECT_TRUE(
        mu_.AwaitWithTimeout(absl::Condition(&all_seen), absl::Seconds(60)));
    std::multiset<std::string> seen(subscriber_txids_.begin(),
                                    subscriber_txids_.end());
    EXPECT_EQ(seen.size(), static_cast<size_t>(kNotifications));
    for (int i = 0; i < kNotifications; ++i) {
      EXPECT_EQ(seen.count(absl::StrCat(7000 + i)), 1u) << i;
    }
  }
  second_watch.TryCancel();
  resumed.join();

  // Forwarding delivers every notification (at least once: one that was
  // being posted at the kill is posted again).
  std::set<std::string> forwarded;
  while (forwarded.size() < static_cast<size_t>(kNotifications)) {
    const std::vector<std::string> bodies = forward_target_.bodies();
    for (const std::string& body : bodies) {
      forwarded.insert(simulator::testing::FieldValue(
          simulator::testing::ParseBody(body), "txid"));
    }
    if (forwarded.size() == static_cast<size_t>(kNotifications) ||
        !forward_target_.WaitFor(bodies.size() + 1, absl::Seconds(60))) {
      break;
    }
  }
  EXPECT_EQ(forwarded.size(), static_cast<size_t>(kNotifications));

  // The restarted gateway counted PAYONE's repeats of what it had stored.
  const std::string metrics = HttpGet(second.metrics_port, "/metrics");
  EXPECT_THAT(metrics, ::testing::HasSubstr(absl::StrCat(
                           "payone_gateway_notifications_total{result="
                           "\"duplicate\"} ",
                           stored_before_retries.size())));
  EXPECT_THAT(metrics, ::testing::HasSubstr(absl::StrCat(
                           "payone_gateway_notifications_total{result="
                           "\"stored\"} ",
                           kNotifications - stored_before_retries.size())));

  second.process->Signal(SIGTERM);
  EXPECT_EQ(second.process->Wait(), 0) << second.process->Output();
  // The key PAYONE sent is never logged.
  EXPECT_THAT(second.process->Output(),
              ::testing::Not(::testing::HasSubstr(service::HexDigest(
                  service::DigestAlgorithm::kMd5, kPortalKey))));
}

}  // namespace
}  // namespace payone::tests
