#ifndef PAYONE_SERVICE_UPSTREAM_HTTP_CLIENT_H_
#define PAYONE_SERVICE_UPSTREAM_HTTP_CLIENT_H_

// The gateway's client for PAYONE's post-gateway: form POSTs to one URL
// through service/net's HTTP client (a pool of keep-alive connections, TLS
// with peer verification and SNI, I/O threads of its own so gRPC threads
// never wait on upstream I/O; one thread hand-off per call).
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
#include "service/config/gateway_config.pb.h"
#include "service/net/http_client.h"

namespace payone::service {

// service/net's client options; Create names the peer "PAYONE" in errors.
using HttpClientOptions = net::HttpClientOptions;

// The options the configuration's `upstream` section gives, its defaults
// read from gateway_config.proto. service/net stays free of the gateway's
// configuration; this is the one place that maps the section onto it.
HttpClientOptions UpstreamClientOptions(
    const payone::gateway::v1::Upstream& config);

// What service/net says about an exchange: where it stopped (only
// Delivery::kNotSent is safe to retry), the answer, the pool.
using Delivery = net::Delivery;
using HttpResult = net::HttpResult;
using PoolStats = net::PoolStats;

class HttpClient {
 public:
  // A request in flight; Cancel() aborts it (its callback then reports
  // CANCELLED, with the delivery state at that moment).
  using Call = net::HttpClient::Call;
  using Callback = net::HttpClient::Callback;

  // The client `config` (the configuration's `upstream`) describes.
  static absl::StatusOr<std::unique_ptr<HttpClient>> Create(
      const payone::gateway::v1::Upstream& config);
  // With options the file does not set (tests: the user agent).
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
