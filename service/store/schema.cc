#include "service/store/schema.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace payone::service {
namespace {

std::string InDialect(absl::string_view statement, SqlDialect dialect) {
  const bool sqlite = dialect == SqlDialect::kSqlite;
  return absl::StrReplaceAll(
      statement, {{"{{serial}}", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                        : "BIGSERIAL PRIMARY KEY"},
                  {"{{blob}}", sqlite ? "BLOB" : "BYTEA"},
                  {"{{ids}}", sqlite ? "group_concat(CAST(id AS TEXT), ', ')"
                                     : "string_agg(CAST(id AS TEXT), ', ')"}});
}

struct Migration {
  int64_t version;
  const char* description;
  // Statements with the dialect words {{serial}} (an auto-assigned 64-bit
  // primary key) and {{blob}} (bytes).
  std::vector<const char*> statements;
  // Run before the statements: FAILED_PRECONDITION naming the rows that
  // keep the migration from applying (old data a new constraint forbids).
  absl::Status (*check)(SqlTransaction&, SqlDialect) = nullptr;
  // Run after `statements`, on PostgreSQL only.
  std::vector<const char*> postgres_statements;
  // Run after `statements`, on SQLite only.
  std::vector<const char*> sqlite_statements = {};
};

// Names the rows of every group that `sql` (returning ids, then a
// description of the group) finds.
absl::Status RefuseGroups(SqlTransaction& transaction, SqlDialect dialect,
                          const char* sql, absl::string_view constraint) {
  absl::StatusOr<std::vector<SqlRow>> rows =
      transaction.Query(InDialect(sql, dialect));
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return absl::OkStatus();
  std::string groups;
  for (const SqlRow& row : *rows) {
    absl::StrAppend(&groups, "\n  requests ", row.Bytes(0), ": ", row.Bytes(1));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "the ledger holds requests that break ", constraint,
      ", which this version enforces; resolve them (mark all but one of "
      "each group outcome 'not_sent' if PAYONE never took it, or delete it) "
      "and start again:",
      groups));
}

absl::Status CheckLedgerConstraints(SqlTransaction& transaction,
                                    SqlDialect dialect) {
  absl::Status status = RefuseGroups(
      transaction, dialect,
      "SELECT {{ids}},"
      " 'portalid ' || portalid || ', reference ' || lower(reference)"
      " FROM requests"
      " WHERE request_type IN ('preauthorization', 'authorization')"
      " AND reference <> '' AND outcome <> 'not_sent'"
      " GROUP BY portalid, lower(reference) HAVING COUNT(*) > 1",
      "one (pre)authorization per portal and reference");
  if (!status.ok()) return status;
  return RefuseGroups(
      transaction, dialect,
      "SELECT {{ids}},"
      " 'portalid ' || portalid || ', txid ' || txid ||"
      " ', sequencenumber ' || CAST(sequencenumber AS TEXT)"
      " FROM requests"
      " WHERE request_type IN ('capture', 'refund', 'debit')"
      " AND sequencenumber IS NOT NULL"
      " AND outcome IN ('sending', 'answered') AND status <> 'ERROR'"
      " GROUP BY portalid, txid, sequencenumber HAVING COUNT(*) > 1",
      "one follow-up per payment process and sequencenumber");
}

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
       },
       nullptr,
       {}},
      {2,
       "ledger effects; unique references and sequence numbers; "
       "notification cursors in commit order without a lock",
       {
           // What a request does to its payment process (codec's
           // LedgerEffect): reserve, authorize, capture, refund, debit or ''.
           R"sql(ALTER TABLE requests
               ADD COLUMN ledger_effect TEXT NOT NULL DEFAULT '')sql",
           R"sql(UPDATE requests SET ledger_effect = CASE request_type
               WHEN 'preauthorization' THEN 'reserve'
               WHEN 'authorization' THEN 'authorize'
               WHEN 'capture' THEN 'capture'
               WHEN 'refund' THEN 'refund'
               WHEN 'debit' THEN 'debit' ELSE '' END)sql",
           // PAYONE answers 911 to a second process with one reference.
           R"sql(CREATE UNIQUE INDEX requests_unique_reference
               ON requests (portalid, lower(reference))
               WHERE ledger_effect IN ('reserve', 'authorize')
               AND reference <> '' AND outcome <> 'not_sent')sql",
           // A sequence number is taken by a follow-up in flight or
           // answered (not refused with ERROR); PAYONE answers 907 to
           // another.
           R"sql(CREATE UNIQUE INDEX requests_unique_sequencenumber
               ON requests (portalid, txid, sequencenumber)
               WHERE ledger_effect IN ('capture', 'refund', 'debit')
               AND sequencenumber IS NOT NULL
               AND outcome IN ('sending', 'answered') AND status <> 'ERROR')sql",
           R"sql(DROP INDEX requests_by_portalid_reference)sql",
       },
       &CheckLedgerConstraints,
       {
           // A cursor is the appending transaction's id (shifted) and a
           // counter within it: readers that stop below the oldest
           // transaction still running (pg_snapshot_xmin) never later find
           // a cursor below one they returned, and appenders need no lock.
           // SQLite's appenders hold the file lock, so its AUTOINCREMENT
           // already follows commit order.
           R"sql(DO $$
             BEGIN
               IF (SELECT COALESCE(MAX(cursor), 0) FROM notifications)
                   >= (pg_current_xact_id()::text::bigint << 16) THEN
                 RAISE EXCEPTION 'notification cursors are beyond the '
                   'transaction-id cursors; contact support';
               END IF;
             END $$)sql",
           R"sql(ALTER TABLE notifications ALTER COLUMN cursor SET DEFAULT
               ((pg_current_xact_id()::text::bigint << 16)
                | (nextval('notifications_cursor_seq') & 65535)))sql",
       }},
      {3,
       "notifications the model could not decode, kept raw",
       {
           // '' for a decoded notification; otherwise why not (the
           // notification blob then holds its parameters as text).
           R"sql(ALTER TABLE notifications
               ADD COLUMN decode_error TEXT NOT NULL DEFAULT '')sql",
       },
       nullptr,
       {}},
      {4,
       "redaction of notifications past their retention",
       {
           // When the sensitive fields of the notification (and of its
           // forward bodies) were redacted; NULL while kept whole
           // (notification_retention.h).
           R"sql(ALTER TABLE notifications ADD COLUMN redacted_at BIGINT)sql",
       },
       nullptr,
       {}},
      {5,
       "requests_unique_sequencenumber without a three-value IN list",
       {},
       nullptr,
       {},
       {
           // The same rows as version 2's: SQLite evaluated its
           // `ledger_effect IN ('capture', 'refund', 'debit')` with a
           // temporary table built on every INSERT and UPDATE of requests
           // (it does so for three constants or more), a fresh allocation
           // per statement on the ledger's hot path.
           R"sql(DROP INDEX requests_unique_sequencenumber)sql",
           R"sql(CREATE UNIQUE INDEX requests_unique_sequencenumber
               ON requests (portalid, txid, sequencenumber)
               WHERE (ledger_effect IN ('capture', 'refund')
                      OR ledger_effect = 'debit')
               AND sequencenumber IS NOT NULL
               AND outcome IN ('sending', 'answered') AND status <> 'ERROR')sql",
       }},
  };
  return *migrations;
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
  if (migration.check != nullptr) {
    absl::Status checked = migration.check(transaction, dialect);
    if (!checked.ok()) {
      return absl::Status(checked.code(),
                          absl::StrCat("schema migration ", migration.version,
                                       ": ", checked.message()));
    }
  }
  std::vector<const char*> statements = migration.statements;
  const std::vector<const char*>& own = dialect == SqlDialect::kPostgres
                                            ? migration.postgres_statements
                                            : migration.sqlite_statements;
  statements.insert(statements.end(), own.begin(), own.end());
  for (const char* statement : statements) {
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

absl::Status MigrateSchema(SqlDatabase& database, int64_t up_to) {
  for (const Migration& migration : Migrations()) {
    if (migration.version > up_to) break;
    TransactionOptions options;
    // One process at a time.
    options.locks = {LockKey("schema", {})};
    absl::Status status =
        database.InTransaction(options, [&](SqlTransaction& transaction) {
          return ApplyIfMissing(transaction, database.dialect(), migration);
        });
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace payone::service
