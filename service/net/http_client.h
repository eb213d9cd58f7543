#ifndef PAYONE_SERVICE_NET_HTTP_CLIENT_H_
#define PAYONE_SERVICE_NET_HTTP_CLIENT_H_

// The one HTTP/1.1 client: requests to one origin (a URL's scheme, host and
// port) over a pool of keep-alive connections (TLS with peer verification
// and SNI, tls.h), driven by an Asio io_context on threads of its own so
// that callers never wait on I/O. Send starts the exchange on the caller's
// thread (a non-blocking send on a pooled connection) and the answer is read
// on an I/O thread: one thread hand-off per call. Every call has a deadline
// and can be cancelled.
//
// Every failure says whether the request may have reached the server
// (Delivery): a caller that must not send a request twice (a payment) can
// tell a safe retry from an unknown outcome.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/net/tls.h"

namespace payone::net {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpClientOptions {
  // The origin requests go to, and the target of requests that name none.
  std::string url;
  // Trusted CAs (default: the system store) and an optional client
  // certificate, for https.
  TlsClientOptions tls;
  // Connections per origin; requests beyond it wait for a free one.
  size_t max_connections = 64;
  // An idle connection older than this is closed instead of reused.
  absl::Duration idle_timeout = absl::Seconds(20);
  // Connect (TCP and TLS handshake) gives up after this, whatever the
  // request's deadline.
  absl::Duration connect_timeout = absl::Seconds(5);
  size_t max_response_bytes = 1 << 20;
  int io_threads = 2;
  std::string user_agent = "payone-gateway";
  // The Content-Type of requests that carry a body and name none.
  std::string content_type = "application/x-www-form-urlencoded";
  // false: every request asks for "Connection: close" on a fresh connection.
  bool keep_alive = true;
  // Whether HttpResult::headers is filled (it costs an allocation or two).
  bool response_headers = false;
  // How failures name the client and the server: "upstream connect failed
  // (...); the request may have reached PAYONE; its outcome is unknown".
  std::string label = "upstream";
  std::string peer_name = "the server";
};

struct ClientRequest {
  std::string method = "POST";
  // Path and query; empty: the URL's.
  std::string target;
  // After Host, User-Agent and Content-Type; no line breaks.
  HeaderList headers;
  // Empty: HttpClientOptions::content_type.
  std::string content_type;
  std::string body;
  // The exchange gives up then.
  absl::Time deadline = absl::InfiniteFuture();
};

// Where a failed exchange stopped. Only kNotSent is safe to retry.
enum class Delivery {
  // No byte of the request left this process.
  kNotSent,
  // The request was (or may have been) written; its outcome is unknown.
  kOutcomeUnknown,
  // The server answered with a complete HTTP response.
  kAnswered,
};

// Why an exchange that sent its request failed to read an answer.
enum class ReadFailure {
  kNone,
  // The connection ended inside the answer (a truncated response).
  kTruncated,
  // What came back is not HTTP (or is over max_response_bytes).
  kMalformed,
};

struct HttpResult {
  // OK with an answer of any HTTP status; otherwise DEADLINE_EXCEEDED,
  // CANCELLED, UNAVAILABLE or UNKNOWN, with `delivery` saying what happened.
  absl::Status status;
  Delivery delivery = Delivery::kNotSent;
  ReadFailure read_failure = ReadFailure::kNone;
  int http_status = 0;
  std::string content_type;
  // Names as sent; only with HttpClientOptions::response_headers.
  HeaderList headers;
  std::string body;
  // Time from the call until the answer (or failure).
  absl::Duration latency;
  // Whether a pooled connection was reused.
  bool reused_connection = false;
};

struct PoolStats {
  size_t open = 0;     // connections open (busy or idle)
  size_t idle = 0;     // connections waiting in the pool
  size_t waiting = 0;  // requests waiting for a connection
};

class HttpClient {
 public:
  // A request in flight; Cancel() aborts it (its callback then reports
  // CANCELLED, with the delivery state at that moment).
  class Call {
   public:
    virtual ~Call() = default;
    virtual void Cancel() = 0;
  };
  using Callback = std::function<void(HttpResult)>;

  // INVALID_ARGUMENT for a bad URL, user agent or CA file.
  static absl::StatusOr<std::unique_ptr<HttpClient>> Create(
      const HttpClientOptions& options);
  virtual ~HttpClient() = default;

  // `done` runs at most once, on an I/O thread (or inline, before Send
  // returns, when nothing was sent: the client is shutting down or the
  // deadline has passed), and must not block; it always runs unless the
  // client is destroyed first, so drain calls before destroying it.
  virtual std::shared_ptr<Call> Send(ClientRequest request, Callback done) = 0;

  // Send, waiting for the result (not on an I/O thread).
  HttpResult SendAndWait(ClientRequest request);

  virtual PoolStats Stats() const = 0;
};

}  // namespace payone::net

#endif  // PAYONE_SERVICE_NET_HTTP_CLIENT_H_
