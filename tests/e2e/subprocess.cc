#include "tests/e2e/subprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

extern char** environ;

namespace payone::tests {

absl::StatusOr<std::unique_ptr<Subprocess>> Subprocess::Start(
    std::vector<std::string> argv, std::map<std::string, std::string> env) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return absl::InternalError("pipe failed");
  }
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (env.count(name) == 0) env_strings.push_back(entry);
  }
  for (const auto& [name, value] : env) {
    env_strings.push_back(absl::StrCat(name, "=", value));
  }
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  std::unique_ptr<Subprocess> process(new Subprocess());
  const int error = posix_spawn(&process->pid_, args[0], &actions, nullptr,
                                args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (error != 0) {
    close(pipe_fds[0]);
    return absl::InternalError(
        absl::StrCat("cannot start ", argv[0], ": ", std::strerror(error)));
  }
  const int read_fd = pipe_fds[0];
  Subprocess* raw = process.get();
  process->reader_ = std::thread([raw, read_fd] { raw->ReadLoop(read_fd); });
  return process;
}

void Subprocess::ReadLoop(int fd) {
  std::string pending;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0) {
    pending.append(buffer, n);
    size_t newline;
    while ((newline = pending.find('\n')) != std::string::npos) {
      std::lock_guard<std::mutex> lock(mu_);
      lines_.push_back(pending.substr(0, newline));
      pending.erase(0, newline + 1);
      cv_.notify_all();
    }
  }
  close(fd);
  std::lock_guard<std::mutex> lock(mu_);
  if (!pending.empty()) lines_.push_back(pending);
  eof_ = true;
  cv_.notify_all();
}

std::optional<std::string> Subprocess::WaitForLine(
    const std::function<bool(const std::string&)>& matches,
    absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  size_t checked = 0;
  const auto deadline = absl::ToChronoTime(absl::Now() + timeout);
  while (true) {
    for (; checked < lines_.size(); ++checked) {
      if (matches(lines_[checked])) return lines_[checked];
    }
    if (eof_) return std::nullopt;
    if (cv_.wait_until(lock, deadline) == std::cv_status::timeout) {
      return std::nullopt;
    }
  }
}

void Subprocess::Signal(int signal_number) {
  if (pid_ > 0 && exit_code_ < 0) kill(pid_, signal_number);
}

int Subprocess::Wait() {
  if (exit_code_ >= 0) return exit_code_;
  int status = 0;
  waitpid(pid_, &status, 0);
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (reader_.joinable()) reader_.join();
  return exit_code_;
}

std::string Subprocess::Output() {
  std::lock_guard<std::mutex> lock(mu_);
  std::string all;
  for (const auto& line : lines_) absl::StrAppend(&all, line, "\n");
  return all;
}

Subprocess::~Subprocess() {
  if (exit_code_ < 0) {
    Signal(SIGKILL);
    Wait();
  }
}

int JsonInt(const std::string& line, const std::string& key) {
  const std::string needle = absl::StrCat("\"", key, "\":");
  const size_t at = line.find(needle);
  if (at == std::string::npos) return -1;
  size_t end = at + needle.size();
  while (end < line.size() && std::isdigit(line[end])) ++end;
  int value = -1;
  if (!absl::SimpleAtoi(
          line.substr(at + needle.size(), end - at - needle.size()), &value)) {
    return -1;
  }
  return value;
}

std::string Runfile(const std::string& path) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return absl::StrCat(srcdir ? srcdir : ".", "/",
                      workspace ? workspace : "payone_gateway", "/", path);
}

std::string HttpGet(int port, const std::string& target) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"),
                  static_cast<unsigned short>(port)});
  http::request<http::empty_body> request(http::verb::get, target, 11);
  request.set(http::field::host, "127.0.0.1");
  http::write(socket, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(socket, buffer, response);
  return response.body();
}

}  // namespace payone::tests
