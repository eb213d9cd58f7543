// One gateway process on a SQLite ledger file.
// The ledger's guarantees under bursts of simultaneous calls (harness.h);
// expected to fail until admission is atomic.

#include "tests/concurrency/harness.h"

namespace payone::tests::concurrency {
namespace {

struct Setup {
  static ClusterOptions Options() {
    ClusterOptions options;
    options.backend = Backend::kSqlite;
    return options;
  }
};

using SqliteLedger = ClusterTest<Setup>;

TEST_F(SqliteLedger, CapturesOnOneTxid) { Run(BurstKind::kCaptures); }
TEST_F(SqliteLedger, RefundsOnOneTxid) { Run(BurstKind::kRefunds); }
TEST_F(SqliteLedger, DebitsOnOneTxid) { Run(BurstKind::kDebits); }
TEST_F(SqliteLedger, PreauthorizationsSharingAReference) {
  Run(BurstKind::kSharedReference);
}
TEST_F(SqliteLedger, CallsSharingAnIdempotencyKey) {
  Run(BurstKind::kIdempotencyKey);
}

}  // namespace
}  // namespace payone::tests::concurrency
