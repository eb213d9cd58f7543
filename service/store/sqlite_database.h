#ifndef PAYONE_SERVICE_STORE_SQLITE_DATABASE_H_
#define PAYONE_SERVICE_STORE_SQLITE_DATABASE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "service/store/sql_database.h"

namespace payone::service {

// Opens (creating it if needed) the SQLite database file at `path`: WAL
// journal, synchronous=FULL (a commit survives kill -9 and power loss),
// foreign keys on, a busy timeout for other processes' locks. One connection
// under a mutex serves every thread.
absl::StatusOr<std::unique_ptr<SqlDatabase>> OpenSqliteDatabase(
    const std::string& path);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_SQLITE_DATABASE_H_
