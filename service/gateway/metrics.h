#ifndef PAYONE_SERVICE_GATEWAY_METRICS_H_
#define PAYONE_SERVICE_GATEWAY_METRICS_H_

// Prometheus metrics of the gateway (prometheus-cpp) and their /metrics HTTP
// endpoint. Labels carry method names, gRPC codes, PAYONE request types,
// statuses and error codes: never request content.

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
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

namespace internal {

// The children of one prometheus family by their (up to two) label values.
// Family::Add locks the family, builds a std::map of the labels and, for a
// histogram, a whole new Histogram before it looks the labels up; every call
// did that five times. Children live as long as the family, so their
// addresses are cached after the first Add.
template <typename Metric>
class ChildCache {
 public:
  // `names`: the label names; a second empty name means one label.
  ChildCache(prometheus::Family<Metric>& family,
             std::pair<std::string, std::string> names)
      : family_(family), names_(std::move(names)) {}

  // The child for these label values; `args` build it the first time.
  template <typename... Args>
  Metric& Get(absl::string_view first, absl::string_view second,
              const Args&... args) {
    const Key key{first, second};
    {
      absl::ReaderMutexLock lock(&mu_);
      auto it = children_.find(key);
      if (it != children_.end()) return *it->second;
    }
    prometheus::Labels labels{{names_.first, std::string(first)}};
    if (!names_.second.empty()) labels[names_.second] = std::string(second);
    Metric& child = family_.Add(labels, args...);
    absl::WriterMutexLock lock(&mu_);
    children_.try_emplace(OwnedKey(first, second), &child);
    return child;
  }

 private:
  using Key = std::pair<absl::string_view, absl::string_view>;
  using OwnedKey = std::pair<std::string, std::string>;
  // Transparent, so a lookup needs no copy of the label values.
  struct Hash {
    using is_transparent = void;
    size_t operator()(const Key& key) const { return absl::HashOf(key); }
    size_t operator()(const OwnedKey& key) const {
      return absl::HashOf(Key(key.first, key.second));
    }
  };
  struct Eq {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return absl::string_view(a.first) == absl::string_view(b.first) &&
             absl::string_view(a.second) == absl::string_view(b.second);
    }
  };

  prometheus::Family<Metric>& family_;
  const std::pair<std::string, std::string> names_;
  absl::Mutex mu_;
  absl::flat_hash_map<OwnedKey, Metric*, Hash, Eq> children_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace internal

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

  // A counter read at scrape time: label name/value pairs and the value.
  struct ScrapedCounter {
    std::vector<std::pair<std::string, std::string>> labels;
    double value = 0;
  };
  // Adds a counter family whose samples `source` computes at every scrape
  // (for counts kept elsewhere, e.g. the notification receiver's). Call
  // before the server takes traffic.
  void AddScrapedCounter(std::string name, std::string help,
                         std::function<std::vector<ScrapedCounter>()> source);

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
  internal::ChildCache<prometheus::Counter> calls_by_label_;
  internal::ChildCache<prometheus::Histogram> call_latency_by_label_;
  internal::ChildCache<prometheus::Counter> upstream_requests_by_label_;
  internal::ChildCache<prometheus::Histogram> upstream_latency_by_label_;
  internal::ChildCache<prometheus::Counter> payone_answers_by_label_;
  internal::ChildCache<prometheus::Counter> payone_errors_by_label_;
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
