#ifndef PAYONE_SERVICE_STORE_STORE_TEST_FIXTURE_H_
#define PAYONE_SERVICE_STORE_STORE_TEST_FIXTURE_H_

// A value-parameterized fixture for suites that run against each backend:
// a fresh database and one store on it for every test.

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "service/store/store_test_backend.h"

namespace payone::service {

class StoreBackendTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<TestDatabase>> database =
        NewTestDatabase(GetParam());
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = *std::move(database);
    store_ = Open();
    ASSERT_NE(store_, nullptr);
  }

  // Another store on the same database, as a restarted gateway opens it.
  std::unique_ptr<TestStore> Open() {
    absl::StatusOr<std::unique_ptr<TestStore>> store = database_->OpenStore();
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<TestStore> store_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_STORE_TEST_FIXTURE_H_
