#ifndef PAYONE_SERVICE_STORE_STORE_TEST_BACKEND_H_
#define PAYONE_SERVICE_STORE_STORE_TEST_BACKEND_H_

// Fresh, empty ledger databases of each backend for tests: a SQLite file
// under TEST_TMPDIR, or a new database on a throwaway PostgreSQL server
// (started once per test binary, stopped at exit). For suites that run the
// same cases against both backends (value-parameterized on StoreBackend).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "service/store/forward_queue.h"
#include "service/store/ledger_database.h"
#include "service/store/notification_log.h"
#include "service/store/records.h"
#include "service/store/sql_database.h"

namespace payone::service {

enum class StoreBackend { kSqlite, kPostgres };

// The ledger effect of a request type as the contract's options give it
// ("capture" -> kCapture), for tests that write RequestRecords by hand.
codec::LedgerEffect EffectOfRequestType(absl::string_view request_type);

std::vector<StoreBackend> TestedBackends();
absl::string_view BackendName(StoreBackend backend);

// Every table of one ledger database behind one object, each call in a
// transaction of its own (through the group commit), as tests use them.
class TestStore {
 public:
  explicit TestStore(std::unique_ptr<LedgerDatabase> database);

  LedgerDatabase& database() { return *database_; }
  NotificationLog& notifications() { return notifications_; }
  ForwardQueue& forwards() { return forwards_; }

  absl::StatusOr<AppendedNotification> AppendNotification(
      const StoredNotification& notification, absl::string_view dedupe_key,
      absl::string_view raw_body, absl::Span<const std::string> forward_urls) {
    return notifications_.Append(notification, dedupe_key, raw_body,
                                 forward_urls);
  }
  absl::StatusOr<std::vector<StoredNotification>> ListNotifications(
      const NotificationQuery& query) {
    return notifications_.List(query);
  }
  absl::StatusOr<int64_t> BeginRequest(const RequestRecord& record);
  absl::Status FinishRequest(int64_t id, RequestRecord::Outcome outcome,
                             absl::string_view status, int32_t errorcode,
                             absl::string_view txid);
  absl::StatusOr<std::vector<RequestRecord>> ListRequests(
      absl::string_view account, absl::string_view txid);
  absl::StatusOr<IdempotencyClaim> ClaimIdempotencyKey(
      absl::string_view account, absl::string_view key,
      absl::string_view fingerprint);
  absl::Status CompleteIdempotencyKey(absl::string_view account,
                                      absl::string_view key,
                                      absl::string_view response);
  absl::Status ReleaseIdempotencyKey(absl::string_view account,
                                     absl::string_view key);
  absl::StatusOr<std::vector<ForwardTask>> DueForwards(absl::Time now,
                                                       int limit) {
    return forwards_.Due(now, limit);
  }
  absl::StatusOr<std::vector<ForwardTask>> LeaseDueForwards(
      absl::Time now, absl::Duration lease, int limit) {
    return forwards_.Lease(now, lease, limit);
  }
  absl::Status ForwardDelivered(int64_t id) { return forwards_.Delivered(id); }
  absl::Status ForwardFailed(int64_t id, absl::Time next_attempt,
                             absl::string_view error) {
    return forwards_.Failed(id, next_attempt, error);
  }

 private:
  std::unique_ptr<LedgerDatabase> database_;
  NotificationLog notifications_;
  ForwardQueue forwards_;
};

// A SQLite ledger at `path` behind a TestStore.
absl::StatusOr<std::unique_ptr<TestStore>> OpenSqliteTestStore(
    const std::string& path);

// One empty database; every OpenStore opens a new store (a new connection or
// pool) on it, as a restarted or second gateway would.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual absl::StatusOr<std::unique_ptr<TestStore>> OpenStore() = 0;
  // A connection past the Store, for looking at (or tampering with) rows.
  virtual absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenRaw() = 0;
};

absl::StatusOr<std::unique_ptr<TestDatabase>> NewTestDatabase(
    StoreBackend backend);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_STORE_TEST_BACKEND_H_
