#include "service/runner.h"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "service/gateway/call_log.h"
#include "service/gateway/library_log.h"

ABSL_FLAG(std::string, listen, "",
          "Overrides the gRPC listen address (e.g. 127.0.0.1:0).");
ABSL_FLAG(std::string, metrics_address, "",
          "Overrides the /metrics address (\"off\" disables it).");

namespace payone::service {
namespace {

// options.adjust, then the command line's overrides.
AdjustConfig WithFlags(AdjustConfig adjust) {
  return [adjust = std::move(adjust), listen = absl::GetFlag(FLAGS_listen),
          metrics = absl::GetFlag(FLAGS_metrics_address)](
             payone::gateway::v1::GatewayConfig* file) {
    if (adjust) adjust(file);
    if (!listen.empty()) file->set_listen_address(listen);
    if (!metrics.empty()) file->set_metrics_address(metrics);
  };
}

// One JSON log line: {"event": <event>, <fields>...}.
void LogEvent(CallLogger& logger, absl::string_view event,
              google::protobuf::Struct fields) {
  (*fields.mutable_fields())["event"].set_string_value(std::string(event));
  std::string json;
  if (google::protobuf::util::MessageToJsonString(fields, &json).ok()) {
    logger.WriteLine(json);
  }
}

// SIGHUP: the file again, through the same loader. A bad file changes
// nothing; settings that cannot change live are named and kept.
void Reload(const std::string& path, const AdjustConfig& adjust,
            GatewayServer& server, CallLogger& logger, int generation) {
  absl::StatusOr<Config> loaded = LoadConfig(path, ProcessEnv(), adjust);
  google::protobuf::Struct fields;
  auto& f = *fields.mutable_fields();
  f["generation"].set_number_value(generation);
  if (!loaded.ok()) {
    f["message"].set_string_value(
        absl::StrCat("reload refused, the configuration in force stays:\n",
                     loaded.status().message()));
    LogEvent(logger, "config_reload_refused", std::move(fields));
    return;
  }
  const int accounts = loaded->accounts.size();
  const int clients = loaded->clients.size();
  absl::StatusOr<std::vector<std::string>> needs_restart =
      server.Reload(*std::move(loaded));
  if (!needs_restart.ok()) {
    f["message"].set_string_value(
        absl::StrCat("reload refused, the configuration in force stays: ",
                     needs_restart.status().message()));
    LogEvent(logger, "config_reload_refused", std::move(fields));
    return;
  }
  f["accounts"].set_number_value(accounts);
  f["clients"].set_number_value(clients);
  auto* list = f["needs_restart"].mutable_list_value();
  for (const std::string& field : *needs_restart) {
    list->add_values()->set_string_value(field);
  }
  if (!needs_restart->empty()) {
    f["message"].set_string_value(
        absl::StrCat(absl::StrJoin(*needs_restart, ", "),
                     " changed in the file but needs a restart; the old "
                     "value stays in force"));
  }
  LogEvent(logger, "config_reloaded", std::move(fields));
}

}  // namespace

sigset_t BlockGatewaySignals() {
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, signal);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

std::string CallerPath(std::string path) {
  const char* cwd = std::getenv("BUILD_WORKING_DIRECTORY");
  if (cwd != nullptr && !path.empty() && path[0] != '/') {
    path = absl::StrCat(cwd, "/", path);
  }
  return path;
}

int RunGateway(const RunOptions& options) {
  // Taken by sigwait below, in this thread only (threads started later
  // inherit the mask).
  const sigset_t signals = BlockGatewaySignals();

  const AdjustConfig adjust = WithFlags(options.adjust);
  absl::StatusOr<Config> config =
      LoadConfig(options.config_path, ProcessEnv(), adjust);
  if (!config.ok()) {
    std::fprintf(stderr, "payone-gateway: bad configuration:\n%s\n",
                 std::string(config.status().message()).c_str());
    return 2;
  }
  const absl::Duration grace = ConfigDuration(
      config->file,
      payone::gateway::v1::GatewayConfig::kShutdownGraceFieldNumber);
  const std::string upstream = config->file.upstream().url();

  CallLogger logger(stderr);
  // Protobuf's and gRPC's own messages (a client's malformed request makes
  // protobuf complain) join the JSON log instead of breaking it.
  RouteLibraryLogs(&logger);
  auto server = GatewayServer::Start(*std::move(config), &logger);
  if (!server.ok()) {
    std::fprintf(stderr, "payone-gateway: %s\n",
                 std::string(server.status().message()).c_str());
    return 1;
  }
  if (options.on_started) options.on_started(**server);
  // A JSON line like the call logs, so tests and tools can read the ports.
  std::fprintf(stderr,
               "{\"event\":\"listening\",\"port\":%d,\"metrics_port\":%d,"
               "\"notifications_port\":%d,\"upstream\":\"%s\","
               "\"embedded_simulator\":%s}\n",
               (*server)->port(), (*server)->metrics_port(),
               (*server)->notifications_port(), upstream.c_str(),
               options.embedded_simulator ? "true" : "false");
  std::fflush(stderr);

  int signal_number = 0;
  for (int generation = 2;; ++generation) {
    sigwait(&signals, &signal_number);
    if (signal_number != SIGHUP) break;
    Reload(options.config_path, adjust, **server, logger, generation);
  }
  std::fprintf(stderr, "{\"event\":\"draining\",\"signal\":%d}\n",
               signal_number);
  std::fflush(stderr);
  (*server)->Shutdown(grace);
  (*server)->Wait();
  server->reset();
  std::fprintf(stderr, "{\"event\":\"stopped\"}\n");
  return 0;
}

}  // namespace payone::service
