#include "service/store/schema.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace payone::service {
namespace {

struct Migration {
  int64_t version;
  const char* description;
  // Statements with the dialect words {{serial}} (an auto-assigned 64-bit
  // primary key) and {{blob}} (bytes).
  std::vector<const char*> statements;
};

// Times are microseconds since the Unix epoch (UTC) in BIGINT columns on both
// backends. Never edit a migration that has shipped: add a new one.
const std::vector<Migration>& Migrations() {
  static const auto* const migrations = new std::vector<Migration>{
      {1,
       "notifications, requests, idempotency keys, forward queue",
       {
           // `notification` is the serialized TransactionStatusNotification
           // with its key cleared.
           R"sql(CREATE TABLE notifications (
             cursor {{serial}},
             account TEXT NOT NULL,
             dedupe_key TEXT NOT NULL UNIQUE,
             txid TEXT NOT NULL,
             portalid TEXT NOT NULL,
             aid TEXT NOT NULL,
             txaction TEXT NOT NULL,
             sequencenumber BIGINT,
             received_at BIGINT NOT NULL,
             notification {{blob}} NOT NULL))sql",
           R"sql(CREATE INDEX notifications_by_account_txid
               ON notifications (account, txid, cursor))sql",
           // finished_at is NULL while the outcome is 'sending'.
           R"sql(CREATE TABLE requests (
             id {{serial}},
             account TEXT NOT NULL,
             portalid TEXT NOT NULL,
             request_type TEXT NOT NULL,
             txid TEXT NOT NULL,
             reference TEXT NOT NULL,
             sequencenumber BIGINT,
             amount BIGINT NOT NULL,
             currency TEXT NOT NULL,
             capturemode TEXT NOT NULL,
             outcome TEXT NOT NULL,
             status TEXT NOT NULL,
             errorcode BIGINT NOT NULL,
             sent_at BIGINT NOT NULL,
             finished_at BIGINT))sql",
           R"sql(CREATE INDEX requests_by_account_txid
               ON requests (account, txid, id))sql",
           R"sql(CREATE INDEX requests_by_portalid_reference
               ON requests (portalid, lower(reference)))sql",
           // response is NULL until the claim is completed.
           R"sql(CREATE TABLE idempotency_keys (
             account TEXT NOT NULL,
             idempotency_key TEXT NOT NULL,
             fingerprint TEXT NOT NULL,
             response {{blob}},
             created_at BIGINT NOT NULL,
             completed_at BIGINT,
             PRIMARY KEY (account, idempotency_key)))sql",
           R"sql(CREATE TABLE forward_tasks (
             id {{serial}},
             notification_cursor BIGINT NOT NULL
                 REFERENCES notifications (cursor),
             url TEXT NOT NULL,
             body {{blob}} NOT NULL,
             attempts BIGINT NOT NULL DEFAULT 0,
             next_attempt BIGINT NOT NULL,
             delivered_at BIGINT,
             last_error TEXT,
             UNIQUE (notification_cursor, url)))sql",
           R"sql(CREATE INDEX forward_tasks_due
               ON forward_tasks (next_attempt, id)
               WHERE delivered_at IS NULL)sql",
       }},
  };
  return *migrations;
}

std::string InDialect(absl::string_view statement, SqlDialect dialect) {
  const bool sqlite = dialect == SqlDialect::kSqlite;
  return absl::StrReplaceAll(
      statement, {{"{{serial}}", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                        : "BIGSERIAL PRIMARY KEY"},
                  {"{{blob}}", sqlite ? "BLOB" : "BYTEA"}});
}

// Applies `migration` unless the database has it; checks the version first.
absl::Status ApplyIfMissing(SqlTransaction& transaction, SqlDialect dialect,
                            const Migration& migration) {
  absl::StatusOr<std::vector<SqlRow>> rows = transaction.Query(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version BIGINT PRIMARY KEY,"
      " description TEXT NOT NULL,"
      " applied_at BIGINT NOT NULL)");
  if (rows.ok()) {
    rows = transaction.Query(
        "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  }
  if (!rows.ok()) return rows.status();
  const int64_t current = rows->at(0).Int(0);
  if (current > LatestSchemaVersion()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the ledger database has schema version ", current,
        ", newer than this gateway knows (", LatestSchemaVersion(),
        "): run a newer gateway, or point this one at another database"));
  }
  if (current >= migration.version) return absl::OkStatus();
  for (const char* statement : migration.statements) {
    rows = transaction.Query(InDialect(statement, dialect));
    if (!rows.ok()) {
      return absl::Status(rows.status().code(),
                          absl::StrCat("schema migration ", migration.version,
                                       ": ", rows.status().message()));
    }
  }
  rows = transaction.Query(
      "INSERT INTO schema_migrations (version, description, applied_at)"
      " VALUES ($1, $2, $3)",
      {migration.version, migration.description,
       absl::ToUnixMicros(absl::Now())});
  return rows.status();
}

}  // namespace

int64_t LatestSchemaVersion() { return Migrations().back().version; }

absl::Status MigrateSchema(SqlDatabase& database) {
  for (const Migration& migration : Migrations()) {
    absl::Status status = database.InTransaction(
        SqlDatabase::Serialize::kSchema, [&](SqlTransaction& transaction) {
          return ApplyIfMissing(transaction, database.dialect(), migration);
        });
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace payone::service
