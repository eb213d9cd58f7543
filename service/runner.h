#ifndef PAYONE_SERVICE_RUNNER_H_
#define PAYONE_SERVICE_RUNNER_H_

// The gateway process around GatewayServer: loads the configuration file,
// starts the server, reloads the file on SIGHUP and drains on SIGTERM or
// SIGINT. Shared by payone_gateway and the development launcher.

#include <signal.h>

#include <functional>
#include <string>

#include "service/config/config.h"
#include "service/gateway/server.h"

namespace payone::service {

struct RunOptions {
  // The textproto configuration file, read at start and on every SIGHUP.
  std::string config_path;
  // Applied to the file at every load (the launcher's simulator address),
  // before the command line's --listen and --metrics_address.
  AdjustConfig adjust;
  // Runs once the server listens (the launcher points its simulator's
  // notifications at the receiver).
  std::function<void(GatewayServer&)> on_started;
  // Shown in the "listening" line: whether a simulator runs as upstream.
  bool embedded_simulator = false;
};

// Blocks until SIGTERM or SIGINT has drained the server; returns the exit
// code (2: bad configuration, 1: cannot start). Call before starting any
// thread: it blocks the signals it waits for in every thread it starts.
int RunGateway(const RunOptions& options);

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread and the threads it
// starts later, so that only RunGateway's sigwait takes them; the set.
sigset_t BlockGatewaySignals();

// `path` as the caller meant it: under `bazel run` the working directory is
// the runfiles tree, and a relative path means the caller's directory.
std::string CallerPath(std::string path);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_RUNNER_H_
