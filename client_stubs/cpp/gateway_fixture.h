#ifndef PAYONE_CLIENT_STUBS_CPP_GATEWAY_FIXTURE_H_
#define PAYONE_CLIENT_STUBS_CPP_GATEWAY_FIXTURE_H_

// A hermetic gateway for tests: the PAYONE simulator in this process and the
// gateway binary as a child process on loopback ports, with a SQLite ledger
// in a temporary folder that survives Restart(). A downstream cc_test gets
// the address to call (see client_stubs/cpp/README.md and defs.bzl):
//
//   auto gateway = payone::client::testing::GatewayFixture::Start({});
//   auto client = payone::client::GatewayClient::Create(
//       {.address = (*gateway)->address()});

#include <sys/types.h>

#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "simulator/simulator.h"

namespace payone::client::testing {

struct GatewayFixtureOptions {
  // The gateway binary; "": $PAYONE_GATEWAY_BINARY, else the runfile
  // service/payone_gateway of the payone_gateway workspace.
  std::string gateway_binary;
  // Simulator fault rules, e.g. "latency=2s,reference=slow-*".
  std::string faults;
  // Non-empty: callers must send "authorization: Bearer <token>".
  std::string token;
};

class GatewayFixture {
 public:
  // Starts the simulator and the gateway (accounts "demo" and "demo-saq", the
  // latter pseudo card numbers only); returns once the gateway listens.
  static absl::StatusOr<std::unique_ptr<GatewayFixture>> Start(
      GatewayFixtureOptions options);
  ~GatewayFixture();

  // "127.0.0.1:<port>"; stays the same across restarts.
  std::string address() const;
  int port() const { return port_; }

  // Kills the gateway process (SIGKILL, like a crash) and starts it again on
  // the same ports and ledger.
  absl::Status Restart();
  // Adds a simulator fault rule ("http503,reference=r-*,times=1").
  absl::Status AddFault(const std::string& spec);

 private:
  GatewayFixture() = default;
  absl::Status StartGateway();
  void StopGateway(int signal_number);

  GatewayFixtureOptions options_;
  std::unique_ptr<simulator::Simulator> simulator_;
  std::string dir_;
  int port_ = 0;
  int notifications_port_ = 0;
  pid_t pid_ = -1;
  std::thread log_drain_;
};

}  // namespace payone::client::testing

#endif  // PAYONE_CLIENT_STUBS_CPP_GATEWAY_FIXTURE_H_
