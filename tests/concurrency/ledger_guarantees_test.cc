// The ledger's guarantees under bursts of simultaneous calls (harness.h), on
// each kind of cluster: one gateway on a SQLite ledger file, one on a
// PostgreSQL ledger, and two gateways sharing one PostgreSQL database (the
// callers of each burst alternate between them).

#include <string>

#include "tests/concurrency/harness.h"

namespace payone::tests::concurrency {
namespace {

struct OnSqlite {
  static ClusterOptions Options() {
    ClusterOptions options;
    options.backend = Backend::kSqlite;
    return options;
  }
};

struct OnPostgres {
  static ClusterOptions Options() {
    ClusterOptions options;
    options.backend = Backend::kPostgres;
    return options;
  }
};

struct TwoGatewaysOnPostgres {
  static ClusterOptions Options() {
    ClusterOptions options = OnPostgres::Options();
    options.gateways = 2;
    return options;
  }
};

struct ClusterNames {
  template <typename T>
  static std::string GetName(int) {
    if (std::is_same_v<T, OnSqlite>) return "Sqlite";
    if (std::is_same_v<T, OnPostgres>) return "Postgres";
    return "TwoGatewaysOnPostgres";
  }
};

template <typename Setup>
class LedgerGuarantees : public ClusterTest<Setup> {};

using Clusters = ::testing::Types<OnSqlite, OnPostgres, TwoGatewaysOnPostgres>;
TYPED_TEST_SUITE(LedgerGuarantees, Clusters, ClusterNames);

TYPED_TEST(LedgerGuarantees, CapturesOnOneTxid) {
  this->Run(BurstKind::kCaptures);
}
TYPED_TEST(LedgerGuarantees, RefundsOnOneTxid) {
  this->Run(BurstKind::kRefunds);
}
TYPED_TEST(LedgerGuarantees, DebitsOnOneTxid) { this->Run(BurstKind::kDebits); }
TYPED_TEST(LedgerGuarantees, PreauthorizationsSharingAReference) {
  this->Run(BurstKind::kSharedReference);
}
TYPED_TEST(LedgerGuarantees, CallsSharingAnIdempotencyKey) {
  this->Run(BurstKind::kIdempotencyKey);
}

}  // namespace
}  // namespace payone::tests::concurrency
