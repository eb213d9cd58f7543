#include "simulator/http_client.h"

#include <iterator>
#include <type_traits>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/ip/tcp.hpp"
#include "service/net/http_client.h"

namespace payone::simulator {
namespace {

static_assert(std::is_same_v<Headers, net::HeaderList>);

// net's failures in the terms this client has always used: what went
// wrong, not whether a payment may have arrived.
absl::Status Failure(const net::HttpResult& result) {
  const absl::string_view message = result.status.message();
  switch (result.read_failure) {
    case net::ReadFailure::kTruncated:
      return absl::DataLossError(message);
    case net::ReadFailure::kMalformed:
      return absl::InvalidArgumentError(message);
    case net::ReadFailure::kNone:
      break;
  }
  switch (result.status.code()) {
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kInvalidArgument:
      return result.status;
    default:
      return absl::UnavailableError(message);
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<HttpConnection>> HttpConnection::Connect(
    const Url& url, ClientOptions options) {
  net::HttpClientOptions client;
  client.url = url.ToString();
  client.tls.ca_pem = options.ca_pem;
  client.max_connections = 1;
  client.io_threads = 1;
  client.connect_timeout = options.timeout;
  client.max_response_bytes = options.max_body_bytes;
  client.user_agent = "payone-simulator-client";
  client.response_headers = true;
  client.label = "HTTP";
  absl::StatusOr<std::unique_ptr<net::HttpClient>> created =
      net::HttpClient::Create(client);
  if (!created.ok()) return created.status();
  return std::unique_ptr<HttpConnection>(
      new HttpConnection(url, std::move(options), *std::move(created)));
}

HttpConnection::HttpConnection(Url url, ClientOptions options,
                               std::unique_ptr<net::HttpClient> client)
    : url_(std::move(url)),
      options_(std::move(options)),
      client_(std::move(client)) {}

HttpConnection::~HttpConnection() = default;

absl::StatusOr<ClientResponse> HttpConnection::Send(const std::string& method,
                                                    const std::string& target,
                                                    const std::string& body,
                                                    const Headers& headers) {
  net::ClientRequest request;
  request.method = method;
  request.target = target;
  request.body = body;
  request.deadline = absl::Now() + options_.timeout;
  for (const auto& [name, value] : headers) {
    if (absl::EqualsIgnoreCase(name, "content-type")) {
      request.content_type = value;
    } else {
      request.headers.emplace_back(name, value);
    }
  }
  net::HttpResult result = client_->SendAndWait(std::move(request));
  if (!result.status.ok()) return Failure(result);
  ClientResponse response;
  response.status = result.http_status;
  for (auto& [name, value] : result.headers) {
    response.headers[absl::AsciiStrToLower(name)] = std::move(value);
  }
  response.body = std::move(result.body);
  return response;
}

absl::StatusOr<std::string> HttpConnection::SendRaw(const std::string& bytes) {
  if (url_.tls) {
    return absl::UnimplementedError("SendRaw speaks plain TCP only");
  }
  // A blocking stream is enough here: one write, then read to the end.
  boost::asio::ip::tcp::iostream stream;
  stream.expires_after(absl::ToChronoNanoseconds(options_.timeout));
  stream.connect(url_.host, std::to_string(url_.port));
  if (!stream) {
    return absl::UnavailableError(
        absl::StrCat("connecting: ", stream.error().message()));
  }
  if (!stream.write(bytes.data(), bytes.size()).flush()) {
    // A server that drops hostile input may close (or reset) the connection
    // while the rest is still being sent: that is an answer too, so read
    // whatever it said before closing.
    const boost::system::error_code error = stream.error();
    if (error != boost::asio::error::broken_pipe &&
        error != boost::asio::error::connection_reset) {
      return absl::UnavailableError(absl::StrCat("sending: ", error.message()));
    }
    stream.clear();
  }
  std::string received{std::istreambuf_iterator<char>(stream.rdbuf()),
                       std::istreambuf_iterator<char>()};
  if (stream.error() == boost::asio::error::timed_out) {
    return absl::DeadlineExceededError("reading: timed out");
  }
  return received;
}

absl::StatusOr<ClientResponse> HttpPost(const std::string& url,
                                        const std::string& body,
                                        const Headers& headers,
                                        ClientOptions options) {
  absl::StatusOr<Url> parsed = ParseUrl(url);
  if (!parsed.ok()) return parsed.status();
  auto connection = HttpConnection::Connect(*parsed, std::move(options));
  if (!connection.ok()) return connection.status();
  return (*connection)->Send("POST", parsed->target, body, headers);
}

}  // namespace payone::simulator
