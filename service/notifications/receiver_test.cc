// The receiver over real HTTP on loopback with the SQLite store: what is
// answered TSOK is stored exactly once; everything unverifiable is refused,
// stored nowhere and logged without personal or card data.

#include "service/notifications/receiver.h"

#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"
#include "service/config/hex_digest.h"
#include "service/store/store_test_backend.h"
#include "simulator/http_client.h"
#include "simulator/test_certs.h"

namespace payone::service {
namespace {

using simulator::ClientResponse;
using simulator::Headers;

constexpr char kPortalKey[] = "test-portal-key";
constexpr char kIban[] = "DE02120300000000202051";
constexpr char kFullPan[] = "4111111111111111";

NotificationAccount Account(const std::string& name,
                            const std::string& portalid,
                            const std::string& key = kPortalKey) {
  return {name, portalid, "10001", HexDigest(DigestAlgorithm::kMd5, key),
          HexDigest(DigestAlgorithm::kSha384, key)};
}

// A notification as PAYONE posts it (ISO-8859-1), with personal, bank and
// card data that must never reach a log line.
std::string Body(const std::string& txid = "700000001",
                 const std::string& key = HexDigest(DigestAlgorithm::kMd5,
                                                    kPortalKey),
                 const std::string& portalid = "2000001") {
  return absl::StrCat(
      "key=", key,
      "&txaction=appointed&notify_version=7.5&transaction_status=completed"
      "&mode=test&portalid=",
      portalid,
      "&aid=10001&clearingtype=elv&txtime=1768478400&currency=EUR"
      "&userid=400000001&txid=",
      txid,
      "&reference=NOTE-1&sequencenumber=0&price=100.00&receivable=0.00"
      "&balance=0.00&firstname=J%F6rg&lastname=J%E4ger&country=DE&iban=",
      kIban, "&bic=BYLADEM1001&bankaccount=202051&bankaccountholder=J%F6rg",
      "&cardpan=", kFullPan, "&email=joerg%40example.org");
}

// Fails every append: PAYONE must not get its TSOK.
class FailingStore : public NotificationLog {
 public:
  explicit FailingStore(TestStore* real)
      : NotificationLog(&real->database()), real_(real) {}
  absl::StatusOr<AppendedNotification> Append(
      const StoredNotification&, absl::string_view, absl::string_view,
      absl::Span<const std::string>) override {
    return absl::UnavailableError("disk on fire");
  }

 protected:
  TestStore* real_;
};

// Holds every append until released (a slow disk), then stores for real.
class GatedStore : public FailingStore {
 public:
  using FailingStore::FailingStore;
  absl::StatusOr<AppendedNotification> Append(
      const StoredNotification& n, absl::string_view d, absl::string_view b,
      absl::Span<const std::string> f) override {
    entered_.Notify();
    release_.WaitForNotification();
    return real_->AppendNotification(n, d, b, f);
  }
  absl::Notification entered_;
  absl::Notification release_;
};

class ReceiverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    auto store = OpenSqliteTestStore(absl::StrCat(::testing::TempDir(),
                                                  "/receiver_test_", getpid(),
                                                  "_", ++counter, ".db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    options_.config.set_listen_address("127.0.0.1:0");
    options_.config.add_allowed_sources("127.0.0.1/32");
    options_.log_sink = [this](const std::string& line) {
      absl::MutexLock lock(&mu_);
      log_.push_back(line);
    };
  }

  void Start(std::vector<NotificationAccount> accounts = {Account("demo",
                                                                  "2000001")},
             NotificationLog* store = nullptr) {
    auto receiver = NotificationReceiver::Start(
        options_, std::move(accounts), store ? store : &store_->notifications(),
        [this](int64_t cursor) {
          absl::MutexLock lock(&mu_);
          cursors_.push_back(cursor);
        });
    ASSERT_TRUE(receiver.ok()) << receiver.status();
    receiver_ = *std::move(receiver);
  }

  std::string Url(const std::string& path = "/payone/transaction-status") {
    return absl::StrCat("http://127.0.0.1:", receiver_->port(), path);
  }

  ClientResponse Post(const std::string& body, const Headers& headers = {},
                      const std::string& path = "/payone/transaction-status") {
    Headers with_type = headers;
    with_type.push_back({"Content-Type",
                         "application/x-www-form-urlencoded; "
                         "charset=ISO-8859-1"});
    auto response = simulator::HttpPost(Url(path), body, with_type);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? *response : ClientResponse();
  }

  std::vector<StoredNotification> Stored() {
    auto stored = store_->ListNotifications({});
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.ok() ? *stored : std::vector<StoredNotification>();
  }

  std::vector<std::string> Log() {
    absl::MutexLock lock(&mu_);
    return log_;
  }

  void ExpectRefused(const ClientResponse& response, int status,
                     const std::string& reason) {
    EXPECT_EQ(response.status, status);
    EXPECT_NE(response.body, "TSOK");
    EXPECT_TRUE(Stored().empty());
    EXPECT_EQ(receiver_->Stats().refused[reason], 1u) << reason;
    const std::vector<std::string> log = Log();
    ASSERT_FALSE(log.empty());
    EXPECT_TRUE(absl::StrContains(log.back(),
                                  absl::StrCat("\"reason\":\"", reason, "\"")))
        << log.back();
  }

  NotificationReceiverOptions options_;
  std::unique_ptr<TestStore> store_;
  std::unique_ptr<NotificationReceiver> receiver_;
  absl::Mutex mu_;
  std::vector<std::string> log_ ABSL_GUARDED_BY(mu_);
  std::vector<int64_t> cursors_ ABSL_GUARDED_BY(mu_);
};

TEST_F(ReceiverTest, StoresOnceThenAnswersTsokAndRecognisesRetries) {
  Start();
  const ClientResponse first = Post(Body());
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "TSOK");
  EXPECT_EQ(first.Header("content-type"), "text/plain");
  std::vector<StoredNotification> stored = Stored();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].account, "demo");
  EXPECT_EQ(stored[0].notification.key(), "");
  EXPECT_EQ(stored[0].notification.txid(), "700000001");
  EXPECT_EQ(stored[0].notification.personal_data().lastname(), "Jäger");
  EXPECT_EQ(stored[0].notification.txaction(),
            payone::v1::TRANSACTION_ACTION_APPOINTED);

  // PAYONE retries the identical body when it missed the TSOK.
  const ClientResponse retry = Post(Body());
  EXPECT_EQ(retry.body, "TSOK");
  EXPECT_EQ(Stored().size(), 1u);
  const NotificationStats stats = receiver_->Stats();
  EXPECT_EQ(stats.stored, 1u);
  EXPECT_EQ(stats.duplicate, 1u);
  EXPECT_EQ(stats.received, 2u);
  absl::MutexLock lock(&mu_);
  EXPECT_EQ(cursors_, std::vector<int64_t>{stored[0].cursor});
  ASSERT_EQ(log_.size(), 2u);
  EXPECT_TRUE(absl::StrContains(log_[0], "\"result\":\"accepted\""));
  EXPECT_TRUE(absl::StrContains(log_[0], "\"txid\":\"700000001\""));
  EXPECT_TRUE(absl::StrContains(log_[0], "\"txaction\":\"appointed\""));
  EXPECT_TRUE(absl::StrContains(log_[0], "\"sequencenumber\":0"));
  EXPECT_TRUE(absl::StrContains(log_[0], "\"sender\":\"127.0.0.1\""));
  EXPECT_TRUE(absl::StrContains(log_[1], "\"result\":\"duplicate\""));
}

TEST_F(ReceiverTest, AcceptsTheSha384KeyAndManyOnOneConnection) {
  Start();
  auto url = simulator::ParseUrl(Url());
  ASSERT_TRUE(url.ok());
  auto connection = simulator::HttpConnection::Connect(*url);
  ASSERT_TRUE(connection.ok()) << connection.status();
  for (int i = 0; i < 3; ++i) {
    auto response =
        (*connection)
            ->Send("POST", url->target,
                   Body(absl::StrCat(700000010 + i),
                        HexDigest(DigestAlgorithm::kSha384, kPortalKey)));
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ(response->body, "TSOK");
  }
  EXPECT_EQ(Stored().size(), 3u);
}

TEST_F(ReceiverTest, RefusesAWrongKey) {
  Start();
  ExpectRefused(
      Post(Body("700000001", HexDigest(DigestAlgorithm::kMd5, "other-key"))),
      403, "wrong_key");
}

TEST_F(ReceiverTest, RefusesAnUnknownPortalOrSubAccount) {
  Start();
  ExpectRefused(
      Post(Body("700000001", HexDigest(DigestAlgorithm::kMd5, kPortalKey),
                "2000009")),
      403, "unknown_account");
  const ClientResponse other_aid =
      Post(absl::StrReplaceAll(Body(), {{"aid=10001", "aid=10002"}}));
  EXPECT_EQ(other_aid.status, 403);
  EXPECT_TRUE(Stored().empty());
  EXPECT_EQ(receiver_->Stats().refused["unknown_account"], 2u);
}

// A reloaded configuration: a new account and a rotated portal key count
// from the next notification on; the old key no longer does.
TEST_F(ReceiverTest, SetAccountsSwapsAccountsAndKeys) {
  Start();
  ASSERT_TRUE(receiver_
                  ->SetAccounts({Account("demo", "2000001", "rotated-key"),
                                 Account("shop", "2000002")})
                  .ok());
  ExpectRefused(Post(Body("700000001")), 403, "wrong_key");
  EXPECT_EQ(
      Post(Body("700000002", HexDigest(DigestAlgorithm::kMd5, "rotated-key")))
          .body,
      "TSOK");
  EXPECT_EQ(Post(Body("700000003", HexDigest(DigestAlgorithm::kMd5, kPortalKey),
                      "2000002"))
                .body,
            "TSOK");
  // An account without a key is refused and changes nothing.
  EXPECT_FALSE(
      receiver_->SetAccounts({{"bad", "2000003", "10001", "", ""}}).ok());
  EXPECT_EQ(Post(Body("700000004", HexDigest(DigestAlgorithm::kMd5, kPortalKey),
                      "2000002"))
                .body,
            "TSOK");
}

TEST_F(ReceiverTest, RefusesSendersOutsideTheAllowList) {
  options_.config.clear_allowed_sources();  // PAYONE's ranges
  Start();
  ExpectRefused(Post(Body()), 403, "sender_not_allowed");
}

TEST_F(ReceiverTest, IgnoresForwardedForFromAnUntrustedPeer) {
  options_.config.clear_allowed_sources();  // PAYONE's ranges
  Start();
  ExpectRefused(Post(Body(), {{"X-Forwarded-For", "185.60.20.7"}}), 403,
                "sender_not_allowed");
}

TEST_F(ReceiverTest, HonoursForwardedForFromATrustedProxy) {
  options_.config.clear_allowed_sources();  // PAYONE's ranges
  options_.config.add_trusted_proxies("127.0.0.1/32");
  options_.config.add_trusted_proxies("10.0.0.0/8");
  Start();
  // A client-supplied address on the left does not matter; the right-most
  // one the proxies did not add is the sender.
  const ClientResponse accepted =
      Post(Body(), {{"X-Forwarded-For", "203.0.113.1, 185.60.20.7, 10.1.2.3"}});
  EXPECT_EQ(accepted.body, "TSOK");
  EXPECT_EQ(Stored().size(), 1u);
  EXPECT_TRUE(absl::StrContains(Log().back(), "\"sender\":\"185.60.20.7\""));

  const ClientResponse refused = Post(
      Body("700000002"), {{"X-Forwarded-For", "185.60.20.7, 203.0.113.1"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Stored().size(), 1u);
  EXPECT_TRUE(absl::StrContains(Log().back(), "\"sender\":\"203.0.113.1\""));
}

TEST_F(ReceiverTest, RefusesGarbage) {
  Start();
  for (const std::string& garbage :
       {std::string("\x01\x02\xff not a form %%%"), std::string(""),
        std::string("txaction=appointed&portalid=2000001&aid=10001"),
        std::string("key=%ZZ&txaction=appointed"),
        // PAYONE sends every parameter once: which copy would be true?
        absl::StrCat(Body(), "&txid=700000002"), absl::StrCat("key=x&", Body()),
        absl::StrCat(Body(), "&t%78id=700000002"),
        // Nor does it send control bytes.
        absl::StrReplaceAll(Body(), {{"txid=700000001", "txid=7%00"}}),
        absl::StrReplaceAll(Body(), {{"lastname=J", "lastname=%0AJ"}})}) {
    const ClientResponse response = Post(garbage);
    EXPECT_EQ(response.status, 400) << garbage;
    EXPECT_NE(response.body, "TSOK");
  }
  EXPECT_TRUE(Stored().empty());
  EXPECT_EQ(receiver_->Stats().refused["malformed"], 9u);
  for (const std::string& line : Log()) {
    EXPECT_FALSE(absl::StrContains(line, kIban)) << line;
  }
}

// PAYONE newer than the model: a txaction it does not know is stored with
// the text PAYONE sent and answered TSOK, like any other.
TEST_F(ReceiverTest, AcceptsValuesTheModelDoesNotKnow) {
  Start();
  const ClientResponse response = Post(
      absl::StrReplaceAll(Body(), {{"txaction=appointed", "txaction=settled"},
                                   {"sequencenumber=0", "sequencenumber=x"}}));
  EXPECT_EQ(response.body, "TSOK");
  std::vector<StoredNotification> stored = Stored();
  ASSERT_EQ(stored.size(), 1u);
  const auto& notification = stored[0].notification;
  EXPECT_EQ(stored[0].decode_error, "");
  EXPECT_EQ(notification.txaction(),
            payone::v1::TRANSACTION_ACTION_UNSPECIFIED);
  EXPECT_EQ(notification.other_parameters().at("txaction"), "settled");
  EXPECT_EQ(notification.other_parameters().at("sequencenumber"), "x");
  EXPECT_EQ(notification.personal_data().lastname(), "Jäger");
  EXPECT_TRUE(absl::StrContains(Log().back(), "\"txaction\":\"settled\""))
      << Log().back();
}

// PAYONE posts application/x-www-form-urlencoded; a validly signed
// notification under another Content-Type is still PAYONE's: stored and
// answered TSOK, but counted and logged so the surprise is seen.
TEST_F(ReceiverTest,
       AcceptsASignedNotificationWithAnotherContentTypeAndCountsIt) {
  Start();
  EXPECT_EQ(Post(Body("700000001")).body, "TSOK");
  EXPECT_EQ(receiver_->Stats().unexpected_content_type, 0u);
  EXPECT_FALSE(absl::StrContains(Log().back(), "unexpected_content_type"));

  auto response = simulator::HttpPost(Url(), Body("700000002"),
                                      {{"Content-Type", "text/plain"}});
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "TSOK");
  EXPECT_EQ(Stored().size(), 2u);
  EXPECT_EQ(receiver_->Stats().unexpected_content_type, 1u);
  const std::string line = Log().back();
  EXPECT_TRUE(absl::StrContains(line, "\"result\":\"accepted\"")) << line;
  EXPECT_TRUE(
      absl::StrContains(line, "\"unexpected_content_type\":\"text/plain\""))
      << line;

  // What the sender put in the header is not echoed beyond the media
  // type's letters: never a card number.
  response = simulator::HttpPost(
      Url(), Body("700000004"),
      {{"Content-Type", absl::StrCat("text/", kFullPan, "plain; x=", kIban)}});
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->body, "TSOK");
  EXPECT_TRUE(absl::StrContains(Log().back(),
                                "\"unexpected_content_type\":\"text/plain\""))
      << Log().back();
  EXPECT_FALSE(absl::StrContains(Log().back(), kFullPan));
  EXPECT_EQ(receiver_->Stats().unexpected_content_type, 2u);

  // Parameters and case do not matter.
  response = simulator::HttpPost(
      Url(), Body("700000003"),
      {{"Content-Type", "Application/X-WWW-Form-URLEncoded;charset=UTF-8"}});
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->body, "TSOK");
  EXPECT_EQ(receiver_->Stats().unexpected_content_type, 2u);
}

// Signed but not decodable (no txaction at all): kept raw, answered TSOK,
// counted and logged; refusing would only make PAYONE retry for 48 hours
// and then drop the event.
TEST_F(ReceiverTest, StoresASignedNotificationItCannotDecodeRaw) {
  Start();
  const ClientResponse response =
      Post(absl::StrReplaceAll(Body(), {{"txaction=appointed&", ""}}));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "TSOK");
  std::vector<StoredNotification> stored = Stored();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].account, "demo");
  EXPECT_EQ(stored[0].decode_error, "required parameter txaction is missing");
  const auto& notification = stored[0].notification;
  EXPECT_EQ(notification.key(), "");
  EXPECT_EQ(notification.txid(), "700000001");
  EXPECT_EQ(notification.portalid(), "2000001");
  EXPECT_EQ(notification.sequencenumber(), 0);
  EXPECT_FALSE(notification.other_parameters().contains("key"));
  EXPECT_EQ(notification.other_parameters().at("lastname"), "Jäger");
  EXPECT_EQ(notification.other_parameters().at("price"), "100.00");
  const NotificationStats stats = receiver_->Stats();
  EXPECT_EQ(stats.stored, 1u);
  EXPECT_EQ(stats.undecoded, 1u);
  const std::string line = Log().back();
  EXPECT_TRUE(absl::StrContains(line, "\"result\":\"accepted\"")) << line;
  EXPECT_TRUE(absl::StrContains(
      line, "\"problem\":\"required parameter txaction is missing\""))
      << line;
  EXPECT_FALSE(absl::StrContains(line, kIban)) << line;
  EXPECT_FALSE(absl::StrContains(line, kFullPan)) << line;

  // The key is still checked.
  const ClientResponse forged = Post(absl::StrReplaceAll(
      Body("700000002", HexDigest(DigestAlgorithm::kMd5, "other-key")),
      {{"txaction=appointed&", ""}}));
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(Stored().size(), 1u);
}

TEST_F(ReceiverTest, RefusesOversizedBodiesWithoutReadingThem) {
  options_.config.set_max_body_bytes(4096);
  Start();
  const std::string padded =
      absl::StrCat(Body(), "&param=", std::string(5000, 'x'));
  ExpectRefused(Post(padded), 413, "too_large");

  // Chunked: no length up front, refused once the limit is passed.
  auto url = simulator::ParseUrl(Url());
  ASSERT_TRUE(url.ok());
  auto connection = simulator::HttpConnection::Connect(*url);
  ASSERT_TRUE(connection.ok());
  std::string chunked = absl::StrCat(
      "POST /payone/transaction-status HTTP/1.1\r\nHost: x\r\n"
      "Transfer-Encoding: chunked\r\n\r\n");
  for (int i = 0; i < 8; ++i) {
    absl::StrAppend(&chunked, "3e8\r\n", std::string(1000, 'y'), "\r\n");
  }
  absl::StrAppend(&chunked, "0\r\n\r\n");
  auto raw = (*connection)->SendRaw(chunked);
  ASSERT_TRUE(raw.ok()) << raw.status();
  EXPECT_TRUE(absl::StartsWith(*raw, "HTTP/1.1 413")) << *raw;
  EXPECT_TRUE(Stored().empty());
}

TEST_F(ReceiverTest, RefusesOtherMethodsAndPaths) {
  Start({Account("demo", "2000001")});
  auto get = simulator::HttpConnection::Connect(*simulator::ParseUrl(Url()));
  ASSERT_TRUE(get.ok());
  auto response = (*get)->Send("GET", "/payone/transaction-status", "");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 405);
  EXPECT_EQ(response->Header("allow"), "POST");
  EXPECT_EQ(Post(Body(), {}, "/other").status, 404);
  EXPECT_EQ(Post(Body(), {}, "/payone/transaction-status-x").status, 404);
  EXPECT_EQ(Post(Body(), {}, "/payone/transaction-status/nobody").status, 404);
  EXPECT_TRUE(Stored().empty());
  const NotificationStats stats = receiver_->Stats();
  EXPECT_EQ(stats.refused.at("method_not_allowed"), 1u);
  EXPECT_EQ(stats.refused.at("not_found"), 3u);
}

TEST_F(ReceiverTest, PerAccountPathAcceptsOnlyThatAccount) {
  Start({Account("demo", "2000001"), Account("other", "2000003", "key-2")});
  EXPECT_EQ(Post(Body(), {}, "/payone/transaction-status/demo").body, "TSOK");
  const ClientResponse wrong =
      Post(Body("700000002"), {}, "/payone/transaction-status/other");
  EXPECT_EQ(wrong.status, 403);
  const std::string other_body =
      Body("700000003", HexDigest(DigestAlgorithm::kMd5, "key-2"), "2000003");
  EXPECT_EQ(Post(other_body, {}, "/payone/transaction-status/other").body,
            "TSOK");
  EXPECT_EQ(Post(Body("700000004"), {}, "/payone/transaction-status?x=1").body,
            "TSOK");
  const std::vector<StoredNotification> stored = Stored();
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[1].account, "other");
}

TEST_F(ReceiverTest, StoreFailureIsNoTsok) {
  FailingStore failing(store_.get());
  Start({Account("demo", "2000001")}, &failing);
  const ClientResponse response = Post(Body());
  EXPECT_EQ(response.status, 503);
  EXPECT_NE(response.body, "TSOK");
  EXPECT_TRUE(Stored().empty());
  EXPECT_EQ(receiver_->Stats().refused["store_failed"], 1u);
  absl::MutexLock lock(&mu_);
  EXPECT_TRUE(cursors_.empty());
}

TEST_F(ReceiverTest, LogsNeitherKeysNorCardNorBankNorNames) {
  Start();
  Post(Body());
  Post(Body());
  Post(Body("700000002", HexDigest(DigestAlgorithm::kMd5, "other-key")));
  Post(absl::StrReplaceAll(Body(), {{"sequencenumber=0", "sequencenumber=x"}}));
  const std::vector<std::string> log = Log();
  ASSERT_EQ(log.size(), 4u);
  for (const std::string& line : log) {
    for (const std::string& secret :
         {std::string(kFullPan), std::string(kIban), std::string("202051"),
          HexDigest(DigestAlgorithm::kMd5, kPortalKey),
          HexDigest(DigestAlgorithm::kMd5, "other-key"), std::string("J"),
          std::string("example.org"), std::string("key=")}) {
      EXPECT_FALSE(absl::StrContains(line, secret)) << line;
    }
  }
}

TEST_F(ReceiverTest, ServesTls) {
  auto certs = simulator::GenerateTestCerts();
  ASSERT_TRUE(certs.ok()) << certs.status();
  // As the configuration names them: files.
  const std::string dir = ::testing::TempDir();
  const std::string cert_file = absl::StrCat(dir, "/receiver_cert_", getpid());
  const std::string key_file = absl::StrCat(dir, "/receiver_key_", getpid());
  std::ofstream(cert_file) << certs->server_cert_pem;
  std::ofstream(key_file) << certs->server_key_pem;
  options_.config.mutable_tls()->set_cert_file(cert_file);
  options_.config.mutable_tls()->set_key_file(key_file);
  Start();
  simulator::ClientOptions client;
  client.ca_pem = certs->ca_cert_pem;
  auto response =
      simulator::HttpPost(absl::StrCat("https://localhost:", receiver_->port(),
                                       "/payone/transaction-status"),
                          Body(), {}, client);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->body, "TSOK");
  EXPECT_EQ(Stored().size(), 1u);
}

TEST_F(ReceiverTest, ShutdownLetsARequestInFlightFinish) {
  GatedStore gated(store_.get());
  Start({Account("demo", "2000001")}, &gated);
  ClientResponse response;
  std::thread poster([&] { response = Post(Body()); });
  gated.entered_.WaitForNotification();
  std::thread stopper([&] { receiver_->Shutdown(); });
  gated.release_.Notify();
  poster.join();
  stopper.join();
  EXPECT_EQ(response.body, "TSOK");
  EXPECT_EQ(Stored().size(), 1u);
  // Nothing listens any more.
  EXPECT_FALSE(simulator::HttpPost(Url(), Body("700000002")).ok());
}

TEST_F(ReceiverTest, RefusesATlsFileItCannotRead) {
  options_.config.mutable_tls()->set_cert_file("/nonexistent/cert.pem");
  auto receiver = NotificationReceiver::Start(
      options_, {}, &store_->notifications(), nullptr);
  EXPECT_EQ(receiver.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(
      receiver.status().message(),
      "cannot read notifications.tls.cert_file '/nonexistent/cert.pem'"))
      << receiver.status();
}

TEST_F(ReceiverTest, RejectsBadOptions) {
  options_.config.set_allowed_sources(0, "127.0.0.1/33");
  EXPECT_FALSE(NotificationReceiver::Start(options_, {},
                                           &store_->notifications(), nullptr)
                   .ok());
  options_.config.set_allowed_sources(0, "127.0.0.1/32");
  options_.config.set_listen_address("localhost");
  EXPECT_FALSE(NotificationReceiver::Start(options_, {},
                                           &store_->notifications(), nullptr)
                   .ok());
  options_.config.set_listen_address("127.0.0.1:0");
  options_.config.set_path("no-slash");
  EXPECT_FALSE(NotificationReceiver::Start(options_, {},
                                           &store_->notifications(), nullptr)
                   .ok());
}

}  // namespace
}  // namespace payone::service
