// payone-gateway: the gRPC gateway to PAYONE's Server API, serving the
// accounts of its configuration file. SIGHUP reloads accounts and clients;
// SIGTERM drains. For development against the simulator: ./dev run
// (//service:payone_gateway_dev).

#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "service/runner.h"

ABSL_FLAG(std::string, config, "",
          "Gateway configuration (textproto, schema "
          "service/config/gateway_config.proto). Required.");
// --listen and --metrics_address: service/runner.cc.

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "gRPC gateway to the PAYONE Server API: payone_gateway "
      "--config=gateway.textproto. SIGHUP reloads accounts and clients.");
  absl::ParseCommandLine(argc, argv);
  // Debian's Abseil checks every absl::Mutex (gRPC's too) for lock-order
  // cycles; that costs about 4% of the gateway's CPU (bench/profile.md).
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  payone::service::RunOptions options;
  options.config_path = absl::GetFlag(FLAGS_config);
  if (options.config_path.empty()) {
    std::fprintf(stderr,
                 "payone-gateway: --config=FILE is required (schema and "
                 "example: service/README.md); ./dev run starts the "
                 "development gateway on a PAYONE simulator\n");
    return 2;
  }
  options.config_path = payone::service::CallerPath(options.config_path);
  return payone::service::RunGateway(options);
}
