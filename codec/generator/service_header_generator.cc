#include "codec/generator/service_header_generator.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "codec/generator/common.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {

std::string ServiceHeaderGenerator::Generate() const {
  const std::string stem = ProtoStem(file_);
  const std::string guard = IncludeGuard(stem + ".payone_service.h");
  std::string out = GeneratedFilePreamble(file_->name());
  absl::SubstituteAndAppend(&out, "#ifndef $0\n#define $0\n", guard);
  if (file_->service_count() == 0) {
    absl::StrAppend(&out, "\n// ", file_->name(),
                    " defines no service.\n\n#endif  // ", guard, "\n");
    return out;
  }
  absl::SubstituteAndAppend(&out, R"(
#include <grpcpp/grpcpp.h>

#include "$0.grpc.pb.h"
#include "codec/runtime/malformed_request.h"
)",
                            stem);
  const std::string ns = CppNamespace(file_);
  if (!ns.empty()) absl::StrAppend(&out, "\nnamespace ", ns.substr(2), " {\n");
  for (int s = 0; s < file_->service_count(); ++s) {
    const auto* service = file_->service(s);
    absl::SubstituteAndAppend(&out, R"(
// Every unary RPC of $0 forwarded to
//   grpc::ServerUnaryReactor* Forwarder::Forward(
//       grpc::CallbackServerContext*, const Req*, Resp*,
//       absl::string_view rpc_name);
// A request message that does not parse reaches Forward as an empty request
// marked malformed (codec/runtime/malformed_request.h), for Forward to
// answer INVALID_ARGUMENT.
template <typename Forwarder>
class $1Forwarding final : public $2::CallbackService {
 public:
  explicit $1Forwarding(Forwarder* forwarder) : forwarder_(forwarder) {
)",
                              service->full_name(), service->name(),
                              QualifiedCppName(service));
    for (int i = 0; i < service->method_count(); ++i) {
      const auto* method = service->method(i);
      if (method->client_streaming() || method->server_streaming()) continue;
      absl::SubstituteAndAppend(&out, R"(    MarkMethodCallback(
        $0, new ::payone::codec::TolerantUnaryHandler<$2, $3>(
                [this](grpc::CallbackServerContext* ctx, const $2* req,
                       $3* resp) { return $1(ctx, req, resp); }));
)",
                                i, method->name(),
                                QualifiedCppName(method->input_type()),
                                QualifiedCppName(method->output_type()));
    }
    out.append("  }\n");
    for (int i = 0; i < service->method_count(); ++i) {
      const auto* method = service->method(i);
      if (method->client_streaming() || method->server_streaming()) continue;
      absl::SubstituteAndAppend(&out, R"(
  grpc::ServerUnaryReactor* $0(grpc::CallbackServerContext* ctx,
                               const $1* req, $2* resp) override {
    return forwarder_->Forward(ctx, req, resp, "$0");
  }
)",
                                method->name(),
                                QualifiedCppName(method->input_type()),
                                QualifiedCppName(method->output_type()));
    }
    out.append(R"(
 private:
  Forwarder* forwarder_;
};
)");
  }
  if (!ns.empty())
    absl::StrAppend(&out, "\n}  // namespace ", ns.substr(2), "\n");
  absl::StrAppend(&out, "\n#endif  // ", guard, "\n");
  return out;
}

}  // namespace payone::codec::generator
