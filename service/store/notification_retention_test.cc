// Retention on both backends: past the cutoff, and only once every forward
// is delivered, sensitive fields are redacted in what stays; nothing else
// changes, and nothing is redacted twice.

#include "service/store/notification_retention.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "service/store/store_test_backend.h"
#include "service/store/store_test_fixture.h"

namespace payone::service {
namespace {

constexpr char kIban[] = "DE02120300000000202051";
constexpr char kPan[] = "4111111111111111";
const absl::Time kNow = absl::FromUnixSeconds(1767225600);

StoredNotification Notification(const std::string& txid, absl::Time received) {
  StoredNotification stored;
  stored.account = "shop";
  stored.received_at = received;
  payone::v1::TransactionStatusNotification& n = stored.notification;
  n.set_txaction(payone::v1::TRANSACTION_ACTION_APPOINTED);
  n.set_portalid("2030000");
  n.set_aid("40000");
  n.set_txid(txid);
  n.set_sequencenumber(0);
  n.set_iban(kIban);
  n.set_bankaccount("202051");
  n.mutable_personal_data()->set_lastname("Jäger");
  (*n.mutable_other_parameters())["cardpan"] = kPan;
  (*n.mutable_other_parameters())["newfield"] = "kept";
  return stored;
}

class NotificationRetentionTest : public StoreBackendTest {
 protected:
  int64_t Append(const std::string& txid, absl::Time received,
                 std::vector<std::string> urls = {}) {
    const std::string body =
        absl::StrCat("txid=", txid, "&iban=", kIban, "&cardpan=", kPan);
    auto appended = store_->AppendNotification(Notification(txid, received),
                                               txid, body, urls);
    EXPECT_TRUE(appended.ok()) << appended.status();
    return appended.ok() ? appended->cursor : 0;
  }

  int Redact() {
    absl::StatusOr<int> redacted = RedactExpiredNotifications(
        store_->database(), kNow - absl::Hours(24 * 30), kNow);
    EXPECT_TRUE(redacted.ok()) << redacted.status();
    return redacted.ok() ? *redacted : -1;
  }

  payone::v1::TransactionStatusNotification Stored(const std::string& txid) {
    NotificationQuery query;
    query.txid = txid;
    auto list = store_->ListNotifications(query);
    EXPECT_TRUE(list.ok() && list->size() == 1u);
    return list.ok() && list->size() == 1u
               ? (*list)[0].notification
               : payone::v1::TransactionStatusNotification();
  }
};

TEST_P(NotificationRetentionTest, RedactsOnlyPastRetentionAndOnceForwarded) {
  Append("old-forwarding", kNow - absl::Hours(24 * 40), {"https://shop/a"});
  Append("old", kNow - absl::Hours(24 * 40));
  Append("recent", kNow - absl::Hours(24 * 10));

  // Only "old": "old-forwarding" still needs its body for the shop.
  EXPECT_EQ(Redact(), 1);
  const payone::v1::TransactionStatusNotification old = Stored("old");
  EXPECT_EQ(old.iban(), "<redacted>");
  EXPECT_EQ(old.bankaccount(), "<redacted>");
  EXPECT_EQ(old.other_parameters().at("cardpan"), "<redacted>");
  EXPECT_EQ(old.other_parameters().at("newfield"), "kept");
  EXPECT_EQ(old.txid(), "old");
  EXPECT_EQ(old.txaction(), payone::v1::TRANSACTION_ACTION_APPOINTED);
  EXPECT_EQ(Stored("recent").iban(), kIban);
  EXPECT_EQ(Stored("old-forwarding").iban(), kIban);

  // Once delivered, its notification and its forward body are redacted.
  auto due = store_->DueForwards(kNow + absl::Hours(1), 10);
  ASSERT_TRUE(due.ok()) << due.status();
  ASSERT_EQ(due->size(), 1u);
  ASSERT_TRUE(store_->ForwardDelivered((*due)[0].id).ok());
  EXPECT_EQ(Redact(), 1);
  EXPECT_EQ(Stored("old-forwarding").iban(), "<redacted>");
  EXPECT_EQ(Stored("recent").iban(), kIban);
  EXPECT_EQ(Redact(), 0);

  auto raw = database_->OpenRaw();
  ASSERT_TRUE(raw.ok()) << raw.status();
  std::vector<SqlRow> bodies;
  std::vector<SqlRow> marks;
  ASSERT_TRUE((*raw)
                  ->InTransaction(TransactionOptions(),
                                  [&](SqlTransaction& tx) -> absl::Status {
                                    auto rows = tx.Query(
                                        "SELECT body FROM forward_tasks");
                                    if (!rows.ok()) return rows.status();
                                    bodies = *rows;
                                    rows = tx.Query(
                                        "SELECT txid, redacted_at FROM "
                                        "notifications ORDER BY txid");
                                    if (!rows.ok()) return rows.status();
                                    marks = *rows;
                                    return absl::OkStatus();
                                  })
                  .ok());
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_FALSE(absl::StrContains(bodies[0].Bytes(0), kIban));
  EXPECT_FALSE(absl::StrContains(bodies[0].Bytes(0), kPan));
  EXPECT_TRUE(absl::StrContains(bodies[0].Bytes(0), "txid=old-forwarding"));
  ASSERT_EQ(marks.size(), 3u);
  EXPECT_EQ(marks[0].Int(1), absl::ToUnixMicros(kNow));  // old
  EXPECT_EQ(marks[1].Int(1), absl::ToUnixMicros(kNow));  // old-forwarding
  EXPECT_TRUE(marks[2].IsNull(1));                       // recent
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationRetentionTest,
                         ::testing::ValuesIn(TestedBackends()),
                         [](const auto& info) {
                           return std::string(BackendName(info.param));
                         });

}  // namespace
}  // namespace payone::service
