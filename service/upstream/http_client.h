#ifndef PAYONE_SERVICE_UPSTREAM_HTTP_CLIENT_H_
#define PAYONE_SERVICE_UPSTREAM_HTTP_CLIENT_H_

// The gateway's client for PAYONE's post-gateway: HTTP/1.1 POSTs over a pool
// of keep-alive connections (TLS with peer verification and SNI), driven by
// an Asio io_context on threads of its own so gRPC threads never wait on
// upstream I/O. Post starts the exchange on the caller's thread (a
// non-blocking send on a pooled connection) and the answer is read on an I/O
// thread: one thread hand-off per call.
//
// Every failure says whether the request may have reached PAYONE: a payment
// request that may have been sent is never sent again by this client.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace payone::service {

struct UpstreamUrl {
  bool tls = true;
  std::string host;
  std::string port;
  std::string target;  // path and query, e.g. "/post-gateway/"
};

// Accepts http:// and https:// URLs with an optional port.
absl::StatusOr<UpstreamUrl> ParseUpstreamUrl(absl::string_view url);

struct HttpClientOptions {
  std::string url = "https://api.pay1.de/post-gateway/";
  // PEM file of trusted CAs; empty: the system store.
  std::string ca_file;
  // Connections per upstream; requests beyond it wait for a free one.
  size_t max_connections = 64;
  // An idle connection older than this is closed instead of reused.
  absl::Duration idle_timeout = absl::Seconds(20);
  // Connect (TCP and TLS handshake) gives up after this, whatever the
  // request's deadline.
  absl::Duration connect_timeout = absl::Seconds(5);
  size_t max_response_bytes = 1 << 20;
  int io_threads = 2;
  std::string user_agent = "payone-gateway";
};

// Where a failed exchange stopped. Only kNotSent is safe to retry.
enum class Delivery {
  // No byte of the request left this process.
  kNotSent,
  // The request was (or may have been) written; its outcome is unknown.
  kOutcomeUnknown,
  // PAYONE answered with a complete HTTP response.
  kAnswered,
};

struct HttpResult {
  // OK with an answer of any HTTP status; otherwise DEADLINE_EXCEEDED,
  // CANCELLED, UNAVAILABLE or UNKNOWN, with `delivery` saying what happened.
  absl::Status status;
  Delivery delivery = Delivery::kNotSent;
  int http_status = 0;
  std::string content_type;
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

  static absl::StatusOr<std::unique_ptr<HttpClient>> Create(
      const HttpClientOptions& options);
  virtual ~HttpClient() = default;

  // POSTs `body` (application/x-www-form-urlencoded). The exchange gives up
  // at `deadline`. `done` runs at most once, on an I/O thread (or inline,
  // before Post returns, when nothing was sent: the client is shutting down
  // or the deadline has passed), and must not block; it always runs unless
  // the client is destroyed first, so drain calls before destroying it.
  virtual std::shared_ptr<Call> Post(std::string body, absl::Time deadline,
                                     Callback done) = 0;

  virtual PoolStats Stats() const = 0;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_UPSTREAM_HTTP_CLIENT_H_
