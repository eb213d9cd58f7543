#include "service/store/store_test_backend.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
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

}  // namespace

std::vector<StoreBackend> TestedBackends() { return {StoreBackend::kSqlite}; }

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
  return absl::UnimplementedError("PostgreSQL comes next");
}

}  // namespace payone::service
