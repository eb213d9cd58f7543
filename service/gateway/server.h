#ifndef PAYONE_SERVICE_GATEWAY_SERVER_H_
#define PAYONE_SERVICE_GATEWAY_SERVER_H_

// The running gateway: the PayoneGateway gRPC service (every RPC through
// the PaymentForwarder), the call interceptor, server reflection,
// grpc.health.v1, the upstream client and the /metrics endpoint.

#include <memory>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/config/config.h"
#include "service/gateway/call_log.h"

namespace payone::service {

class GatewayServer {
 public:
  // Starts listening; `logger` receives one line per call and must outlive
  // the server.
  static absl::StatusOr<std::unique_ptr<GatewayServer>> Start(
      Config config, CallLogger* logger);
  ~GatewayServer();

  int port() const;
  // 0 without a metrics endpoint.
  int metrics_port() const;
  // The TransactionStatus receiver's port; 0 without a receiver.
  int notifications_port() const;

  // Health turns NOT_SERVING, new calls are refused, calls in flight get
  // until `grace` to finish (then they are cancelled).
  void Shutdown(absl::Duration grace);
  // Blocks until Shutdown has completed.
  void Wait();

  struct Impl;

 private:
  explicit GatewayServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_SERVER_H_
