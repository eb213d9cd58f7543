#ifndef PAYONE_SERVICE_GATEWAY_METRICS_H_
#define PAYONE_SERVICE_GATEWAY_METRICS_H_

// Prometheus metrics of the gateway (prometheus-cpp) and their /metrics HTTP
// endpoint. Labels carry method names, gRPC codes, PAYONE request types,
// statuses and error codes: never request content.

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "prometheus/collectable.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "service/upstream/http_client.h"

namespace prometheus {
class Exposer;
}

namespace payone::service {

class GatewayMetrics {
 public:
  // `pool` is read at every scrape for the connection pool gauges.
  explicit GatewayMetrics(std::function<PoolStats()> pool);

  // One finished gRPC call.
  void RecordCall(absl::string_view method, absl::string_view grpc_code,
                  absl::Duration latency);
  // One PAYONE exchange: outcome "answered", "not_sent" or "outcome_unknown".
  void RecordUpstream(absl::string_view request_type, absl::string_view outcome,
                      absl::Duration latency);
  // PAYONE's answer: its status, and its errorcode when it has one (0: none).
  void RecordPayoneAnswer(absl::string_view request_type,
                          absl::string_view status, int errorcode);

  // The text exposition of every metric (what /metrics serves).
  std::string Render() const;

 private:
  friend class MetricsEndpoint;
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<prometheus::Collectable> pool_collector_;
  prometheus::Family<prometheus::Counter>& calls_;
  prometheus::Family<prometheus::Histogram>& call_latency_;
  prometheus::Family<prometheus::Counter>& upstream_requests_;
  prometheus::Family<prometheus::Histogram>& upstream_latency_;
  prometheus::Family<prometheus::Counter>& payone_answers_;
  prometheus::Family<prometheus::Counter>& payone_errors_;
};

// Serves GET /metrics on `address` ("127.0.0.1:9464"; port 0 picks one).
class MetricsEndpoint {
 public:
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Start(
      const std::string& address, const GatewayMetrics& metrics);
  ~MetricsEndpoint();
  int port() const { return port_; }

 private:
  MetricsEndpoint() = default;
  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_ = 0;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_METRICS_H_
