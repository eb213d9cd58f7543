#include "simulator/http_server.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/ssl.hpp"
#include "boost/asio/steady_timer.hpp"
#include "boost/asio/strand.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"

namespace payone::simulator {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

struct HttpServer::Impl {
  // Everything sessions touch is declared before `io`, so it outlives them.
  HttpServerOptions options;
  HttpHandler handler;
  std::unique_ptr<net::ssl::context> ssl;
  std::atomic<size_t> accepted{0};
  std::atomic<size_t> open{0};  // live sessions
  uint16_t port = 0;
  std::atomic<bool> stopped{false};
  // Optional so that Stop() can destroy them: that drops every connection.
  std::optional<net::io_context> io{std::in_place};
  std::optional<tcp::acceptor> acceptor{std::in_place, *io};
  std::optional<net::steady_timer> accept_retry{std::in_place, *io};
  std::vector<std::thread> threads;

  void Accept();
};

namespace {

std::chrono::nanoseconds Chrono(absl::Duration d) {
  return absl::ToChronoNanoseconds(d);
}

// One connection; Stream is beast::tcp_stream or an ssl_stream over it.
template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  Session(HttpServer::Impl* server, Stream stream)
      : server_(server),
        stream_(std::move(stream)),
        timer_(beast::get_lowest_layer(stream_).get_executor()) {
    ++server_->open;
  }
  ~Session() { --server_->open; }

  void Start() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      Read();
    } else {
      Lowest().expires_after(Chrono(server_->options.idle_timeout));
      stream_.async_handshake(
          net::ssl::stream_base::server,
          [self = this->shared_from_this()](beast::error_code ec) {
            if (!ec) self->Read();
          });
    }
  }

 private:
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  void Read() {
    parser_.emplace();
    parser_->body_limit(server_->options.max_body_bytes);
    parser_->header_limit(16 * 1024);
    Lowest().expires_after(Chrono(server_->options.idle_timeout));
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) {
          self->OnHeader(ec);
        });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return Close();
    // curl waits a second for this before sending bodies over 1 KiB.
    if (beast::iequals(parser_->get()[http::field::expect], "100-continue")) {
      raw_ = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(
          stream_, net::buffer(raw_),
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
                         beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec) {
      // Hostile or broken input: say nothing more, close.
      Close();
      return;
    }
    auto& message = parser_->get();
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers[absl::AsciiStrToLower(std::string(field.name_string()))] =
          std::string(field.value());
    }
    request.body = std::move(message.body());
    keep_alive_ = message.keep_alive();
    response_ = server_->handler(request);
    if (response_.delay > absl::ZeroDuration()) {
      timer_.expires_after(Chrono(response_.delay));
      timer_.async_wait([self = this->shared_from_this()](beast::error_code) {
        self->Respond();
      });
    } else {
      Respond();
    }
  }

  std::string Head(size_t content_length) const {
    std::string head = absl::StrCat(
        "HTTP/1.1 ", response_.status, " ",
        std::string(
            http::obsolete_reason(static_cast<http::status>(response_.status))),
        "\r\nContent-Type: ", response_.content_type,
        "\r\nContent-Length: ", content_length, "\r\n");
    for (const auto& [name, value] : response_.headers) {
      absl::StrAppend(&head, name, ": ", value, "\r\n");
    }
    if (!keep_alive_) absl::StrAppend(&head, "Connection: close\r\n");
    absl::StrAppend(&head, "\r\n");
    return head;
  }

  void Respond() {
    Lowest().expires_after(Chrono(server_->options.idle_timeout));
    switch (response_.transport) {
      case Transport::kReset: {
        beast::error_code ignored;
        auto& socket = Lowest().socket();
        socket.set_option(net::socket_base::linger(true, 0), ignored);
        socket.close(ignored);
        return;
      }
      case Transport::kTruncate:
        raw_ = Head(response_.body.size()) +
               response_.body.substr(0, response_.body.size() / 2);
        break;
      case Transport::kHang:
        raw_ = Head(response_.body.size() + 1);
        break;
      case Transport::kNormal:
        raw_ = Head(response_.body.size()) + response_.body;
        break;
    }
    net::async_write(
        stream_, net::buffer(raw_),
        [self = this->shared_from_this()](beast::error_code ec, size_t) {
          self->OnWritten(ec);
        });
  }

  void OnWritten(beast::error_code ec) {
    if (ec) return Close();
    if (response_.transport == Transport::kHang) {
      Lowest().expires_never();
      timer_.expires_after(Chrono(server_->options.hang_limit));
      timer_.async_wait([self = this->shared_from_this()](beast::error_code) {
        self->Close();
      });
      return;
    }
    if (response_.transport == Transport::kNormal && keep_alive_) {
      Read();
      return;
    }
    Close();
  }

  void Close() {
    beast::error_code ignored;
    Lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
    Lowest().close();
  }

  HttpServer::Impl* server_;
  Stream stream_;
  net::steady_timer timer_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpResponse response_;
  std::string raw_;
  bool keep_alive_ = false;
};

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor->async_accept(net::make_strand(*io), [this](beast::error_code ec,
                                                       tcp::socket socket) {
    if (ec) {
      if (stopped || ec == net::error::operation_aborted) return;
      // Out of descriptors or similar: retry a little later, do not spin.
      accept_retry->expires_after(std::chrono::milliseconds(50));
      accept_retry->async_wait([this](beast::error_code) { Accept(); });
      return;
    }
    ++accepted;
    if (open >= options.max_connections) {
      // Over the limit: refuse this one instead of exhausting the process.
      beast::error_code ignored;
      socket.close(ignored);
      Accept();
      return;
    }
    beast::tcp_stream stream(std::move(socket));
    if (ssl) {
      std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
          this, beast::ssl_stream<beast::tcp_stream>(std::move(stream), *ssl))
          ->Start();
    } else {
      std::make_shared<Session<beast::tcp_stream>>(this, std::move(stream))
          ->Start();
    }
    Accept();
  });
}

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(
    HttpServerOptions options, HttpHandler handler) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->handler = std::move(handler);
  const HttpServerOptions& opts = impl->options;
  beast::error_code ec;
  if (!opts.tls_cert_pem.empty() || !opts.tls_key_pem.empty()) {
    impl->ssl =
        std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
    impl->ssl->set_options(
        net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
        net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
        net::ssl::context::no_tlsv1_1);
    impl->ssl->use_certificate_chain(
        net::buffer(opts.tls_cert_pem.data(), opts.tls_cert_pem.size()), ec);
    if (!ec) {
      impl->ssl->use_private_key(
          net::buffer(opts.tls_key_pem.data(), opts.tls_key_pem.size()),
          net::ssl::context::pem, ec);
    }
    if (ec) {
      return absl::InvalidArgumentError(
          absl::StrCat("TLS certificate or key not usable: ", ec.message()));
    }
  }
  const auto address = net::ip::make_address(opts.host, ec);
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad listen address ", opts.host));
  }
  const tcp::endpoint endpoint(address, opts.port);
  impl->acceptor->open(endpoint.protocol(), ec);
  if (!ec)
    impl->acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor->bind(endpoint, ec);
  if (!ec) impl->acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", opts.host, ":", opts.port, ": ", ec.message()));
  }
  impl->port = impl->acceptor->local_endpoint(ec).port();
  impl->Accept();
  const int threads = opts.threads < 1 ? 1 : opts.threads;
  for (int i = 0; i < threads; ++i) {
    impl->threads.emplace_back([io = &*impl->io] { io->run(); });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Stop() {
  if (impl_->stopped.exchange(true)) return;
  impl_->io->stop();
  for (auto& thread : impl_->threads) thread.join();
  impl_->threads.clear();
  impl_->accept_retry.reset();
  impl_->acceptor.reset();
  impl_->io.reset();
}

uint16_t HttpServer::port() const { return impl_->port; }

bool HttpServer::tls() const { return impl_->ssl != nullptr; }

size_t HttpServer::connections_accepted() const { return impl_->accepted; }

}  // namespace payone::simulator
