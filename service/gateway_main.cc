// payone-gateway: the gRPC gateway to PAYONE's Server API.
//
// With --config it serves the accounts of that file. Without, it starts on
// its embedded default: a PAYONE simulator in the same process as upstream
// and a ready test account "demo", so it can be tried at once with grpcurl.

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "service/config/config.h"
#include "service/config/hex_digest.h"
#include "service/gateway/call_log.h"
#include "service/gateway/library_log.h"
#include "service/gateway/server.h"
#include "simulator/simulator.h"

ABSL_FLAG(std::string, config, "",
          "Gateway configuration (textproto, schema "
          "service/config/gateway_config.proto). Empty: the embedded default, "
          "a PAYONE simulator with the test account \"demo\".");
ABSL_FLAG(std::string, listen, "",
          "Overrides the gRPC listen address (e.g. 127.0.0.1:0).");
ABSL_FLAG(std::string, simulator_faults, "",
          "Fault rules for the embedded simulator, e.g. "
          "\"latency=2s,reference=slow-*\" (see simulator/README.md).");
ABSL_FLAG(std::string, metrics_address, "",
          "Overrides the /metrics address (\"off\" disables it).");

namespace payone::service {
namespace {

// The simulator's demo portals. Not secrets: they exist only in this process.
constexpr char kDemoKey[] = "demo-portal-key";
constexpr char kDemoSaqKey[] = "demo-saq-portal-key";

// The embedded default's ledger: a fresh SQLite file per run, because the
// embedded simulator forgets its payments when it stops (an old ledger would
// hold txids and references the new simulator does not know).
std::string TemporaryLedgerDir() {
  std::string dir = "/tmp/payone-gateway-ledger.XXXXXX";
  if (mkdtemp(dir.data()) == nullptr) return "";
  return dir;
}

Config EmbeddedDefault(const simulator::Simulator& sim,
                       const std::string& ledger_dir) {
  Config config;
  config.listen_address = "127.0.0.1:50051";
  config.metrics_address = "127.0.0.1:9464";
  config.upstream_url = sim.gateway_url();
  config.allow_unauthenticated = true;
  AccountSettings demo;
  demo.name = "demo";
  demo.mid = "10000";
  demo.aid = "10001";
  demo.portalid = "2000001";
  demo.mode = "test";
  demo.api_version = "3.11";
  demo.encoding = "UTF-8";
  demo.key_digest = HexDigest(DigestAlgorithm::kSha384, kDemoKey);
  demo.notification_key_md5 = HexDigest(DigestAlgorithm::kMd5, kDemoKey);
  demo.notification_key_sha384 = demo.key_digest;
  demo.portal_key = kDemoKey;
  config.accounts.emplace(demo.name, demo);
  // A shop that never sees card numbers (PCI DSS SAQ A): pseudo card
  // numbers from the hosted iFrame only. Its own portal, so that its
  // notifications are told apart from demo's.
  AccountSettings saq = demo;
  saq.name = "demo-saq";
  saq.aid = "10002";
  saq.portalid = "2000002";
  saq.key_digest = HexDigest(DigestAlgorithm::kSha384, kDemoSaqKey);
  saq.notification_key_md5 = HexDigest(DigestAlgorithm::kMd5, kDemoSaqKey);
  saq.notification_key_sha384 = saq.key_digest;
  saq.portal_key = kDemoSaqKey;
  saq.pseudo_card_pan_only = true;
  config.accounts.emplace(saq.name, saq);
  // Browsers reach the simulator's Client API and hosted iFrame stand-in.
  config.client_api_url = sim.base_url() + "/client-api/";
  config.ledger_backend = Config::LedgerBackend::kSqlite;
  config.ledger_sqlite_path = ledger_dir + "/ledger.db";
  // The simulator posts its TransactionStatus notifications here.
  config.has_notifications = true;
  config.notifications.set_listen_address("127.0.0.1:0");
  config.notifications.add_allowed_sources("127.0.0.1/32");
  return config;
}

int Run() {
  // SIGTERM/SIGINT are taken by sigwait below, in this thread only.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::unique_ptr<simulator::Simulator> sim;
  std::string ledger_dir;
  Config config;
  std::string config_path = absl::GetFlag(FLAGS_config);
  // Under `bazel run` the working directory is the runfiles tree; a relative
  // path means the caller's directory.
  if (const char* cwd = std::getenv("BUILD_WORKING_DIRECTORY");
      cwd != nullptr && !config_path.empty() && config_path[0] != '/') {
    config_path = absl::StrCat(cwd, "/", config_path);
  }
  if (config_path.empty()) {
    simulator::SimulatorOptions options;
    options.accounts.push_back({"10000", "10001", "2000001", kDemoKey,
                                /*test_mode=*/true, /*live_mode=*/false, ""});
    options.accounts.push_back({"10000", "10002", "2000002", kDemoSaqKey,
                                /*test_mode=*/true, /*live_mode=*/false, ""});
    auto faults = simulator::ParseFaults(absl::GetFlag(FLAGS_simulator_faults));
    if (!faults.ok()) {
      std::fprintf(stderr, "payone-gateway: --simulator_faults: %s\n",
                   std::string(faults.status().message()).c_str());
      return 2;
    }
    options.faults = *std::move(faults);
    auto started = simulator::Simulator::Start(std::move(options));
    if (!started.ok()) {
      std::fprintf(stderr, "payone-gateway: cannot start the simulator: %s\n",
                   std::string(started.status().message()).c_str());
      return 1;
    }
    sim = *std::move(started);
    ledger_dir = TemporaryLedgerDir();
    if (ledger_dir.empty()) {
      std::fprintf(stderr, "payone-gateway: cannot create a ledger in /tmp\n");
      return 1;
    }
    config = EmbeddedDefault(*sim, ledger_dir);
  } else {
    auto loaded = LoadConfig(config_path, ProcessEnv());
    if (!loaded.ok()) {
      std::fprintf(stderr, "payone-gateway: bad configuration:\n%s\n",
                   std::string(loaded.status().message()).c_str());
      return 2;
    }
    config = *std::move(loaded);
  }
  if (!absl::GetFlag(FLAGS_listen).empty()) {
    config.listen_address = absl::GetFlag(FLAGS_listen);
  }
  if (!absl::GetFlag(FLAGS_metrics_address).empty()) {
    config.metrics_address = absl::GetFlag(FLAGS_metrics_address) == "off"
                                 ? ""
                                 : absl::GetFlag(FLAGS_metrics_address);
  }
  const absl::Duration grace = config.shutdown_grace;
  const std::string upstream = config.upstream_url;

  CallLogger logger(stderr);
  // Protobuf's and gRPC's own messages (a client's malformed request makes
  // protobuf complain) join the JSON log instead of breaking it.
  RouteLibraryLogs(&logger);
  auto server = GatewayServer::Start(std::move(config), &logger);
  if (!server.ok()) {
    std::fprintf(stderr, "payone-gateway: %s\n",
                 std::string(server.status().message()).c_str());
    return 1;
  }
  if (sim) {
    sim->SetNotifyUrl(
        absl::StrCat("http://127.0.0.1:", (*server)->notifications_port(),
                     "/payone/transaction-status"));
  }
  // A JSON line like the call logs, so tests and tools can read the ports.
  std::fprintf(stderr,
               "{\"event\":\"listening\",\"port\":%d,\"metrics_port\":%d,"
               "\"notifications_port\":%d,\"upstream\":\"%s\","
               "\"embedded_simulator\":%s}\n",
               (*server)->port(), (*server)->metrics_port(),
               (*server)->notifications_port(), upstream.c_str(),
               sim ? "true" : "false");
  if (sim) {
    std::fprintf(
        stderr,
        "payone-gateway: embedded default: PAYONE simulator at %s, accounts "
        "\"demo\" and \"demo-saq\" (pseudo card numbers only), no "
        "authentication, a ledger that lasts until the gateway stops. Try:\n"
        "  grpcurl -plaintext 127.0.0.1:%d list\n",
        upstream.c_str(), (*server)->port());
  }
  std::fflush(stderr);

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  std::fprintf(stderr, "{\"event\":\"draining\",\"signal\":%d}\n",
               signal_number);
  std::fflush(stderr);
  (*server)->Shutdown(grace);
  (*server)->Wait();
  server->reset();
  if (sim) sim->Stop();
  if (!ledger_dir.empty()) std::filesystem::remove_all(ledger_dir);
  std::fprintf(stderr, "{\"event\":\"stopped\"}\n");
  return 0;
}

}  // namespace
}  // namespace payone::service

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "gRPC gateway to the PAYONE Server API. Without --config it runs on "
      "its embedded PAYONE simulator.");
  absl::ParseCommandLine(argc, argv);
  // Debian's Abseil checks every absl::Mutex (gRPC's too) for lock-order
  // cycles; that costs about 4% of the gateway's CPU (bench/profile.md).
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  return payone::service::Run();
}
