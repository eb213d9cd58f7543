#include "service/store/request_journal.h"

#include <memory>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/store/sql_util.h"

namespace payone::service::request_journal {
namespace {

using codec::LedgerEffect;
using store_internal::Micros;

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

// The names in the requests.ledger_effect column (and in the schema's
// partial unique indexes).
constexpr std::pair<LedgerEffect, absl::string_view> kEffectNames[] = {
    {LedgerEffect::kNone, ""},
    {LedgerEffect::kReserve, "reserve"},
    {LedgerEffect::kAuthorize, "authorize"},
    {LedgerEffect::kCapture, "capture"},
    {LedgerEffect::kRefund, "refund"},
    {LedgerEffect::kDebit, "debit"},
};

absl::string_view EffectName(LedgerEffect effect) {
  for (const auto& [value, name] : kEffectNames) {
    if (value == effect) return name;
  }
  return "";
}

absl::StatusOr<LedgerEffect> EffectFromName(absl::string_view name) {
  for (const auto& [value, text] : kEffectNames) {
    if (text == name) return value;
  }
  return absl::DataLossError(
      absl::StrCat("unknown ledger effect in the ledger: ", name));
}

}  // namespace

namespace {

constexpr char kRequestsInsert[] =
    "requests (account, portalid, request_type, ledger_effect, txid,"
    " reference, sequencenumber, amount, currency, capturemode, outcome,"
    " status, errorcode, sent_at)";

std::vector<SqlTransaction::OwnedValue> RequestRow(
    const RequestRecord& record) {
  const absl::Time sent_at =
      record.sent_at == absl::Time() ? absl::Now() : record.sent_at;
  SqlTransaction::OwnedValue sequencenumber;
  if (record.sequencenumber.has_value()) {
    sequencenumber = int64_t{*record.sequencenumber};
  }
  return {record.account,
          record.portalid,
          record.request_type,
          std::string(EffectName(record.effect)),
          record.txid,
          record.reference,
          std::move(sequencenumber),
          record.amount,
          record.currency,
          record.capturemode,
          std::string(OutcomeName(RequestRecord::Outcome::kSending)),
          std::string(),
          int64_t{0},
          Micros(sent_at)};
}

}  // namespace

absl::StatusOr<int64_t> Begin(SqlTransaction& tx, const RequestRecord& record) {
  absl::StatusOr<std::vector<int64_t>> ids =
      InsertRowsReturningIds(tx, kRequestsInsert, {RequestRow(record)});
  if (!ids.ok()) return ids.status();
  return ids->front();
}

absl::Status BeginLater(SqlTransaction& tx, const RequestRecord& record,
                        std::function<void(int64_t)> recorded) {
  return tx.InsertReturningId(kRequestsInsert, RequestRow(record),
                              std::move(recorded));
}

absl::Status Finish(SqlTransaction& tx, int64_t id,
                    RequestRecord::Outcome outcome, absl::string_view status,
                    int32_t errorcode, absl::string_view txid) {
  RequestOutcome one;
  one.id = id;
  one.outcome = outcome;
  one.status = std::string(status);
  one.errorcode = errorcode;
  one.txid = std::string(txid);
  absl::StatusOr<std::vector<bool>> found = FinishMany(tx, {one});
  if (!found.ok()) return found.status();
  if (!found->front()) {
    return absl::NotFoundError(absl::StrCat("no request with id ", id));
  }
  return absl::OkStatus();
}

namespace {

// UPDATE ... FROM a derived table of the outcomes (PostgreSQL; SQLite
// takes FinishEachRow); one text per count, prepared once each.
absl::Status FinishStatement(absl::Span<const RequestOutcome> outcomes,
                             std::string& sql,
                             std::vector<SqlTransaction::OwnedValue>& params) {
  std::string rows;
  params.reserve(6 * outcomes.size());
  const int64_t now = Micros(absl::Now());
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const RequestOutcome& o = outcomes[i];
    if (o.outcome == RequestRecord::Outcome::kSending) {
      return absl::InvalidArgumentError("the outcome must not be kSending");
    }
    const size_t n = 6 * i;
    absl::StrAppend(&rows, i == 0 ? "" : " UNION ALL ", "SELECT $", n + 1,
                    " AS id, $", n + 2, " AS outcome, $", n + 3,
                    " AS status, $", n + 4, " AS errorcode, $", n + 5,
                    " AS finished_at, $", n + 6, " AS txid");
    params.insert(params.end(), {o.id, std::string(OutcomeName(o.outcome)),
                                 o.status, int64_t{o.errorcode}, now, o.txid});
  }
  sql = absl::StrCat(
      "UPDATE requests SET outcome = v.outcome, status = v.status,"
      " errorcode = v.errorcode, finished_at = v.finished_at,"
      " txid = CASE WHEN v.txid = '' THEN requests.txid ELSE v.txid END"
      " FROM (",
      rows, ") AS v WHERE requests.id = v.id RETURNING requests.id");
  return absl::OkStatus();
}

// Which of `outcomes` the UPDATE found, from the ids it returned.
std::vector<bool> Found(absl::Span<const RequestOutcome> outcomes,
                        const std::vector<SqlRow>& updated) {
  absl::flat_hash_set<int64_t> found;
  for (const SqlRow& row : updated) found.insert(row.Int(0));
  std::vector<bool> result;
  result.reserve(outcomes.size());
  for (const RequestOutcome& o : outcomes) {
    result.push_back(found.contains(o.id));
  }
  return result;
}

// One outcome by primary key; `$1` is the id.
constexpr char kFinishById[] =
    "UPDATE requests SET outcome = $2, status = $3, errorcode = $4,"
    " finished_at = $5,"
    " txid = CASE WHEN $6 = '' THEN txid ELSE $6 END WHERE id = $1";

// SQLite (no round trips to save): one cached statement per outcome,
// without RETURNING, which makes SQLite build a temporary table per run.
absl::StatusOr<std::vector<bool>> FinishEachRow(
    SqlTransaction& tx, absl::Span<const RequestOutcome> outcomes) {
  const int64_t now = Micros(absl::Now());
  std::vector<bool> result;
  result.reserve(outcomes.size());
  for (const RequestOutcome& o : outcomes) {
    if (o.outcome == RequestRecord::Outcome::kSending) {
      return absl::InvalidArgumentError("the outcome must not be kSending");
    }
    absl::StatusOr<int64_t> changed = tx.Change(
        kFinishById,
        {o.id, OutcomeName(o.outcome), o.status, o.errorcode, now, o.txid});
    if (!changed.ok()) return changed.status();
    result.push_back(*changed > 0);
  }
  return result;
}

}  // namespace

absl::StatusOr<std::vector<bool>> FinishMany(
    SqlTransaction& tx, absl::Span<const RequestOutcome> outcomes) {
  if (outcomes.empty()) return std::vector<bool>();
  if (!tx.round_trips()) return FinishEachRow(tx, outcomes);
  std::string sql;
  std::vector<SqlTransaction::OwnedValue> params;
  if (absl::Status s = FinishStatement(outcomes, sql, params); !s.ok()) {
    return s;
  }
  absl::StatusOr<std::vector<SqlRow>> updated =
      tx.Query(sql, SqlValuesOf(params));
  if (!updated.ok()) return updated.status();
  return Found(outcomes, *updated);
}

absl::Status FinishManyLater(
    SqlTransaction& tx, std::vector<RequestOutcome> outcomes,
    std::function<void(absl::StatusOr<std::vector<bool>>)> found) {
  if (outcomes.empty()) {
    found(std::vector<bool>());
    return absl::OkStatus();
  }
  if (!tx.round_trips()) {
    absl::StatusOr<std::vector<bool>> finished = FinishEachRow(tx, outcomes);
    absl::Status status = finished.status();
    found(std::move(finished));
    return status;
  }
  // One statement per outcome, by primary key, all sent together: one text
  // that PostgreSQL plans once per connection, always by the index (a join
  // with the outcomes was planned anew per count and, on a young table, as
  // a sequential scan of every request).
  struct Tally {
    std::vector<bool> found;
    size_t pending = 0;
    absl::Status error;
    std::function<void(absl::StatusOr<std::vector<bool>>)> done;
  };
  auto tally = std::make_shared<Tally>();
  tally->found.assign(outcomes.size(), false);
  tally->pending = outcomes.size();
  tally->done = std::move(found);
  const int64_t now = Micros(absl::Now());
  for (size_t i = 0; i < outcomes.size(); ++i) {
    RequestOutcome& o = outcomes[i];
    if (o.outcome == RequestRecord::Outcome::kSending) {
      return absl::InvalidArgumentError("the outcome must not be kSending");
    }
    absl::Status queued = tx.QueryLater(
        absl::StrCat(kFinishById, " RETURNING id"),
        {o.id, std::string(OutcomeName(o.outcome)), std::move(o.status),
         int64_t{o.errorcode}, now, std::move(o.txid)},
        [tally, i](absl::StatusOr<std::vector<SqlRow>> updated) {
          if (!updated.ok()) {
            if (tally->error.ok()) tally->error = updated.status();
          } else {
            tally->found[i] = !updated->empty();
          }
          if (--tally->pending > 0) return;
          if (tally->error.ok()) {
            tally->done(std::move(tally->found));
          } else {
            tally->done(tally->error);
          }
        });
    if (!queued.ok()) return queued;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<RequestRecord>> ListProcess(
    SqlTransaction& tx, absl::string_view account, absl::string_view txid) {
  absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
      "SELECT id, account, portalid, request_type, ledger_effect, txid,"
      " reference, sequencenumber, amount, currency, capturemode, outcome,"
      " status, errorcode, sent_at, finished_at"
      " FROM requests WHERE account = $1 AND txid = $2 ORDER BY id",
      {account, txid});
  if (!rows.ok()) return rows.status();
  std::vector<RequestRecord> records;
  records.reserve(rows->size());
  for (const SqlRow& row : *rows) {
    RequestRecord& record = records.emplace_back();
    record.id = row.Int(0);
    record.account = row.Bytes(1);
    record.portalid = row.Bytes(2);
    record.request_type = row.Bytes(3);
    absl::StatusOr<LedgerEffect> effect = EffectFromName(row.Bytes(4));
    if (!effect.ok()) return effect.status();
    record.effect = *effect;
    record.txid = row.Bytes(5);
    record.reference = row.Bytes(6);
    if (!row.IsNull(7))
      record.sequencenumber = static_cast<int32_t>(row.Int(7));
    record.amount = row.Int(8);
    record.currency = row.Bytes(9);
    record.capturemode = row.Bytes(10);
    absl::StatusOr<RequestRecord::Outcome> outcome =
        OutcomeFromName(row.Bytes(11));
    if (!outcome.ok()) return outcome.status();
    record.outcome = *outcome;
    record.status = row.Bytes(12);
    record.errorcode = static_cast<int32_t>(row.Int(13));
    record.sent_at = absl::FromUnixMicros(row.Int(14));
    record.finished_at = row.IsNull(15) ? absl::InfinitePast()
                                        : absl::FromUnixMicros(row.Int(15));
  }
  return records;
}

}  // namespace payone::service::request_journal
