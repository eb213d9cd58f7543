// Two gateway processes sharing one PostgreSQL database; the callers of each
// burst alternate between them.
// The ledger's guarantees under bursts of simultaneous calls (harness.h);
// expected to fail until admission is atomic.

#include "tests/concurrency/harness.h"

namespace payone::tests::concurrency {
namespace {

struct Setup {
  static ClusterOptions Options() {
    ClusterOptions options;
    options.backend = Backend::kPostgres;
    options.gateways = 2;
    return options;
  }
};

using TwoGatewaysOnePostgres = ClusterTest<Setup>;

TEST_F(TwoGatewaysOnePostgres, CapturesOnOneTxid) { Run(BurstKind::kCaptures); }
TEST_F(TwoGatewaysOnePostgres, RefundsOnOneTxid) { Run(BurstKind::kRefunds); }
TEST_F(TwoGatewaysOnePostgres, DebitsOnOneTxid) { Run(BurstKind::kDebits); }
TEST_F(TwoGatewaysOnePostgres, PreauthorizationsSharingAReference) {
  Run(BurstKind::kSharedReference);
}
TEST_F(TwoGatewaysOnePostgres, CallsSharingAnIdempotencyKey) {
  Run(BurstKind::kIdempotencyKey);
}

}  // namespace
}  // namespace payone::tests::concurrency
