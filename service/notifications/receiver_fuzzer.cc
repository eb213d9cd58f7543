// libFuzzer: the TransactionStatus receiver's HTTP handling. The input is
// what one client sends on one connection (after a first byte that picks the
// sender's address): requests are read with the receiver's parser and limits
// (http_request.h) and decided by the real NotificationHandler, as a
// session does (head, then the body, then the next request while the
// connection is kept alive). Checked: no crash; every answer is one of the
// receiver's; "TSOK" only with 200 and only for a body the store holds; no
// log line shows the card number, IBAN or key the seeds carry as sensitive
// parameters (a value the input also puts into another parameter, such as
// a txid, may be logged there).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "boost/asio/buffer.hpp"
#include "codec/runtime/form.h"
#include "codec/runtime/redact.h"
#include "payone/v1/notification.payone.h"
#include "service/config/hex_digest.h"
#include "service/notifications/http_request.h"
#include "service/notifications/notification_handler.h"
#include "service/store/notification_log.h"

namespace payone::service {
namespace {

namespace http = boost::beast::http;

// Secrets in the seed corpus (corpus/receiver_fuzzer/).
constexpr absl::string_view kPortalKey = "fuzz-portal-key";

void Check(bool condition) {
  if (!condition) std::abort();
}

// What the log lines of the request being handled must not show.
std::vector<std::string>& Forbidden() {
  static auto* const forbidden = new std::vector<std::string>();
  return *forbidden;
}

// The seeds' secrets, unless `body` also carries them outside its sensitive
// parameters.
void ForbidSecretsOf(absl::string_view body) {
  using Codec = codec::PayoneCodec<payone::v1::TransactionStatusNotification>;
  std::string visible;
  const auto parameters = codec::ParseForm(
      codec::RedactFormBody(body, Codec::SensitiveWireNames()));
  if (parameters.ok()) {
    for (const auto& [name, value] : *parameters) {
      absl::StrAppend(&visible, name, "=", value, "&");
    }
  }
  Forbidden().clear();
  for (const std::string& secret :
       {std::string("4111111111111111"), std::string("DE02120300000000202051"),
        HexDigest(DigestAlgorithm::kMd5, std::string(kPortalKey))}) {
    if (!absl::StrContains(visible, secret)) Forbidden().push_back(secret);
  }
}

// Keeps dedupe keys in memory; fails the appends of bodies that contain
// "store=down", so that the 503 path is fuzzed too.
class MemoryLog : public NotificationLog {
 public:
  MemoryLog() : NotificationLog(nullptr) {}
  absl::StatusOr<AppendedNotification> Append(
      const StoredNotification&, absl::string_view dedupe_key,
      absl::string_view body, absl::Span<const std::string>) override {
    if (absl::StrContains(body, "store=down")) {
      return absl::UnavailableError("store down");
    }
    AppendedNotification appended;
    appended.duplicate = !keys_.insert(std::string(dedupe_key)).second;
    appended.cursor = static_cast<int64_t>(keys_.size());
    return appended;
  }
  bool Holds(const std::string& body) const {
    return keys_.contains(HexDigest(DigestAlgorithm::kSha256, body));
  }
  void Clear() { keys_.clear(); }

 private:
  absl::flat_hash_set<std::string> keys_;
};

struct Receiver {
  MemoryLog store;
  std::unique_ptr<NotificationHandler> handler;

  Receiver() {
    NotificationHandlerOptions options;
    options.config.add_allowed_sources("127.0.0.1/32");
    options.config.add_allowed_sources("2001:db8::/32");
    options.config.add_trusted_proxies("10.0.0.0/8");
    options.config.set_max_body_bytes(2048);
    options.config.add_forward_urls("http://127.0.0.1:9/forward");
    options.clock = [] { return absl::FromUnixSeconds(1768478400); };
    options.log_sink = [](const std::string& line) {
      for (const std::string& secret : Forbidden()) {
        Check(!absl::StrContains(line, secret));
      }
    };
    const auto key = std::string(kPortalKey);
    std::vector<NotificationAccount> accounts = {
        {"demo", "2000001", "10001", HexDigest(DigestAlgorithm::kMd5, key),
         HexDigest(DigestAlgorithm::kSha384, key)},
        {"other", "2000002", "10002", HexDigest(DigestAlgorithm::kMd5, key),
         ""}};
    auto created = NotificationHandler::Create(options, std::move(accounts),
                                               &store, nullptr);
    Check(created.ok());
    handler = *std::move(created);
  }
};

const IpAddress& Peer(uint8_t choice) {
  static const auto* const peers = new std::vector<IpAddress>{
      *ParseIpAddress("127.0.0.1"),    // allowed
      *ParseIpAddress("10.1.2.3"),     // trusted proxy: X-Forwarded-For
      *ParseIpAddress("192.0.2.7"),    // neither
      *ParseIpAddress("2001:db8::1"),  // allowed, IPv6
  };
  return (*peers)[choice % peers->size()];
}

void CheckReply(const NotificationReply& reply) {
  static const std::set<int> kStatuses = {200, 400, 403, 404, 405, 413, 503};
  Check(kStatuses.count(reply.status) == 1);
  Check((reply.status == 200) == (reply.body == "TSOK"));
  Check(!reply.allow_post_header || reply.status == 405);
}

// Reads requests off `wire` as a session does; returns when the connection
// would close.
void Serve(Receiver& receiver, const IpAddress& peer, absl::string_view wire) {
  for (int request = 0; request < 8 && !wire.empty(); ++request) {
    Forbidden().clear();  // the head's log line shows no body
    RequestParser parser;
    PrepareRequestParser(parser);
    boost::beast::error_code ec;
    wire.remove_prefix(
        parser.put(boost::asio::buffer(wire.data(), wire.size()), ec));
    if (ec || !parser.is_header_done()) return;  // closed without an answer
    AdmittedRequest admitted;
    const RequestHead head =
        HeadOf(parser, peer, absl::FromUnixSeconds(1768478400));
    if (std::optional<NotificationReply> refusal =
            receiver.handler->CheckHead(head, &admitted)) {
      CheckReply(*refusal);
      Check(refusal->status != 200);
      return;  // the body stays unread: the connection closes
    }
    parser.body_limit(receiver.handler->max_body_bytes());
    while (!parser.is_done() && !ec) {
      const size_t used =
          parser.put(boost::asio::buffer(wire.data(), wire.size()), ec);
      wire.remove_prefix(used);
      if (used == 0 && !ec) break;
    }
    if (ec == http::error::body_limit) {
      const NotificationReply reply = receiver.handler->BodyTooLarge(admitted);
      CheckReply(reply);
      Check(reply.status == 413);
      return;
    }
    if (ec || !parser.is_done()) return;  // the client went away mid-body
    const std::string& body = parser.get().body();
    ForbidSecretsOf(body);
    const NotificationReply reply = receiver.handler->Process(admitted, body);
    CheckReply(reply);
    Check(reply.status != 200 || receiver.store.Holds(body));
    if (!parser.get().keep_alive()) return;
  }
}

}  // namespace
}  // namespace payone::service

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using payone::service::Receiver;
  static Receiver* const receiver = new Receiver();
  if (size == 0) return 0;
  receiver->store.Clear();  // each input a fresh store: findings reproduce
  payone::service::Serve(
      *receiver, payone::service::Peer(bytes[0]),
      absl::string_view(reinterpret_cast<const char*>(bytes) + 1, size - 1));
  return 0;
}
