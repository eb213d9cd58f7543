#include "service/notifications/receiver.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "boost/asio/post.hpp"
#include "boost/asio/thread_pool.hpp"
#include "service/config/config.h"
#include "service/net/http_server.h"
#include "service/notifications/http_request.h"

namespace payone::service {
namespace {

net::ServerResponse ResponseOf(NotificationReply reply) {
  net::ServerResponse response;
  response.status = reply.status;
  response.content_type = "text/plain";
  response.body = std::move(reply.body);
  if (reply.allow_post_header) response.headers = {{"Allow", "POST"}};
  return response;
}

// A file the section's tls names, e.g. "notifications.tls.cert_file".
absl::Status ReadPem(const std::string& path, absl::string_view what,
                     std::string* pem) {
  std::optional<std::string> content = ReadFileContent(path);
  if (!content.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", what, " '", path, "'"));
  }
  *pem = *std::move(content);
  return absl::OkStatus();
}

}  // namespace

struct NotificationReceiver::Impl {
  NotificationReceiverOptions options;
  std::unique_ptr<NotificationHandler> handler;
  std::optional<boost::asio::thread_pool> store_pool;
  std::unique_ptr<net::HttpServer> server;

  absl::Mutex mu;
  bool shut_down ABSL_GUARDED_BY(mu) = false;
};

namespace {

// One request, as service/net's server hands it over: the head against the
// allow-list and the accounts, then the body off the I/O thread.
class ReceiverRequest : public net::HttpHandler {
 public:
  explicit ReceiverRequest(NotificationReceiver::Impl* receiver)
      : receiver_(receiver) {}

  std::optional<net::ServerResponse> OnHead(
      const net::RequestHead& net_head) override {
    // "::" when unknown: on no allow-list unless configured.
    const IpAddress peer = ParseIpAddress(net_head.peer).value_or(IpAddress());
    const RequestHead head = NotificationHead(net_head, peer, absl::Now());
    std::optional<NotificationReply> refusal =
        receiver_->handler->CheckHead(head, &admitted_);
    if (refusal) return ResponseOf(*std::move(refusal));
    return std::nullopt;
  }

  std::optional<net::ServerResponse> OnBodyTooLarge() override {
    return ResponseOf(receiver_->handler->BodyTooLarge(admitted_));
  }

  void OnRequest(net::ServerRequest request, net::Respond respond) override {
    // The store blocks: off the I/O thread.
    boost::asio::post(
        *receiver_->store_pool,
        [receiver = receiver_, admitted = admitted_,
         body = std::move(request.body), respond = std::move(respond)] {
          respond(ResponseOf(receiver->handler->Process(admitted, body)));
        });
  }

 private:
  NotificationReceiver::Impl* const receiver_;
  AdmittedRequest admitted_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<NotificationReceiver>>
NotificationReceiver::Start(const NotificationReceiverOptions& options,
                            std::vector<NotificationAccount> accounts,
                            NotificationLog* store,
                            std::function<void(int64_t cursor)> on_stored) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  absl::StatusOr<std::unique_ptr<NotificationHandler>> handler =
      NotificationHandler::Create(options, std::move(accounts), store,
                                  std::move(on_stored));
  if (!handler.ok()) return handler.status();
  impl->handler = *std::move(handler);
  net::HttpServerOptions server;
  if (const auto& config = options.config; config.has_tls()) {
    absl::Status read =
        ReadPem(config.tls().cert_file(), "notifications.tls.cert_file",
                &server.tls.cert_pem);
    if (read.ok()) {
      read = ReadPem(config.tls().key_file(), "notifications.tls.key_file",
                     &server.tls.key_pem);
    }
    if (!read.ok()) return read;
  }
  impl->store_pool.emplace(std::max(1, options.store_threads));

  server.listen_address = options.config.listen_address();
  server.threads = options.threads;
  // Idle until the first byte; then the whole request within read_timeout.
  server.idle_timeout = options.idle_timeout;
  server.read_timeout = options.read_timeout;
  server.max_body_bytes = impl->handler->max_body_bytes();
  server.max_connections = options.max_connections;
  Impl* const raw = impl.get();
  absl::StatusOr<std::unique_ptr<net::HttpServer>> started =
      net::HttpServer::Start(std::move(server), [raw] {
        return std::make_unique<ReceiverRequest>(raw);
      });
  if (!started.ok()) {
    impl->store_pool->join();
    const absl::Status& status = started.status();
    if (absl::StartsWith(status.message(), "TLS")) {
      return absl::Status(status.code(),
                          absl::StrCat("notification ", status.message()));
    }
    if (status.code() == absl::StatusCode::kUnavailable) {
      return absl::UnavailableError(
          absl::StrCat("notification receiver ", status.message()));
    }
    return status;
  }
  impl->server = *std::move(started);
  return std::unique_ptr<NotificationReceiver>(
      new NotificationReceiver(std::move(impl)));
}

NotificationReceiver::NotificationReceiver(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

NotificationReceiver::~NotificationReceiver() { Shutdown(); }

int NotificationReceiver::port() const { return impl_->server->port(); }

NotificationStats NotificationReceiver::Stats() const {
  return impl_->handler->Stats();
}

absl::Status NotificationReceiver::SetAccounts(
    std::vector<NotificationAccount> accounts) {
  return impl_->handler->SetAccounts(std::move(accounts));
}

void NotificationReceiver::Shutdown() {
  Impl& impl = *impl_;
  {
    absl::MutexLock lock(&impl.mu);
    if (impl.shut_down) return;
    impl.shut_down = true;
  }
  // Requests in flight answer, then their connections close; what the store
  // still holds finishes before the I/O threads stop, so that every answer
  // finds its connection.
  impl.server->Drain(impl.options.shutdown_grace);
  impl.store_pool->join();
  impl.server->Stop();
}

}  // namespace payone::service
