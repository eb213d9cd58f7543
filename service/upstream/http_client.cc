#include "service/upstream/http_client.h"

#include <utility>

#include "service/config/config.h"

namespace payone::service {
namespace {

class UpstreamClient final : public HttpClient {
 public:
  explicit UpstreamClient(std::unique_ptr<net::HttpClient> client)
      : client_(std::move(client)) {}

  std::shared_ptr<Call> Post(std::string body, absl::Time deadline,
                             Callback done) override {
    net::ClientRequest request;
    request.body = std::move(body);
    request.deadline = deadline;
    return client_->Send(std::move(request), std::move(done));
  }

  PoolStats Stats() const override { return client_->Stats(); }

 private:
  std::unique_ptr<net::HttpClient> client_;
};

}  // namespace

HttpClientOptions UpstreamClientOptions(
    const payone::gateway::v1::Upstream& config) {
  using payone::gateway::v1::Upstream;
  HttpClientOptions options;
  options.url = config.url();
  options.tls.ca_file = config.ca_file();
  options.max_connections = config.max_connections();
  options.connect_timeout =
      ConfigDuration(config, Upstream::kConnectTimeoutFieldNumber);
  options.idle_timeout =
      ConfigDuration(config, Upstream::kIdleTimeoutFieldNumber);
  options.io_threads = static_cast<int>(config.io_threads());
  options.max_response_bytes = config.max_response_bytes();
  options.user_agent = "payone-grpc-gateway/0.1";
  return options;
}

absl::StatusOr<std::unique_ptr<HttpClient>> HttpClient::Create(
    const payone::gateway::v1::Upstream& config) {
  return Create(UpstreamClientOptions(config));
}

absl::StatusOr<std::unique_ptr<HttpClient>> HttpClient::Create(
    const HttpClientOptions& options) {
  net::HttpClientOptions net_options = options;
  net_options.label = "upstream";
  net_options.peer_name = "PAYONE";
  absl::StatusOr<std::unique_ptr<net::HttpClient>> client =
      net::HttpClient::Create(net_options);
  if (!client.ok()) return client.status();
  return std::make_unique<UpstreamClient>(*std::move(client));
}

}  // namespace payone::service
