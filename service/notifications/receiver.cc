#include "service/notifications/receiver.h"

#include <array>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/post.hpp"
#include "boost/asio/ssl.hpp"
#include "boost/asio/strand.hpp"
#include "boost/asio/thread_pool.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"
#include "service/notifications/http_request.h"

namespace payone::service {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

std::chrono::nanoseconds Chrono(absl::Duration d) {
  return absl::ToChronoNanoseconds(d);
}

// "host:port", "[v6]:port".
absl::StatusOr<tcp::endpoint> ParseListenAddress(absl::string_view text) {
  const size_t colon = text.rfind(':');
  int port = -1;
  if (colon == text.npos || !absl::SimpleAtoi(text.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("listen address must be host:port, not \"", text, "\""));
  }
  absl::string_view host = text.substr(0, colon);
  if (absl::ConsumePrefix(&host, "[")) absl::ConsumeSuffix(&host, "]");
  beast::error_code ec;
  const net::ip::address address = net::ip::make_address(std::string(host), ec);
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("listen address needs an IP address: \"", text, "\""));
  }
  return tcp::endpoint(address, static_cast<uint16_t>(port));
}

// Sessions as the receiver sees them: closed when idle at shutdown.
class SessionBase {
 public:
  virtual ~SessionBase() = default;
  virtual void CloseIfIdle() = 0;
};

}  // namespace

struct NotificationReceiver::Impl {
  // Everything sessions touch is declared before `io`, so it outlives them.
  NotificationReceiverOptions options;
  std::unique_ptr<NotificationHandler> handler;
  std::unique_ptr<net::ssl::context> ssl;
  int port = 0;
  std::atomic<bool> stopping{false};

  absl::Mutex mu;
  uint64_t next_session_id ABSL_GUARDED_BY(mu) = 0;
  absl::flat_hash_map<uint64_t, std::weak_ptr<SessionBase>> sessions
      ABSL_GUARDED_BY(mu);
  bool shut_down ABSL_GUARDED_BY(mu) = false;

  std::optional<net::thread_pool> store_pool;
  std::optional<net::io_context> io{std::in_place};
  std::optional<tcp::acceptor> acceptor{std::in_place, *io};
  // Keeps the I/O threads running while every connection waits on the store
  // and the acceptor is closed (at shutdown).
  std::optional<net::executor_work_guard<net::io_context::executor_type>>
      keep_running{std::in_place, io->get_executor()};
  std::vector<std::thread> threads;

  void Accept();
  uint64_t Register(std::weak_ptr<SessionBase> session) {
    absl::MutexLock lock(&mu);
    sessions.emplace(next_session_id, std::move(session));
    return next_session_id++;
  }
  void Unregister(uint64_t id) {
    absl::MutexLock lock(&mu);
    sessions.erase(id);
  }
  bool NoSessions() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    return sessions.empty();
  }
  size_t SessionCount() {
    absl::MutexLock lock(&mu);
    return sessions.size();
  }
};

namespace {

// One connection; Stream is beast::tcp_stream or an ssl_stream over it.
// Requests on it are handled one after the other (no pipelining).
template <class Stream>
class Session : public SessionBase,
                public std::enable_shared_from_this<Session<Stream>> {
 public:
  Session(NotificationReceiver::Impl* receiver, Stream stream, IpAddress peer)
      : receiver_(receiver), stream_(std::move(stream)), peer_(peer) {}
  ~Session() override { receiver_->Unregister(id_); }

  void Start() {
    id_ = receiver_->Register(this->weak_from_this());
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      ReadHead();
    } else {
      Lowest().expires_after(Chrono(receiver_->options.read_timeout));
      stream_.async_handshake(
          net::ssl::stream_base::server,
          [self = this->shared_from_this()](beast::error_code ec) {
            if (!ec) self->ReadHead();
          });
    }
  }

  void CloseIfIdle() override {
    net::post(Lowest().get_executor(), [self = this->shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

 private:
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  void ReadHead() {
    busy_ = false;
    if (receiver_->stopping) return Close();
    parser_.emplace();
    PrepareRequestParser(*parser_);
    // Idle until the first byte; then the whole request within read_timeout.
    Lowest().expires_after(Chrono(receiver_->options.idle_timeout));
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) {
          self->OnHead(ec);
        });
  }

  void OnHead(beast::error_code ec) {
    if (ec) return Close();
    busy_ = true;
    Lowest().expires_after(Chrono(receiver_->options.read_timeout));
    const auto& message = parser_->get();
    const RequestHead head = HeadOf(*parser_, peer_, absl::Now());
    keep_alive_ = message.keep_alive();
    std::optional<NotificationReply> refusal =
        receiver_->handler->CheckHead(head, &admitted_);
    if (refusal) {
      // The body stays unread, so the connection cannot carry another
      // request.
      keep_alive_ = false;
      body_unread_ = true;
      return Respond(*std::move(refusal));
    }
    // A chunked body can only be measured while it arrives.
    parser_->body_limit(receiver_->handler->max_body_bytes());
    if (beast::iequals(message[http::field::expect], "100-continue")) {
      continue_ = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(
          stream_, net::buffer(continue_),
          [self = this->shared_from_this()](beast::error_code ec, size_t) {
            if (ec) return self->Close();
            self->ReadBody();
          });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](
                         beast::error_code ec, size_t) { self->OnBody(ec); });
  }

  void OnBody(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      keep_alive_ = false;
      body_unread_ = true;
      return Respond(receiver_->handler->BodyTooLarge(admitted_));
    }
    if (ec) return Close();
    // The store blocks: off the I/O thread, back on this connection's
    // strand for the answer.
    net::post(*receiver_->store_pool, [self = this->shared_from_this()] {
      NotificationReply reply = self->receiver_->handler->Process(
          self->admitted_, self->parser_->get().body());
      net::post(self->Lowest().get_executor(),
                [self, reply = std::move(reply)]() mutable {
                  self->Respond(std::move(reply));
                });
    });
  }

  void Respond(NotificationReply reply) {
    response_.emplace(static_cast<http::status>(reply.status), 11);
    response_->set(http::field::content_type, "text/plain");
    if (reply.allow_post_header) response_->set(http::field::allow, "POST");
    response_->body() = std::move(reply.body);
    response_->keep_alive(keep_alive_ && !receiver_->stopping);
    response_->prepare_payload();
    http::async_write(
        stream_, *response_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) {
          if (ec) return self->Close();
          if (self->body_unread_) return self->DrainThenClose();
          if (!self->response_->keep_alive()) return self->Close();
          self->ReadHead();
        });
  }

  // Closing with unread request bytes would reset the connection and could
  // destroy the answer before the client reads it: stop sending, swallow a
  // bounded amount of what still arrives, then close.
  void DrainThenClose() {
    busy_ = false;
    beast::error_code ignored;
    Lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
    Lowest().expires_after(std::chrono::seconds(2));
    Drain(0);
  }

  void Drain(size_t drained) {
    if (drained > kMaxDrainBytes) return Close();
    Lowest().async_read_some(net::buffer(drain_buffer_),
                             [self = this->shared_from_this(), drained](
                                 beast::error_code ec, size_t n) {
                               if (ec) return self->Close();
                               self->Drain(drained + n);
                             });
  }

  void Close() {
    busy_ = false;
    beast::error_code ignored;
    Lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
    Lowest().close();
  }

  NotificationReceiver::Impl* const receiver_;
  Stream stream_;
  const IpAddress peer_;
  uint64_t id_ = 0;
  bool busy_ = false;  // between a request's head and its answer
  bool keep_alive_ = false;
  bool body_unread_ = false;
  static constexpr size_t kMaxDrainBytes = 1 << 20;
  std::array<char, 4096> drain_buffer_;
  beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  AdmittedRequest admitted_;
  std::string continue_;
  std::optional<http::response<http::string_body>> response_;
};

IpAddress PeerAddress(const tcp::socket& socket) {
  beast::error_code ec;
  const tcp::endpoint endpoint = socket.remote_endpoint(ec);
  if (ec) return IpAddress();  // "::": on no allow-list unless configured
  return ParseIpAddress(endpoint.address().to_string()).value_or(IpAddress());
}

}  // namespace

void NotificationReceiver::Impl::Accept() {
  acceptor->async_accept(
      net::make_strand(*io), [this](beast::error_code ec, tcp::socket socket) {
        if (stopping) return;
        if (ec) {
          if (ec == net::error::operation_aborted) return;
          // Out of descriptors or similar: try again with the next one.
          Accept();
          return;
        }
        if (SessionCount() >= options.max_connections) {
          beast::error_code ignored;
          socket.close(ignored);
          Accept();
          return;
        }
        const IpAddress peer = PeerAddress(socket);
        beast::tcp_stream stream(std::move(socket));
        if (ssl) {
          using TlsStream = beast::ssl_stream<beast::tcp_stream>;
          std::make_shared<Session<TlsStream>>(
              this, TlsStream(std::move(stream), *ssl), peer)
              ->Start();
        } else {
          std::make_shared<Session<beast::tcp_stream>>(this, std::move(stream),
                                                       peer)
              ->Start();
        }
        Accept();
      });
}

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
  const absl::StatusOr<tcp::endpoint> endpoint =
      ParseListenAddress(options.listen_address);
  if (!endpoint.ok()) return endpoint.status();

  beast::error_code ec;
  if (!options.tls_cert_pem.empty() || !options.tls_key_pem.empty()) {
    impl->ssl =
        std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
    impl->ssl->set_options(
        net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
        net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
        net::ssl::context::no_tlsv1_1);
    impl->ssl->use_certificate_chain(net::buffer(options.tls_cert_pem), ec);
    if (!ec) {
      impl->ssl->use_private_key(net::buffer(options.tls_key_pem),
                                 net::ssl::context::pem, ec);
    }
    if (ec) {
      return absl::InvalidArgumentError(absl::StrCat(
          "notification TLS certificate or key not usable: ", ec.message()));
    }
  }
  impl->acceptor->open(endpoint->protocol(), ec);
  if (!ec)
    impl->acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor->bind(*endpoint, ec);
  if (!ec) impl->acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("notification receiver cannot listen on ",
                     options.listen_address, ": ", ec.message()));
  }
  impl->port = impl->acceptor->local_endpoint(ec).port();
  impl->store_pool.emplace(std::max(1, options.store_threads));
  impl->Accept();
  for (int i = 0; i < std::max(1, options.threads); ++i) {
    impl->threads.emplace_back([io = &*impl->io] { io->run(); });
  }
  return std::unique_ptr<NotificationReceiver>(
      new NotificationReceiver(std::move(impl)));
}

NotificationReceiver::NotificationReceiver(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

NotificationReceiver::~NotificationReceiver() { Shutdown(); }

int NotificationReceiver::port() const { return impl_->port; }

NotificationStats NotificationReceiver::Stats() const {
  return impl_->handler->Stats();
}

void NotificationReceiver::Shutdown() {
  Impl& impl = *impl_;
  {
    absl::MutexLock lock(&impl.mu);
    if (impl.shut_down) return;
    impl.shut_down = true;
  }
  impl.stopping = true;
  // Closing the acceptor on its own thread keeps it free of data races.
  net::post(*impl.io, [&impl] {
    beast::error_code ignored;
    impl.acceptor->close(ignored);
  });
  std::vector<std::shared_ptr<SessionBase>> open;
  {
    absl::MutexLock lock(&impl.mu);
    for (const auto& [id, weak] : impl.sessions) {
      if (auto session = weak.lock()) open.push_back(std::move(session));
    }
  }
  for (const auto& session : open) session->CloseIfIdle();
  open.clear();
  // Requests in flight answer, then their connections close.
  {
    absl::MutexLock lock(&impl.mu);
    impl.mu.AwaitWithTimeout(absl::Condition(&impl, &Impl::NoSessions),
                             impl.options.shutdown_grace);
  }
  impl.store_pool->join();
  impl.keep_running.reset();
  impl.io->stop();
  for (std::thread& thread : impl.threads) thread.join();
  impl.threads.clear();
  impl.acceptor.reset();
  impl.io.reset();  // drops what is left, sessions included
}

}  // namespace payone::service
