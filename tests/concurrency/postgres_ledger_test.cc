// One gateway process on a PostgreSQL ledger (a throwaway server).
// The ledger's guarantees under bursts of simultaneous calls (harness.h);
// expected to fail until admission is atomic.

#include "tests/concurrency/harness.h"

namespace payone::tests::concurrency {
namespace {

struct Setup {
  static ClusterOptions Options() {
    ClusterOptions options;
    options.backend = Backend::kPostgres;
    return options;
  }
};

using PostgresLedger = ClusterTest<Setup>;

TEST_F(PostgresLedger, CapturesOnOneTxid) { Run(BurstKind::kCaptures); }
TEST_F(PostgresLedger, RefundsOnOneTxid) { Run(BurstKind::kRefunds); }
TEST_F(PostgresLedger, DebitsOnOneTxid) { Run(BurstKind::kDebits); }
TEST_F(PostgresLedger, PreauthorizationsSharingAReference) {
  Run(BurstKind::kSharedReference);
}
TEST_F(PostgresLedger, CallsSharingAnIdempotencyKey) {
  Run(BurstKind::kIdempotencyKey);
}

}  // namespace
}  // namespace payone::tests::concurrency
