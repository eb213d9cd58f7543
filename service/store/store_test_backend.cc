#include "service/store/store_test_backend.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/store/idempotency_keys.h"
#include "service/store/postgres_database.h"
#include "service/store/postgres_server.h"
#include "service/store/request_journal.h"
#include "service/store/sqlite_database.h"

namespace payone::service {
namespace {

// Unique within the process; the pid keeps parallel test binaries apart.
std::string UniqueName(absl::string_view prefix) {
  static std::atomic<int> counter{0};
  return absl::StrCat(prefix, getpid(), "_", counter.fetch_add(1));
}

class SqliteTestDatabase : public TestDatabase {
 public:
  explicit SqliteTestDatabase(std::string path) : path_(std::move(path)) {}
  absl::StatusOr<std::unique_ptr<TestStore>> OpenStore() override {
    return OpenSqliteTestStore(path_);
  }
  absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenRaw() override {
    return OpenSqliteDatabase(path_);
  }

 private:
  std::string path_;
};

// Pools of three: two writers (the default: one stands in when the other
// stalls on a lock) and one reader, so that readers also wait for a free
// connection.
constexpr int kPoolSize = 3;

class PostgresTestDatabase : public TestDatabase {
 public:
  explicit PostgresTestDatabase(std::string conninfo)
      : conninfo_(std::move(conninfo)) {}
  absl::StatusOr<std::unique_ptr<TestStore>> OpenStore() override {
    absl::StatusOr<std::unique_ptr<LedgerDatabase>> database =
        OpenPostgresLedger(conninfo_, kPoolSize);
    if (!database.ok()) return database.status();
    return std::make_unique<TestStore>(*std::move(database));
  }
  absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenRaw() override {
    return OpenPostgresDatabase(conninfo_, 1);
  }

 private:
  std::string conninfo_;
};

// One server per test binary, started on first use and stopped at exit.
absl::StatusOr<PostgresServer*> SharedServer() {
  static absl::StatusOr<std::unique_ptr<PostgresServer>>* const server =
      new absl::StatusOr<std::unique_ptr<PostgresServer>>(
          PostgresServer::Start());
  static const bool stop_at_exit =
      std::atexit([] { server->value().reset(); }) == 0;
  (void)stop_at_exit;
  if (!server->ok()) return server->status();
  return server->value().get();
}

}  // namespace

TestStore::TestStore(std::unique_ptr<LedgerDatabase> database)
    : database_(std::move(database)),
      notifications_(database_.get()),
      forwards_(database_.get()) {}

absl::StatusOr<int64_t> TestStore::BeginRequest(const RequestRecord& record) {
  absl::StatusOr<int64_t> id;
  absl::Status status = database_->Write({}, [&](SqlTransaction& tx) {
    id = request_journal::Begin(tx, record);
    return id.status();
  });
  if (!status.ok()) return status;
  return id;
}

absl::Status TestStore::FinishRequest(int64_t id,
                                      RequestRecord::Outcome outcome,
                                      absl::string_view status_text,
                                      int32_t errorcode,
                                      absl::string_view txid) {
  return database_->Write({}, [&](SqlTransaction& tx) {
    return request_journal::Finish(tx, id, outcome, status_text, errorcode,
                                   txid);
  });
}

absl::StatusOr<std::vector<RequestRecord>> TestStore::ListRequests(
    absl::string_view account, absl::string_view txid) {
  absl::StatusOr<std::vector<RequestRecord>> records;
  absl::Status status = database_->Read([&](SqlTransaction& tx) {
    records = request_journal::ListProcess(tx, account, txid);
    return records.status();
  });
  if (!status.ok()) return status;
  return records;
}

absl::StatusOr<IdempotencyClaim> TestStore::ClaimIdempotencyKey(
    absl::string_view account, absl::string_view key,
    absl::string_view fingerprint) {
  absl::StatusOr<IdempotencyClaim> claim;
  absl::Status status = database_->Write({}, [&](SqlTransaction& tx) {
    claim = idempotency_keys::Claim(tx, account, key, fingerprint);
    return claim.status();
  });
  if (!status.ok()) return status;
  return claim;
}

absl::Status TestStore::CompleteIdempotencyKey(absl::string_view account,
                                               absl::string_view key,
                                               absl::string_view response) {
  return database_->Write({}, [&](SqlTransaction& tx) {
    return idempotency_keys::Complete(tx, account, key, response);
  });
}

absl::Status TestStore::ReleaseIdempotencyKey(absl::string_view account,
                                              absl::string_view key) {
  return database_->Write({}, [&](SqlTransaction& tx) {
    return idempotency_keys::Release(tx, account, key);
  });
}

absl::StatusOr<std::unique_ptr<TestStore>> OpenSqliteTestStore(
    const std::string& path) {
  absl::StatusOr<std::unique_ptr<LedgerDatabase>> database =
      OpenSqliteLedger(path);
  if (!database.ok()) return database.status();
  return std::make_unique<TestStore>(*std::move(database));
}

codec::LedgerEffect EffectOfRequestType(absl::string_view request_type) {
  using codec::LedgerEffect;
  if (request_type == "preauthorization") return LedgerEffect::kReserve;
  if (request_type == "authorization") return LedgerEffect::kAuthorize;
  if (request_type == "capture") return LedgerEffect::kCapture;
  if (request_type == "refund") return LedgerEffect::kRefund;
  if (request_type == "debit") return LedgerEffect::kDebit;
  return LedgerEffect::kNone;
}

std::vector<StoreBackend> TestedBackends() {
  return {StoreBackend::kSqlite, StoreBackend::kPostgres};
}

absl::string_view BackendName(StoreBackend backend) {
  return backend == StoreBackend::kSqlite ? "Sqlite" : "Postgres";
}

absl::StatusOr<std::unique_ptr<TestDatabase>> NewTestDatabase(
    StoreBackend backend) {
  if (backend == StoreBackend::kSqlite) {
    const char* tmpdir = std::getenv("TEST_TMPDIR");
    return std::make_unique<SqliteTestDatabase>(
        absl::StrCat(tmpdir != nullptr ? tmpdir : "/tmp", "/",
                     UniqueName("ledger_"), ".db"));
  }
  absl::StatusOr<PostgresServer*> server = SharedServer();
  if (!server.ok()) return server.status();
  absl::StatusOr<std::string> conninfo =
      (*server)->CreateDatabase(UniqueName("ledger_"));
  if (!conninfo.ok()) return conninfo.status();
  return std::make_unique<PostgresTestDatabase>(*std::move(conninfo));
}

}  // namespace payone::service
