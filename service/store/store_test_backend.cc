#include "service/store/store_test_backend.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/store/postgres_database.h"
#include "service/store/postgres_server.h"
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
  absl::StatusOr<std::unique_ptr<Store>> OpenStore() override {
    return OpenSqliteStore(path_);
  }
  absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenRaw() override {
    return OpenSqliteDatabase(path_);
  }

 private:
  std::string path_;
};

// Pools of two: small enough that tests also wait for a free connection.
constexpr int kPoolSize = 2;

class PostgresTestDatabase : public TestDatabase {
 public:
  explicit PostgresTestDatabase(std::string conninfo)
      : conninfo_(std::move(conninfo)) {}
  absl::StatusOr<std::unique_ptr<Store>> OpenStore() override {
    return OpenPostgresStore(conninfo_, kPoolSize);
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
