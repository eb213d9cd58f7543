// The payone_simulator binary: flags, the start line with the bound port,
// serving, and a clean exit on SIGTERM.

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "simulator/accounts.h"
#include "simulator/http_client.h"

extern char** environ;

namespace payone::simulator {
namespace {

std::string BinaryPath() {
  return absl::StrCat(std::getenv("TEST_SRCDIR"), "/",
                      std::getenv("TEST_WORKSPACE"),
                      "/simulator/payone_simulator");
}

struct Child {
  pid_t pid = -1;
  FILE* out = nullptr;  // its stdout
};

Child Spawn(std::vector<std::string> args) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) std::abort();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  args.insert(args.begin(), BinaryPath());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  Child child;
  if (posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(),
                  environ) != 0) {
    std::abort();
  }
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  child.out = fdopen(pipe_fds[0], "r");
  return child;
}

int Wait(const Child& child) {
  int status = 0;
  waitpid(child.pid, &status, 0);
  if (child.out != nullptr) fclose(child.out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(PayoneSimulator, StartsServesAndStops) {
  Child child = Spawn({"--port=0", "--account=20000:20001:3000001:bin-key:test",
                       "--fault=http503,reference=BUSY-*"});
  char line[256] = {};
  ASSERT_NE(std::fgets(line, sizeof(line), child.out), nullptr);
  const std::string text = line;
  const size_t at = text.find("port=");
  ASSERT_NE(at, std::string::npos) << text;
  int port = 0;
  ASSERT_TRUE(absl::SimpleAtoi(text.substr(at + 5), &port)) << text;
  EXPECT_EQ(text, absl::StrCat("payone_simulator listening on "
                               "http://127.0.0.1:",
                               port, "/post-gateway/ port=", port, "\n"));
  const std::string url =
      absl::StrCat("http://127.0.0.1:", port, "/post-gateway/");
  const std::string standard =
      absl::StrCat("mid=20000&portalid=3000001&key=", Sha384Hex("bin-key"),
                   "&mode=test&request=creditcardcheck&aid=20001");
  auto answer = HttpPost(url, absl::StrCat(standard,
                                           "&cardpan=4111111111111111"
                                           "&cardtype=V&cardexpiredate=3012"));
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(answer->body,
            "status=VALID\npseudocardpan=9410010000000000001\n"
            "truncatedcardpan=411111XXXXXX1111\n");
  answer = HttpPost(url, absl::StrCat(standard, "&reference=BUSY-1"));
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->status, 503);
  kill(child.pid, SIGTERM);
  EXPECT_EQ(Wait(child), 0);
}

TEST(PayoneSimulator, RejectsBadFlags) {
  for (const char* flag : {"--account=1:2", "--fault=teleport",
                           "--time_compression=0", "--tls_cert=/nonexistent"}) {
    EXPECT_EQ(Wait(Spawn({flag})), 2) << flag;
  }
}

}  // namespace
}  // namespace payone::simulator
