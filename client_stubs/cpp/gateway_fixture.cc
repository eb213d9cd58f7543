#include "client_stubs/cpp/gateway_fixture.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "simulator/faults.h"

extern char** environ;

namespace payone::client::testing {
namespace {

// The simulator's portals; they exist only inside this process. "demo" takes
// every payment method, "demo-saq" pseudo card numbers only (PCI DSS SAQ A).
constexpr char kPortalKey[] = "fixture-portal-key";
constexpr char kPortalKeyEnv[] = "PAYONE_FIXTURE_PORTAL_KEY";
constexpr char kSaqPortalKey[] = "fixture-saq-portal-key";
constexpr char kSaqPortalKeyEnv[] = "PAYONE_FIXTURE_SAQ_PORTAL_KEY";
constexpr char kTokenEnv[] = "PAYONE_FIXTURE_CLIENT_TOKEN";

// `"key":<digits>` of a JSON line; -1 if absent.
int JsonInt(const std::string& line, const std::string& key) {
  const std::string needle = absl::StrCat("\"", key, "\":");
  const size_t at = line.find(needle);
  if (at == std::string::npos) return -1;
  size_t end = at + needle.size();
  while (end < line.size() && isdigit(line[end])) ++end;
  int value = -1;
  if (!absl::SimpleAtoi(
          line.substr(at + needle.size(), end - at - needle.size()), &value)) {
    return -1;
  }
  return value;
}

std::string GatewayBinary(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("PAYONE_GATEWAY_BINARY"); env && *env) {
    return env;
  }
  const std::string runfile = "payone_gateway/service/payone_gateway";
  if (const char* srcdir = std::getenv("TEST_SRCDIR"); srcdir && *srcdir) {
    return absl::StrCat(srcdir, "/", runfile);
  }
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return absl::StrCat(self.string(), ".runfiles/", runfile);
}

}  // namespace

absl::StatusOr<std::unique_ptr<GatewayFixture>> GatewayFixture::Start(
    GatewayFixtureOptions options) {
  std::unique_ptr<GatewayFixture> fixture(new GatewayFixture());
  fixture->options_ = std::move(options);
  simulator::SimulatorOptions sim;
  sim.accounts.push_back({"10000", "10001", "2000001", kPortalKey,
                          /*test_mode=*/true, /*live_mode=*/false, ""});
  sim.accounts.push_back({"10000", "10002", "2000002", kSaqPortalKey,
                          /*test_mode=*/true, /*live_mode=*/false, ""});
  auto faults = simulator::ParseFaults(fixture->options_.faults);
  if (!faults.ok()) return faults.status();
  sim.faults = *std::move(faults);
  auto started = simulator::Simulator::Start(std::move(sim));
  if (!started.ok()) return started.status();
  fixture->simulator_ = *std::move(started);

  std::string dir =
      (std::filesystem::temp_directory_path() / "payone-fixture.XXXXXX")
          .string();
  if (mkdtemp(dir.data()) == nullptr) {
    return absl::InternalError("cannot create a temporary ledger folder");
  }
  fixture->dir_ = dir;
  if (absl::Status status = fixture->StartGateway(); !status.ok()) {
    return status;
  }
  return fixture;
}

GatewayFixture::~GatewayFixture() {
  StopGateway(SIGTERM);
  if (simulator_) simulator_->Stop();
  if (!dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
}

std::string GatewayFixture::address() const {
  return absl::StrCat("127.0.0.1:", port_);
}

absl::Status GatewayFixture::Restart() {
  StopGateway(SIGKILL);
  return StartGateway();
}

absl::Status GatewayFixture::AddFault(const std::string& spec) {
  auto rule = simulator::ParseFault(spec);
  if (!rule.ok()) return rule.status();
  simulator_->AddFault(*std::move(rule));
  return absl::OkStatus();
}

absl::Status GatewayFixture::StartGateway() {
  // Port 0 the first time; the same ports after a restart, so that clients
  // reconnect to the address they have.
  const std::string config = dir_ + "/gateway.textproto";
  std::ofstream(config) << absl::Substitute(
      R"(listen_address: "127.0.0.1:$0"
metrics_address: "127.0.0.1:0"
allow_unauthenticated: $1
shutdown_grace { nanos: 100000000 }
upstream { url: "$2" client_api_url: "$7/client-api/" }
accounts {
  name: "demo" mid: "10000" aid: "10001" portalid: "2000001"
  mode: "test" api_version: "3.11" encoding: "UTF-8" key_env: "$3"
}
accounts {
  name: "demo-saq" mid: "10000" aid: "10002" portalid: "2000002"
  mode: "test" api_version: "3.11" encoding: "UTF-8" key_env: "$8"
  card_data: PSEUDO_CARD_PAN_ONLY
}
$4
ledger { sqlite_path: "$5/ledger.db" watch_poll_interval { nanos: 50000000 } }
notifications { listen_address: "127.0.0.1:$6" allowed_sources: "127.0.0.1/32" }
)",
      port_, options_.token.empty() ? "true" : "false",
      simulator_->gateway_url(), kPortalKeyEnv,
      options_.token.empty()
          ? ""
          : absl::StrCat(R"(clients { name: "fixture" token_env: ")", kTokenEnv,
                         R"(" accounts: "demo" accounts: "demo-saq" })"),
      dir_, notifications_port_, simulator_->base_url(), kSaqPortalKeyEnv);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
  env_strings.push_back(absl::StrCat(kPortalKeyEnv, "=", kPortalKey));
  env_strings.push_back(absl::StrCat(kSaqPortalKeyEnv, "=", kSaqPortalKey));
  env_strings.push_back(absl::StrCat(kTokenEnv, "=", options_.token));
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string binary = GatewayBinary(options_.gateway_binary);
  std::string config_flag = "--config=" + config;
  std::vector<char*> argv = {binary.data(), config_flag.data(), nullptr};

  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return absl::InternalError("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  const int error = posix_spawn(&pid_, binary.c_str(), &actions, nullptr,
                                argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (error != 0) {
    close(fds[0]);
    pid_ = -1;
    return absl::FailedPreconditionError(
        absl::StrCat("cannot start the gateway ", binary));
  }
  // The drain reads the gateway's log to its end (forwarding it to this
  // process's stderr) and reports the "listening" line on the way.
  auto listening = std::make_shared<std::promise<std::string>>();
  std::future<std::string> listening_line = listening->get_future();
  log_drain_ = std::thread([fd = fds[0], listening] {
    FILE* log = fdopen(fd, "r");
    bool reported = false;
    char line[8192];
    while (fgets(line, sizeof line, log) != nullptr) {
      fputs(line, stderr);
      if (!reported && std::string(line).find("\"event\":\"listening\"") !=
                           std::string::npos) {
        listening->set_value(line);
        reported = true;
      }
    }
    if (!reported) listening->set_value("");
    fclose(log);
  });
  const std::string line = listening_line.get();
  port_ = JsonInt(line, "port");
  notifications_port_ = JsonInt(line, "notifications_port");
  if (port_ <= 0 || notifications_port_ <= 0) {
    StopGateway(SIGKILL);
    return absl::UnavailableError("the gateway did not start (see its log)");
  }
  simulator_->SetNotifyUrl(absl::StrCat(
      "http://127.0.0.1:", notifications_port_, "/payone/transaction-status"));
  return absl::OkStatus();
}

void GatewayFixture::StopGateway(int signal_number) {
  if (pid_ > 0) {
    kill(pid_, signal_number);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  if (log_drain_.joinable()) log_drain_.join();
}

}  // namespace payone::client::testing
