#ifndef PAYONE_SERVICE_CONFIG_CONFIG_H_
#define PAYONE_SERVICE_CONFIG_CONFIG_H_

// Loads and checks the gateway's textproto configuration. Every problem is
// reported with the file, line and field it concerns, all at once; secrets
// (portal keys, client tokens) are read from where the file points; only
// digests of client tokens are kept, and the portal key only for the Client
// API hash.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "codec/runtime/codec.h"
#include "service/config/gateway_config.pb.h"

namespace payone::service {

// A merchant account, ready to sign requests.
struct AccountSettings {
  std::string name;
  std::string mid;
  std::string aid;
  std::string portalid;
  std::string mode;
  std::string api_version;
  std::string encoding;  // "UTF-8" or "ISO-8859-1", as sent to PAYONE
  codec::Charset charset = codec::Charset::kUtf8;
  // What PAYONE receives as `key`: hex SHA-384 (or MD5) of the portal key.
  std::string key_digest;
  // What a TransactionStatus notification carries as `key`: hex MD5 of the
  // portal key (PAYONE announced SHA-384, so that is accepted too).
  std::string notification_key_md5;
  std::string notification_key_sha384;
  // The portal key itself: the HMAC key of the Client API `hash`. Secret:
  // never logged, never sent.
  std::string portal_key;
  bool legacy_md5_client_api_hash = false;
  // PSEUDO_CARD_PAN_ONLY: requests with a cardpan or cardcvc2 are refused.
  bool pseudo_card_pan_only = false;
};

struct ClientSettings {
  std::string name;
  std::string token_sha256;  // hex
  bool all_accounts = false;
  absl::flat_hash_set<std::string> accounts;
};

struct Config {
  std::string listen_address;
  std::string metrics_address;  // empty: no metrics endpoint
  payone::gateway::v1::ServerTls tls;
  bool has_tls = false;
  // Upstream, with defaults applied.
  std::string upstream_url;
  std::string upstream_ca_file;
  size_t max_connections = 64;
  absl::Duration connect_timeout = absl::Seconds(5);
  absl::Duration request_timeout = absl::Seconds(60);
  absl::Duration idle_timeout = absl::Seconds(20);
  int io_threads = 2;
  size_t max_response_bytes = 1 << 20;
  // Largest form body sent to PAYONE; a request encoding to more is
  // INVALID_ARGUMENT and never sent.
  size_t max_request_bytes = 256 << 10;
  // PAYONE's Client API as browsers reach it (PayoneClientApi hands it out).
  std::string client_api_url = "https://secure.pay1.de/client-api/";
  absl::Duration shutdown_grace = absl::Seconds(10);
  bool allow_unauthenticated = false;
  absl::flat_hash_map<std::string, AccountSettings> accounts;
  // The ledger; kNone without one.
  enum class LedgerBackend { kNone, kSqlite, kPostgres };
  LedgerBackend ledger_backend = LedgerBackend::kNone;
  std::string ledger_sqlite_path;
  std::string ledger_postgres_conninfo;  // secret: may hold a password
  int ledger_postgres_pool_size = 8;
  int ledger_threads = 4;
  absl::Duration watch_poll_interval = absl::Seconds(1);
  // Open WatchTransactionStatus streams per client; more are
  // RESOURCE_EXHAUSTED.
  int max_watches_per_client = 16;
  // ledger.notification_retention.
  absl::Duration notification_retention = absl::Hours(24 * 30);
  // The TransactionStatus receiver, when has_notifications.
  bool has_notifications = false;
  payone::gateway::v1::NotificationReceiver notifications;
  std::vector<ClientSettings> clients;
};

// Reads an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(absl::string_view)>;
EnvLookup ProcessEnv();

// The whole content of a file (key files, TLS files, the configuration
// itself); nullopt when it cannot be read.
std::optional<std::string> ReadFileContent(const std::string& path);

// Reads the secret files the configuration names (ReadFileContent; a fake
// in tests and the fuzzer).
using FileLookup =
    std::function<std::optional<std::string>(const std::string&)>;

// Parses `text` (the content of `file_name`, which only names it in errors).
// Relative key/token files are resolved against the current directory.
absl::StatusOr<Config> ParseConfig(absl::string_view text,
                                   absl::string_view file_name,
                                   const EnvLookup& env,
                                   const FileLookup& files = ReadFileContent);
absl::StatusOr<Config> LoadConfig(const std::string& path,
                                  const EnvLookup& env);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_CONFIG_CONFIG_H_
