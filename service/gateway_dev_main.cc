// payone-gateway-dev: the development launcher behind `./dev run`. Starts a
// PAYONE simulator on a free port with the demo portals, then the gateway on
// the development configuration (service/config/dev.textproto) pointed at
// it. The production binary, payone_gateway, does not link the simulator.

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "service/config/dev_config.h"
#include "service/runner.h"
#include "simulator/simulator.h"

ABSL_FLAG(std::string, config, "",
          "Development configuration; default: service/config/dev.textproto "
          "of the workspace (under bazel run), else a copy built into this "
          "binary.");
// --listen and --metrics_address: service/runner.cc.
ABSL_FLAG(std::string, simulator_faults, "",
          "Fault rules for the simulator, e.g. "
          "\"latency=2s,reference=slow-*\" (see simulator/README.md).");

namespace payone::service {
namespace {

// The simulator's demo portals (dev.textproto's key_env). Not secrets: they
// exist only in this process and its simulator.
constexpr char kDemoKey[] = "demo-portal-key";
constexpr char kDemoSaqKey[] = "demo-saq-portal-key";

// The configuration file: the flag, else the workspace's (so that an edit
// and SIGHUP reload it), else the built-in copy written to `dir`.
std::string ConfigPath(const std::string& dir) {
  std::string path = absl::GetFlag(FLAGS_config);
  if (!path.empty()) return CallerPath(std::move(path));
  if (const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY")) {
    path = absl::StrCat(workspace, "/", kDevConfigPath);
    if (std::filesystem::exists(path)) return path;
  }
  path = dir + "/dev.textproto";
  std::ofstream(path) << kDevConfigText;
  return path;
}

int Run() {
  // The simulator's threads must not take the runner's signals.
  BlockGatewaySignals();

  simulator::SimulatorOptions sim_options;
  sim_options.accounts.push_back({"10000", "10001", "2000001", kDemoKey,
                                  /*test_mode=*/true, /*live_mode=*/false, ""});
  sim_options.accounts.push_back({"10000", "10002", "2000002", kDemoSaqKey,
                                  /*test_mode=*/true, /*live_mode=*/false, ""});
  auto faults = simulator::ParseFaults(absl::GetFlag(FLAGS_simulator_faults));
  if (!faults.ok()) {
    std::fprintf(stderr, "payone-gateway-dev: --simulator_faults: %s\n",
                 std::string(faults.status().message()).c_str());
    return 2;
  }
  sim_options.faults = *std::move(faults);
  auto sim = simulator::Simulator::Start(std::move(sim_options));
  if (!sim.ok()) {
    std::fprintf(stderr, "payone-gateway-dev: cannot start the simulator: %s\n",
                 std::string(sim.status().message()).c_str());
    return 1;
  }
  // A fresh ledger per run: the simulator forgets its payments when it stops.
  std::string dir = "/tmp/payone-gateway-dev.XXXXXX";
  if (mkdtemp(dir.data()) == nullptr) {
    std::fprintf(stderr,
                 "payone-gateway-dev: cannot create a ledger in /tmp\n");
    return 1;
  }
  // The simulator knows these keys and no others.
  setenv("PAYONE_DEMO_KEY", kDemoKey, /*overwrite=*/1);
  setenv("PAYONE_DEMO_SAQ_KEY", kDemoSaqKey, /*overwrite=*/1);

  RunOptions options;
  options.config_path = ConfigPath(dir);
  options.embedded_simulator = true;
  options.adjust =
      [gateway_url = (*sim)->gateway_url(),
       client_api_url = (*sim)->base_url() + "/client-api/",
       ledger = dir + "/ledger.db"](payone::gateway::v1::GatewayConfig* file) {
        file->mutable_upstream()->set_url(gateway_url);
        // Browsers reach the simulator's Client API and hosted iFrame stand-in.
        file->mutable_upstream()->set_client_api_url(client_api_url);
        file->mutable_ledger()->set_sqlite_path(ledger);
      };
  simulator::Simulator* simulator = sim->get();
  options.on_started = [simulator, &options](GatewayServer& server) {
    simulator->SetNotifyUrl(
        absl::StrCat("http://127.0.0.1:", server.notifications_port(),
                     "/payone/transaction-status"));
    std::fprintf(
        stderr,
        "payone-gateway-dev: %s on a PAYONE simulator at %s (accounts "
        "\"demo\" and \"demo-saq\", no authentication, a ledger that lasts "
        "until the gateway stops). After editing the file: kill -HUP %d. "
        "Try:\n"
        "  grpcurl -plaintext 127.0.0.1:%d list\n",
        options.config_path.c_str(), simulator->gateway_url().c_str(),
        static_cast<int>(getpid()), server.port());
  };
  const int code = RunGateway(options);
  (*sim)->Stop();
  std::filesystem::remove_all(dir);
  return code;
}

}  // namespace
}  // namespace payone::service

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "The gateway on a PAYONE simulator with the development configuration "
      "(./dev run).");
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  return payone::service::Run();
}
