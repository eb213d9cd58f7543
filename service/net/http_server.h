#ifndef PAYONE_SERVICE_NET_HTTP_SERVER_H_
#define PAYONE_SERVICE_NET_HTTP_SERVER_H_

// The one HTTP/1.1 server skeleton (Boost.Beast, plain or TLS): keep-alive
// connections handled one request after the other, header and body limits,
// "100 Continue", idle and read timeouts, a cap on open connections, and a
// graceful stop (Drain) before the hard one (Stop). What a request means is
// the HttpHandler's business; the server only moves bytes.
//
// Test doubles (the PAYONE simulator) may also ask for a delayed answer or a
// transport fault (reset, truncated or hanging answer).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/net/request_parser.h"
#include "service/net/tls.h"

namespace payone::net {

struct ServerRequest {
  RequestHead head;
  std::string body;
};

enum class Fault {
  kNormal,
  // Close the connection with a TCP RST instead of answering.
  kReset,
  // Announce the full Content-Length, send half the body, close.
  kTruncate,
  // Send the headers and never the body; the connection stays open until
  // the server stops (or HttpServerOptions::hang_limit passes).
  kHang,
};

struct ServerResponse {
  int status = 200;
  std::string content_type = "text/plain";
  std::string body;
  // Written after Content-Type and Content-Length.
  std::vector<std::pair<std::string, std::string>> headers;
  // Waits this long (on a timer, not a thread) before answering.
  absl::Duration delay = absl::ZeroDuration();
  Fault fault = Fault::kNormal;
};

// Sends the answer; call it exactly once, from any thread, before
// HttpServer::Stop().
using Respond = std::function<void(ServerResponse)>;

// One request's handling: the server makes one per request and keeps it
// until the answer is written. Its functions run on the connection's I/O
// thread and must not block.
class HttpHandler {
 public:
  virtual ~HttpHandler() = default;
  // After the head: nullopt reads the body (up to max_body_bytes; "100
  // Continue" first when the client asked), an answer refuses the request
  // with its body unread (the connection closes after it).
  virtual std::optional<ServerResponse> OnHead(const RequestHead&) {
    return std::nullopt;
  }
  // The body went over max_body_bytes: an answer (the connection closes
  // after it), or nullopt to close without one.
  virtual std::optional<ServerResponse> OnBodyTooLarge() {
    return std::nullopt;
  }
  // The whole request.
  virtual void OnRequest(ServerRequest request, Respond respond) = 0;
};

using HttpHandlerFactory = std::function<std::unique_ptr<HttpHandler>()>;

// For handlers that answer at once from the request alone.
using SimpleHttpHandler = std::function<ServerResponse(ServerRequest)>;
HttpHandlerFactory MakeSimpleHandler(SimpleHttpHandler handler);

struct HttpServerOptions {
  // host:port or [v6]:port with an IP address; port 0: any free port.
  std::string listen_address = "127.0.0.1:0";
  TlsServerOptions tls;  // disabled: plain HTTP
  int threads = 2;
  // Waiting for a request's head gives up after idle_timeout; the TLS
  // handshake, reading the body from the head on, and writing the answer
  // each after read_timeout.
  absl::Duration idle_timeout = absl::Seconds(30);
  absl::Duration read_timeout = absl::Seconds(30);
  size_t max_body_bytes = 1 << 20;
  // Connections beyond this many open ones are closed at once.
  size_t max_connections = 4096;
  absl::Duration hang_limit = absl::Minutes(10);
};

class HttpServer {
 public:
  // Listens at once.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(
      HttpServerOptions options, HttpHandlerFactory handlers);
  // Stop().
  ~HttpServer();

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Stops accepting, closes idle connections, answers with "Connection:
  // close" from now on, and waits up to `grace` for requests in flight to
  // be answered. Idempotent.
  void Drain(absl::Duration grace);
  // Stops the I/O threads and drops every connection. Idempotent.
  void Stop();

  uint16_t port() const;
  bool tls() const;
  // Connections accepted so far (tests check keep-alive with it).
  size_t connections_accepted() const;

  struct Impl;

 private:
  explicit HttpServer(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace payone::net

#endif  // PAYONE_SERVICE_NET_HTTP_SERVER_H_
