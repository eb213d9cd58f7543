#include "service/store/idempotency_keys.h"

#include "absl/time/clock.h"
#include "service/store/sql_util.h"

namespace payone::service::idempotency_keys {

using store_internal::ExpectOneRow;
using store_internal::Micros;

absl::StatusOr<IdempotencyClaim> Find(SqlTransaction& tx,
                                      absl::string_view account,
                                      absl::string_view key,
                                      absl::string_view fingerprint) {
  absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
      "SELECT fingerprint, response FROM idempotency_keys"
      " WHERE account = $1 AND idempotency_key = $2",
      {account, key});
  if (!rows.ok()) return rows.status();
  IdempotencyClaim claim;
  if (rows->empty()) {
    claim.kind = IdempotencyClaim::Kind::kClaimed;
    return claim;
  }
  const SqlRow& row = rows->front();
  if (row.Bytes(0) != fingerprint) {
    claim.kind = IdempotencyClaim::Kind::kConflict;
  } else if (row.IsNull(1)) {
    claim.kind = IdempotencyClaim::Kind::kInFlight;
  } else {
    claim.kind = IdempotencyClaim::Kind::kReplay;
    claim.response = row.Bytes(1);
  }
  return claim;
}

absl::StatusOr<IdempotencyClaim> Claim(SqlTransaction& tx,
                                       absl::string_view account,
                                       absl::string_view key,
                                       absl::string_view fingerprint) {
  // The primary key decides between claimers the caller's locks did not
  // serialise: a conflicting insert waits for the other to commit.
  absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
      "INSERT INTO idempotency_keys (account, idempotency_key,"
      " fingerprint, created_at) VALUES ($1, $2, $3, $4)"
      " ON CONFLICT (account, idempotency_key) DO NOTHING RETURNING 1",
      {account, key, fingerprint, Micros(absl::Now())});
  if (!rows.ok()) return rows.status();
  if (!rows->empty()) return IdempotencyClaim();  // kClaimed
  absl::StatusOr<IdempotencyClaim> found = Find(tx, account, key, fingerprint);
  if (found.ok() && found->kind == IdempotencyClaim::Kind::kClaimed) {
    return absl::AbortedError("an idempotency key vanished meanwhile; retry");
  }
  return found;
}

absl::Status Complete(SqlTransaction& tx, absl::string_view account,
                      absl::string_view key, absl::string_view response) {
  return ExpectOneRow(
      tx,
      "UPDATE idempotency_keys SET response = $3,"
      " completed_at = $4"
      " WHERE account = $1 AND idempotency_key = $2"
      " RETURNING 1",
      {account, key, SqlValue::Blob(response), Micros(absl::Now())},
      "no such idempotency key claimed");
}

absl::Status Release(SqlTransaction& tx, absl::string_view account,
                     absl::string_view key) {
  absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
      "DELETE FROM idempotency_keys"
      " WHERE account = $1 AND idempotency_key = $2 AND response IS NULL"
      " RETURNING 1",
      {account, key});
  if (!rows.ok()) return rows.status();
  if (!rows->empty()) return absl::OkStatus();
  absl::StatusOr<IdempotencyClaim> found = Find(tx, account, key, "");
  if (!found.ok()) return found.status();
  if (found->kind == IdempotencyClaim::Kind::kClaimed) {
    return absl::NotFoundError("no such idempotency key claimed");
  }
  // A completed key keeps its response: its request was sent.
  return absl::FailedPreconditionError(
      "the idempotency key is completed; it cannot be released");
}

}  // namespace payone::service::idempotency_keys
