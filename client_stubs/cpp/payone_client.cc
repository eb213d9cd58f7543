#include "client_stubs/cpp/payone_client.h"

#include <random>

#include "absl/strings/cord.h"
#include "absl/strings/str_format.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace payone::client {
namespace {

// Where FromGrpcStatus keeps the google.rpc.Status and the request id.
constexpr char kDetailsPayload[] = "type.googleapis.com/google.rpc.Status";
constexpr char kRequestIdPayload[] = "payone-gateway/x-request-id";

bool Reconnectable(grpc::StatusCode code) {
  return code == grpc::StatusCode::OK ||
         code == grpc::StatusCode::UNAVAILABLE ||
         code == grpc::StatusCode::UNKNOWN ||
         code == grpc::StatusCode::INTERNAL ||
         code == grpc::StatusCode::ABORTED ||
         code == grpc::StatusCode::RESOURCE_EXHAUSTED;
}

}  // namespace

std::string RandomId() {
  thread_local std::mt19937_64 random(std::random_device{}());
  return absl::StrFormat("%016x%016x", random(), random());
}

absl::Status FromGrpcStatus(const grpc::Status& status,
                            const std::string& request_id) {
  absl::Status result(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
  if (!status.error_details().empty()) {
    result.SetPayload(kDetailsPayload, absl::Cord(status.error_details()));
  }
  if (!request_id.empty()) {
    result.SetPayload(kRequestIdPayload, absl::Cord(request_id));
  }
  return result;
}

GatewayError ErrorOf(const absl::Status& status) {
  GatewayError error;
  error.code = status.code();
  error.message = std::string(status.message());
  if (auto id = status.GetPayload(kRequestIdPayload); id.has_value()) {
    error.request_id = std::string(*id);
  }
  auto details = status.GetPayload(kDetailsPayload);
  google::rpc::Status rpc_status;
  if (!details.has_value() ||
      !rpc_status.ParseFromString(std::string(*details))) {
    return error;
  }
  for (const google::protobuf::Any& detail : rpc_status.details()) {
    google::rpc::BadRequest bad_request;
    google::rpc::ErrorInfo info;
    if (detail.UnpackTo(&bad_request)) {
      for (const auto& violation : bad_request.field_violations()) {
        error.violations.push_back(
            {violation.field(), violation.description()});
      }
    } else if (detail.UnpackTo(&info)) {
      error.reason = info.reason();
      error.domain = info.domain();
      auto retry_safe = info.metadata().find("retry_safe");
      error.retry_safe =
          retry_safe != info.metadata().end() && retry_safe->second == "true";
    }
  }
  return error;
}

absl::StatusOr<std::unique_ptr<GatewayClient>> GatewayClient::Create(
    ClientOptions options) {
  if (options.address.empty()) {
    return absl::InvalidArgumentError("ClientOptions.address is empty");
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.tls) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = options.root_certificates_pem;
    credentials = grpc::SslCredentials(ssl);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  auto channel = grpc::CreateChannel(options.address, credentials);
  return std::unique_ptr<GatewayClient>(
      new GatewayClient(std::move(options), std::move(channel)));
}

GatewayClient::GatewayClient(ClientOptions options,
                             std::shared_ptr<grpc::Channel> channel)
    : options_(std::move(options)),
      channel_(std::move(channel)),
      gateway_(v1::PayoneGateway::NewStub(channel_)),
      ledger_(v1::PaymentLedger::NewStub(channel_)) {}

void GatewayClient::Prepare(grpc::ClientContext& context,
                            const CallOptions& call) const {
  const auto timeout =
      call.timeout.count() > 0 ? call.timeout : options_.timeout;
  context.set_deadline(std::chrono::system_clock::now() + timeout);
  context.set_wait_for_ready(call.wait_for_ready);
  if (!options_.token.empty()) {
    context.AddMetadata("authorization", "Bearer " + options_.token);
  }
  context.AddMetadata("x-request-id",
                      call.request_id.empty() ? RandomId() : call.request_id);
  if (!call.idempotency_key.empty()) {
    context.AddMetadata("idempotency-key", call.idempotency_key);
  }
}

absl::Status NotificationSubscriber::Run(const Handler& handler) {
  acknowledged_cursor_ = request_.after_cursor();
  std::chrono::milliseconds backoff(100);
  for (bool first = true;; first = false) {
    grpc::ClientContext context;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopped_) return absl::OkStatus();
      current_ = &context;
    }
    if (!first) ++reconnects_;
    // A watch has no deadline; it waits for the gateway to come back.
    context.set_wait_for_ready(true);
    if (!client_.options().token.empty()) {
      context.AddMetadata("authorization", "Bearer " + client_.options().token);
    }
    context.AddMetadata("x-request-id", RandomId());
    v1::WatchTransactionStatusRequest request = request_;
    request.set_after_cursor(acknowledged_cursor_);
    auto stream = client_.ledger().WatchTransactionStatus(&context, request);
    v1::TransactionStatusEvent event;
    bool handler_stopped = false;
    while (stream->Read(&event)) {
      backoff = std::chrono::milliseconds(100);
      if (!handler(event)) {
        handler_stopped = true;
        context.TryCancel();
        break;
      }
      acknowledged_cursor_ = event.cursor();
    }
    const grpc::Status status = stream->Finish();
    {
      std::lock_guard<std::mutex> lock(mu_);
      current_ = nullptr;
      if (stopped_ || handler_stopped) return absl::OkStatus();
    }
    if (!Reconnectable(status.error_code())) {
      return FromGrpcStatus(status, "");
    }
    std::this_thread::sleep_for(backoff);
    backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
  }
}

void NotificationSubscriber::Stop() {
  std::lock_guard<std::mutex> lock(mu_);
  stopped_ = true;
  if (current_ != nullptr) current_->TryCancel();
}

}  // namespace payone::client
