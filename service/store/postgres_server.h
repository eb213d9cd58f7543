#ifndef PAYONE_SERVICE_STORE_POSTGRES_SERVER_H_
#define PAYONE_SERVICE_STORE_POSTGRES_SERVER_H_

// A real, throwaway PostgreSQL server for tests (Debian's postgresql package):
// initdb into a fresh directory, listening on 127.0.0.1 only (a free port)
// and on a unix socket in that directory, fsync on, trust authentication for
// the superuser `postgres`. Start returns once it accepts connections; the
// destructor stops it (fast shutdown) and removes the directory.
//
//   absl::StatusOr<std::unique_ptr<PostgresServer>> server =
//       PostgresServer::Start();
//   absl::StatusOr<std::string> conninfo = (*server)->CreateDatabase("t1");
//   ... OpenPostgresStore(*conninfo, 4) in as many processes as you like.
//
// Works as a normal user and as root (then initdb and postgres run as the
// `postgres` system user, or `nobody`, since PostgreSQL refuses root; the
// directory is then under /tmp, which that user can reach). Works in Bazel's
// processwrapper sandbox without tags: it only needs loopback.
//
// The server gets SIGINT (fast shutdown) should the thread that called Start
// die first, so a crashed test leaves no server behind: call Start from a
// thread that outlives the server (the main thread, or a test's body).

#include <sys/types.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace payone::service {

class PostgresServer {
 public:
  struct Options {
    // Where the server's directory is made. Empty: $TEST_TMPDIR (else /tmp);
    // always /tmp when running as root.
    std::string parent_dir;
    // PostgreSQL's programs; empty: the newest /usr/lib/postgresql/*/bin.
    std::string bin_dir;
    // How long initdb plus the first accepted connection may take.
    absl::Duration start_timeout = absl::Seconds(120);
  };

  static absl::StatusOr<std::unique_ptr<PostgresServer>> Start(
      const Options& options);
  static absl::StatusOr<std::unique_ptr<PostgresServer>> Start() {
    return Start(Options());
  }

  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;
  ~PostgresServer();

  // libpq conninfo for `dbname` over TCP on 127.0.0.1 (what gateways use).
  std::string ConnInfo(absl::string_view dbname = "postgres") const;
  // The same over the unix socket.
  std::string SocketConnInfo(absl::string_view dbname = "postgres") const;
  // Creates an empty database (name: letters, digits, _) and returns its
  // ConnInfo. One a test keeps tests apart on one server.
  absl::StatusOr<std::string> CreateDatabase(absl::string_view name);

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& directory() const { return directory_; }
  // The server's log (stderr), for a failing test to print.
  std::string LogTail() const;

 private:
  PostgresServer() = default;

  std::string directory_;  // holds data/, the socket and postgres.log
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_POSTGRES_SERVER_H_
