#include "service/notifications/form_poster.h"

#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/ssl.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"

namespace payone::service {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

struct Target {
  bool https = false;
  std::string host;
  std::string port;
  std::string path;
};

absl::StatusOr<Target> SplitUrl(absl::string_view url) {
  Target target;
  absl::string_view rest = url;
  target.https = absl::ConsumePrefix(&rest, "https://");
  if (!target.https && !absl::ConsumePrefix(&rest, "http://")) {
    return absl::InvalidArgumentError("forward URL must be http(s)");
  }
  const size_t path_start = rest.find('/');
  target.path =
      path_start == rest.npos ? "/" : std::string(rest.substr(path_start));
  absl::string_view authority = rest.substr(0, path_start);
  const size_t bracket = authority.rfind(']');
  const size_t colon = authority.rfind(':');
  if (colon != authority.npos &&
      (bracket == authority.npos || colon > bracket)) {
    target.port = std::string(authority.substr(colon + 1));
    authority = authority.substr(0, colon);
    int port = 0;
    if (!absl::SimpleAtoi(target.port, &port) || port < 1 || port > 65535) {
      return absl::InvalidArgumentError("forward URL has a bad port");
    }
  } else {
    target.port = target.https ? "443" : "80";
  }
  if (absl::ConsumePrefix(&authority, "["))
    absl::ConsumeSuffix(&authority, "]");
  target.host = std::string(authority);
  if (target.host.empty()) {
    return absl::InvalidArgumentError("forward URL has no host");
  }
  return target;
}

}  // namespace

// One exchange on its own io_context: resolve, connect, (handshake), write,
// read, chained as callbacks and run by Post's thread; Cancel stops it.
struct FormPoster::Exchange {
  net::io_context io;
  std::optional<net::ssl::context> tls;
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  tcp::resolver resolver{io};
  beast::flat_buffer buffer;
  http::request<http::string_body> request;
  std::optional<http::response_parser<http::string_body>> parser;
  absl::Time deadline;
  std::optional<absl::Status> failure;
  bool done = false;

  beast::tcp_stream& Lowest() {
    return secure ? beast::get_lowest_layer(*secure) : *plain;
  }
  void Fail(absl::Status status) {
    if (!failure) failure = std::move(status);
    beast::error_code ignored;
    Lowest().socket().close(ignored);
  }
  void Expire() {
    Lowest().expires_after(absl::ToChronoNanoseconds(
        std::max(deadline - absl::Now(), absl::ZeroDuration())));
  }
  absl::Status Transport(const beast::error_code& ec, absl::string_view what) {
    const std::string message = absl::StrCat(what, ": ", ec.message());
    if (ec == beast::error::timeout)
      return absl::DeadlineExceededError(message);
    return absl::UnavailableError(message);
  }

  void Start(const Target& target) {
    resolver.async_resolve(
        target.host, target.port,
        [this, target](beast::error_code ec,
                       tcp::resolver::results_type found) {
          if (ec) return Fail(Transport(ec, "resolving"));
          Expire();
          Lowest().async_connect(found, [this, target](beast::error_code ec,
                                                       const tcp::endpoint&) {
            if (ec) return Fail(Transport(ec, "connecting"));
            if (!secure) return Write();
            Expire();
            secure->async_handshake(
                net::ssl::stream_base::client, [this](beast::error_code ec) {
                  if (ec) {
                    return Fail(Transport(ec, "TLS handshake"));
                  }
                  Write();
                });
          });
        });
  }

  template <class Stream>
  void WriteOn(Stream& stream) {
    Expire();
    http::async_write(
        stream, request, [this, &stream](beast::error_code ec, size_t) {
          if (ec) return Fail(Transport(ec, "sending"));
          Expire();
          http::async_read(stream, buffer, *parser,
                           [this](beast::error_code ec, size_t) {
                             if (ec)
                               return Fail(Transport(ec, "reading answer"));
                             done = true;
                           });
        });
  }
  void Write() {
    if (secure) return WriteOn(*secure);
    WriteOn(*plain);
  }
};

FormPoster::FormPoster(FormPosterOptions options)
    : options_(std::move(options)) {}

FormPoster::~FormPoster() = default;

absl::StatusOr<FormPostAnswer> FormPoster::Post(const std::string& url,
                                                const std::string& body,
                                                absl::Duration timeout) {
  const absl::StatusOr<Target> target = SplitUrl(url);
  if (!target.ok()) return target.status();
  Exchange exchange;
  exchange.deadline = absl::Now() + timeout;
  if (target->https) {
    exchange.tls.emplace(net::ssl::context::tls_client);
    exchange.tls->set_verify_mode(net::ssl::verify_peer);
    beast::error_code ec;
    if (options_.ca_file.empty()) {
      exchange.tls->set_default_verify_paths(ec);
    } else {
      exchange.tls->load_verify_file(options_.ca_file, ec);
    }
    if (ec) {
      return absl::UnavailableError(
          absl::StrCat("loading trusted CAs: ", ec.message()));
    }
    exchange.secure.emplace(exchange.io, *exchange.tls);
    exchange.secure->set_verify_callback(
        net::ssl::host_name_verification(target->host));
    // SNI for names; an address literal is not a server name.
    beast::error_code not_an_address;
    net::ip::make_address(target->host, not_an_address);
    if (not_an_address) {
      SSL_set_tlsext_host_name(exchange.secure->native_handle(),
                               target->host.c_str());
    }
  } else {
    exchange.plain.emplace(exchange.io);
  }
  exchange.request =
      http::request<http::string_body>(http::verb::post, target->path, 11);
  exchange.request.set(http::field::host, target->host);
  exchange.request.set(http::field::user_agent, options_.user_agent);
  exchange.request.set(http::field::content_type, options_.content_type);
  exchange.request.set(http::field::connection, "close");
  exchange.request.body() = body;
  exchange.request.prepare_payload();
  exchange.parser.emplace();
  exchange.parser->body_limit(options_.max_response_bytes);
  exchange.Lowest().expires_after(absl::ToChronoNanoseconds(timeout));

  {
    absl::MutexLock lock(&mu_);
    if (cancelled_) return absl::CancelledError("forwarder stopping");
    current_ = &exchange;
  }
  exchange.Start(*target);
  exchange.io.run();
  bool cancelled = false;
  {
    absl::MutexLock lock(&mu_);
    current_ = nullptr;
    cancelled = cancelled_;
  }
  if (!exchange.done) {
    if (cancelled) return absl::CancelledError("forwarder stopping");
    if (exchange.failure) return *exchange.failure;
    return absl::UnavailableError("exchange ended without an answer");
  }
  FormPostAnswer answer;
  answer.status = static_cast<int>(exchange.parser->get().result_int());
  answer.body = std::move(exchange.parser->get().body());
  return answer;
}

void FormPoster::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  // io_context::stop is thread-safe; run() then returns at once, also when
  // it has not started yet.
  if (current_ != nullptr) current_->io.stop();
}

}  // namespace payone::service
