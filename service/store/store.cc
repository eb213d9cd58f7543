// Store over SqlDatabase: the ledger's logic and SQL, written once for both
// backends.
#include "service/store/store.h"

#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/store/postgres_database.h"
#include "service/store/schema.h"
#include "service/store/sql_database.h"
#include "service/store/sqlite_database.h"

namespace payone::service {
namespace {

using Serialize = SqlDatabase::Serialize;

// A method's name in front of the database's message (never values).
absl::Status Annotate(const absl::Status& status, absl::string_view method) {
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat("ledger ", method, ": ", status.message()));
}

int64_t Micros(absl::Time time) { return absl::ToUnixMicros(time); }

absl::string_view OutcomeName(RequestRecord::Outcome outcome) {
  switch (outcome) {
    case RequestRecord::Outcome::kSending:
      return "sending";
    case RequestRecord::Outcome::kAnswered:
      return "answered";
    case RequestRecord::Outcome::kNotSent:
      return "not_sent";
    case RequestRecord::Outcome::kUnknown:
      return "unknown";
  }
  return "unknown";
}

absl::StatusOr<RequestRecord::Outcome> OutcomeFromName(absl::string_view name) {
  for (RequestRecord::Outcome outcome :
       {RequestRecord::Outcome::kSending, RequestRecord::Outcome::kAnswered,
        RequestRecord::Outcome::kNotSent, RequestRecord::Outcome::kUnknown}) {
    if (OutcomeName(outcome) == name) return outcome;
  }
  return absl::DataLossError(
      absl::StrCat("unknown request outcome in the ledger: ", name));
}

SqlValue OptionalInt(const std::optional<int32_t>& value) {
  return value.has_value() ? SqlValue(*value) : SqlValue();
}

class SqlStore : public Store {
 public:
  explicit SqlStore(std::unique_ptr<SqlDatabase> database)
      : database_(std::move(database)) {}

  absl::StatusOr<AppendedNotification> AppendNotification(
      const StoredNotification& stored, absl::string_view dedupe_key,
      absl::string_view raw_body,
      absl::Span<const std::string> forward_urls) override {
    payone::v1::TransactionStatusNotification notification =
        stored.notification;
    notification.clear_key();
    std::string serialized;
    if (!notification.SerializeToString(&serialized)) {
      return absl::InvalidArgumentError(
          "ledger AppendNotification: the notification does not serialize");
    }
    const payone::v1::TransactionStatusNotification& n = notification;
    const std::string txaction =
        payone::v1::TransactionAction_Name(n.txaction());
    const int64_t received_at = Micros(stored.received_at);
    AppendedNotification appended;
    absl::Status status = database_->InTransaction(
        Serialize::kNotificationLog, [&](SqlTransaction& tx) -> absl::Status {
          // Serialised with every other appender, so a conflicting row is
          // committed already and the SELECT below finds it.
          absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
              "INSERT INTO notifications (account, dedupe_key, txid, portalid,"
              " aid, txaction, sequencenumber, received_at, notification)"
              " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
              " ON CONFLICT (dedupe_key) DO NOTHING RETURNING cursor",
              {stored.account, dedupe_key, n.txid(), n.portalid(), n.aid(),
               txaction, n.sequencenumber(), received_at,
               SqlValue::Blob(serialized)});
          if (!rows.ok()) return rows.status();
          if (rows->empty()) {
            appended.duplicate = true;
            rows = tx.Query(
                "SELECT cursor FROM notifications WHERE dedupe_key = $1",
                {dedupe_key});
            if (!rows.ok()) return rows.status();
            if (rows->empty()) {
              return absl::AbortedError("a duplicate vanished; retry");
            }
            appended.cursor = rows->front().Int(0);
            return absl::OkStatus();
          }
          appended.cursor = rows->front().Int(0);
          for (const std::string& url : forward_urls) {
            rows = tx.Query(
                "INSERT INTO forward_tasks (notification_cursor, url, body,"
                " next_attempt) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT (notification_cursor, url) DO NOTHING",
                {appended.cursor, url, SqlValue::Blob(raw_body), received_at});
            if (!rows.ok()) return rows.status();
          }
          return absl::OkStatus();
        });
    if (!status.ok()) return Annotate(status, "AppendNotification");
    return appended;
  }

  absl::StatusOr<std::vector<StoredNotification>> ListNotifications(
      const NotificationQuery& query) override {
    if (query.limit <= 0) {
      return absl::InvalidArgumentError(
          "ledger ListNotifications: limit must be positive");
    }
    // Only the filters asked for, so that each backend can use its indexes.
    std::string sql =
        "SELECT cursor, account, received_at, notification FROM notifications"
        " WHERE cursor > $1";
    if (!query.account.empty()) absl::StrAppend(&sql, " AND account = $2");
    if (!query.txid.empty()) absl::StrAppend(&sql, " AND txid = $3");
    absl::StrAppend(&sql, " ORDER BY cursor LIMIT $4");
    absl::StatusOr<std::vector<SqlRow>> rows = QueryOnce(
        sql, {query.after_cursor, query.account, query.txid, query.limit});
    if (!rows.ok()) return Annotate(rows.status(), "ListNotifications");
    std::vector<StoredNotification> notifications;
    notifications.reserve(rows->size());
    for (const SqlRow& row : *rows) {
      StoredNotification& stored = notifications.emplace_back();
      stored.cursor = row.Int(0);
      stored.account = row.Bytes(1);
      stored.received_at = absl::FromUnixMicros(row.Int(2));
      if (!stored.notification.ParseFromString(row.Bytes(3))) {
        return absl::DataLossError(absl::StrCat(
            "ledger ListNotifications: the notification at cursor ",
            stored.cursor, " does not parse"));
      }
    }
    return notifications;
  }

  absl::StatusOr<int64_t> BeginRequest(const RequestRecord& record) override {
    // A record without a send time is being sent now.
    const absl::Time sent_at =
        record.sent_at == absl::Time() ? absl::Now() : record.sent_at;
    absl::StatusOr<std::vector<SqlRow>> rows = QueryOnce(
        "INSERT INTO requests (account, portalid, request_type, txid,"
        " reference, sequencenumber, amount, currency, capturemode,"
        " outcome, status, errorcode, sent_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', 0, $11)"
        " RETURNING id",
        {record.account, record.portalid, record.request_type, record.txid,
         record.reference, OptionalInt(record.sequencenumber), record.amount,
         record.currency, record.capturemode,
         OutcomeName(RequestRecord::Outcome::kSending), Micros(sent_at)});
    if (!rows.ok()) return Annotate(rows.status(), "BeginRequest");
    return rows->at(0).Int(0);
  }

  absl::Status FinishRequest(int64_t id, RequestRecord::Outcome outcome,
                             absl::string_view status_text, int32_t errorcode,
                             absl::string_view txid) override {
    if (outcome == RequestRecord::Outcome::kSending) {
      return absl::InvalidArgumentError(
          "ledger FinishRequest: the outcome must not be kSending");
    }
    return Annotate(
        ExpectOneRow(
            "UPDATE requests SET outcome = $2, status = $3, errorcode = $4,"
            " finished_at = $5,"
            " txid = CASE WHEN $6 = '' THEN txid ELSE $6 END"
            " WHERE id = $1 RETURNING id",
            {id, OutcomeName(outcome), status_text, errorcode,
             Micros(absl::Now()), txid},
            absl::StrCat("no request with id ", id)),
        "FinishRequest");
  }

  absl::StatusOr<std::vector<RequestRecord>> ListRequests(
      absl::string_view account, absl::string_view txid) override {
    absl::StatusOr<std::vector<SqlRow>> rows = QueryOnce(
        "SELECT id, account, portalid, request_type, txid, reference,"
        " sequencenumber, amount, currency, capturemode, outcome,"
        " status, errorcode, sent_at, finished_at"
        " FROM requests WHERE account = $1 AND txid = $2 ORDER BY id",
        {account, txid});
    if (!rows.ok()) return Annotate(rows.status(), "ListRequests");
    std::vector<RequestRecord> records;
    records.reserve(rows->size());
    for (const SqlRow& row : *rows) {
      RequestRecord& record = records.emplace_back();
      record.id = row.Int(0);
      record.account = row.Bytes(1);
      record.portalid = row.Bytes(2);
      record.request_type = row.Bytes(3);
      record.txid = row.Bytes(4);
      record.reference = row.Bytes(5);
      if (!row.IsNull(6)) {
        record.sequencenumber = static_cast<int32_t>(row.Int(6));
      }
      record.amount = row.Int(7);
      record.currency = row.Bytes(8);
      record.capturemode = row.Bytes(9);
      absl::StatusOr<RequestRecord::Outcome> outcome =
          OutcomeFromName(row.Bytes(10));
      if (!outcome.ok()) return Annotate(outcome.status(), "ListRequests");
      record.outcome = *outcome;
      record.status = row.Bytes(11);
      record.errorcode = static_cast<int32_t>(row.Int(12));
      record.sent_at = absl::FromUnixMicros(row.Int(13));
      record.finished_at = row.IsNull(14) ? absl::InfinitePast()
                                          : absl::FromUnixMicros(row.Int(14));
    }
    return records;
  }

  absl::StatusOr<bool> ReferenceUsed(absl::string_view portalid,
                                     absl::string_view reference) override {
    absl::StatusOr<std::vector<SqlRow>> rows = QueryOnce(
        "SELECT 1 FROM requests"
        " WHERE portalid = $1 AND lower(reference) = lower($2)"
        " AND request_type IN ('preauthorization', 'authorization')"
        " AND outcome <> $3 LIMIT 1",
        {portalid, reference, OutcomeName(RequestRecord::Outcome::kNotSent)});
    if (!rows.ok()) return Annotate(rows.status(), "ReferenceUsed");
    return !rows->empty();
  }

  absl::StatusOr<IdempotencyClaim> ClaimIdempotencyKey(
      absl::string_view account, absl::string_view key,
      absl::string_view fingerprint) override {
    IdempotencyClaim claim;
    absl::Status status = database_->InTransaction(
        Serialize::kNone, [&](SqlTransaction& tx) -> absl::Status {
          // The unique key decides between concurrent claimers, in any
          // process; a claim released meanwhile makes the loop try again.
          for (int attempt = 0; attempt < 3; ++attempt) {
            absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
                "INSERT INTO idempotency_keys (account, idempotency_key,"
                " fingerprint, created_at) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT (account, idempotency_key) DO NOTHING"
                " RETURNING 1",
                {account, key, fingerprint, Micros(absl::Now())});
            if (!rows.ok()) return rows.status();
            if (!rows->empty()) {
              claim.kind = IdempotencyClaim::Kind::kClaimed;
              return absl::OkStatus();
            }
            rows = tx.Query(
                "SELECT fingerprint, response FROM idempotency_keys"
                " WHERE account = $1 AND idempotency_key = $2",
                {account, key});
            if (!rows.ok()) return rows.status();
            if (rows->empty()) continue;
            const SqlRow& row = rows->front();
            if (row.Bytes(0) != fingerprint) {
              claim.kind = IdempotencyClaim::Kind::kConflict;
            } else if (row.IsNull(1)) {
              claim.kind = IdempotencyClaim::Kind::kInFlight;
            } else {
              claim.kind = IdempotencyClaim::Kind::kReplay;
              claim.response = row.Bytes(1);
            }
            return absl::OkStatus();
          }
          return absl::AbortedError(
              "the idempotency key was claimed and released repeatedly; retry");
        });
    if (!status.ok()) return Annotate(status, "ClaimIdempotencyKey");
    return claim;
  }

  absl::Status CompleteIdempotencyKey(absl::string_view account,
                                      absl::string_view key,
                                      absl::string_view response) override {
    return Annotate(ExpectOneRow("UPDATE idempotency_keys SET response = $3,"
                                 " completed_at = $4"
                                 " WHERE account = $1 AND idempotency_key = $2"
                                 " RETURNING 1",
                                 {account, key, SqlValue::Blob(response),
                                  Micros(absl::Now())},
                                 "no such idempotency key claimed"),
                    "CompleteIdempotencyKey");
  }

  absl::Status ReleaseIdempotencyKey(absl::string_view account,
                                     absl::string_view key) override {
    absl::Status status = database_->InTransaction(
        Serialize::kNone, [&](SqlTransaction& tx) -> absl::Status {
          absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
              "SELECT response IS NULL FROM idempotency_keys"
              " WHERE account = $1 AND idempotency_key = $2",
              {account, key});
          if (!rows.ok()) return rows.status();
          if (rows->empty()) {
            return absl::NotFoundError("no such idempotency key claimed");
          }
          // A completed key keeps its response: its request was sent.
          if (rows->front().Int(0) == 0) {
            return absl::FailedPreconditionError(
                "the idempotency key is completed; it cannot be released");
          }
          return tx
              .Query(
                  "DELETE FROM idempotency_keys"
                  " WHERE account = $1 AND idempotency_key = $2",
                  {account, key})
              .status();
        });
    return Annotate(status, "ReleaseIdempotencyKey");
  }

  absl::StatusOr<std::vector<ForwardTask>> DueForwards(absl::Time now,
                                                       int limit) override {
    return SelectDueForwards(now, std::nullopt, limit, "DueForwards");
  }

  absl::StatusOr<std::vector<ForwardTask>> LeaseDueForwards(
      absl::Time now, absl::Duration lease, int limit) override {
    return SelectDueForwards(now, now + lease, limit, "LeaseDueForwards");
  }

  absl::Status ForwardDelivered(int64_t id) override {
    return Annotate(ExpectOneRow("UPDATE forward_tasks SET delivered_at = $2"
                                 " WHERE id = $1 RETURNING id",
                                 {id, Micros(absl::Now())},
                                 absl::StrCat("no forward task with id ", id)),
                    "ForwardDelivered");
  }

  absl::Status ForwardFailed(int64_t id, absl::Time next_attempt,
                             absl::string_view error) override {
    return Annotate(
        ExpectOneRow("UPDATE forward_tasks SET attempts = attempts + 1,"
                     " next_attempt = $2, last_error = $3"
                     " WHERE id = $1 RETURNING id",
                     {id, Micros(next_attempt), error},
                     absl::StrCat("no forward task with id ", id)),
        "ForwardFailed");
  }

 private:
  // Runs one statement with RETURNING in its own transaction; NOT_FOUND
  // with `not_found` when it touched no row.
  // Due tasks, oldest first; with `lease_until`, put off to then.
  absl::StatusOr<std::vector<ForwardTask>> SelectDueForwards(
      absl::Time now, std::optional<absl::Time> lease_until, int limit,
      absl::string_view method) {
    if (limit <= 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("ledger ", method, ": limit must be positive"));
    }
    std::string sql =
        "SELECT id, notification_cursor, url, body, attempts, next_attempt"
        " FROM forward_tasks WHERE delivered_at IS NULL AND next_attempt <= $1"
        " ORDER BY next_attempt, id LIMIT $2";
    // A replica leasing at the same moment skips the rows this one locks
    // rather than waiting and leasing them too. (SQLite has one writer.)
    if (lease_until.has_value() &&
        database_->dialect() == SqlDialect::kPostgres) {
      absl::StrAppend(&sql, " FOR UPDATE SKIP LOCKED");
    }
    std::vector<ForwardTask> tasks;
    absl::Status status = database_->InTransaction(
        Serialize::kNone, [&](SqlTransaction& tx) -> absl::Status {
          absl::StatusOr<std::vector<SqlRow>> rows =
              tx.Query(sql, {Micros(now), limit});
          if (!rows.ok()) return rows.status();
          for (const SqlRow& row : *rows) {
            ForwardTask& task = tasks.emplace_back();
            task.id = row.Int(0);
            task.cursor = row.Int(1);
            task.url = row.Bytes(2);
            task.body = row.Bytes(3);
            task.attempts = static_cast<int>(row.Int(4));
            task.next_attempt = absl::FromUnixMicros(row.Int(5));
            if (!lease_until.has_value()) continue;
            absl::Status leased =
                tx.Query(
                      "UPDATE forward_tasks SET next_attempt = $2"
                      " WHERE id = $1",
                      {task.id, Micros(*lease_until)})
                    .status();
            if (!leased.ok()) return leased;
          }
          return absl::OkStatus();
        });
    if (!status.ok()) return Annotate(status, method);
    return tasks;
  }

  // Runs one statement in a transaction of its own.
  absl::StatusOr<std::vector<SqlRow>> QueryOnce(
      absl::string_view sql, std::initializer_list<SqlValue> params) {
    std::vector<SqlRow> rows;
    absl::Status status = database_->InTransaction(
        Serialize::kNone, [&](SqlTransaction& tx) -> absl::Status {
          absl::StatusOr<std::vector<SqlRow>> result = tx.Query(sql, params);
          if (!result.ok()) return result.status();
          rows = *std::move(result);
          return absl::OkStatus();
        });
    if (!status.ok()) return status;
    return rows;
  }

  // QueryOnce for a statement with RETURNING; NOT_FOUND with `not_found`
  // when it touched no row.
  absl::Status ExpectOneRow(absl::string_view sql,
                            std::initializer_list<SqlValue> params,
                            absl::string_view not_found) {
    absl::StatusOr<std::vector<SqlRow>> rows = QueryOnce(sql, params);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return absl::NotFoundError(not_found);
    return absl::OkStatus();
  }

  std::unique_ptr<SqlDatabase> database_;
};

absl::StatusOr<std::unique_ptr<Store>> MigratedStore(
    absl::StatusOr<std::unique_ptr<SqlDatabase>> database) {
  if (!database.ok()) return database.status();
  if (absl::Status status = MigrateSchema(**database); !status.ok()) {
    return status;
  }
  return std::make_unique<SqlStore>(*std::move(database));
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(
    const std::string& path) {
  return MigratedStore(OpenSqliteDatabase(path));
}

absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(
    const std::string& conninfo, int pool_size) {
  return MigratedStore(OpenPostgresDatabase(conninfo, pool_size));
}

}  // namespace payone::service
