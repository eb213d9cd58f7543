#ifndef PAYONE_SERVICE_STORE_REQUEST_JOURNAL_H_
#define PAYONE_SERVICE_STORE_REQUEST_JOURNAL_H_

// The requests the gateway sent to PAYONE and what came of them. Functions
// over a transaction, so that the ledger combines them with idempotency
// keys and notifications into one atomic admission. The schema backs the
// ledger's promises: one (pre)authorization per portal and case-folded
// reference, one follow-up per payment process and sequence number (both
// not counting requests certainly not sent or refused with ERROR).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "service/store/records.h"
#include "service/store/sql_database.h"

namespace payone::service::request_journal {

// Records `record` (outcome kSending; a zero sent_at means now); returns its
// id. ALREADY_EXISTS when its reference or sequence number is taken.
absl::StatusOr<int64_t> Begin(SqlTransaction& tx, const RequestRecord& record);
// Begin through SqlTransaction::InsertReturningId: in a batch of the ledger
// database, one statement records the batch's requests; `recorded` gets the
// id. ALREADY_EXISTS may then fail the batch's next Query or its commit.
absl::Status BeginLater(SqlTransaction& tx, const RequestRecord& record,
                        std::function<void(int64_t)> recorded);

// Records the outcome; `txid` (when not empty) replaces the stored one (a
// preauthorization learns its txid from the answer).
absl::Status Finish(SqlTransaction& tx, int64_t id,
                    RequestRecord::Outcome outcome, absl::string_view status,
                    int32_t errorcode, absl::string_view txid);

// The outcome of one request, for FinishMany.
struct RequestOutcome {
  int64_t id = 0;
  RequestRecord::Outcome outcome = RequestRecord::Outcome::kUnknown;
  std::string status;
  int32_t errorcode = 0;
  std::string txid;
};

// Finish for many requests in one statement (one round trip): for each
// outcome, whether its request was found (false: NOT_FOUND for it alone).
absl::StatusOr<std::vector<bool>> FinishMany(
    SqlTransaction& tx, absl::Span<const RequestOutcome> outcomes);

// FinishMany through SqlTransaction::QueryLater: `found` hears which were
// found, or the statement's error, when it ran (PostgreSQL: with the
// commit, in its round trip).
absl::Status FinishManyLater(
    SqlTransaction& tx, std::vector<RequestOutcome> outcomes,
    std::function<void(absl::StatusOr<std::vector<bool>>)> found);

// Every request of one payment process, oldest first.
absl::StatusOr<std::vector<RequestRecord>> ListProcess(
    SqlTransaction& tx, absl::string_view account, absl::string_view txid);

}  // namespace payone::service::request_journal

#endif  // PAYONE_SERVICE_STORE_REQUEST_JOURNAL_H_
