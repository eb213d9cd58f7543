#ifndef PAYONE_CLIENT_STUBS_CPP_PAYONE_CLIENT_H_
#define PAYONE_CLIENT_STUBS_CPP_PAYONE_CLIENT_H_

// The idiomatic C++ client of the PAYONE gateway over the generated stubs
// (which stay available: client.gateway(), client.ledger()).
//
//   auto client = payone::client::GatewayClient::Create(
//       {.address = "gateway:50051", .token = token, .tls = true});
//   payone::client::IdempotentOperation preauthorize(*client);
//   absl::StatusOr<PreauthorizationResponse> answer = preauthorize.Call(
//       &PayoneGateway::Stub::Preauthorize, request);
//   if (!answer.ok()) {
//     payone::client::GatewayError error =
//     payone::client::ErrorOf(answer.status()); for (const auto& v :
//     error.violations) ...;   // INVALID_ARGUMENT if (error.retry_safe) ...;
//   }

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "payone/v1/ledger.grpc.pb.h"

namespace payone::client {

struct ClientOptions {
  // "host:port" (any gRPC target).
  std::string address = "127.0.0.1:50051";
  // Sent as "authorization: Bearer <token>"; empty: none.
  std::string token;
  // TLS with the system's roots (or root_certificates_pem when set);
  // false: plaintext, for loopback and tests only.
  bool tls = false;
  std::string root_certificates_pem;
  // Deadline of each unary call unless CallOptions say otherwise. PAYONE
  // answers within seconds; the gateway's own upstream timeout is below it.
  std::chrono::milliseconds timeout{30000};
};

// Per-call settings.
struct CallOptions {
  // 0: ClientOptions::timeout.
  std::chrono::milliseconds timeout{0};
  // Sent as "x-request-id" (the gateway logs it and echoes it); empty: a
  // fresh one.
  std::string request_id;
  // Sent as "idempotency-key"; empty: none. IdempotentOperation sets it.
  std::string idempotency_key;
  // Waits for the gateway to be reachable (within the deadline) instead of
  // failing at once with UNAVAILABLE.
  bool wait_for_ready = false;
};

struct FieldViolation {
  std::string field;        // e.g. "credit_card.cardpan"
  std::string description;  // what is wrong, never the value
};

// A failed call as a value: absl::Status carries it, ErrorOf reads it.
struct GatewayError {
  absl::StatusCode code = absl::StatusCode::kOk;
  std::string message;
  // Every violation of an INVALID_ARGUMENT (google.rpc.BadRequest).
  std::vector<FieldViolation> violations;
  // google.rpc.ErrorInfo: why (PAYONE_NOT_SENT, PAYONE_OUTCOME_UNKNOWN,
  // IDEMPOTENCY_KEY_IN_FLIGHT, LEDGER_CHECK_FAILED, ...) and its domain.
  std::string reason;
  std::string domain;
  // True only when the gateway says the same request may be sent again
  // (ErrorInfo.metadata["retry_safe"] == "true"): nothing reached PAYONE.
  bool retry_safe = false;
  // The call's x-request-id, to find it in the gateway's log.
  std::string request_id;
};

// Reads the gateway's error details from a status this library returned;
// a status without them gives code and message only.
GatewayError ErrorOf(const absl::Status& status);
// Turns a gRPC status and its details into an absl::Status that ErrorOf
// reads.
absl::Status FromGrpcStatus(const grpc::Status& status,
                            const std::string& request_id);
// 32 random hex digits (128 bits): request ids, idempotency keys.
std::string RandomId();

class GatewayClient {
 public:
  static absl::StatusOr<std::unique_ptr<GatewayClient>> Create(
      ClientOptions options);

  // The generated stubs, for everything this class does not wrap.
  v1::PayoneGateway::Stub& gateway() { return *gateway_; }
  v1::PaymentLedger::Stub& ledger() { return *ledger_; }
  const ClientOptions& options() const { return options_; }

  // Fills in deadline, token, request id and idempotency key.
  void Prepare(grpc::ClientContext& context, const CallOptions& call) const;

  // One unary call of either stub, e.g.
  //   client.Call(&v1::PayoneGateway::Stub::Capture, request);
  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> Call(
      grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                   Response*),
      const Request& request, CallOptions call = {}) {
    if (call.request_id.empty()) call.request_id = RandomId();
    grpc::ClientContext context;
    Prepare(context, call);
    Response response;
    const grpc::Status status =
        (StubFor<Stub>().*method)(&context, request, &response);
    if (!status.ok()) return FromGrpcStatus(status, call.request_id);
    return response;
  }

 private:
  explicit GatewayClient(ClientOptions options,
                         std::shared_ptr<grpc::Channel> channel);
  template <typename Stub>
  Stub& StubFor();

  ClientOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::PayoneGateway::Stub> gateway_;
  std::unique_ptr<v1::PaymentLedger::Stub> ledger_;
};

template <>
inline v1::PayoneGateway::Stub& GatewayClient::StubFor() {
  return *gateway_;
}
template <>
inline v1::PaymentLedger::Stub& GatewayClient::StubFor() {
  return *ledger_;
}

// One logical payment operation (one preauthorization, one capture, ...):
// every attempt sends the same idempotency-key, so the gateway sends it to
// PAYONE at most once. Call() retries by itself only errors the gateway marks
// retry_safe (nothing was sent), with backoff; an outcome-unknown error is
// returned, and calling again with this object is refused by the gateway
// (ABORTED, IDEMPOTENCY_KEY_IN_FLIGHT) rather than charged twice. Create a
// new object for a new operation.
class IdempotentOperation {
 public:
  explicit IdempotentOperation(GatewayClient& client, int max_attempts = 3,
                               std::string key = RandomId())
      : client_(client), max_attempts_(max_attempts), key_(std::move(key)) {}

  const std::string& key() const { return key_; }
  // Attempts made by the last Call().
  int attempts() const { return attempts_; }

  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> Call(
      grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                   Response*),
      const Request& request, CallOptions call = {}) {
    call.idempotency_key = key_;
    absl::StatusOr<Response> result;
    std::chrono::milliseconds backoff(100);
    for (attempts_ = 1;; ++attempts_) {
      result = client_.Call(method, request, call);
      if (result.ok() || attempts_ >= max_attempts_ ||
          !ErrorOf(result.status()).retry_safe) {
        return result;
      }
      std::this_thread::sleep_for(backoff);
      backoff *= 2;
    }
  }

 private:
  GatewayClient& client_;
  int max_attempts_;
  std::string key_;
  int attempts_ = 0;
};

// Follows WatchTransactionStatus and survives disconnects: after a broken
// stream (gateway restart, network) it reconnects with backoff and resumes
// after the cursor of the last event the handler acknowledged.
//
// Delivery is at least once: an event whose handler had not returned true
// before a disconnect comes again, so handlers must be idempotent (key on
// the event's cursor or on txid + sequencenumber + txaction).
class NotificationSubscriber {
 public:
  // Returns true to acknowledge the event (its cursor becomes the resume
  // point); false stops the subscriber after this event unacknowledged.
  using Handler = std::function<bool(const v1::TransactionStatusEvent&)>;

  NotificationSubscriber(GatewayClient& client,
                         v1::WatchTransactionStatusRequest request)
      : client_(client), request_(std::move(request)) {}

  // Runs until Stop() or the handler returns false; returns the last
  // non-retryable error (e.g. NOT_FOUND, PERMISSION_DENIED) or OK.
  absl::Status Run(const Handler& handler);
  // From any thread.
  void Stop();

  int64_t acknowledged_cursor() const { return acknowledged_cursor_; }
  // Streams opened after the first (reconnects).
  int reconnects() const { return reconnects_; }

 private:
  GatewayClient& client_;
  v1::WatchTransactionStatusRequest request_;
  std::atomic<int64_t> acknowledged_cursor_{0};
  std::atomic<int> reconnects_{0};
  std::mutex mu_;
  bool stopped_ = false;
  grpc::ClientContext* current_ = nullptr;
};

}  // namespace payone::client

#endif  // PAYONE_CLIENT_STUBS_CPP_PAYONE_CLIENT_H_
