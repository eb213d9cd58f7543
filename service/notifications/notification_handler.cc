#include "service/notifications/notification_handler.h"

#include <cstdio>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "codec/runtime/codec.h"
#include "payone/v1/notification.payone.h"
#include "service/common/json_string.h"
#include "service/config/hex_digest.h"
#include "service/notifications/notification_parser.h"

namespace payone::service {
namespace {

// The event as PAYONE named it, also when the model does not know it.
std::string TxactionText(
    const payone::v1::TransactionStatusNotification& notification) {
  if (notification.txaction() != payone::v1::TRANSACTION_ACTION_UNSPECIFIED) {
    return std::string(codec::PayoneEnum<payone::v1::TransactionAction>::ToWire(
        notification.txaction()));
  }
  const auto sent = notification.other_parameters().find("txaction");
  return sent == notification.other_parameters().end() ? "" : sent->second;
}

std::string PortalKey(absl::string_view portalid, absl::string_view aid) {
  return absl::StrCat(portalid, "/", aid);
}

}  // namespace

// The media type of a Content-Type for the log: the header is the sender's
// text and may hold anything (a card number, a key), so only letters and
// "/.+-" are kept (no digit, hence no card number, IBAN or key), lower case,
// at most 64 of them.
std::string LoggableMediaType(absl::string_view content_type) {
  constexpr size_t kShownBytes = 64;
  std::string shown;
  for (const char c : content_type.substr(0, content_type.find(';'))) {
    if (shown.size() == kShownBytes) break;
    if (absl::ascii_isalpha(c) || c == '/' || c == '.' || c == '+' ||
        c == '-') {
      shown += absl::ascii_tolower(c);
    }
  }
  return shown.empty() ? "(unreadable)" : shown;
}

bool IsFormContentType(const std::optional<std::string>& content_type) {
  if (!content_type) return false;
  absl::string_view media = *content_type;
  media = absl::StripAsciiWhitespace(media.substr(0, media.find(';')));
  return absl::EqualsIgnoreCase(media, "application/x-www-form-urlencoded");
}

const char* RefusalReasonName(RefusalReason reason) {
  switch (reason) {
    case RefusalReason::kSenderNotAllowed:
      return "sender_not_allowed";
    case RefusalReason::kNotFound:
      return "not_found";
    case RefusalReason::kMethodNotAllowed:
      return "method_not_allowed";
    case RefusalReason::kTooLarge:
      return "too_large";
    case RefusalReason::kMalformed:
      return "malformed";
    case RefusalReason::kUnknownAccount:
      return "unknown_account";
    case RefusalReason::kWrongKey:
      return "wrong_key";
    case RefusalReason::kStoreFailed:
      return "store_failed";
  }
  return "unknown";
}

// What one request came to; becomes its log line.
struct NotificationHandler::Outcome {
  absl::Time started;
  std::string sender;
  const char* result = "refused";  // accepted, duplicate, refused
  std::optional<RefusalReason> reason;
  int status = 0;
  std::string account;
  std::string portalid;
  std::string aid;
  std::string txid;
  std::string txaction;
  std::optional<int32_t> sequencenumber;
  int64_t cursor = 0;
  // Why the body was malformed or could not be decoded (names a parameter,
  // never a value).
  std::string problem;
  std::string unexpected_content_type;
};

absl::StatusOr<std::unique_ptr<NotificationHandler>>
NotificationHandler::Create(NotificationHandlerOptions options,
                            std::vector<NotificationAccount> accounts,
                            NotificationLog* store,
                            std::function<void(int64_t cursor)> on_stored) {
  const auto& config = options.config;
  if (!absl::StartsWith(config.path(), "/")) {
    return absl::InvalidArgumentError(
        absl::StrCat("notification path must start with '/': ", config.path()));
  }
  const std::vector<std::string> allowed_sources =
      config.allowed_sources().empty()
          ? PayoneSenderRanges()
          : std::vector<std::string>(config.allowed_sources().begin(),
                                     config.allowed_sources().end());
  absl::StatusOr<IpAllowList> allowed = IpAllowList::Parse(allowed_sources);
  if (!allowed.ok()) return allowed.status();
  absl::StatusOr<IpAllowList> proxies =
      IpAllowList::Parse(std::vector<std::string>(
          config.trusted_proxies().begin(), config.trusted_proxies().end()));
  if (!proxies.ok()) return proxies.status();
  absl::StatusOr<std::shared_ptr<const Accounts>> indexed =
      IndexAccounts(std::move(accounts));
  if (!indexed.ok()) return indexed.status();
  return std::unique_ptr<NotificationHandler>(new NotificationHandler(
      std::move(options), *std::move(indexed), *std::move(allowed),
      *std::move(proxies), store, std::move(on_stored)));
}

absl::StatusOr<std::shared_ptr<const NotificationHandler::Accounts>>
NotificationHandler::IndexAccounts(std::vector<NotificationAccount> accounts) {
  auto indexed = std::make_shared<Accounts>();
  for (NotificationAccount& account : accounts) {
    if (account.key_md5_hex.empty() && account.key_sha384_hex.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "account ", account.name, " has no notification key digest"));
    }
    absl::AsciiStrToLower(&account.key_md5_hex);
    absl::AsciiStrToLower(&account.key_sha384_hex);
  }
  indexed->list = std::move(accounts);
  for (size_t i = 0; i < indexed->list.size(); ++i) {
    const NotificationAccount& account = indexed->list[i];
    indexed->by_portal[PortalKey(account.portalid, account.aid)].push_back(i);
  }
  return indexed;
}

NotificationHandler::NotificationHandler(
    NotificationHandlerOptions options,
    std::shared_ptr<const Accounts> accounts, IpAllowList allowed,
    IpAllowList proxies, NotificationLog* store,
    std::function<void(int64_t)> on_stored)
    : options_(std::move(options)),
      forward_urls_(options_.config.forward_urls().begin(),
                    options_.config.forward_urls().end()),
      accounts_(std::move(accounts)),
      allowed_(std::move(allowed)),
      proxies_(std::move(proxies)),
      store_(store),
      on_stored_(std::move(on_stored)) {}

absl::Status NotificationHandler::SetAccounts(
    std::vector<NotificationAccount> accounts) {
  absl::StatusOr<std::shared_ptr<const Accounts>> indexed =
      IndexAccounts(std::move(accounts));
  if (!indexed.ok()) return indexed.status();
  // The old accounts are freed outside the lock.
  std::shared_ptr<const Accounts> old;
  absl::MutexLock lock(&accounts_mu_);
  old = std::exchange(accounts_, *std::move(indexed));
  return absl::OkStatus();
}

std::shared_ptr<const NotificationHandler::Accounts>
NotificationHandler::CurrentAccounts() const {
  absl::MutexLock lock(&accounts_mu_);
  return accounts_;
}

std::optional<NotificationReply> NotificationHandler::CheckHead(
    const RequestHead& head, AdmittedRequest* admitted) {
  Outcome outcome;
  outcome.started = head.started;
  outcome.sender = head.peer.ToString();
  const std::optional<IpAddress> sender =
      ResolveSender(head.peer, head.forwarded_for, proxies_);
  if (sender) outcome.sender = sender->ToString();
  if (!sender || !allowed_.Contains(*sender)) {
    return Refuse(RefusalReason::kSenderNotAllowed, outcome);
  }
  absl::string_view path = head.target;
  path = path.substr(0, path.find('?'));
  std::string account;
  if (path != options_.config.path()) {
    if (!absl::ConsumePrefix(&path, options_.config.path()) ||
        !absl::ConsumePrefix(&path, "/")) {
      return Refuse(RefusalReason::kNotFound, outcome);
    }
    bool known = false;
    for (const NotificationAccount& candidate : CurrentAccounts()->list) {
      known = known || candidate.name == path;
    }
    if (!known) return Refuse(RefusalReason::kNotFound, outcome);
    account = std::string(path);
  }
  if (head.method != "POST") {
    return Refuse(RefusalReason::kMethodNotAllowed, outcome);
  }
  admitted->sender = *sender;
  admitted->account = std::move(account);
  admitted->started = head.started;
  if (!IsFormContentType(head.content_type)) {
    admitted->unexpected_content_type =
        head.content_type ? LoggableMediaType(*head.content_type) : "(none)";
  }
  if (head.content_length && *head.content_length > max_body_bytes()) {
    return BodyTooLarge(*admitted);
  }
  return std::nullopt;
}

NotificationReply NotificationHandler::BodyTooLarge(
    const AdmittedRequest& admitted) {
  Outcome outcome;
  outcome.started = admitted.started;
  outcome.sender = admitted.sender.ToString();
  outcome.account = admitted.account;
  return Refuse(RefusalReason::kTooLarge, outcome);
}

NotificationReply NotificationHandler::Process(const AdmittedRequest& admitted,
                                               const std::string& body) {
  Outcome outcome;
  outcome.started = admitted.started;
  outcome.sender = admitted.sender.ToString();
  outcome.account = admitted.account;
  if (admitted.unexpected_content_type) {
    // Counted and logged, never refused for it: a validly signed
    // notification is PAYONE's whatever its header says.
    ++unexpected_content_type_;
    outcome.unexpected_content_type = *admitted.unexpected_content_type;
  }
  if (body.size() > max_body_bytes()) {
    return Refuse(RefusalReason::kTooLarge, outcome);
  }

  ParsedNotification parsed = ParseNotification(body, max_body_bytes());
  if (parsed.verdict == ParsedNotification::Verdict::kMalformed) {
    outcome.problem = std::move(parsed.problem);
    return Refuse(RefusalReason::kMalformed, outcome);
  }
  StoredNotification stored;
  payone::v1::TransactionStatusNotification& notification = stored.notification;
  notification = std::move(parsed.notification);
  if (parsed.verdict == ParsedNotification::Verdict::kUndecoded) {
    // Stored and answered like any other once its key checks out: PAYONE
    // would otherwise retry for 48 hours and then give the event up.
    stored.decode_error = parsed.problem;
    outcome.problem = std::move(parsed.problem);
  }
  outcome.portalid = notification.portalid();
  outcome.aid = notification.aid();
  outcome.txid = notification.txid();
  outcome.txaction = TxactionText(notification);
  outcome.sequencenumber = notification.sequencenumber();

  // Held to the end: `verified` points into it.
  const std::shared_ptr<const Accounts> accounts = CurrentAccounts();
  const auto candidates = accounts->by_portal.find(
      PortalKey(notification.portalid(), notification.aid()));
  const NotificationAccount* verified = nullptr;
  bool any_candidate = false;
  if (candidates != accounts->by_portal.end()) {
    const std::string key = absl::AsciiStrToLower(notification.key());
    for (const size_t index : candidates->second) {
      const NotificationAccount& candidate = accounts->list[index];
      if (!admitted.account.empty() && candidate.name != admitted.account) {
        continue;
      }
      any_candidate = true;
      // Both comparisons always run: the time taken says nothing of which.
      const bool md5 = !candidate.key_md5_hex.empty() &&
                       ConstantTimeEquals(key, candidate.key_md5_hex);
      const bool sha384 = !candidate.key_sha384_hex.empty() &&
                          ConstantTimeEquals(key, candidate.key_sha384_hex);
      if ((md5 || sha384) && verified == nullptr) verified = &candidate;
    }
  }
  if (!any_candidate) return Refuse(RefusalReason::kUnknownAccount, outcome);
  if (verified == nullptr) return Refuse(RefusalReason::kWrongKey, outcome);
  outcome.account = verified->name;

  notification.clear_key();
  stored.account = verified->name;
  stored.received_at = options_.clock();
  // PAYONE retries with the identical body: its digest recognises them.
  const std::string dedupe_key = HexDigest(DigestAlgorithm::kSha256, body);
  const absl::StatusOr<AppendedNotification> appended =
      store_->Append(stored, dedupe_key, body, forward_urls_);
  if (!appended.ok()) return Refuse(RefusalReason::kStoreFailed, outcome);

  ++received_;
  outcome.cursor = appended->cursor;
  outcome.status = 200;
  if (appended->duplicate) {
    ++duplicate_;
    outcome.result = "duplicate";
  } else {
    ++stored_;
    if (!stored.decode_error.empty()) ++undecoded_;
    outcome.result = "accepted";
  }
  Log(outcome);
  if (!appended->duplicate && on_stored_) on_stored_(appended->cursor);
  return NotificationReply{200, "TSOK"};
}

NotificationReply NotificationHandler::Refuse(RefusalReason reason,
                                              Outcome& outcome) {
  ++received_;
  ++refused_[static_cast<int>(reason)];
  NotificationReply reply;
  switch (reason) {
    case RefusalReason::kSenderNotAllowed:
    case RefusalReason::kUnknownAccount:
    case RefusalReason::kWrongKey:
      reply = {403, "forbidden"};
      break;
    case RefusalReason::kNotFound:
      reply = {404, "not found"};
      break;
    case RefusalReason::kMethodNotAllowed:
      reply = {405, "method not allowed", /*allow_post_header=*/true};
      break;
    case RefusalReason::kTooLarge:
      reply = {413, "too large"};
      break;
    case RefusalReason::kMalformed:
      reply = {400, "malformed notification"};
      break;
    case RefusalReason::kStoreFailed:
      reply = {503, "not stored, retry later"};
      break;
  }
  outcome.reason = reason;
  outcome.status = reply.status;
  Log(outcome);
  return reply;
}

void NotificationHandler::Log(const Outcome& outcome) {
  std::string line = absl::StrCat(
      "{\"event\":\"transaction_status\",\"result\":\"", outcome.result, "\"");
  if (outcome.reason) {
    absl::StrAppend(&line, ",\"reason\":\"", RefusalReasonName(*outcome.reason),
                    "\"");
  }
  absl::StrAppend(&line, ",\"http_status\":", outcome.status,
                  ",\"sender\":", JsonString(outcome.sender));
  const std::pair<const char*, const std::string*> texts[] = {
      {"account", &outcome.account},
      {"portalid", &outcome.portalid},
      {"aid", &outcome.aid},
      {"txid", &outcome.txid},
      {"txaction", &outcome.txaction},
      {"problem", &outcome.problem},
      {"unexpected_content_type", &outcome.unexpected_content_type}};
  for (const auto& [name, value] : texts) {
    if (!value->empty()) {
      absl::StrAppend(&line, ",\"", name, "\":", JsonString(*value));
    }
  }
  if (outcome.sequencenumber) {
    absl::StrAppend(&line, ",\"sequencenumber\":", *outcome.sequencenumber);
  }
  if (outcome.cursor != 0)
    absl::StrAppend(&line, ",\"cursor\":", outcome.cursor);
  absl::StrAppendFormat(
      &line, ",\"latency_ms\":%.3f}",
      absl::ToDoubleMilliseconds(absl::Now() - outcome.started));
  if (options_.log_sink) {
    options_.log_sink(line);
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

NotificationStats NotificationHandler::Stats() const {
  NotificationStats stats;
  stats.received = received_;
  stats.stored = stored_;
  stats.duplicate = duplicate_;
  stats.undecoded = undecoded_;
  stats.unexpected_content_type = unexpected_content_type_;
  for (int i = 0; i < kRefusalReasonCount; ++i) {
    stats.refused[RefusalReasonName(static_cast<RefusalReason>(i))] =
        refused_[i];
  }
  return stats;
}

}  // namespace payone::service
