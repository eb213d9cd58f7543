#ifndef PAYONE_SERVICE_STORE_POSTGRES_DATABASE_H_
#define PAYONE_SERVICE_STORE_POSTGRES_DATABASE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "service/store/sql_database.h"

namespace payone::service {

// Connects to PostgreSQL (`conninfo` in libpq's format) with a pool of up to
// `pool_size` connections (one is opened now, to report errors at once).
// Every session commits synchronously. Writers of the notification log and
// schema migrations are serialised across processes with transaction-level
// advisory locks.
absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenPostgresDatabase(
    const std::string& conninfo, int pool_size);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_POSTGRES_DATABASE_H_
