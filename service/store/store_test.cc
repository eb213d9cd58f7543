// One suite, run against both backends: SQLite on a file under TEST_TMPDIR,
// and PostgreSQL on a throwaway server (a fresh database per test).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/store/ledger_database.h"
#include "service/store/request_journal.h"
#include "service/store/schema.h"
#include "service/store/sql_database.h"
#include "service/store/store_test_backend.h"
#include "service/store/store_test_fixture.h"

namespace payone::service {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using Kind = IdempotencyClaim::Kind;
using Outcome = RequestRecord::Outcome;

// A key as PAYONE posts it (MD5 hex of the portal key): it must never be
// stored with the notification.
constexpr char kPortalKeyDigest[] = "0123456789abcdef0123456789abcdef";

StoredNotification MakeNotification(absl::string_view account,
                                    absl::string_view txid,
                                    payone::v1::TransactionAction txaction,
                                    int sequencenumber) {
  StoredNotification stored;
  stored.account = std::string(account);
  stored.received_at = absl::FromUnixSeconds(1767225600);
  payone::v1::TransactionStatusNotification& n = stored.notification;
  n.set_key(kPortalKeyDigest);
  n.set_txaction(txaction);
  n.set_portalid("2030000");
  n.set_aid("40000");
  n.set_txid(std::string(txid));
  n.set_reference(absl::StrCat("ref-", txid));
  n.set_sequencenumber(sequencenumber);
  n.set_currency("EUR");
  n.set_price(10000);
  return stored;
}

std::string BodyOf(const StoredNotification& stored) {
  return absl::StrCat("key=", kPortalKeyDigest,
                      "&txid=", stored.notification.txid(),
                      "&sequencenumber=", stored.notification.sequencenumber());
}

RequestRecord MakeRequest(absl::string_view type, absl::string_view txid,
                          absl::string_view reference, int64_t amount) {
  RequestRecord record;
  record.account = "shop";
  record.portalid = "2030000";
  record.request_type = std::string(type);
  record.effect = EffectOfRequestType(type);
  record.txid = std::string(txid);
  record.reference = std::string(reference);
  record.amount = amount;
  record.currency = "EUR";
  record.sent_at = absl::FromUnixSeconds(1767225600);
  return record;
}

std::vector<int64_t> Cursors(const std::vector<StoredNotification>& list) {
  std::vector<int64_t> cursors;
  for (const StoredNotification& stored : list)
    cursors.push_back(stored.cursor);
  return cursors;
}

std::vector<std::string> Txids(const std::vector<StoredNotification>& list) {
  std::vector<std::string> txids;
  for (const StoredNotification& stored : list) {
    txids.push_back(stored.notification.txid());
  }
  return txids;
}

class StoreTest : public StoreBackendTest {
 protected:
  // Rows of a statement on a connection of its own, past the Store.
  // A LedgerDatabase of its own with one writer (one batch at a time).
  std::unique_ptr<LedgerDatabase> OneWriter() {
    absl::StatusOr<std::unique_ptr<SqlDatabase>> raw = database_->OpenRaw();
    EXPECT_TRUE(raw.ok()) << raw.status();
    if (!raw.ok()) return nullptr;
    LedgerDatabaseOptions options;
    options.writers = 1;
    absl::StatusOr<std::unique_ptr<LedgerDatabase>> database =
        LedgerDatabase::Open(*std::move(raw), options);
    EXPECT_TRUE(database.ok()) << database.status();
    return database.ok() ? *std::move(database) : nullptr;
  }

  std::vector<SqlRow> Raw(absl::string_view sql) {
    absl::StatusOr<std::unique_ptr<SqlDatabase>> raw = database_->OpenRaw();
    EXPECT_TRUE(raw.ok()) << raw.status();
    std::vector<SqlRow> rows;
    if (!raw.ok()) return rows;
    absl::Status status =
        (*raw)->InTransaction(TransactionOptions(), [&](SqlTransaction& tx) {
          absl::StatusOr<std::vector<SqlRow>> result = tx.Query(sql);
          if (result.ok()) rows = *std::move(result);
          return result.status();
        });
    EXPECT_TRUE(status.ok()) << status;
    return rows;
  }

  int64_t Append(TestStore& store, const StoredNotification& stored,
                 absl::string_view dedupe_key,
                 std::vector<std::string> urls = {}) {
    absl::StatusOr<AppendedNotification> appended =
        store.AppendNotification(stored, dedupe_key, BodyOf(stored), urls);
    EXPECT_TRUE(appended.ok()) << appended.status();
    EXPECT_FALSE(appended.ok() && appended->duplicate) << dedupe_key;
    return appended.ok() ? appended->cursor : 0;
  }

  std::vector<StoredNotification> List(const NotificationQuery& query) {
    absl::StatusOr<std::vector<StoredNotification>> list =
        store_->ListNotifications(query);
    EXPECT_TRUE(list.ok()) << list.status();
    return list.ok() ? *std::move(list) : std::vector<StoredNotification>();
  }

  std::vector<ForwardTask> Due(absl::Time now, int limit = 100) {
    absl::StatusOr<std::vector<ForwardTask>> due =
        store_->DueForwards(now, limit);
    EXPECT_TRUE(due.ok()) << due.status();
    return due.ok() ? *std::move(due) : std::vector<ForwardTask>();
  }

  IdempotencyClaim Claim(TestStore& store, absl::string_view key,
                         absl::string_view fingerprint) {
    absl::StatusOr<IdempotencyClaim> claim =
        store.ClaimIdempotencyKey("shop", key, fingerprint);
    EXPECT_TRUE(claim.ok()) << claim.status();
    return claim.ok() ? *claim : IdempotencyClaim{};
  }
};

TEST_P(StoreTest, AppendsAndListsWithFiltersAndCursorPaging) {
  const int64_t first =
      Append(*store_,
             MakeNotification("shop", "100",
                              payone::v1::TRANSACTION_ACTION_APPOINTED, 0),
             "d1");
  const int64_t second =
      Append(*store_,
             MakeNotification("other", "200",
                              payone::v1::TRANSACTION_ACTION_APPOINTED, 0),
             "d2");
  const int64_t third =
      Append(*store_,
             MakeNotification("shop", "100",
                              payone::v1::TRANSACTION_ACTION_CAPTURE, 1),
             "d3");
  const int64_t fourth = Append(
      *store_,
      MakeNotification("shop", "300", payone::v1::TRANSACTION_ACTION_PAID, 1),
      "d4");
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_LT(third, fourth);

  std::vector<StoredNotification> all = List({});
  EXPECT_THAT(Cursors(all), ElementsAre(first, second, third, fourth));
  ASSERT_THAT(all, SizeIs(4));
  EXPECT_EQ(all[0].account, "shop");
  EXPECT_EQ(all[0].received_at, absl::FromUnixSeconds(1767225600));
  EXPECT_EQ(all[2].notification.txaction(),
            payone::v1::TRANSACTION_ACTION_CAPTURE);
  EXPECT_EQ(all[2].notification.sequencenumber(), 1);
  EXPECT_EQ(all[2].notification.price(), 10000);
  EXPECT_EQ(all[2].notification.reference(), "ref-100");

  EXPECT_THAT(Txids(List({.account = "shop"})),
              ElementsAre("100", "100", "300"));
  EXPECT_THAT(Txids(List({.txid = "200"})), ElementsAre("200"));
  EXPECT_THAT(Cursors(List({.account = "shop", .txid = "100"})),
              ElementsAre(first, third));
  EXPECT_THAT(List({.account = "other", .txid = "100"}), IsEmpty());

  // Paging: a page of two, then the rest after the last cursor seen.
  std::vector<StoredNotification> page = List({.limit = 2});
  EXPECT_THAT(Cursors(page), ElementsAre(first, second));
  page = List({.after_cursor = page.back().cursor, .limit = 2});
  EXPECT_THAT(Cursors(page), ElementsAre(third, fourth));
  EXPECT_THAT(List({.after_cursor = fourth}), IsEmpty());
  EXPECT_THAT(Cursors(List({.after_cursor = first, .account = "shop"})),
              ElementsAre(third, fourth));

  EXPECT_EQ(store_->ListNotifications({.limit = 0}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, DuplicateIsRecognisedStoredOnceAndQueuesNothing) {
  const StoredNotification stored = MakeNotification(
      "shop", "100", payone::v1::TRANSACTION_ACTION_APPOINTED, 0);
  const int64_t cursor = Append(*store_, stored, "same", {"https://a/"});
  Append(
      *store_,
      MakeNotification("shop", "101", payone::v1::TRANSACTION_ACTION_PAID, 0),
      "next");

  absl::StatusOr<AppendedNotification> again = store_->AppendNotification(
      stored, "same", BodyOf(stored), {"https://a/", "https://b/"});
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->cursor, cursor);

  // Without forward URLs (on PostgreSQL, one multi-row INSERT per batch).
  absl::StatusOr<AppendedNotification> next_again = store_->AppendNotification(
      MakeNotification("shop", "101", payone::v1::TRANSACTION_ACTION_PAID, 0),
      "next", "", {});
  ASSERT_TRUE(next_again.ok()) << next_again.status();
  EXPECT_TRUE(next_again->duplicate);
  EXPECT_GT(next_again->cursor, cursor);

  EXPECT_THAT(Txids(List({})), ElementsAre("100", "101"));
  std::vector<ForwardTask> due = Due(absl::InfiniteFuture());
  ASSERT_THAT(due, SizeIs(1));
  EXPECT_EQ(due[0].url, "https://a/");
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM forward_tasks").at(0).Int(0), 1);
}

TEST_P(StoreTest, ForwardTasksAreQueuedWithTheNotificationInDueOrder) {
  const StoredNotification stored = MakeNotification(
      "shop", "100", payone::v1::TRANSACTION_ACTION_APPOINTED, 0);
  // A URL listed twice is queued once.
  const int64_t cursor =
      Append(*store_, stored, "d1", {"https://a/", "https://b/", "https://a/"});

  EXPECT_THAT(Due(stored.received_at - absl::Seconds(1)), IsEmpty());
  std::vector<ForwardTask> due = Due(stored.received_at);
  ASSERT_THAT(due, SizeIs(2));
  for (const ForwardTask& task : due) {
    EXPECT_EQ(task.cursor, cursor);
    EXPECT_EQ(task.body, BodyOf(stored));
    EXPECT_EQ(task.attempts, 0);
    EXPECT_EQ(task.next_attempt, stored.received_at);
  }
  EXPECT_EQ(due[0].url, "https://a/");
  EXPECT_EQ(due[1].url, "https://b/");
  EXPECT_THAT(Due(stored.received_at, 1), SizeIs(1));

  // A task due earlier comes first, whatever its id.
  ASSERT_TRUE(store_
                  ->ForwardFailed(due[0].id,
                                  stored.received_at + absl::Minutes(5), "503")
                  .ok());
  ASSERT_TRUE(store_
                  ->ForwardFailed(due[1].id,
                                  stored.received_at + absl::Minutes(1), "503")
                  .ok());
  std::vector<ForwardTask> later = Due(stored.received_at + absl::Minutes(10));
  ASSERT_THAT(later, SizeIs(2));
  EXPECT_EQ(later[0].id, due[1].id);
  EXPECT_EQ(later[1].id, due[0].id);
}

TEST_P(StoreTest, ForwardTaskAndNotificationCommitTogetherOrNotAtAll) {
  // The database refuses one URL: the whole append must leave no trace.
  const std::vector<std::string> trigger =
      GetParam() == StoreBackend::kSqlite
          ? std::vector<std::string>{
                "CREATE TRIGGER refuse_url BEFORE INSERT ON forward_tasks"
                " WHEN NEW.url = 'https://refused/'"
                " BEGIN SELECT RAISE(ABORT, 'refused by test'); END"}
          : std::vector<std::string>{
                "CREATE FUNCTION refuse_url() RETURNS trigger"
                " LANGUAGE plpgsql AS $$ BEGIN"
                " IF NEW.url = 'https://refused/' THEN"
                " RAISE EXCEPTION 'refused by test'; END IF;"
                " RETURN NEW; END $$",
                "CREATE TRIGGER refuse_url BEFORE INSERT ON forward_tasks"
                " FOR EACH ROW EXECUTE FUNCTION refuse_url()"};
  for (const std::string& statement : trigger) Raw(statement);
  const StoredNotification stored = MakeNotification(
      "shop", "100", payone::v1::TRANSACTION_ACTION_APPOINTED, 0);
  absl::StatusOr<AppendedNotification> refused =
      store_->AppendNotification(stored, "dedupe-secret", BodyOf(stored),
                                 {"https://a/", "https://refused/"});
  ASSERT_FALSE(refused.ok());
  // Errors never quote what was stored.
  EXPECT_THAT(refused.status().message(), Not(HasSubstr(kPortalKeyDigest)));
  EXPECT_THAT(refused.status().message(), Not(HasSubstr("dedupe-secret")));
  EXPECT_THAT(refused.status().message(), HasSubstr("AppendNotification"));
  EXPECT_THAT(List({}), IsEmpty());
  EXPECT_THAT(Due(absl::InfiniteFuture()), IsEmpty());

  // Not a duplicate afterwards: nothing of the failed append was kept.
  Append(*store_, stored, "dedupe-secret", {"https://a/"});
  EXPECT_THAT(List({}), SizeIs(1));
  EXPECT_THAT(Due(absl::InfiniteFuture()), SizeIs(1));
}

TEST_P(StoreTest, ForwardDeliveredAndFailedWithBackoff) {
  const StoredNotification stored = MakeNotification(
      "shop", "100", payone::v1::TRANSACTION_ACTION_APPOINTED, 0);
  Append(*store_, stored, "d1", {"https://a/", "https://b/"});
  std::vector<ForwardTask> due = Due(stored.received_at);
  ASSERT_THAT(due, SizeIs(2));

  ASSERT_TRUE(store_->ForwardDelivered(due[0].id).ok());
  const absl::Time retry_at = stored.received_at + absl::Seconds(30);
  ASSERT_TRUE(store_->ForwardFailed(due[1].id, retry_at, "HTTP 502").ok());

  EXPECT_THAT(Due(retry_at - absl::Seconds(1)), IsEmpty());
  std::vector<ForwardTask> retry = Due(retry_at);
  ASSERT_THAT(retry, SizeIs(1));
  EXPECT_EQ(retry[0].id, due[1].id);
  EXPECT_EQ(retry[0].attempts, 1);
  EXPECT_EQ(retry[0].next_attempt, retry_at);

  ASSERT_TRUE(
      store_->ForwardFailed(due[1].id, retry_at + absl::Minutes(1), "timeout")
          .ok());
  retry = Due(absl::InfiniteFuture());
  ASSERT_THAT(retry, SizeIs(1));
  EXPECT_EQ(retry[0].attempts, 2);
  EXPECT_EQ(Raw("SELECT last_error FROM forward_tasks WHERE attempts = 2")
                .at(0)
                .Bytes(0),
            "timeout");

  ASSERT_TRUE(store_->ForwardDelivered(due[1].id).ok());
  EXPECT_THAT(Due(absl::InfiniteFuture()), IsEmpty());

  EXPECT_EQ(store_->ForwardDelivered(987654).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->ForwardFailed(987654, retry_at, "x").code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->DueForwards(retry_at, 0).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, LeasedForwardsAreNotHandedOutTwiceUntilTheLeaseEnds) {
  const StoredNotification stored = MakeNotification(
      "shop", "100", payone::v1::TRANSACTION_ACTION_APPOINTED, 0);
  Append(*store_, stored, "d1", {"https://a/", "https://b/"});
  std::unique_ptr<TestStore> replica = Open();
  ASSERT_NE(replica, nullptr);
  const absl::Time now = stored.received_at + absl::Seconds(1);

  absl::StatusOr<std::vector<ForwardTask>> leased =
      store_->LeaseDueForwards(now, absl::Minutes(1), 1);
  ASSERT_TRUE(leased.ok()) << leased.status();
  ASSERT_THAT(*leased, SizeIs(1));
  EXPECT_EQ((*leased)[0].url, "https://a/");
  EXPECT_EQ((*leased)[0].next_attempt, stored.received_at);
  // The other replica gets only the task not leased.
  absl::StatusOr<std::vector<ForwardTask>> other =
      replica->LeaseDueForwards(now, absl::Minutes(1), 10);
  ASSERT_TRUE(other.ok()) << other.status();
  ASSERT_THAT(*other, SizeIs(1));
  EXPECT_EQ((*other)[0].url, "https://b/");
  EXPECT_THAT(Due(now), IsEmpty());

  // Delivered: gone for good. Not settled: due again when the lease ends.
  ASSERT_TRUE(store_->ForwardDelivered((*leased)[0].id).ok());
  std::vector<ForwardTask> again = Due(now + absl::Minutes(1));
  ASSERT_THAT(again, SizeIs(1));
  EXPECT_EQ(again[0].id, (*other)[0].id);
  EXPECT_EQ(again[0].attempts, 0);
  EXPECT_EQ(store_->LeaseDueForwards(now, absl::Minutes(1), 0).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, ConcurrentLeasesHandOutEachTaskOnce) {
  std::unique_ptr<TestStore> replica = Open();
  ASSERT_NE(replica, nullptr);
  constexpr int kTasks = 40;
  for (int i = 0; i < kTasks; ++i) {
    Append(*store_,
           MakeNotification("shop", absl::StrCat(i),
                            payone::v1::TRANSACTION_ACTION_PAID, 0),
           absl::StrCat("d", i), {"https://a/"});
  }
  const absl::Time now = absl::FromUnixSeconds(1767225600);
  absl::Mutex mu;
  std::vector<int64_t> leased_ids;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      TestStore& store = t % 2 == 0 ? *store_ : *replica;
      while (true) {
        absl::StatusOr<std::vector<ForwardTask>> leased =
            store.LeaseDueForwards(now, absl::Hours(1), 3);
        if (!leased.ok()) {
          ADD_FAILURE() << leased.status();
          return;
        }
        absl::MutexLock lock(&mu);
        for (const ForwardTask& task : *leased) leased_ids.push_back(task.id);
        if (leased->empty() && leased_ids.size() >= kTasks) return;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(leased_ids, SizeIs(kTasks));
  EXPECT_THAT(std::set<int64_t>(leased_ids.begin(), leased_ids.end()),
              SizeIs(kTasks));
}

TEST_P(StoreTest, RequestsBeginFinishAndListLearningTheTxid) {
  RequestRecord preauth = MakeRequest("preauthorization", "", "Order-1", 10000);
  absl::StatusOr<int64_t> preauth_id = store_->BeginRequest(preauth);
  ASSERT_TRUE(preauth_id.ok()) << preauth_id.status();
  // While sending, the request is not listed under a txid it has not got.
  absl::StatusOr<std::vector<RequestRecord>> listed =
      store_->ListRequests("shop", "700");
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_THAT(*listed, IsEmpty());

  ASSERT_TRUE(
      store_
          ->FinishRequest(*preauth_id, Outcome::kAnswered, "APPROVED", 0, "700")
          .ok());
  RequestRecord capture = MakeRequest("capture", "700", "", 4000);
  capture.sequencenumber = 1;
  capture.capturemode = "notcompleted";
  absl::StatusOr<int64_t> capture_id = store_->BeginRequest(capture);
  ASSERT_TRUE(capture_id.ok()) << capture_id.status();
  EXPECT_GT(*capture_id, *preauth_id);
  RequestRecord refund = MakeRequest("refund", "700", "", -1000);
  refund.sequencenumber = 2;
  absl::StatusOr<int64_t> refund_id = store_->BeginRequest(refund);
  ASSERT_TRUE(refund_id.ok());
  // An empty txid keeps the stored one.
  ASSERT_TRUE(
      store_->FinishRequest(*capture_id, Outcome::kAnswered, "ERROR", 911, "")
          .ok());

  listed = store_->ListRequests("shop", "700");
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_THAT(*listed, SizeIs(3));
  const RequestRecord& p = (*listed)[0];
  EXPECT_EQ(p.id, *preauth_id);
  EXPECT_EQ(p.account, "shop");
  EXPECT_EQ(p.portalid, "2030000");
  EXPECT_EQ(p.request_type, "preauthorization");
  EXPECT_EQ(p.txid, "700");
  EXPECT_EQ(p.reference, "Order-1");
  EXPECT_EQ(p.sequencenumber, std::nullopt);
  EXPECT_EQ(p.amount, 10000);
  EXPECT_EQ(p.currency, "EUR");
  EXPECT_EQ(p.outcome, Outcome::kAnswered);
  EXPECT_EQ(p.status, "APPROVED");
  EXPECT_EQ(p.sent_at, absl::FromUnixSeconds(1767225600));
  EXPECT_GT(p.finished_at, p.sent_at);
  const RequestRecord& c = (*listed)[1];
  EXPECT_EQ(c.txid, "700");
  EXPECT_EQ(c.sequencenumber, 1);
  EXPECT_EQ(c.capturemode, "notcompleted");
  EXPECT_EQ(c.status, "ERROR");
  EXPECT_EQ(c.errorcode, 911);
  const RequestRecord& r = (*listed)[2];
  EXPECT_EQ(r.amount, -1000);
  EXPECT_EQ(r.outcome, Outcome::kSending);
  EXPECT_EQ(r.finished_at, absl::InfinitePast());

  listed = store_->ListRequests("other", "700");
  ASSERT_TRUE(listed.ok());
  EXPECT_THAT(*listed, IsEmpty());

  EXPECT_EQ(store_->FinishRequest(987654, Outcome::kUnknown, "", 0, "").code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(
      store_->FinishRequest(*refund_id, Outcome::kSending, "", 0, "").code(),
      absl::StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, IdempotencyClaimReplayConflictInFlightAndRelease) {
  EXPECT_EQ(Claim(*store_, "key-1", "fp-a").kind, Kind::kClaimed);
  EXPECT_EQ(Claim(*store_, "key-1", "fp-a").kind, Kind::kInFlight);
  EXPECT_EQ(Claim(*store_, "key-1", "fp-b").kind, Kind::kConflict);
  // Keys are scoped per account.
  absl::StatusOr<IdempotencyClaim> elsewhere =
      store_->ClaimIdempotencyKey("other", "key-1", "fp-b");
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_EQ(elsewhere->kind, Kind::kClaimed);

  const std::string response("answer\0with bytes\xff", 19);
  ASSERT_TRUE(store_->CompleteIdempotencyKey("shop", "key-1", response).ok());
  IdempotencyClaim replay = Claim(*store_, "key-1", "fp-a");
  EXPECT_EQ(replay.kind, Kind::kReplay);
  EXPECT_EQ(replay.response, response);
  EXPECT_EQ(Claim(*store_, "key-1", "fp-b").kind, Kind::kConflict);
  // A completed key was sent: it cannot be released.
  EXPECT_EQ(store_->ReleaseIdempotencyKey("shop", "key-1").code(),
            absl::StatusCode::kFailedPrecondition);

  // A released claim can be claimed again, with any request.
  EXPECT_EQ(Claim(*store_, "key-2", "fp-a").kind, Kind::kClaimed);
  ASSERT_TRUE(store_->ReleaseIdempotencyKey("shop", "key-2").ok());
  EXPECT_EQ(Claim(*store_, "key-2", "fp-c").kind, Kind::kClaimed);
  // An empty response is still a completed one.
  ASSERT_TRUE(store_->CompleteIdempotencyKey("shop", "key-2", "").ok());
  replay = Claim(*store_, "key-2", "fp-c");
  EXPECT_EQ(replay.kind, Kind::kReplay);
  EXPECT_EQ(replay.response, "");

  EXPECT_EQ(store_->CompleteIdempotencyKey("shop", "nope", "x").code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->ReleaseIdempotencyKey("shop", "nope").code(),
            absl::StatusCode::kNotFound);
}

TEST_P(StoreTest, EverythingSurvivesReopening) {
  const StoredNotification stored = MakeNotification(
      "shop", "100", payone::v1::TRANSACTION_ACTION_APPOINTED, 0);
  const int64_t cursor = Append(*store_, stored, "d1", {"https://a/"});
  absl::StatusOr<int64_t> request =
      store_->BeginRequest(MakeRequest("preauthorization", "", "Order-1", 5));
  ASSERT_TRUE(request.ok());
  ASSERT_TRUE(
      store_->FinishRequest(*request, Outcome::kAnswered, "APPROVED", 0, "100")
          .ok());
  ASSERT_EQ(Claim(*store_, "key-1", "fp").kind, Kind::kClaimed);
  ASSERT_TRUE(store_->CompleteIdempotencyKey("shop", "key-1", "resp").ok());

  store_.reset();
  store_ = Open();
  ASSERT_NE(store_, nullptr);

  std::vector<StoredNotification> list = List({});
  ASSERT_THAT(list, SizeIs(1));
  EXPECT_EQ(list[0].cursor, cursor);
  EXPECT_EQ(list[0].notification.txid(), "100");
  std::vector<ForwardTask> due = Due(absl::InfiniteFuture());
  ASSERT_THAT(due, SizeIs(1));
  EXPECT_EQ(due[0].body, BodyOf(stored));
  absl::StatusOr<std::vector<RequestRecord>> requests =
      store_->ListRequests("shop", "100");
  ASSERT_TRUE(requests.ok());
  ASSERT_THAT(*requests, SizeIs(1));
  EXPECT_EQ((*requests)[0].status, "APPROVED");
  IdempotencyClaim replay = Claim(*store_, "key-1", "fp");
  EXPECT_EQ(replay.kind, Kind::kReplay);
  EXPECT_EQ(replay.response, "resp");
  // New cursors continue after the old ones.
  EXPECT_GT(Append(*store_, stored, "d2"), cursor);
}

TEST_P(StoreTest, AnsweredAppendsSurviveKill9) {
  // A child process appends and reports each cursor once the append returned
  // OK; the parent kills it with SIGKILL mid-stream and reopens the store.
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    absl::StatusOr<std::unique_ptr<TestStore>> store = database_->OpenStore();
    if (!store.ok()) _exit(2);
    for (int i = 0;; ++i) {
      const StoredNotification stored = MakeNotification(
          "shop", absl::StrCat(i), payone::v1::TRANSACTION_ACTION_PAID, 0);
      absl::StatusOr<AppendedNotification> appended =
          (*store)->AppendNotification(stored, absl::StrCat("k", i),
                                       BodyOf(stored), {"https://a/"});
      if (!appended.ok()) _exit(3);
      if (write(pipe_fds[1], &appended->cursor, sizeof(int64_t)) !=
          sizeof(int64_t)) {
        _exit(4);
      }
    }
  }
  close(pipe_fds[1]);
  std::vector<int64_t> answered;
  int64_t cursor = 0;
  while (answered.size() < 40 &&
         read(pipe_fds[0], &cursor, sizeof(cursor)) == sizeof(cursor)) {
    answered.push_back(cursor);
  }
  kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status)) << "child exited with " << status;
  while (read(pipe_fds[0], &cursor, sizeof(cursor)) == sizeof(cursor)) {
    answered.push_back(cursor);
  }
  close(pipe_fds[0]);
  ASSERT_GE(answered.size(), 40u);

  store_.reset();
  store_ = Open();
  ASSERT_NE(store_, nullptr);
  std::vector<int64_t> stored = Cursors(List({.limit = 100000}));
  for (int64_t answered_cursor : answered) {
    EXPECT_TRUE(
        std::binary_search(stored.begin(), stored.end(), answered_cursor))
        << "cursor " << answered_cursor << " answered but lost";
  }
  EXPECT_GE(Due(absl::InfiniteFuture(), 100000).size(), answered.size());
}

TEST_P(StoreTest, ConcurrentAppendsKeepCursorsInCommitOrder) {
  // Two stores (two connections, or two pools) and a watcher that pages
  // forward from the last cursor it saw, as WatchTransactionStatus does: if
  // a row ever committed below a cursor the watcher had passed, the watcher
  // would miss it.
  // Appends with forward URLs insert row by row; those without share one
  // multi-row INSERT per batch on PostgreSQL: both are raced.
  std::unique_ptr<TestStore> second = Open();
  ASSERT_NE(second, nullptr);
  constexpr int kThreads = 6;
  constexpr int kPerThread = 25;
  int64_t after = 0;
  for (const bool forward : {true, false}) {
    SCOPED_TRACE(forward ? "with forward URLs" : "without forward URLs");
    const std::vector<std::string> urls =
        forward ? std::vector<std::string>{"https://a/"}
                : std::vector<std::string>{};
    std::atomic<int> writers_left{kThreads};
    absl::Mutex mu;
    std::vector<int64_t> appended_cursors;
    int duplicates = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        TestStore& store = t % 2 == 0 ? *store_ : *second;
        for (int i = 0; i < kPerThread; ++i) {
          const StoredNotification stored =
              MakeNotification("shop", absl::StrCat(t, "-", i),
                               payone::v1::TRANSACTION_ACTION_APPOINTED, 0);
          // Every key is also raced by the neighbouring thread.
          for (const std::string& key :
               {absl::StrCat("k", forward, t, "-", i),
                absl::StrCat("k", forward, (t + 1) % kThreads, "-", i)}) {
            absl::StatusOr<AppendedNotification> appended =
                store.AppendNotification(stored, key, BodyOf(stored), urls);
            if (!appended.ok()) {
              ADD_FAILURE() << appended.status();
              continue;
            }
            absl::MutexLock lock(&mu);
            if (appended->duplicate) {
              ++duplicates;
            } else {
              appended_cursors.push_back(appended->cursor);
            }
          }
        }
        writers_left.fetch_sub(1);
      });
    }
    std::vector<int64_t> watched;
    while (true) {
      const bool writers_done = writers_left.load() == 0;
      std::vector<StoredNotification> page = List({.after_cursor = after});
      for (const StoredNotification& stored : page) {
        ASSERT_GT(stored.cursor, after);
        after = stored.cursor;
        watched.push_back(stored.cursor);
      }
      if (writers_done && page.empty()) break;
    }
    for (std::thread& thread : threads) thread.join();

    EXPECT_EQ(appended_cursors.size(),
              static_cast<size_t>(kThreads * kPerThread));
    EXPECT_EQ(duplicates, kThreads * kPerThread);
    std::set<int64_t> unique(appended_cursors.begin(), appended_cursors.end());
    EXPECT_EQ(unique.size(), appended_cursors.size());
    EXPECT_EQ(std::set<int64_t>(watched.begin(), watched.end()), unique);
    EXPECT_EQ(watched.size(), unique.size());
    EXPECT_EQ(Raw("SELECT COUNT(*) FROM notifications").at(0).Int(0),
              (forward ? 1 : 2) * kThreads * kPerThread);
    EXPECT_EQ(Raw("SELECT COUNT(*) FROM forward_tasks").at(0).Int(0),
              kThreads * kPerThread);
  }
}

TEST_P(StoreTest, ConcurrentClaimsOfOneKeyHaveOneWinner) {
  std::unique_ptr<TestStore> second = Open();
  ASSERT_NE(second, nullptr);
  constexpr int kThreads = 6;
  constexpr int kKeys = 20;
  absl::Mutex mu;
  std::vector<int> claimed(kKeys), in_flight(kKeys);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      TestStore& store = t % 2 == 0 ? *store_ : *second;
      for (int k = 0; k < kKeys; ++k) {
        const Kind kind = Claim(store, absl::StrCat("key-", k), "fp").kind;
        absl::MutexLock lock(&mu);
        (kind == Kind::kClaimed ? claimed : in_flight)[k]++;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int k = 0; k < kKeys; ++k) {
    EXPECT_EQ(claimed[k], 1) << "key-" << k;
    EXPECT_EQ(in_flight[k], kThreads - 1) << "key-" << k;
  }
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM idempotency_keys").at(0).Int(0), kKeys);
}

TEST_P(StoreTest, OneProcessPerReferenceWhateverTheCase) {
  absl::StatusOr<int64_t> first =
      store_->BeginRequest(MakeRequest("preauthorization", "", "Order-9", 1));
  ASSERT_TRUE(first.ok()) << first.status();
  // The schema refuses a second one, even where a check was skipped.
  EXPECT_EQ(store_->BeginRequest(MakeRequest("authorization", "", "ORDER-9", 1))
                .status()
                .code(),
            absl::StatusCode::kAlreadyExists);
  // Another portal, or a request that opens nothing, may use it.
  RequestRecord elsewhere = MakeRequest("preauthorization", "", "Order-9", 1);
  elsewhere.portalid = "2030001";
  EXPECT_TRUE(store_->BeginRequest(elsewhere).ok());
  EXPECT_TRUE(
      store_->BeginRequest(MakeRequest("capture", "700", "Order-9", 1)).ok());
  // Of unknown outcome, or refused by PAYONE: still taken.
  ASSERT_TRUE(store_->FinishRequest(*first, Outcome::kUnknown, "", 0, "").ok());
  EXPECT_EQ(
      store_->BeginRequest(MakeRequest("preauthorization", "", "order-9", 1))
          .status()
          .code(),
      absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE(
      store_->FinishRequest(*first, Outcome::kAnswered, "ERROR", 911, "").ok());
  EXPECT_EQ(
      store_->BeginRequest(MakeRequest("preauthorization", "", "order-9", 1))
          .status()
          .code(),
      absl::StatusCode::kAlreadyExists);
  // Certainly not sent: the reference is free again.
  ASSERT_TRUE(store_->FinishRequest(*first, Outcome::kNotSent, "", 0, "").ok());
  EXPECT_TRUE(
      store_->BeginRequest(MakeRequest("preauthorization", "", "order-9", 1))
          .ok());
}

TEST_P(StoreTest, OneFollowUpPerSequenceNumberUnlessRefused) {
  auto capture = [](int sequencenumber) {
    RequestRecord record = MakeRequest("capture", "700", "", 100);
    record.sequencenumber = sequencenumber;
    return record;
  };
  absl::StatusOr<int64_t> first = store_->BeginRequest(capture(1));
  ASSERT_TRUE(first.ok()) << first.status();
  RequestRecord refund = MakeRequest("refund", "700", "", -100);
  refund.sequencenumber = 1;
  EXPECT_EQ(store_->BeginRequest(refund).status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_TRUE(store_->BeginRequest(capture(2)).ok());
  // PAYONE refused it (907, ...): the number was not taken.
  ASSERT_TRUE(
      store_->FinishRequest(*first, Outcome::kAnswered, "ERROR", 907, "").ok());
  EXPECT_TRUE(store_->BeginRequest(capture(1)).ok());
}

// SQLite runs a statement's three-value IN list (here: a partial index's
// predicate) through a temporary table built on every run; the ledger
// inserts and updates requests on every call (migration 5).
TEST_P(StoreTest, SqliteInsertsAndUpdatesOfRequestsBuildNoTemporaryTable) {
  if (GetParam() != StoreBackend::kSqlite) GTEST_SKIP() << "EXPLAIN of SQLite";
  for (const char* statement :
       {"INSERT INTO requests (account, portalid, request_type, ledger_effect,"
        " txid, reference, sequencenumber, amount, currency, capturemode,"
        " outcome, status, errorcode, sent_at) VALUES ('shop', '2030000',"
        " 'capture', 'capture', '700', '', 1, 100, 'EUR', '', 'sending', '',"
        " 0, 0)",
        "UPDATE requests SET outcome = 'answered', status = 'APPROVED',"
        " errorcode = 0, finished_at = 1, txid = '700' WHERE id = 1"}) {
    std::vector<std::string> opcodes;
    for (const SqlRow& row : Raw(absl::StrCat("EXPLAIN ", statement))) {
      opcodes.push_back(row.Bytes(1));
    }
    EXPECT_THAT(opcodes, Not(Contains("OpenEphemeral"))) << statement;
    EXPECT_THAT(opcodes, Contains("OpenWrite")) << statement;
  }
}

TEST_P(StoreTest, MigrationNamesOldRowsThatBreakTheNewConstraints) {
  absl::StatusOr<std::unique_ptr<TestDatabase>> fresh =
      NewTestDatabase(GetParam());
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  database_ = *std::move(fresh);
  absl::StatusOr<std::unique_ptr<SqlDatabase>> raw = database_->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  ASSERT_TRUE(MigrateSchema(**raw, 1).ok());
  // What version 1 let through: two processes with one reference.
  for (const char* reference : {"Order-1", "order-1", "order-2"}) {
    Raw(absl::StrCat(
        "INSERT INTO requests (account, portalid, request_type, txid,"
        " reference, amount, currency, capturemode, outcome, status,"
        " errorcode, sent_at) VALUES ('shop', '2030000', 'preauthorization',"
        " '', '",
        reference, "', 1, 'EUR', '', 'answered', 'APPROVED', 0, 0)"));
  }
  absl::StatusOr<std::unique_ptr<TestStore>> store = database_->OpenStore();
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr("schema migration 2"));
  EXPECT_THAT(store.status().message(), HasSubstr("requests 1, 2"));
  EXPECT_THAT(store.status().message(), HasSubstr("reference order-1"));
  EXPECT_THAT(store.status().message(), Not(HasSubstr("order-2")));

  // Resolved as the message says: the migration applies.
  Raw("UPDATE requests SET outcome = 'not_sent' WHERE id = 2");
  store = database_->OpenStore();
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<std::vector<RequestRecord>> listed =
      (*store)->ListRequests("shop", "");
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_THAT(*listed, SizeIs(3));
  EXPECT_EQ((*listed)[0].effect, codec::LedgerEffect::kReserve);
}

// A LedgerDatabase on the test database whose writer is held inside the
// first item's work until Release(): items queued meanwhile form one batch.
class HeldWriter {
 public:
  explicit HeldWriter(LedgerDatabase* database) : database_(database) {
    EXPECT_TRUE(database_
                    ->Submit(
                        {},
                        [this](SqlTransaction&) {
                          entered_.Notify();
                          release_.WaitForNotification();
                          return absl::OkStatus();
                        },
                        [](absl::Status) {})
                    .ok());
    entered_.WaitForNotification();
  }
  void Release() { release_.Notify(); }

 private:
  LedgerDatabase* database_;
  absl::Notification entered_;
  absl::Notification release_;
};

// Queues `items` works (work(i, tx)) behind a held writer, so that they
// form one batch, and returns each one's status once all are answered.
std::vector<absl::Status> RunAsOneBatch(
    LedgerDatabase* database, int items,
    std::function<absl::Status(int, SqlTransaction&)> work) {
  HeldWriter held(database);
  absl::Mutex mu;
  std::vector<absl::Status> results(items);
  int remaining = items;
  for (int i = 0; i < items; ++i) {
    EXPECT_TRUE(database
                    ->Submit(
                        {},
                        [&work, i](SqlTransaction& tx) { return work(i, tx); },
                        [&, i](absl::Status status) {
                          absl::MutexLock lock(&mu);
                          results[i] = std::move(status);
                          --remaining;
                        })
                    .ok());
  }
  held.Release();
  absl::MutexLock lock(&mu);
  mu.Await(absl::Condition(
      +[](int* remaining) { return *remaining == 0; }, &remaining));
  return results;
}

TEST_P(StoreTest, ConcurrentWritesShareOneCommitAndFailAlone) {
  std::unique_ptr<LedgerDatabase> database = OneWriter();
  ASSERT_NE(database, nullptr);
  constexpr int kItems = 20;
  std::vector<absl::Status> results = RunAsOneBatch(
      database.get(), kItems, [](int i, SqlTransaction& tx) -> absl::Status {
        // Item 7 breaks the unique reference: only it rolls back.
        const std::string reference =
            i == 7 ? "ref-3" : absl::StrCat("ref-", i);
        return tx
            .Query(
                "INSERT INTO requests (account, portalid,"
                " request_type, ledger_effect, txid, reference,"
                " amount, currency, capturemode, outcome, status,"
                " errorcode, sent_at) VALUES ('shop', '2030000',"
                " 'preauthorization', 'reserve', '', $1, 1, 'EUR',"
                " '', 'sending', '', 0, 0)",
                {reference})
            .status();
      });
  for (int i = 0; i < kItems; ++i) {
    EXPECT_EQ(results[i].code(),
              i == 7 ? absl::StatusCode::kAlreadyExists : absl::StatusCode::kOk)
        << i << ": " << results[i];
  }
  // The held item, then everything queued behind it in one transaction.
  EXPECT_EQ(database->stats().batches, 2u);
  EXPECT_EQ(database->stats().items, kItems + 1u);
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM requests").at(0).Int(0), kItems - 1);
}

// Counts the statements that insert into requests.
class CountingTransaction : public SqlTransaction {
 public:
  CountingTransaction(SqlTransaction& tx, std::atomic<int>* inserts)
      : tx_(tx), inserts_(inserts) {}
  absl::StatusOr<std::vector<SqlRow>> Query(
      absl::string_view sql, absl::Span<const SqlValue> params) override {
    if (absl::StartsWith(sql, "INSERT INTO requests")) ++*inserts_;
    return tx_.Query(sql, params);
  }
  absl::Status Execute(const std::string& sql) override {
    return tx_.Execute(sql);
  }

 private:
  SqlTransaction& tx_;
  std::atomic<int>* inserts_;
};

class CountingDatabase : public SqlDatabase {
 public:
  CountingDatabase(std::unique_ptr<SqlDatabase> database,
                   std::atomic<int>* inserts)
      : database_(std::move(database)), inserts_(inserts) {}
  SqlDialect dialect() const override { return database_->dialect(); }
  int max_concurrency() const override { return database_->max_concurrency(); }
  absl::Status InTransaction(
      const TransactionOptions& options,
      absl::FunctionRef<absl::Status(SqlTransaction&)> body) override {
    return database_->InTransaction(options, [&](SqlTransaction& tx) {
      CountingTransaction counting(tx, inserts_);
      return body(counting);
    });
  }

 private:
  std::unique_ptr<SqlDatabase> database_;
  std::atomic<int>* inserts_;
};

// The point of BeginLater: a batch of admissions is one statement (one
// round trip to PostgreSQL), not one per admission.
TEST_P(StoreTest, ABatchOfAdmissionsIsOneInsert) {
  absl::StatusOr<std::unique_ptr<SqlDatabase>> raw = database_->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  std::atomic<int> inserts{0};
  LedgerDatabaseOptions options;
  options.writers = 1;
  absl::StatusOr<std::unique_ptr<LedgerDatabase>> database =
      LedgerDatabase::Open(
          std::make_unique<CountingDatabase>(*std::move(raw), &inserts),
          options);
  ASSERT_TRUE(database.ok()) << database.status();
  inserts = 0;
  constexpr int kItems = 10;
  std::vector<absl::Status> results =
      RunAsOneBatch(database->get(), kItems, [](int i, SqlTransaction& tx) {
        return request_journal::BeginLater(
            tx,
            MakeRequest("preauthorization", "", absl::StrCat("one-", i), 100),
            [](int64_t) {});
      });
  for (const absl::Status& result : results) EXPECT_TRUE(result.ok()) << result;
  EXPECT_EQ(inserts, 1);
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM requests").at(0).Int(0), kItems);
}

// Requests begun later (BeginLater) in one batch go in with one statement:
// each learns its own row's id, a later item's read sees the earlier rows,
// and a duplicate reference still fails only its own item.
TEST_P(StoreTest, HeldBackBeginsKnowTheirRowsAndFailAlone) {
  std::unique_ptr<LedgerDatabase> database = OneWriter();
  ASSERT_NE(database, nullptr);
  constexpr int kItems = 20;
  constexpr int kDuplicate = 7;  // takes item 3's reference
  constexpr int kReader = 12;
  std::vector<int64_t> ids(kItems, 0);
  int64_t seen_by_reader = -1;
  std::vector<absl::Status> results = RunAsOneBatch(
      database.get(), kItems, [&](int i, SqlTransaction& tx) -> absl::Status {
        if (i == kReader) {
          absl::StatusOr<std::vector<SqlRow>> rows =
              tx.Query("SELECT COUNT(*) FROM requests");
          if (!rows.ok()) return rows.status();
          seen_by_reader = rows->at(0).Int(0);
        }
        RequestRecord record = MakeRequest("preauthorization", "",
                                           absl::StrCat("ref-", i), 100 + i);
        if (i == kDuplicate) record.reference = "REF-3";
        return request_journal::BeginLater(
            tx, record, [&ids, i](int64_t id) { ids[i] = id; });
      });
  // Items 0..11 without the duplicate were recorded before the reader's
  // read.
  EXPECT_EQ(seen_by_reader, kReader - 1);
  std::set<int64_t> distinct;
  for (int i = 0; i < kItems; ++i) {
    if (i == kDuplicate) {
      EXPECT_EQ(results[i].code(), absl::StatusCode::kAlreadyExists)
          << results[i];
      continue;
    }
    ASSERT_TRUE(results[i].ok()) << i << ": " << results[i];
    distinct.insert(ids[i]);
    std::vector<SqlRow> row = Raw(absl::StrCat(
        "SELECT reference, amount FROM requests WHERE id = ", ids[i]));
    ASSERT_THAT(row, SizeIs(1)) << i;
    EXPECT_EQ(row[0].Bytes(0), absl::StrCat("ref-", i));
    EXPECT_EQ(row[0].Int(1), 100 + i);
  }
  EXPECT_THAT(distinct, SizeIs(kItems - 1));
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM requests").at(0).Int(0), kItems - 1);
}

// What waits for the commit (QueryLater; on PostgreSQL sent with it, without
// BEGIN, in one round trip) commits together or not at all: a later
// statement failing rolls back an earlier one that succeeded, and each
// hears how its own statement went.
TEST_P(StoreTest, StatementsHeldBackForTheCommitCommitTogetherOrNotAtAll) {
  absl::StatusOr<std::unique_ptr<SqlDatabase>> raw = database_->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  constexpr char kInsert[] =
      "INSERT INTO idempotency_keys (account, idempotency_key, fingerprint,"
      " created_at) VALUES ($1, $2, 'fp', 0) RETURNING idempotency_key";
  auto insert = [&](std::vector<std::string> keys) {
    std::vector<absl::StatusOr<std::vector<SqlRow>>> heard(keys.size());
    TransactionOptions options;
    options.locks = {LockKey("test", {"later"})};
    absl::Status committed =
        (*raw)->InTransaction(options, [&](SqlTransaction& tx) {
          for (size_t i = 0; i < keys.size(); ++i) {
            absl::Status queued = tx.QueryLater(
                kInsert, {std::string("shop"), keys[i]},
                [&heard, i](absl::StatusOr<std::vector<SqlRow>> rows) {
                  heard[i] = std::move(rows);
                });
            if (!queued.ok()) return queued;
          }
          return absl::OkStatus();
        });
    return std::make_pair(committed, heard);
  };
  auto [committed, heard] = insert({"a", "b", "a"});
  EXPECT_EQ(committed.code(), absl::StatusCode::kAlreadyExists) << committed;
  ASSERT_TRUE(heard[0].ok()) << heard[0].status();
  ASSERT_THAT(*heard[0], SizeIs(1));
  EXPECT_EQ(heard[0]->at(0).Bytes(0), "a");
  EXPECT_EQ(heard[2].status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM idempotency_keys").at(0).Int(0), 0);

  std::tie(committed, heard) = insert({"a", "b"});
  EXPECT_TRUE(committed.ok()) << committed;
  EXPECT_TRUE(heard[1].ok()) << heard[1].status();
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM idempotency_keys").at(0).Int(0), 2);
}

// Admissions whose rows all wait for the commit: a duplicate reference
// among them still fails only its own item.
TEST_P(StoreTest, ADuplicateHeldBackToTheCommitFailsAlone) {
  std::unique_ptr<LedgerDatabase> database = OneWriter();
  ASSERT_NE(database, nullptr);
  constexpr int kItems = 10;
  constexpr int kDuplicate = 6;  // takes item 2's reference
  std::vector<int64_t> ids(kItems, 0);
  std::vector<absl::Status> results = RunAsOneBatch(
      database.get(), kItems, [&](int i, SqlTransaction& tx) -> absl::Status {
        RequestRecord record = MakeRequest("preauthorization", "",
                                           absl::StrCat("late-", i), 100 + i);
        if (i == kDuplicate) record.reference = "LATE-2";
        return request_journal::BeginLater(
            tx, record, [&ids, i](int64_t id) { ids[i] = id; });
      });
  EXPECT_EQ(results[kDuplicate].code(), absl::StatusCode::kAlreadyExists)
      << results[kDuplicate];
  results.erase(results.begin() + kDuplicate);
  ids.erase(ids.begin() + kDuplicate);
  for (const absl::Status& result : results) EXPECT_TRUE(result.ok()) << result;
  EXPECT_THAT(std::set<int64_t>(ids.begin(), ids.end()), SizeIs(kItems - 1));
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM requests").at(0).Int(0), kItems - 1);
}

TEST_P(StoreTest, FullQueueRefusesAdmissionsButNotOutcomes) {
  absl::StatusOr<std::unique_ptr<SqlDatabase>> raw = database_->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  LedgerDatabaseOptions options;
  options.writers = 1;
  options.max_queued = 2;
  absl::StatusOr<std::unique_ptr<LedgerDatabase>> database =
      LedgerDatabase::Open(*std::move(raw), options);
  ASSERT_TRUE(database.ok()) << database.status();
  HeldWriter held(database->get());
  std::atomic<int> done{0};
  auto work = [](SqlTransaction&) { return absl::OkStatus(); };
  auto count = [&](absl::Status status) {
    EXPECT_TRUE(status.ok()) << status;
    done.fetch_add(1);
  };
  EXPECT_TRUE((*database)->Submit({}, work, count).ok());
  EXPECT_TRUE((*database)->Submit({}, work, count).ok());
  EXPECT_EQ((*database)->Submit({}, work, count).code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE((*database)->Submit({}, work, count, /*essential=*/true).ok());
  held.Release();
  database->reset();  // runs what is queued
  EXPECT_EQ(done.load(), 3);
}

TEST_P(StoreTest, AnOpenTransactionDelaysReadersButNotAppends) {
  // A replica holding a ledger transaction open (a slow commit, a stuck
  // connection): others still store notifications; readers of the log
  // stop below it, so nothing it may yet commit lands below what they saw.
  absl::StatusOr<std::unique_ptr<SqlDatabase>> raw = database_->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  const int64_t before = Append(
      *store_,
      MakeNotification("shop", "1", payone::v1::TRANSACTION_ACTION_PAID, 0),
      "d1");
  absl::Notification holding, release;
  std::thread replica([&] {
    TransactionOptions options;
    options.locks = {LockKey("txid", {"2030000", "999"})};
    EXPECT_TRUE((*raw)
                    ->InTransaction(options,
                                    [&](SqlTransaction& tx) {
                                      // A transaction id (PostgreSQL);
                                      // the write lock (SQLite).
                                      auto rows = tx.Query(
                                          GetParam() == StoreBackend::kPostgres
                                              ? "SELECT pg_current_xact_id()"
                                              : "UPDATE requests SET status ="
                                                " '' WHERE id = 0");
                                      holding.Notify();
                                      release.WaitForNotification();
                                      return rows.status();
                                    })
                    .ok());
  });
  holding.WaitForNotification();
  if (GetParam() == StoreBackend::kPostgres) {
    // SQLite has one writer at a time: only PostgreSQL appends beside it.
    const int64_t during = Append(
        *store_,
        MakeNotification("shop", "2", payone::v1::TRANSACTION_ACTION_PAID, 0),
        "d2");
    EXPECT_GT(during, before);
    EXPECT_THAT(Cursors(List({})), ElementsAre(before));
  }
  release.Notify();
  replica.join();
  EXPECT_THAT(List({}), SizeIs(GetParam() == StoreBackend::kPostgres ? 2 : 1));
}

TEST_P(StoreTest, OpeningAgainAppliesNoMigration) {
  const std::vector<SqlRow> before =
      Raw("SELECT version, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_THAT(before, SizeIs(LatestSchemaVersion()));
  EXPECT_EQ(before.back().Int(0), LatestSchemaVersion());
  Append(*store_,
         MakeNotification("shop", "1", payone::v1::TRANSACTION_ACTION_PAID, 0),
         "d1");

  std::unique_ptr<TestStore> again = Open();
  ASSERT_NE(again, nullptr);
  const std::vector<SqlRow> after =
      Raw("SELECT version, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_THAT(after, SizeIs(before.size()));
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].Int(1), before[i].Int(1));
  }
  EXPECT_THAT(List({}), SizeIs(1));
}

TEST_P(StoreTest, ConcurrentFirstOpensMigrateOnce) {
  // Several replicas starting at once on an empty database.
  absl::StatusOr<std::unique_ptr<TestDatabase>> fresh =
      NewTestDatabase(GetParam());
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  std::vector<std::thread> threads;
  std::atomic<int> opened{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      absl::StatusOr<std::unique_ptr<TestStore>> store = (*fresh)->OpenStore();
      EXPECT_TRUE(store.ok()) << store.status();
      if (store.ok()) opened.fetch_add(1);
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(opened.load(), 4);
  database_ = *std::move(fresh);
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM schema_migrations").at(0).Int(0),
            LatestSchemaVersion());
}

TEST_P(StoreTest, DatabaseFromTheFutureIsRefused) {
  Raw(absl::StrCat(
      "INSERT INTO schema_migrations (version, description, applied_at)"
      " VALUES (",
      LatestSchemaVersion() + 1, ", 'from a newer gateway', 0)"));
  absl::StatusOr<std::unique_ptr<TestStore>> store = database_->OpenStore();
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(
      store.status().message(),
      HasSubstr(absl::StrCat("schema version ", LatestSchemaVersion() + 1)));
}

TEST_P(StoreTest, NotificationKeyIsNeverStored) {
  const StoredNotification stored = MakeNotification(
      "shop", "100", payone::v1::TRANSACTION_ACTION_APPOINTED, 0);
  Append(*store_, stored, "d1");
  std::vector<StoredNotification> list = List({});
  ASSERT_THAT(list, SizeIs(1));
  EXPECT_EQ(list[0].notification.key(), "");

  const std::vector<SqlRow> rows = Raw("SELECT * FROM notifications");
  ASSERT_THAT(rows, SizeIs(1));
  for (size_t column = 0; column < rows[0].size(); ++column) {
    EXPECT_THAT(rows[0].Bytes(column), Not(HasSubstr(kPortalKeyDigest)))
        << "column " << column;
  }
  payone::v1::TransactionStatusNotification raw;
  ASSERT_TRUE(raw.ParseFromString(
      Raw("SELECT notification FROM notifications").at(0).Bytes(0)));
  EXPECT_EQ(raw.key(), "");
  EXPECT_EQ(raw.txid(), "100");
  EXPECT_EQ(Raw("SELECT txaction FROM notifications").at(0).Bytes(0),
            "TRANSACTION_ACTION_APPOINTED");
}

TEST(PostgresStoreTest, PoolReplacesConnectionsTheServerClosed) {
  absl::StatusOr<std::unique_ptr<TestDatabase>> database =
      NewTestDatabase(StoreBackend::kPostgres);
  ASSERT_TRUE(database.ok()) << database.status();
  absl::StatusOr<std::unique_ptr<TestStore>> store = (*database)->OpenStore();
  ASSERT_TRUE(store.ok()) << store.status();
  // Use the pool, then have the server end every session but the killer's.
  ASSERT_EQ((*store)->ClaimIdempotencyKey("shop", "k1", "fp")->kind,
            Kind::kClaimed);
  absl::StatusOr<std::unique_ptr<SqlDatabase>> raw = (*database)->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  absl::Status killed =
      (*raw)->InTransaction(TransactionOptions(), [](SqlTransaction& tx) {
        return tx
            .Query(
                "SELECT pg_terminate_backend(pid, 10000)"
                " FROM pg_stat_activity"
                " WHERE datname = current_database()"
                " AND pid <> pg_backend_pid()")
            .status();
      });
  ASSERT_TRUE(killed.ok()) << killed;
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<IdempotencyClaim> claim =
        (*store)->ClaimIdempotencyKey("shop", "k1", "fp");
    ASSERT_TRUE(claim.ok()) << claim.status();
    EXPECT_EQ(claim->kind, Kind::kInFlight);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Backends, StoreTest, ::testing::ValuesIn(TestedBackends()),
    [](const ::testing::TestParamInfo<StoreBackend>& info) {
      return std::string(BackendName(info.param));
    });

}  // namespace
}  // namespace payone::service
