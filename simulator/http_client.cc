#include "simulator/http_client.h"

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/ssl.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"
#include "service/net/tls.h"
#include "service/net/url.h"

namespace payone::simulator {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

absl::Status Failure(const beast::error_code& ec, absl::string_view what) {
  const std::string message = absl::StrCat(what, ": ", ec.message());
  if (ec == beast::error::timeout) return absl::DeadlineExceededError(message);
  if (ec == http::error::partial_message) return absl::DataLossError(message);
  if (ec.category() ==
          beast::error_code(http::error::end_of_stream).category() &&
      ec != http::error::end_of_stream) {
    return absl::InvalidArgumentError(message);
  }
  return absl::UnavailableError(message);
}

}  // namespace

absl::StatusOr<Url> ParseUrl(const std::string& url) {
  absl::StatusOr<net::Url> parsed = net::ParseUrl(url);
  if (!parsed.ok()) return parsed.status();
  return Url{parsed->tls, parsed->host, std::to_string(parsed->port),
             parsed->target};
}

struct HttpConnection::Impl {
  ClientOptions options;
  asio::io_context io;
  std::unique_ptr<net::TlsContext> ssl_context;
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;

  beast::tcp_stream& Lowest() {
    return secure ? beast::get_lowest_layer(*secure) : *plain;
  }

  // Runs one asynchronous operation to its end under the timeout.
  template <class Start>
  beast::error_code Run(Start start) {
    beast::error_code result;
    Lowest().expires_after(absl::ToChronoNanoseconds(options.timeout));
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    io.restart();
    io.run();
    return result;
  }

  template <class Op>
  beast::error_code OnStream(Op op) {
    if (secure) return Run([&](auto done) { op(*secure, done); });
    return Run([&](auto done) { op(*plain, done); });
  }
};

absl::StatusOr<std::unique_ptr<HttpConnection>> HttpConnection::Connect(
    const Url& url, ClientOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  beast::error_code ec;
  tcp::resolver resolver(impl->io);
  const auto endpoints = resolver.resolve(url.host, url.port, ec);
  if (ec) return Failure(ec, absl::StrCat("resolving ", url.host));
  if (url.tls) {
    net::TlsClientOptions tls;
    tls.ca_pem = impl->options.ca_pem;
    auto context = net::MakeClientTlsContext(tls);
    if (!context.ok()) {
      return absl::UnavailableError(context.status().message());
    }
    impl->ssl_context = *std::move(context);
    impl->secure.emplace(impl->io, *impl->ssl_context);
    net::SetPeerName(impl->secure->native_handle(), url.host);
  } else {
    impl->plain.emplace(impl->io);
  }
  ec = impl->Run(
      [&](auto done) { impl->Lowest().async_connect(endpoints, done); });
  if (ec) return Failure(ec, absl::StrCat("connecting to ", url.host));
  if (impl->secure) {
    ec = impl->Run([&](auto done) {
      impl->secure->async_handshake(asio::ssl::stream_base::client, done);
    });
    if (ec) return Failure(ec, "TLS handshake");
  }
  return std::unique_ptr<HttpConnection>(new HttpConnection(std::move(impl)));
}

HttpConnection::HttpConnection(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

HttpConnection::~HttpConnection() {
  beast::error_code ignored;
  impl_->Lowest().socket().close(ignored);
}

absl::StatusOr<ClientResponse> HttpConnection::Send(const std::string& method,
                                                    const std::string& target,
                                                    const std::string& body,
                                                    const Headers& headers) {
  http::request<http::string_body> request(http::string_to_verb(method), target,
                                           11);
  request.set(http::field::host, "localhost");
  request.set(http::field::user_agent, "payone-simulator-client");
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() || method == "POST") {
    if (request.find(http::field::content_type) == request.end()) {
      request.set(http::field::content_type,
                  "application/x-www-form-urlencoded");
    }
    request.body() = body;
    request.prepare_payload();
  }
  beast::error_code ec = impl_->OnStream([&](auto& stream, auto done) {
    http::async_write(stream, request, done);
  });
  if (ec) return Failure(ec, "sending the request");
  http::response_parser<http::string_body> parser;
  parser.body_limit(impl_->options.max_body_bytes);
  ec = impl_->OnStream([&](auto& stream, auto done) {
    http::async_read(stream, impl_->buffer, parser, done);
  });
  if (ec) return Failure(ec, "reading the answer");
  auto& message = parser.get();
  ClientResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    response.headers[absl::AsciiStrToLower(std::string(field.name_string()))] =
        std::string(field.value());
  }
  response.body = std::move(message.body());
  return response;
}

absl::StatusOr<std::string> HttpConnection::SendRaw(const std::string& bytes) {
  beast::error_code ec = impl_->OnStream([&](auto& stream, auto done) {
    asio::async_write(stream, asio::buffer(bytes), done);
  });
  if (ec) return Failure(ec, "sending");
  std::string received;
  char chunk[4096];
  while (true) {
    size_t got = 0;
    ec = impl_->OnStream([&](auto& stream, auto done) {
      stream.async_read_some(asio::buffer(chunk),
                             [&got, done](beast::error_code e, size_t n) {
                               got = n;
                               done(e);
                             });
    });
    received.append(chunk, got);
    if (ec == beast::error::timeout) return Failure(ec, "reading");
    if (ec) return received;
  }
}

absl::StatusOr<ClientResponse> HttpPost(const std::string& url,
                                        const std::string& body,
                                        const Headers& headers,
                                        ClientOptions options) {
  auto parsed = ParseUrl(url);
  if (!parsed.ok()) return parsed.status();
  auto connection = HttpConnection::Connect(*parsed, std::move(options));
  if (!connection.ok()) return connection.status();
  return (*connection)->Send("POST", parsed->target, body, headers);
}

}  // namespace payone::simulator
