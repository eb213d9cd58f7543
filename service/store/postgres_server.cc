#include "service/store/postgres_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace payone::service {
namespace {

// Longest unix socket path (sun_path holds 108 bytes with the NUL).
constexpr size_t kMaxSocketPath = 107;
constexpr int kPortAttempts = 5;

// Whom initdb and postgres run as: ourselves, or (as root, which PostgreSQL
// refuses) a system user.
struct ServerUser {
  bool switch_user = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

absl::StatusOr<ServerUser> FindServerUser() {
  if (geteuid() != 0) return ServerUser{};
  for (const char* name : {"postgres", "nobody"}) {
    struct passwd entry;
    struct passwd* found = nullptr;
    char buffer[4096];
    if (getpwnam_r(name, &entry, buffer, sizeof(buffer), &found) == 0 &&
        found != nullptr && found->pw_uid != 0) {
      return ServerUser{true, found->pw_uid, found->pw_gid};
    }
  }
  return absl::FailedPreconditionError(
      "running as root, and neither the postgres nor the nobody user exists "
      "to run PostgreSQL as");
}

// The newest /usr/lib/postgresql/<version>/bin with a postgres binary.
absl::StatusOr<std::string> FindBinDir() {
  std::error_code error;
  std::string newest;
  int newest_version = -1;
  for (const auto& entry :
       std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
    int version = 0;
    const std::string bin = (entry.path() / "bin").string();
    if (absl::SimpleAtoi(entry.path().filename().string(), &version) &&
        version > newest_version &&
        access((bin + "/postgres").c_str(), X_OK) == 0) {
      newest_version = version;
      newest = bin;
    }
  }
  if (newest.empty()) {
    return absl::FailedPreconditionError(
        "no PostgreSQL server under /usr/lib/postgresql/*/bin: install the "
        "Debian package postgresql (tools/setup.sh does)");
  }
  return newest;
}

// A port nobody listened on a moment ago. Another process may take it before
// postgres binds it; Start then retries with another.
absl::StatusOr<int> FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return absl::InternalError("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  if (port == 0) return absl::UnavailableError("no free port on 127.0.0.1");
  return port;
}

// Starts `argv` with stdout and stderr appended to `log_fd`, as `user`. The
// child gets SIGINT if the calling thread dies.
absl::StatusOr<pid_t> Spawn(const std::vector<std::string>& argv,
                            const ServerUser& user, int log_fd) {
  // Everything the child needs is prepared before fork: after it, only
  // async-signal-safe calls.
  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(null_fd);
    return absl::ResourceExhaustedError("fork() failed");
  }
  if (pid == 0) {
    if (user.switch_user && (setgroups(0, nullptr) != 0 ||
                             setgid(user.gid) != 0 || setuid(user.uid) != 0)) {
      _exit(126);
    }
    // After setuid, which clears it.
    prctl(PR_SET_PDEATHSIG, SIGINT);
    if (getppid() != parent) _exit(1);
    dup2(null_fd, STDIN_FILENO);
    dup2(log_fd, STDOUT_FILENO);
    dup2(log_fd, STDERR_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  close(null_fd);
  return pid;
}

std::string ReadFrom(const std::string& path, std::streamoff offset) {
  std::ifstream file(path, std::ios::binary);
  file.seekg(offset);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

std::streamoff FileSize(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 ? info.st_size : 0;
}

std::string Tail(const std::string& text) {
  constexpr size_t kTail = 2000;
  return text.size() <= kTail ? text : text.substr(text.size() - kTail);
}

// Waits for `pid` to exit, up to `timeout`; true when it did.
bool WaitForExit(pid_t pid, absl::Duration timeout, int* status) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    const pid_t done = waitpid(pid, status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) return true;
    if (absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(10));  // polling interval
  }
}

std::string ConnInfoFor(absl::string_view host, int port,
                        absl::string_view dbname) {
  return absl::StrCat("host=", host, " port=", port,
                      " user=postgres dbname=", dbname, " connect_timeout=10");
}

}  // namespace

absl::StatusOr<std::unique_ptr<PostgresServer>> PostgresServer::Start(
    const Options& options) {
  absl::StatusOr<ServerUser> user = FindServerUser();
  if (!user.ok()) return user.status();
  absl::StatusOr<std::string> bin_dir =
      options.bin_dir.empty() ? FindBinDir() : options.bin_dir;
  if (!bin_dir.ok()) return bin_dir.status();

  std::string parent = options.parent_dir;
  if (parent.empty()) {
    const char* tmpdir = std::getenv("TEST_TMPDIR");
    // Root's test directories sit below /root, where the server's user
    // cannot go; long ones would not fit the socket path.
    parent = tmpdir != nullptr && !user->switch_user ? tmpdir : "/tmp";
    if (parent.size() + 40 > kMaxSocketPath) parent = "/tmp";
  }
  std::string directory = parent + "/postgres-XXXXXX";
  if (mkdtemp(directory.data()) == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot make a directory in ", parent));
  }
  auto server = std::unique_ptr<PostgresServer>(new PostgresServer());
  server->directory_ = directory;  // removed by the destructor from now on
  if (user->switch_user &&
      chown(directory.c_str(), user->uid, user->gid) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot hand ", directory, " to the server's user"));
  }
  const std::string log_path = directory + "/postgres.log";
  const int log_fd =
      open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) return absl::InternalError("cannot create postgres.log");
  struct LogCloser {
    int fd;
    ~LogCloser() { close(fd); }
  } log_closer{log_fd};
  const absl::Time deadline = absl::Now() + options.start_timeout;

  const std::string data = directory + "/data";
  absl::StatusOr<pid_t> initdb =
      Spawn({*bin_dir + "/initdb", "-D", data, "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--no-locale", "--no-sync"},
            *user, log_fd);
  if (!initdb.ok()) return initdb.status();
  int status = 0;
  if (!WaitForExit(*initdb, deadline - absl::Now(), &status)) {
    kill(*initdb, SIGKILL);
    waitpid(*initdb, &status, 0);
    return absl::DeadlineExceededError("initdb took too long");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::InternalError(
        absl::StrCat("initdb failed: ", Tail(ReadFrom(log_path, 0))));
  }

  for (int attempt = 1; attempt <= kPortAttempts; ++attempt) {
    absl::StatusOr<int> port = FreeLoopbackPort();
    if (!port.ok()) return port.status();
    const std::streamoff log_start = FileSize(log_path);
    absl::StatusOr<pid_t> pid = Spawn(
        {*bin_dir + "/postgres", "-D", data, "-p", absl::StrCat(*port), "-c",
         "listen_addresses=127.0.0.1", "-c",
         absl::StrCat("unix_socket_directories=", directory), "-c", "fsync=on",
         "-c", "synchronous_commit=on", "-c", "full_page_writes=on", "-c",
         "shared_buffers=32MB", "-c", "max_connections=200"},
        *user, log_fd);
    if (!pid.ok()) return pid.status();
    server->pid_ = *pid;
    server->port_ = *port;
    const std::string conninfo = server->ConnInfo();
    bool exited = false;
    while (absl::Now() < deadline) {
      if (waitpid(*pid, &status, WNOHANG) == *pid) {
        exited = true;
        break;
      }
      if (PQping(conninfo.c_str()) == PQPING_OK) return server;
      absl::SleepFor(absl::Milliseconds(20));  // polling interval
    }
    if (!exited) {
      return absl::DeadlineExceededError(
          absl::StrCat("PostgreSQL did not accept connections in time: ",
                       Tail(ReadFrom(log_path, log_start))));
    }
    server->pid_ = -1;
    const std::string log = ReadFrom(log_path, log_start);
    // Lost the race for the port: try another.
    if (!absl::StrContains(log, "could not bind") &&
        !absl::StrContains(log, "already in use")) {
      return absl::InternalError(
          absl::StrCat("PostgreSQL exited at start: ", Tail(log)));
    }
  }
  return absl::UnavailableError("PostgreSQL found no free port");
}

PostgresServer::~PostgresServer() {
  if (pid_ > 0) {
    kill(pid_, SIGINT);  // fast shutdown: abort sessions, checkpoint, exit
    int status = 0;
    if (!WaitForExit(pid_, absl::Seconds(60), &status)) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

std::string PostgresServer::ConnInfo(absl::string_view dbname) const {
  return ConnInfoFor("127.0.0.1", port_, dbname);
}

std::string PostgresServer::SocketConnInfo(absl::string_view dbname) const {
  return ConnInfoFor(directory_, port_, dbname);
}

absl::StatusOr<std::string> PostgresServer::CreateDatabase(
    absl::string_view name) {
  if (name.empty() || name.size() > 63 ||
      !std::all_of(name.begin(), name.end(),
                   [](char c) { return absl::ascii_isalnum(c) || c == '_'; })) {
    return absl::InvalidArgumentError(
        "database names here are 1 to 63 letters, digits and _");
  }
  PGconn* conn = PQconnectdb(ConnInfo().c_str());
  absl::Status status;
  if (PQstatus(conn) != CONNECTION_OK) {
    status = absl::UnavailableError(absl::StrCat(
        "cannot connect to the test server: ", PQerrorMessage(conn)));
  } else {
    PGresult* result =
        PQexec(conn, absl::StrCat("CREATE DATABASE \"", name, "\"").c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
      status = absl::InternalError(absl::StrCat("CREATE DATABASE ", name, ": ",
                                                PQresultErrorMessage(result)));
    }
    PQclear(result);
  }
  PQfinish(conn);
  if (!status.ok()) return status;
  return ConnInfo(name);
}

std::string PostgresServer::LogTail() const {
  return Tail(ReadFrom(directory_ + "/postgres.log", 0));
}

}  // namespace payone::service
