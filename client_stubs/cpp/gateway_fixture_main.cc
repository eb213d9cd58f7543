// The gateway fixture as a process, for tests in other languages: starts the
// simulator and the gateway, prints {"event":"listening","port":N} on stdout,
// then obeys one command per stdin line and answers with one stdout line:
//   restart        kill the gateway and start it again on the same port and
//                  ledger -> {"event":"restarted","port":N}
//   fault <rule>   add a simulator fault rule -> {"event":"fault_added"}
// It stops the gateway and exits when stdin closes.
//   gateway_fixture_main [--faults=RULES] [--token=TOKEN]
#include <cstdio>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "client_stubs/cpp/gateway_fixture.h"

ABSL_FLAG(std::string, faults, "", "Simulator fault rules.");
ABSL_FLAG(std::string, token, "",
          "Client token the gateway requires; empty: none.");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  auto fixture = payone::client::testing::GatewayFixture::Start(
      {.faults = absl::GetFlag(FLAGS_faults),
       .token = absl::GetFlag(FLAGS_token)});
  if (!fixture.ok()) {
    std::fprintf(stderr, "gateway_fixture: %s\n",
                 fixture.status().ToString().c_str());
    return 1;
  }
  std::printf("{\"event\":\"listening\",\"port\":%d}\n", (*fixture)->port());
  std::fflush(stdout);
  std::string line;
  while (std::getline(std::cin, line)) {
    absl::Status status;
    std::string answer;
    if (line == "restart") {
      status = (*fixture)->Restart();
      answer = "{\"event\":\"restarted\",\"port\":" +
               std::to_string((*fixture)->port()) + "}";
    } else if (absl::string_view rule = line;
               absl::ConsumePrefix(&rule, "fault ")) {
      status = (*fixture)->AddFault(std::string(rule));
      answer = "{\"event\":\"fault_added\"}";
    } else {
      status = absl::InvalidArgumentError("unknown command: " + line);
    }
    if (!status.ok()) {
      std::fprintf(stderr, "gateway_fixture: %s\n", status.ToString().c_str());
      answer = "{\"event\":\"error\"}";
    }
    std::printf("%s\n", answer.c_str());
    std::fflush(stdout);
  }
  return 0;
}
