#include "service/store/postgres_server.h"

#include <libpq-fe.h>
#include <signal.h>

#include <cerrno>
#include <filesystem>
#include <string>

#include "gtest/gtest.h"

namespace payone::service {
namespace {

// The value of one SQL expression, "" on error.
std::string Show(const std::string& conninfo, const char* sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  std::string value;
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* result = PQexec(conn, sql);
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1) {
      value = PQgetvalue(result, 0, 0);
    }
    PQclear(result);
  }
  PQfinish(conn);
  return value;
}

TEST(PostgresServerTest, ServesOnLoopbackAndSocketAndStopsCleanly) {
  absl::StatusOr<std::unique_ptr<PostgresServer>> server =
      PostgresServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  const pid_t pid = (*server)->pid();
  const std::string directory = (*server)->directory();
  ASSERT_GT(pid, 0);

  EXPECT_EQ(Show((*server)->ConnInfo(), "SHOW listen_addresses"), "127.0.0.1");
  EXPECT_EQ(Show((*server)->ConnInfo(), "SHOW fsync"), "on");
  EXPECT_EQ(Show((*server)->ConnInfo(), "SHOW synchronous_commit"), "on");
  EXPECT_EQ(Show((*server)->SocketConnInfo(), "SELECT 1"), "1");

  absl::StatusOr<std::string> conninfo = (*server)->CreateDatabase("ledger_a");
  ASSERT_TRUE(conninfo.ok()) << conninfo.status();
  EXPECT_EQ(Show(*conninfo, "SELECT current_database()"), "ledger_a");
  EXPECT_EQ((*server)->CreateDatabase("bad name").status().code(),
            absl::StatusCode::kInvalidArgument);

  server->reset();
  // Stopped and reaped (no such process any more), directory gone.
  EXPECT_EQ(kill(pid, 0), -1);
  EXPECT_EQ(errno, ESRCH);
  EXPECT_FALSE(std::filesystem::exists(directory));
}

TEST(PostgresServerTest, TwoServersRunSideBySide) {
  absl::StatusOr<std::unique_ptr<PostgresServer>> first =
      PostgresServer::Start();
  absl::StatusOr<std::unique_ptr<PostgresServer>> second =
      PostgresServer::Start();
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_NE((*first)->port(), (*second)->port());
  EXPECT_EQ(Show((*first)->ConnInfo(), "SELECT 1"), "1");
  EXPECT_EQ(Show((*second)->ConnInfo(), "SELECT 1"), "1");
}

}  // namespace
}  // namespace payone::service
