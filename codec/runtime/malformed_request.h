#ifndef PAYONE_CODEC_RUNTIME_MALFORMED_REQUEST_H_
#define PAYONE_CODEC_RUNTIME_MALFORMED_REQUEST_H_

// gRPC's callback API answers a request message that does not parse
// (invalid UTF-8 in a string, a truncated message, nesting past protobuf's
// recursion limit) with UNIMPLEMENTED and an empty message, before any
// application code runs: no call log line, no metric. TolerantUnaryHandler
// takes the place of the generated handler of a unary method: it parses the
// message itself and, when that fails, hands the method an empty request
// marked malformed, so the method answers INVALID_ARGUMENT through its
// ordinary path (logged and counted like any call):
//
//   if (grpc::Status malformed = codec::TakeMalformedRequest(req);
//       !malformed.ok()) { ...finish with it... }

#include <functional>
#include <string>
#include <utility>

#include "codec/runtime/arena_message_allocator.h"
#include "grpc/byte_buffer.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/impl/codegen/server_callback_handlers.h"
#include "grpcpp/support/message_allocator.h"

namespace payone::codec {

// Marks `request` (alive until its call ends) as standing for a message
// that did not parse, for the reason given.
void MarkMalformedRequest(const void* request, std::string problem);
// INVALID_ARGUMENT with the reason `request` was marked with, and unmarks
// it; OK when it parsed. Every method behind a TolerantUnaryHandler asks
// once.
grpc::Status TakeMalformedRequest(const void* request);
// The problem stated for a `type_name` message that did not parse.
std::string MalformedRequestProblem(const std::string& type_name);

template <typename Req, typename Resp>
class TolerantUnaryHandler final : public grpc::internal::MethodHandler {
 public:
  using Method = std::function<grpc::ServerUnaryReactor*(
      grpc::CallbackServerContext*, const Req*, Resp*)>;
  explicit TolerantUnaryHandler(Method method) : inner_(std::move(method)) {
    inner_.SetMessageAllocator(&allocator_);
  }

  void RunHandler(const HandlerParameter& param) override {
    inner_.RunHandler(param);
  }

  void* Deserialize(grpc_call* call, grpc_byte_buffer* req,
                    grpc::Status* status, void** handler_data) override {
    void* request = inner_.Deserialize(call, req, status, handler_data);
    if (status->ok()) return request;
    // Frees what parsed before the failure, then asks for an empty request
    // (from no bytes) held as gRPC holds any.
    static_cast<grpc::MessageHolder<Req, Resp>*>(*handler_data)->Release();
    request = inner_.Deserialize(call, grpc_raw_byte_buffer_create(nullptr, 0),
                                 status, handler_data);
    if (status->ok()) {
      MarkMalformedRequest(
          request, MalformedRequestProblem(Req::descriptor()->full_name()));
    }
    return request;
  }

 private:
  ArenaMessageAllocator<Req, Resp> allocator_;
  grpc::internal::CallbackUnaryHandler<Req, Resp> inner_;
};

// The handler of a hand-written CallbackService's unary `method`, for its
// constructor: MarkMethodCallback(MethodIndex(Svc::service_full_name(),
// "Name"), TolerantHandler(this, &Svc::Name)).
template <typename Service, typename Req, typename Resp>
grpc::internal::MethodHandler* TolerantHandler(
    Service* service,
    grpc::ServerUnaryReactor* (Service::*method)(grpc::CallbackServerContext*,
                                                 const Req*, Resp*)) {
  return new TolerantUnaryHandler<Req, Resp>(
      [service, method](grpc::CallbackServerContext* ctx, const Req* req,
                        Resp* resp) {
        return (service->*method)(ctx, req, resp);
      });
}

// The index of `method` in the generated service `service_full_name`
// (the order gRPC registers methods in); -1 when there is none.
int MethodIndex(const char* service_full_name, const char* method);

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_MALFORMED_REQUEST_H_
