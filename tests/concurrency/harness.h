#ifndef PAYONE_TESTS_CONCURRENCY_HARNESS_H_
#define PAYONE_TESTS_CONCURRENCY_HARNESS_H_

// Bursts of simultaneous calls against one or two real gateway processes
// (payone_gateway, gRPC plaintext on loopback) that front one in-process
// simulator, with the ledger's guarantees checked after every burst.
//
//   ClusterOptions options;
//   options.backend = Backend::kPostgres;
//   options.gateways = 2;
//   std::unique_ptr<Cluster> cluster = Cluster::Start(options);
//   RunBursts(*cluster, BurstKind::kCaptures, 40);
//
// A burst starts `callers` threads, each on its own gRPC channel (its own
// TCP connection; caller i talks to gateway i % gateways), held at a start
// barrier and released together. Every burst works on payments of its own.
// Failed checks are gtest failures that name the burst, what reached the
// simulator and what each caller was answered; each run ends with one line
// per failed check saying in how many bursts it failed.

#include <memory>
#include <string>

#include "gtest/gtest.h"

namespace payone::tests::concurrency {

enum class Backend {
  kSqlite,    // a ledger file of its own
  kPostgres,  // a throwaway PostgreSQL server (service/store/postgres_server.h)
};

struct ClusterOptions {
  Backend backend = Backend::kSqlite;
  // Gateway processes sharing the ledger; more than one needs kPostgres.
  int gateways = 1;
  // Callers per burst (at least 8 for the guarantees below).
  int callers = 8;
  // Where the simulator posts TransactionStatus: true, the receiver of the
  // first gateway (so notifications confirm sequence numbers, as in
  // production); false, a recorder in the test that answers TSOK, so the
  // gateway learns only from PAYONE's answers.
  // $CONCURRENCY_NOTIFICATIONS=recorder makes it false.
  bool notifications_to_gateway = true;
};

class Cluster;

// Starts PostgreSQL (if asked), the simulator and the gateways, waiting for
// each to be ready. nullptr after reporting a test failure.
std::shared_ptr<Cluster> StartCluster(const ClusterOptions& options);

// Stops the gateways (SIGTERM; each must exit 0), the simulator and
// PostgreSQL.
void StopCluster(std::shared_ptr<Cluster> cluster);

enum class BurstKind {
  // preauthorization of 100.00 EUR, then `callers` x capture 60.00 without
  // sequencenumber: exactly one APPROVED, the others FAILED_PRECONDITION
  // from the gateway without reaching the simulator; no 907/908.
  kCaptures,
  // preauthorization + capture of 100.00, then `callers` x refund -30.00
  // without sequencenumber: at most 100.00 refunded, every refund that
  // reached the simulator APPROVED, the others FAILED_PRECONDITION.
  kRefunds,
  // preauthorization + capture of 100.00, then `callers` x debit -10.00 (a
  // credit, transactiontype GT by default) without sequencenumber: every
  // debit that reached the simulator APPROVED (no 907), the others
  // FAILED_PRECONDITION.
  kDebits,
  // `callers` x preauthorization with one reference: exactly one reaches
  // the simulator, the others ALREADY_EXISTS (DUPLICATE_REFERENCE); no 911.
  kSharedReference,
  // `callers` x the same preauthorization with one idempotency-key: exactly
  // one reaches the simulator, the others ABORTED
  // (IDEMPOTENCY_KEY_IN_FLIGHT) or OK with the identical response (replay).
  kIdempotencyKey,
};

const char* KindName(BurstKind kind);

// Runs `bursts` bursts of `kind`. After each: the kind's own checks, then
// for every burst: the simulator's request log holds exactly the requests
// the gateway answered OK from PAYONE (type, status, errorcode), the
// sequence numbers the gateway sent on the payment are unique, and
// PaymentLedger/GetPayment's reserved, captured and refunded amounts equal
// the simulator's books (its TransactionStatus notifications).
void RunBursts(Cluster& cluster, BurstKind kind, int bursts);

// Bursts per kind: $CONCURRENCY_BURSTS, else 40 (5 kinds: 200 bursts).
int BurstsPerKind();

// A test suite on one cluster, started once for the suite:
//   struct OnSqlite { static ClusterOptions Options() { return {}; } };
//   using SqliteLedger = ClusterTest<OnSqlite>;
//   TEST_F(SqliteLedger, Captures) { Run(BurstKind::kCaptures); }
template <typename Setup>
class ClusterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { cluster_ = StartCluster(Setup::Options()); }
  static void TearDownTestSuite() { StopCluster(std::move(cluster_)); }

  void Run(BurstKind kind) {
    ASSERT_NE(cluster_, nullptr) << "the cluster did not start";
    RunBursts(*cluster_, kind, BurstsPerKind());
  }

  static inline std::shared_ptr<Cluster> cluster_;
};

}  // namespace payone::tests::concurrency

#endif  // PAYONE_TESTS_CONCURRENCY_HARNESS_H_
