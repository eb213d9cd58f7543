#ifndef PAYONE_SERVICE_STORE_SCHEMA_H_
#define PAYONE_SERVICE_STORE_SCHEMA_H_

// The ledger's schema as a versioned list of migrations, the same for SQLite
// and PostgreSQL but for a few dialect words. Applied versions are recorded
// in schema_migrations (version, description, applied_at).

#include <cstdint>

#include "absl/status/status.h"
#include "service/store/sql_database.h"

namespace payone::service {

// The newest schema version this code knows.
int64_t LatestSchemaVersion();

// Applies every migration the database lacks, each once, in its own
// transaction, serialised with other processes doing the same. Fails with
// FAILED_PRECONDITION when the database has a newer version than this code
// knows (a newer gateway migrated it).
// `up_to` stops at that version (for tests of a migration).
absl::Status MigrateSchema(SqlDatabase& database,
                           int64_t up_to = LatestSchemaVersion());

}  // namespace payone::service

#endif  // PAYONE_SERVICE_STORE_SCHEMA_H_
