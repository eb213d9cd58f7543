#include "service/gateway/metrics.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "prometheus/collectable.h"
#include "prometheus/exposer.h"
#include "prometheus/text_serializer.h"

namespace payone::service {
namespace {

using prometheus::BuildCounter;
using prometheus::BuildHistogram;

// Fine enough to see sub-millisecond overhead, wide enough for PAYONE's
// seconds-long 3-D Secure and risk checks.
const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* buckets = new prometheus::Histogram::BucketBoundaries{
      0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0025, 0.005,
      0.0075, 0.01,    0.025,  0.05,    0.075, 0.1,    0.25,
      0.5,    1,       2.5,    5,       10,    30,     60};
  return *buckets;
}

// What is computed at scrape time: the pool gauges and scraped counters.
class ScrapeTimeCollector : public prometheus::Collectable {
 public:
  explicit ScrapeTimeCollector(std::function<PoolStats()> pool)
      : pool_(std::move(pool)) {}

  void AddCounter(
      std::string name, std::string help,
      std::function<std::vector<GatewayMetrics::ScrapedCounter>()> source) {
    absl::MutexLock lock(&mu_);
    counters_.push_back({std::move(name), std::move(help), std::move(source)});
  }

  std::vector<prometheus::MetricFamily> Collect() const override {
    std::vector<prometheus::MetricFamily> families = PoolGauges();
    absl::MutexLock lock(&mu_);
    for (const ScrapedFamily& counter : counters_) {
      prometheus::MetricFamily& family = families.emplace_back();
      family.name = counter.name;
      family.help = counter.help;
      family.type = prometheus::MetricType::Counter;
      for (const auto& sample : counter.source()) {
        prometheus::ClientMetric& metric = family.metric.emplace_back();
        for (const auto& [name, value] : sample.labels) {
          metric.label.push_back({name, value});
        }
        metric.counter.value = sample.value;
      }
    }
    return families;
  }

 private:
  struct ScrapedFamily {
    std::string name;
    std::string help;
    std::function<std::vector<GatewayMetrics::ScrapedCounter>()> source;
  };

  std::vector<prometheus::MetricFamily> PoolGauges() const {
    const PoolStats stats = pool_();
    auto gauge = [](std::string name, std::string help, double value) {
      prometheus::MetricFamily family;
      family.name = std::move(name);
      family.help = std::move(help);
      family.type = prometheus::MetricType::Gauge;
      family.metric.emplace_back();
      family.metric.back().gauge.value = value;
      return family;
    };
    return {gauge("payone_gateway_upstream_connections_open",
                  "Connections to PAYONE, busy or idle.", stats.open),
            gauge("payone_gateway_upstream_connections_idle",
                  "Keep-alive connections to PAYONE waiting for a request.",
                  stats.idle),
            gauge("payone_gateway_upstream_requests_waiting",
                  "Requests waiting for a free connection to PAYONE.",
                  stats.waiting)};
  }

  std::function<PoolStats()> pool_;
  mutable absl::Mutex mu_;
  std::vector<ScrapedFamily> counters_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

GatewayMetrics::GatewayMetrics(std::function<PoolStats()> pool)
    : registry_(std::make_shared<prometheus::Registry>()),
      calls_(BuildCounter()
                 .Name("payone_gateway_calls_total")
                 .Help("gRPC calls by method and status code.")
                 .Register(*registry_)),
      call_latency_(BuildHistogram()
                        .Name("payone_gateway_call_latency_seconds")
                        .Help("gRPC call latency inside the gateway.")
                        .Register(*registry_)),
      upstream_requests_(
          BuildCounter()
              .Name("payone_gateway_upstream_requests_total")
              .Help("PAYONE exchanges by request type and outcome "
                    "(answered, not_sent, outcome_unknown).")
              .Register(*registry_)),
      upstream_latency_(BuildHistogram()
                            .Name("payone_gateway_upstream_latency_seconds")
                            .Help("PAYONE exchange latency by request type.")
                            .Register(*registry_)),
      payone_answers_(BuildCounter()
                          .Name("payone_gateway_payone_answers_total")
                          .Help("PAYONE answers by request type and status.")
                          .Register(*registry_)),
      payone_errors_(BuildCounter()
                         .Name("payone_gateway_payone_errors_total")
                         .Help("PAYONE error codes by request type.")
                         .Register(*registry_)),
      calls_by_label_(calls_, {"method", "code"}),
      call_latency_by_label_(call_latency_, {"method", ""}),
      upstream_requests_by_label_(upstream_requests_, {"request", "outcome"}),
      upstream_latency_by_label_(upstream_latency_, {"request", ""}),
      payone_answers_by_label_(payone_answers_, {"request", "status"}),
      payone_errors_by_label_(payone_errors_, {"request", "errorcode"}) {
  pool_collector_ = std::make_shared<ScrapeTimeCollector>(std::move(pool));
}

void GatewayMetrics::RecordCall(absl::string_view method,
                                absl::string_view grpc_code,
                                absl::Duration latency) {
  calls_by_label_.Get(method, grpc_code).Increment();
  call_latency_by_label_.Get(method, "", LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(latency));
}

void GatewayMetrics::RecordUpstream(absl::string_view request_type,
                                    absl::string_view outcome,
                                    absl::Duration latency) {
  upstream_requests_by_label_.Get(request_type, outcome).Increment();
  upstream_latency_by_label_.Get(request_type, "", LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(latency));
}

void GatewayMetrics::RecordPayoneAnswer(absl::string_view request_type,
                                        absl::string_view status,
                                        int errorcode) {
  payone_answers_by_label_.Get(request_type, status).Increment();
  if (errorcode != 0) {
    const absl::AlphaNum code(errorcode);
    payone_errors_by_label_.Get(request_type, code.Piece()).Increment();
  }
}

void GatewayMetrics::AddScrapedCounter(
    std::string name, std::string help,
    std::function<std::vector<ScrapedCounter>()> source) {
  static_cast<ScrapeTimeCollector&>(*pool_collector_)
      .AddCounter(std::move(name), std::move(help), std::move(source));
}

std::string GatewayMetrics::Render() const {
  std::vector<prometheus::MetricFamily> families = registry_->Collect();
  for (auto& family : pool_collector_->Collect()) {
    families.push_back(std::move(family));
  }
  return prometheus::TextSerializer().Serialize(families);
}

absl::StatusOr<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::Start(
    const std::string& address, const GatewayMetrics& metrics) {
  std::unique_ptr<MetricsEndpoint> endpoint(new MetricsEndpoint());
  try {
    endpoint->exposer_ = std::make_unique<prometheus::Exposer>(address);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve /metrics on ", address, ": ", e.what()));
  }
  endpoint->exposer_->RegisterCollectable(metrics.registry_);
  endpoint->exposer_->RegisterCollectable(metrics.pool_collector_);
  const std::vector<int> ports = endpoint->exposer_->GetListeningPorts();
  endpoint->port_ = ports.empty() ? 0 : ports.front();
  return endpoint;
}

MetricsEndpoint::~MetricsEndpoint() = default;

}  // namespace payone::service
