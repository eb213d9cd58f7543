#ifndef PAYONE_TESTS_E2E_SUBPROCESS_H_
#define PAYONE_TESTS_E2E_SUBPROCESS_H_

// A child process for end-to-end tests: its stdout and stderr are collected
// line by line, and tests wait for a line instead of sleeping.

#include <sys/types.h>

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace payone::tests {

class Subprocess {
 public:
  // Starts `argv` with `env` added to this process's environment.
  static absl::StatusOr<std::unique_ptr<Subprocess>> Start(
      std::vector<std::string> argv,
      std::map<std::string, std::string> env = {});
  ~Subprocess();

  // The first output line (stdout or stderr) that `matches`, waiting up to
  // `timeout`; nullopt if the process ends or time runs out first.
  std::optional<std::string> WaitForLine(
      const std::function<bool(const std::string&)>& matches,
      absl::Duration timeout);
  void Signal(int signal_number);
  // Waits for the exit; the exit code, or 128 + signal when killed.
  int Wait();
  // Everything the process has written so far.
  std::string Output();
  pid_t pid() const { return pid_; }

 private:
  Subprocess() = default;
  void ReadLoop(int fd);

  pid_t pid_ = -1;
  int exit_code_ = -1;
  std::thread reader_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> lines_;
  bool eof_ = false;
};

// Reads `"key":<digits>` from a JSON line; -1 if absent.
int JsonInt(const std::string& line, const std::string& key);

// The body of GET http://127.0.0.1:<port><target> (e.g. /metrics).
std::string HttpGet(int port, const std::string& target);

// The path of a runfile of this workspace, e.g. "service/payone_gateway".
std::string Runfile(const std::string& path);

}  // namespace payone::tests

#endif  // PAYONE_TESTS_E2E_SUBPROCESS_H_
