#ifndef PAYONE_SERVICE_GATEWAY_CALL_INTERCEPTOR_H_
#define PAYONE_SERVICE_GATEWAY_CALL_INTERCEPTOR_H_

// What every RPC of the gateway's own services (payone.v1.PayoneGateway,
// PaymentLedger, PayoneClientApi) gets, whatever serves it: a request id
// (the caller's x-request-id, or a new one, echoed in the initial
// metadata), one call-log line when it ends, and the call metrics. A gRPC
// server interceptor does it; handlers only add their own facts to the
// call's CallRecord.

#include <cstddef>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/arena.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_interceptor.h"
#include "service/gateway/call_log.h"
#include "service/gateway/call_log.pb.h"
#include "service/gateway/metrics.h"

namespace payone::service {

// What one call gathers for its log line and its metrics. Handlers write to
// it before they finish the call (the line is written as the status goes
// out), never after.
struct CallRecord {
  CallRecord();
  CallRecord(const CallRecord&) = delete;
  CallRecord& operator=(const CallRecord&) = delete;

 private:
  // `log` lives on an arena whose first block comes with the record: its
  // strings, about ten per call, are not a heap allocation each.
  static constexpr size_t kArenaBlockBytes = 1024;
  // Declared before arena_, which uses it until it is destroyed.
  alignas(std::max_align_t) char arena_block_[kArenaBlockBytes];
  google::protobuf::Arena arena_;

 public:
  // time, request_id, method, code, total_ms and message are the
  // interceptor's; the rest the handler's.
  payone::gateway::v1::CallLog& log;
  // The PAYONE exchange, if there was one: "answered", "not_sent" or
  // "outcome_unknown", and how long it took.
  absl::string_view upstream_outcome;
  absl::Duration upstream_latency;
  // PAYONE's answer was read (log.payone_status and log.errorcode hold it);
  // a status the model does not know is counted as "UNRECOGNIZED".
  bool answered = false;
  bool status_recognized = true;
};

// The record of the call `ctx` serves; nullptr for a call no
// CallInterceptorFactory intercepts.
CallRecord* CallRecordOf(const grpc::ServerContextBase* ctx);

// Creates the interceptor of every call to a payone.v1 service; health
// checks and reflection pass untouched. `metrics` and `logger` must outlive
// the server.
class CallInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  CallInterceptorFactory(GatewayMetrics* metrics, CallLogger* logger)
      : metrics_(metrics), logger_(logger) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  GatewayMetrics* metrics_;
  CallLogger* logger_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_CALL_INTERCEPTOR_H_
