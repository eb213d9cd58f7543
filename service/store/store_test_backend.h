#ifndef PAYONE_SERVICE_STORE_STORE_TEST_BACKEND_H_
#define PAYONE_SERVICE_STORE_STORE_TEST_BACKEND_H_

// Fresh, empty ledger databases of each backend for tests: a SQLite file
// under TEST_TMPDIR, or a new database on a throwaway PostgreSQL server
// (started once per test binary, stopped at exit). For suites that run the
// same cases against both backends (value-parameterized on StoreBackend).

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "service/store/sql_database.h"
#include "service/store/store.h"

namespace payone::service {

enum class StoreBackend { kSqlite, kPostgres };

std::vector<StoreBackend> TestedBackends();
absl::string_view BackendName(StoreBackend backend);

// One empty database; every OpenStore opens a new Store (a new connection or
// pool) on it, as a restarted or second gateway would.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual absl::StatusOr<std::unique_ptr<Store>> OpenStore() = 0;
  // A connection past the Store, for looking at (or tampering with) rows.
  virtual absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenRaw() = 0;
};

absl::StatusOr<std::unique_ptr<TestDatabase>> NewTestDatabase(
    StoreBackend backend);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_STORE_TEST_BACKEND_H_
