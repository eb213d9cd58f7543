// The machine's own limit for the SQLite ledger (bench/ledger.py): how many
// synced transactions per second a plain loop gets on this file system, in
// the gateway's journal mode (WAL, synchronous=FULL), each inserting
// --rows_per_commit rows of about 450 bytes (a ledger row's size).
//
//   bazel-bin/bench/sqlite_commit_limit --path=/tmp/x.db --seconds=5 \
//       --rows_per_commit=1
//
// Prints one JSON line: commits, rows, seconds, commits_per_s, rows_per_s.
// The database file (and its -wal, -shm) is removed at the end.

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

ABSL_FLAG(std::string, path, "", "database file to create (removed after)");
ABSL_FLAG(double, seconds, 5, "how long to insert");
ABSL_FLAG(int, rows_per_commit, 1, "rows inserted by each transaction");
ABSL_FLAG(int, row_bytes, 450, "payload bytes per row");

namespace {

bool Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "%s: %s\n", sql, error ? error : "?");
    sqlite3_free(error);
    return false;
  }
  return true;
}

int Main() {
  const std::string path = absl::GetFlag(FLAGS_path);
  const int rows_per_commit = absl::GetFlag(FLAGS_rows_per_commit);
  if (path.empty() || rows_per_commit < 1) {
    std::fprintf(stderr, "need --path and --rows_per_commit >= 1\n");
    return 2;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    return 1;
  }
  // As the gateway's store opens its file (service/store/sqlite_database.cc).
  if (!Exec(db, "PRAGMA journal_mode = WAL") ||
      !Exec(db, "PRAGMA synchronous = FULL") ||
      !Exec(db,
            "CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, "
            "created INTEGER NOT NULL, payload TEXT NOT NULL)")) {
    return 1;
  }
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db,
                         "INSERT INTO rows (created, payload) VALUES (?, ?)",
                         -1, &insert, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  const int row_bytes = absl::GetFlag(FLAGS_row_bytes);
  int64_t commits = 0;
  int64_t rows = 0;
  const absl::Time start = absl::Now();
  const absl::Time end = start + absl::Seconds(absl::GetFlag(FLAGS_seconds));
  absl::Time now = start;
  while (now < end) {
    if (!Exec(db, "BEGIN")) return 1;
    for (int i = 0; i < rows_per_commit; ++i) {
      // Distinct payloads, so that nothing is shared between rows.
      std::string payload = absl::StrCat(rows, ":");
      payload.resize(row_bytes, 'a' + rows % 26);
      sqlite3_bind_int64(insert, 1, absl::ToUnixMicros(now));
      sqlite3_bind_text(insert, 2, payload.data(),
                        static_cast<int>(payload.size()), SQLITE_TRANSIENT);
      if (sqlite3_step(insert) != SQLITE_DONE) {
        std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
        return 1;
      }
      sqlite3_reset(insert);
      ++rows;
    }
    if (!Exec(db, "COMMIT")) return 1;
    ++commits;
    now = absl::Now();
  }
  const double seconds = absl::ToDoubleSeconds(now - start);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    unlink(absl::StrCat(path, suffix).c_str());
  }
  std::printf(
      "{\"rows_per_commit\": %d, \"row_bytes\": %d, \"commits\": %lld, "
      "\"rows\": %lld, \"seconds\": %.3f, \"commits_per_s\": %.1f, "
      "\"rows_per_s\": %.1f}\n",
      rows_per_commit, row_bytes, static_cast<long long>(commits),
      static_cast<long long>(rows), seconds, commits / seconds, rows / seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return Main();
}
