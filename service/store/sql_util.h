#ifndef PAYONE_SERVICE_STORE_SQL_UTIL_H_
#define PAYONE_SERVICE_STORE_SQL_UTIL_H_

// Small helpers shared by the ledger's tables.

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "service/store/sql_database.h"

namespace payone::service::store_internal {

// A method's name in front of the database's message (never values).
inline absl::Status Annotate(const absl::Status& status,
                             absl::string_view method) {
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat("ledger ", method, ": ", status.message()));
}

inline int64_t Micros(absl::Time time) { return absl::ToUnixMicros(time); }

inline SqlValue OptionalInt(const std::optional<int32_t>& value) {
  return value.has_value() ? SqlValue(*value) : SqlValue();
}

// Runs a statement with RETURNING; NOT_FOUND with `not_found` when it
// touched no row.
inline absl::Status ExpectOneRow(SqlTransaction& tx, absl::string_view sql,
                                 std::initializer_list<SqlValue> params,
                                 absl::string_view not_found) {
  absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(sql, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return absl::NotFoundError(not_found);
  return absl::OkStatus();
}

}  // namespace payone::service::store_internal

#endif  // PAYONE_SERVICE_STORE_SQL_UTIL_H_
