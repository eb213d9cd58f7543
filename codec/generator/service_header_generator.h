#ifndef PAYONE_CODEC_GENERATOR_SERVICE_HEADER_GENERATOR_H_
#define PAYONE_CODEC_GENERATOR_SERVICE_HEADER_GENERATOR_H_

#include <string>

#include "codec/generator/emitter.h"
#include "google/protobuf/descriptor.h"

namespace payone::codec::generator {

// <file>.payone_service.h: for each service, a CallbackService whose every
// unary RPC hands its call to a Forwarder, so the gateway has no
// hand-written per-RPC code:
//
//   template <typename Forwarder>
//   class GatewayForwarding final : public Gateway::CallbackService {
//    public:
//     explicit GatewayForwarding(Forwarder* forwarder);
//     grpc::ServerUnaryReactor* Preauthorize(
//         grpc::CallbackServerContext* ctx, const Req* req,
//         Resp* resp) override {
//       return forwarder_->Forward(ctx, req, resp, "Preauthorize");
//     }
//   };
//
// Streaming RPCs are left to the base class (UNIMPLEMENTED).
class ServiceHeaderGenerator {
 public:
  explicit ServiceHeaderGenerator(const google::protobuf::FileDescriptor* file)
      : file_(file) {}
  std::string Generate() const;

 private:
  // The includes and, in the file's namespace, one class per service.
  void EmitServices(Printer* p) const;

  const google::protobuf::FileDescriptor* file_;
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_SERVICE_HEADER_GENERATOR_H_
