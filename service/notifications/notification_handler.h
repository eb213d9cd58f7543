#ifndef PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_HANDLER_H_
#define PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_HANDLER_H_

// What the TransactionStatus receiver decides, without the HTTP transport:
// CheckHead() answers what the request line and headers settle (sender,
// path, method, declared size) before the body is read; Process() decodes,
// verifies, stores and answers "TSOK" only once the store said OK. Every
// decision is counted and logged as one JSON line.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "service/config/gateway_config.pb.h"
#include "service/notifications/ip_allow_list.h"
#include "service/store/notification_log.h"

namespace payone::service {

// A gateway account as far as notifications are concerned.
struct NotificationAccount {
  std::string name;
  std::string portalid;
  std::string aid;
  // The `key` a notification carries: lower-case hex MD5 of the portal key,
  // or (announced by PAYONE) its hex SHA-384. Empty: not accepted.
  std::string key_md5_hex;
  std::string key_sha384_hex;
};

struct NotificationHandlerOptions {
  // The configuration's `notifications` section, its defaults declared on
  // its fields. The handler reads `path` (POSTs go there, or to path + "/" +
  // account name, which then accepts only that account's notifications),
  // `allowed_sources` (who may post; empty: PAYONE's published ranges,
  // PayoneSenderRanges(), since a repeated field cannot declare a default),
  // `trusted_proxies` (whose X-Forwarded-For is believed), `max_body_bytes`
  // and `forward_urls` (every stored notification is queued for re-posting
  // to them).
  payone::gateway::v1::NotificationReceiver config;
  // One JSON line per request (never the key, the body or personal data).
  // Unset: stderr.
  std::function<void(const std::string&)> log_sink;
  std::function<absl::Time()> clock = [] { return absl::Now(); };
};

// Why a request was not answered TSOK; also the `reason` of its log line.
enum class RefusalReason {
  kSenderNotAllowed,  // 403
  kNotFound,          // 404: other path, or unknown account in the path
  kMethodNotAllowed,  // 405
  kTooLarge,          // 413
  kMalformed,         // 400: not a form PAYONE sends (notification_parser.h)
  kUnknownAccount,    // 403: no account with that portalid/aid
  kWrongKey,          // 403
  kStoreFailed,       // 503: PAYONE will retry
};
inline constexpr int kRefusalReasonCount = 8;
// "sender_not_allowed", "not_found", ...
const char* RefusalReasonName(RefusalReason reason);

struct NotificationStats {
  uint64_t received = 0;   // requests decided (any outcome)
  uint64_t stored = 0;     // new notifications stored (answered TSOK)
  uint64_t duplicate = 0;  // retries recognised (answered TSOK)
  // Of `stored`: signed notifications the model could not decode, stored
  // raw.
  uint64_t undecoded = 0;
  // Admitted requests whose Content-Type was missing or not
  // application/x-www-form-urlencoded. Still judged by their body: PAYONE's
  // signature, not a header, decides.
  uint64_t unexpected_content_type = 0;
  std::map<std::string, uint64_t> refused;  // by RefusalReasonName, all
};

struct RequestHead {
  std::string method;
  std::string target;                      // path and query
  IpAddress peer;                          // the TCP peer
  std::vector<std::string> forwarded_for;  // X-Forwarded-For values
  std::optional<uint64_t> content_length;
  std::optional<std::string> content_type;  // unset: no header
  absl::Time started;  // when the head arrived, for the latency
};

// Whether a Content-Type header names the media type PAYONE posts
// (application/x-www-form-urlencoded, any parameters, any case).
bool IsFormContentType(const std::optional<std::string>& content_type);
// Letters and "/.+-" of the media type, lower case, at most 64: never a
// digit of whatever else the sender put there.
std::string LoggableMediaType(absl::string_view content_type);

// A request whose head passed; Process() finishes it.
struct AdmittedRequest {
  IpAddress sender;
  std::string account;  // from the path; empty: any account
  absl::Time started;
  // Set when the Content-Type is not the form PAYONE posts: its media type
  // as LoggableMediaType shows it, or "(none)".
  std::optional<std::string> unexpected_content_type;
};

struct NotificationReply {
  int status = 200;
  std::string body;                // "TSOK" only when stored
  bool allow_post_header = false;  // 405 says what is allowed
};

class NotificationHandler {
 public:
  // Fails on a bad CIDR, a path that does not start with '/', or accounts
  // without a key.
  static absl::StatusOr<std::unique_ptr<NotificationHandler>> Create(
      NotificationHandlerOptions options,
      std::vector<NotificationAccount> accounts, NotificationLog* store,
      std::function<void(int64_t cursor)> on_stored);

  // A reply refuses the request before its body is read; otherwise
  // `admitted` is filled in for Process().
  std::optional<NotificationReply> CheckHead(const RequestHead& head,
                                             AdmittedRequest* admitted);
  // For a body that turned out larger than max_body_bytes while reading.
  NotificationReply BodyTooLarge(const AdmittedRequest& admitted);
  // Blocks on the store.
  NotificationReply Process(const AdmittedRequest& admitted,
                            const std::string& body);

  // Replaces the accounts (a reloaded configuration); a notification being
  // processed keeps the ones it started with. Fails, changing nothing, on an
  // account without a key.
  absl::Status SetAccounts(std::vector<NotificationAccount> accounts);

  NotificationStats Stats() const;
  size_t max_body_bytes() const { return options_.config.max_body_bytes(); }

 private:
  struct Outcome;
  // The accounts and their index, swapped whole by SetAccounts.
  struct Accounts {
    std::vector<NotificationAccount> list;
    // "portalid/aid" -> indexes into list.
    absl::flat_hash_map<std::string, std::vector<size_t>> by_portal;
  };
  static absl::StatusOr<std::shared_ptr<const Accounts>> IndexAccounts(
      std::vector<NotificationAccount> accounts);
  std::shared_ptr<const Accounts> CurrentAccounts() const;

  NotificationHandler(NotificationHandlerOptions options,
                      std::shared_ptr<const Accounts> accounts,
                      IpAllowList allowed, IpAllowList proxies,
                      NotificationLog* store,
                      std::function<void(int64_t)> on_stored);
  NotificationReply Refuse(RefusalReason reason, Outcome& outcome);
  void Log(const Outcome& outcome);

  const NotificationHandlerOptions options_;
  // options_.config's, as NotificationLog::Append takes them.
  const std::vector<std::string> forward_urls_;
  mutable absl::Mutex accounts_mu_;
  std::shared_ptr<const Accounts> accounts_ ABSL_GUARDED_BY(accounts_mu_);
  const IpAllowList allowed_;
  const IpAllowList proxies_;
  NotificationLog* const store_;
  const std::function<void(int64_t)> on_stored_;

  std::atomic<uint64_t> received_{0};
  std::atomic<uint64_t> stored_{0};
  std::atomic<uint64_t> duplicate_{0};
  std::atomic<uint64_t> undecoded_{0};
  std::atomic<uint64_t> unexpected_content_type_{0};
  std::array<std::atomic<uint64_t>, kRefusalReasonCount> refused_{};
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_HANDLER_H_
