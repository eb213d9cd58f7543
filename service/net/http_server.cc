#include "service/net/http_server.h"

#include <array>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/post.hpp"
#include "boost/asio/ssl.hpp"
#include "boost/asio/steady_timer.hpp"
#include "boost/asio/strand.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"
#include "service/net/url.h"

namespace payone::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::chrono::nanoseconds Chrono(absl::Duration d) {
  return absl::ToChronoNanoseconds(d);
}

// Connections as the server sees them: closed when idle at Drain.
class SessionBase {
 public:
  virtual ~SessionBase() = default;
  virtual void CloseIfIdle() = 0;
};

class SimpleHandler : public HttpHandler {
 public:
  explicit SimpleHandler(const SimpleHttpHandler* handler)
      : handler_(handler) {}
  void OnRequest(ServerRequest request, Respond respond) override {
    respond((*handler_)(std::move(request)));
  }

 private:
  const SimpleHttpHandler* handler_;
};

}  // namespace

HttpHandlerFactory MakeSimpleHandler(SimpleHttpHandler handler) {
  return [handler = std::make_shared<SimpleHttpHandler>(std::move(handler))] {
    return std::make_unique<SimpleHandler>(handler.get());
  };
}

struct HttpServer::Impl {
  // Everything sessions touch is declared before `io`, so it outlives them.
  HttpServerOptions options;
  HttpHandlerFactory handlers;
  std::unique_ptr<TlsContext> tls;
  uint16_t port = 0;
  std::atomic<size_t> accepted{0};
  std::atomic<bool> draining{false};

  absl::Mutex mu;
  uint64_t next_session_id ABSL_GUARDED_BY(mu) = 0;
  absl::flat_hash_map<uint64_t, std::weak_ptr<SessionBase>> sessions
      ABSL_GUARDED_BY(mu);
  bool drained ABSL_GUARDED_BY(mu) = false;
  bool stopped ABSL_GUARDED_BY(mu) = false;

  // Optional so that Stop() can destroy them: that drops every connection.
  std::optional<asio::io_context> io{std::in_place};
  std::optional<tcp::acceptor> acceptor{std::in_place, *io};
  std::optional<asio::steady_timer> accept_retry{std::in_place, *io};
  // Keeps the I/O threads running while every connection waits on its
  // handler and the acceptor is closed (Drain).
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>>
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
template <class Stream>
class Session : public SessionBase,
                public std::enable_shared_from_this<Session<Stream>> {
 public:
  Session(HttpServer::Impl* server, Stream stream, std::string peer)
      : server_(server),
        stream_(std::move(stream)),
        peer_(std::move(peer)),
        timer_(Lowest().get_executor()) {}
  ~Session() override { server_->Unregister(id_); }

  void Start() {
    id_ = server_->Register(this->weak_from_this());
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      ReadHead();
    } else {
      Lowest().expires_after(Chrono(server_->options.read_timeout));
      stream_.async_handshake(
          asio::ssl::stream_base::server,
          [self = this->shared_from_this()](beast::error_code ec) {
            if (!ec) self->ReadHead();
          });
    }
  }

  void CloseIfIdle() override {
    asio::post(Lowest().get_executor(), [self = this->shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

 private:
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  void ReadHead() {
    busy_ = false;
    handler_.reset();
    if (server_->draining) return Close();
    parser_.emplace();
    PrepareRequestParser(*parser_);
    Lowest().expires_after(Chrono(server_->options.idle_timeout));
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) {
          self->OnHead(ec);
        });
  }

  void OnHead(beast::error_code ec) {
    if (ec) return Close();
    busy_ = true;
    Lowest().expires_after(Chrono(server_->options.read_timeout));
    head_ = HeadOf(*parser_, peer_);
    keep_alive_ = head_.keep_alive;
    handler_ = server_->handlers();
    if (std::optional<ServerResponse> refusal = handler_->OnHead(head_)) {
      return AnswerUnread(*std::move(refusal));
    }
    // Beast 1.74 does not apply a body limit set now to a Content-Length it
    // has already read: judge the declared length here. A chunked body can
    // only be measured while it arrives.
    if (head_.content_length &&
        *head_.content_length > server_->options.max_body_bytes) {
      return OnBody(http::error::body_limit);
    }
    parser_->body_limit(server_->options.max_body_bytes);
    // curl waits a second for this before sending bodies over 1 KiB.
    if (head_.expect_continue) {
      out_head_ = "HTTP/1.1 100 Continue\r\n\r\n";
      asio::async_write(
          stream_, asio::buffer(out_head_),
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
      if (std::optional<ServerResponse> answer = handler_->OnBodyTooLarge()) {
        return AnswerUnread(*std::move(answer));
      }
    }
    // Hostile or broken input: say nothing more, close.
    if (ec) return Close();
    ServerRequest request;
    request.head = std::move(head_);
    request.body = std::move(parser_->get().body());
    handler_thread_.store(std::this_thread::get_id());
    handler_->OnRequest(std::move(request), [self = this->shared_from_this()](
                                                ServerResponse response) {
      self->OnResponse(std::move(response));
    });
    handler_thread_.store(std::thread::id());
  }

  // Answers on this connection's strand: at once when the handler answers
  // inline, else through a post.
  void OnResponse(ServerResponse response) {
    if (std::this_thread::get_id() == handler_thread_.load()) {
      return Delay(std::move(response));
    }
    asio::post(Lowest().get_executor(),
               [self = this->shared_from_this(),
                response = std::move(response)]() mutable {
                 self->Delay(std::move(response));
               });
  }

  void Delay(ServerResponse response) {
    response_ = std::move(response);
    if (response_.delay > absl::ZeroDuration()) {
      timer_.expires_after(Chrono(response_.delay));
      timer_.async_wait([self = this->shared_from_this()](beast::error_code) {
        self->Write();
      });
      return;
    }
    Write();
  }

  // A refusal before the body was read: the connection cannot carry
  // another request.
  void AnswerUnread(ServerResponse response) {
    keep_alive_ = false;
    body_unread_ = true;
    response_ = std::move(response);
    Write();
  }

  void WriteHead(size_t content_length) {
    out_head_ = absl::StrCat("HTTP/1.1 ", response_.status, " ",
                             std::string(http::obsolete_reason(
                                 static_cast<http::status>(response_.status))),
                             "\r\nContent-Type: ", response_.content_type,
                             "\r\nContent-Length: ", content_length, "\r\n");
    for (const auto& [name, value] : response_.headers) {
      absl::StrAppend(&out_head_, name, ": ", value, "\r\n");
    }
    if (!keep_alive_) absl::StrAppend(&out_head_, "Connection: close\r\n");
    absl::StrAppend(&out_head_, "\r\n");
  }

  void Write() {
    Lowest().expires_after(Chrono(server_->options.read_timeout));
    if (server_->draining) keep_alive_ = false;
    const std::string& body = response_.body;
    size_t body_bytes = body.size();
    switch (response_.fault) {
      case Fault::kReset: {
        beast::error_code ignored;
        auto& socket = Lowest().socket();
        socket.set_option(asio::socket_base::linger(true, 0), ignored);
        socket.close(ignored);
        return;
      }
      case Fault::kTruncate:
        WriteHead(body.size());
        body_bytes = body.size() / 2;
        break;
      case Fault::kHang:
        WriteHead(body.size() + 1);
        body_bytes = 0;
        break;
      case Fault::kNormal:
        WriteHead(body.size());
        break;
    }
    asio::async_write(
        stream_,
        std::array<asio::const_buffer, 2>{
            asio::buffer(out_head_), asio::buffer(body.data(), body_bytes)},
        [self = this->shared_from_this()](beast::error_code ec, size_t) {
          self->OnWritten(ec);
        });
  }

  void OnWritten(beast::error_code ec) {
    if (ec) return Close();
    if (response_.fault == Fault::kHang) {
      Lowest().expires_never();
      timer_.expires_after(Chrono(server_->options.hang_limit));
      timer_.async_wait([self = this->shared_from_this()](beast::error_code) {
        self->Close();
      });
      return;
    }
    if (body_unread_) return DrainThenClose();
    if (response_.fault == Fault::kNormal && keep_alive_) return ReadHead();
    Close();
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
    Lowest().async_read_some(asio::buffer(drain_buffer_),
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

  static constexpr size_t kMaxDrainBytes = 1 << 20;

  HttpServer::Impl* const server_;
  Stream stream_;
  const std::string peer_;
  asio::steady_timer timer_;
  uint64_t id_ = 0;
  bool busy_ = false;  // between a request's head and its answer
  bool keep_alive_ = false;
  bool body_unread_ = false;
  // The thread running OnRequest, so that an inline answer skips a post.
  std::atomic<std::thread::id> handler_thread_{};
  beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  RequestHead head_;
  std::unique_ptr<HttpHandler> handler_;
  ServerResponse response_;
  std::string out_head_;
  std::array<char, 4096> drain_buffer_;
};

std::string PeerAddress(const tcp::socket& socket) {
  beast::error_code ec;
  const tcp::endpoint endpoint = socket.remote_endpoint(ec);
  return ec ? std::string() : endpoint.address().to_string();
}

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor->async_accept(
      asio::make_strand(*io), [this](beast::error_code ec, tcp::socket socket) {
        if (draining) return;
        if (ec) {
          if (ec == asio::error::operation_aborted) return;
          // Out of descriptors or similar: retry a little later, do not spin.
          accept_retry->expires_after(std::chrono::milliseconds(50));
          accept_retry->async_wait([this](beast::error_code) { Accept(); });
          return;
        }
        ++accepted;
        if (SessionCount() >= options.max_connections) {
          // Over the limit: refuse this one instead of exhausting the process.
          beast::error_code ignored;
          socket.close(ignored);
          Accept();
          return;
        }
        std::string peer = PeerAddress(socket);
        beast::tcp_stream stream(std::move(socket));
        if (tls) {
          using TlsStream = beast::ssl_stream<beast::tcp_stream>;
          std::make_shared<Session<TlsStream>>(
              this, TlsStream(std::move(stream), *tls), std::move(peer))
              ->Start();
        } else {
          std::make_shared<Session<beast::tcp_stream>>(this, std::move(stream),
                                                       std::move(peer))
              ->Start();
        }
        Accept();
      });
}

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(
    HttpServerOptions options, HttpHandlerFactory handlers) {
  auto impl = std::make_shared<Impl>();
  impl->options = std::move(options);
  impl->handlers = std::move(handlers);
  const HttpServerOptions& opts = impl->options;
  if (opts.tls.enabled()) {
    absl::StatusOr<std::unique_ptr<TlsContext>> tls =
        MakeServerTlsContext(opts.tls);
    if (!tls.ok()) return tls.status();
    impl->tls = *std::move(tls);
  }
  absl::StatusOr<HostPort> listen = ParseHostPort(opts.listen_address);
  if (!listen.ok()) return listen.status();
  beast::error_code ec;
  const asio::ip::address address = asio::ip::make_address(listen->host, ec);
  if (ec) {
    return absl::InvalidArgumentError(absl::StrCat(
        "listen address needs an IP address: \"", opts.listen_address, "\""));
  }
  const tcp::endpoint endpoint(address, listen->port);
  impl->acceptor->open(endpoint.protocol(), ec);
  if (!ec) {
    impl->acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  }
  if (!ec) impl->acceptor->bind(endpoint, ec);
  if (!ec) {
    impl->acceptor->listen(asio::socket_base::max_listen_connections, ec);
  }
  if (ec) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", opts.listen_address, ": ", ec.message()));
  }
  impl->port = impl->acceptor->local_endpoint(ec).port();
  impl->Accept();
  for (int i = 0; i < std::max(1, opts.threads); ++i) {
    impl->threads.emplace_back([io = &*impl->io] { io->run(); });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Drain(absl::Duration grace) {
  Impl& impl = *impl_;
  {
    absl::MutexLock lock(&impl.mu);
    if (impl.drained || impl.stopped) return;
    impl.drained = true;
  }
  impl.draining = true;
  // Closing the acceptor on an I/O thread keeps it free of data races.
  asio::post(*impl.io, [&impl] {
    beast::error_code ignored;
    impl.acceptor->close(ignored);
    impl.accept_retry->cancel();
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
  absl::MutexLock lock(&impl.mu);
  impl.mu.AwaitWithTimeout(absl::Condition(&impl, &Impl::NoSessions), grace);
}

void HttpServer::Stop() {
  Impl& impl = *impl_;
  {
    absl::MutexLock lock(&impl.mu);
    if (impl.stopped) return;
    impl.stopped = true;
  }
  impl.draining = true;
  impl.keep_running.reset();
  impl.io->stop();
  for (std::thread& thread : impl.threads) thread.join();
  impl.threads.clear();
  impl.accept_retry.reset();
  impl.acceptor.reset();
  impl.io.reset();  // drops what is left, sessions included
}

uint16_t HttpServer::port() const { return impl_->port; }

bool HttpServer::tls() const { return impl_->tls != nullptr; }

size_t HttpServer::connections_accepted() const { return impl_->accepted; }

}  // namespace payone::net
