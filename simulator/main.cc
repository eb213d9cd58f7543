// payone_simulator: the PAYONE Server API simulator as a process.
//   bazel run //simulator:payone_simulator -- --port=8080 \
//       --account=10000:10001:2000001:secret:test

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/notification.h"
#include "simulator/accounts.h"
#include "simulator/faults.h"
#include "simulator/simulator.h"

ABSL_FLAG(std::string, host, "127.0.0.1", "address to listen on");
ABSL_FLAG(int, port, 0, "port to listen on (0: any free port)");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain file; with --tls_key serves HTTPS");
ABSL_FLAG(std::string, tls_key, "", "PEM private key file");
ABSL_FLAG(std::vector<std::string>, account,
          {"10000:10001:2000001:simulator-key:test+live"},
          "accounts as mid:aid:portalid:key:mode (mode test, live or "
          "test+live), comma-separated");
ABSL_FLAG(std::string, notify_url, "",
          "TransactionStatus URL (empty: no notifications)");
ABSL_FLAG(double, time_compression, 1.0,
          "divide PAYONE's notification retry schedule by this");
ABSL_FLAG(std::string, fault, "",
          "fault rules separated by ';', e.g. "
          "\"http503,portal=2000001,times=1;latency=50ms..300ms,"
          "reference=SLOW-*\" (see simulator/README.md)");
ABSL_FLAG(bool, log_requests, false,
          "log one line per request to stderr (no card or bank data)");
ABSL_FLAG(std::string, public_url, "",
          "base of redirect URLs when clients reach the simulator under "
          "another address");

namespace {

absl::Notification* stop_signal = nullptr;

void OnSignal(int) {
  if (stop_signal != nullptr && !stop_signal->HasBeenNotified()) {
    stop_signal->Notify();
  }
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "payone_simulator: %s\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "A local PAYONE Server API simulator (POST /post-gateway/).");
  absl::ParseCommandLine(argc, argv);
  using payone::simulator::SimulatorOptions;
  SimulatorOptions options;
  options.host = absl::GetFlag(FLAGS_host);
  options.port = static_cast<uint16_t>(absl::GetFlag(FLAGS_port));
  const std::string cert = absl::GetFlag(FLAGS_tls_cert);
  const std::string key = absl::GetFlag(FLAGS_tls_key);
  if (cert.empty() != key.empty()) {
    return Fail("--tls_cert and --tls_key go together");
  }
  if (!cert.empty() && (!ReadFile(cert, &options.tls_cert_pem) ||
                        !ReadFile(key, &options.tls_key_pem))) {
    return Fail("cannot read the TLS certificate or key");
  }
  auto accounts = payone::simulator::ParseAccounts(
      absl::StrJoin(absl::GetFlag(FLAGS_account), ","));
  if (!accounts.ok()) return Fail(std::string(accounts.status().message()));
  options.accounts = *std::move(accounts);
  options.notify_url = absl::GetFlag(FLAGS_notify_url);
  options.time_compression = absl::GetFlag(FLAGS_time_compression);
  if (options.time_compression <= 0) {
    return Fail("--time_compression must be positive");
  }
  auto faults = payone::simulator::ParseFaults(absl::GetFlag(FLAGS_fault));
  if (!faults.ok()) return Fail(std::string(faults.status().message()));
  options.faults = *std::move(faults);
  options.public_url = absl::GetFlag(FLAGS_public_url);
  if (absl::GetFlag(FLAGS_log_requests)) {
    options.request_log = [](const std::string& line) {
      std::fprintf(stderr, "%s\n", line.c_str());
    };
  }

  auto simulator = payone::simulator::Simulator::Start(std::move(options));
  if (!simulator.ok()) return Fail(std::string(simulator.status().message()));
  absl::Notification stop;
  stop_signal = &stop;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::printf("payone_simulator listening on %s port=%d\n",
              (*simulator)->gateway_url().c_str(), (*simulator)->port());
  std::fflush(stdout);
  stop.WaitForNotification();
  (*simulator)->Stop();
  return 0;
}
