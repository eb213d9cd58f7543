#ifndef PAYONE_SERVICE_STORE_IDEMPOTENCY_KEYS_H_
#define PAYONE_SERVICE_STORE_IDEMPOTENCY_KEYS_H_

// Idempotency keys (scoped per account): a key is claimed with the
// fingerprint of its request before the request is sent, completed with the
// response that replays return, or released when the request was certainly
// not sent. Functions over a transaction, so that the ledger combines them
// with its checks into one atomic admission.

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "service/store/records.h"
#include "service/store/sql_database.h"

namespace payone::service::idempotency_keys {

// What the key holds: kClaimed when it is new (and now claimed for
// `fingerprint`), else what an earlier claim left.
absl::StatusOr<IdempotencyClaim> Claim(SqlTransaction& tx,
                                       absl::string_view account,
                                       absl::string_view key,
                                       absl::string_view fingerprint);
// What the key holds, without claiming: kClaimed when it is new.
absl::StatusOr<IdempotencyClaim> Find(SqlTransaction& tx,
                                      absl::string_view account,
                                      absl::string_view key,
                                      absl::string_view fingerprint);
// Stores the response that replays return.
absl::Status Complete(SqlTransaction& tx, absl::string_view account,
                      absl::string_view key, absl::string_view response);
// Forgets a claim whose request was certainly not sent.
absl::Status Release(SqlTransaction& tx, absl::string_view account,
                     absl::string_view key);

}  // namespace payone::service::idempotency_keys

#endif  // PAYONE_SERVICE_STORE_IDEMPOTENCY_KEYS_H_
