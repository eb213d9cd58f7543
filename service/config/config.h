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
#include "google/protobuf/message.h"
#include "service/config/gateway_config.pb.h"

namespace payone::service {

// A merchant account, ready to sign requests: its section of the file and
// what the loader derives from it.
struct AccountSettings {
  // name, mid, aid, portalid, mode, api_version, encoding (exactly
  // "UTF-8" or "ISO-8859-1", as sent to PAYONE), card_data,
  // legacy_md5_client_api_hash.
  payone::gateway::v1::Account file;
  codec::Charset charset = codec::Charset::kUtf8;  // of file.encoding()
  // What PAYONE receives as `key`: hex SHA-384 (or MD5) of the portal key.
  std::string key_digest;
  // What a TransactionStatus notification carries as `key`: hex MD5 of the
  // portal key (PAYONE announced SHA-384, so that is accepted too).
  std::string notification_key_md5;
  std::string notification_key_sha384;
  // The portal key itself: the HMAC key of the Client API `hash`. Secret:
  // never logged, never sent.
  std::string portal_key;
};

struct ClientSettings {
  std::string name;
  std::string token_sha256;  // hex
  bool all_accounts = false;
  absl::flat_hash_set<std::string> accounts;
};

// A loaded configuration. Components read their own section of `file`
// (defaults come from gateway_config.proto itself, see ConfigDuration); the
// rest is what the loader derives from it: signing-ready accounts, token
// digests, the ledger's connection string.
struct Config {
  payone::gateway::v1::GatewayConfig file;
  absl::flat_hash_map<std::string, AccountSettings> accounts;
  std::vector<ClientSettings> clients;
  // ledger.postgres_conninfo_env/_file resolved; secret: may hold a password.
  std::string ledger_postgres_conninfo;
};

// The value of the google.protobuf.Duration field `field_number` of
// `section`, or its (default_duration) when unset, e.g.
// ConfigDuration(file.upstream(), Upstream::kConnectTimeoutFieldNumber).
absl::Duration ConfigDuration(const google::protobuf::Message& section,
                              int field_number);

// The /metrics address; empty when metrics_address is "off".
std::string MetricsAddress(const payone::gateway::v1::GatewayConfig& file);

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

// Changes the parsed file before it is checked (command-line overrides, the
// development launcher's simulator address).
using AdjustConfig = std::function<void(payone::gateway::v1::GatewayConfig*)>;

// Parses `text` (the content of `file_name`, which only names it in errors).
// Relative key/token files are resolved against the current directory.
absl::StatusOr<Config> ParseConfig(absl::string_view text,
                                   absl::string_view file_name,
                                   const EnvLookup& env,
                                   const FileLookup& files = ReadFileContent,
                                   const AdjustConfig& adjust = nullptr);
absl::StatusOr<Config> LoadConfig(const std::string& path, const EnvLookup& env,
                                  const AdjustConfig& adjust = nullptr);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_CONFIG_CONFIG_H_
