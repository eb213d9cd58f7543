#include "codec/generator/service_header_generator.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "codec/generator/common.h"
#include "codec/generator/emitter.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {
namespace {

using ::google::protobuf::MethodDescriptor;
using ::google::protobuf::ServiceDescriptor;

bool IsUnary(const MethodDescriptor* method) {
  return !method->client_streaming() && !method->server_streaming();
}

// The <Service>Forwarding class of one service: a constructor that installs
// a tolerant handler per unary RPC, and the overrides that hand each call to
// the Forwarder.
class ForwardingEmitter {
 public:
  ForwardingEmitter(const ServiceDescriptor* service, Printer* p)
      : service_(service), p_(p) {}

  void Emit() {
    p_->Print(
        "\n"
        "// Every unary RPC of $full_name$ forwarded to\n"
        "//   grpc::ServerUnaryReactor* Forwarder::Forward(\n"
        "//       grpc::CallbackServerContext*, const Req*, Resp*,\n"
        "//       absl::string_view rpc_name);\n"
        "// A request message that does not parse reaches Forward as an "
        "empty request\n"
        "// marked malformed (codec/runtime/malformed_request.h), for "
        "Forward to\n"
        "// answer INVALID_ARGUMENT.\n"
        "template <typename Forwarder>\n"
        "class $name$Forwarding final : public $base$::CallbackService {\n"
        " public:\n"
        "  explicit $name$Forwarding(Forwarder* forwarder) : "
        "forwarder_(forwarder) {\n",
        "full_name", service_->full_name(), "name", service_->name(), "base",
        QualifiedCppName(service_));
    p_->Indent();
    p_->Indent();
    for (int i = 0; i < service_->method_count(); ++i) {
      if (IsUnary(service_->method(i))) EmitHandler(i);
    }
    p_->Outdent();
    p_->Print("}\n");
    for (int i = 0; i < service_->method_count(); ++i) {
      if (IsUnary(service_->method(i))) EmitOverride(service_->method(i));
    }
    p_->Outdent();
    p_->Print(
        "\n"
        " private:\n"
        "  Forwarder* forwarder_;\n"
        "};\n");
  }

 private:
  // In the constructor: method `index` served by a TolerantUnaryHandler.
  void EmitHandler(int index) {
    const MethodDescriptor* method = service_->method(index);
    p_->Print(
        "MarkMethodCallback(\n"
        "    $index$, new ::payone::codec::TolerantUnaryHandler<$req$, "
        "$resp$>(\n"
        "            [this](grpc::CallbackServerContext* ctx, const $req$* "
        "req,\n"
        "                   $resp$* resp) { return $method$(ctx, req, resp); "
        "}));\n",
        "index", absl::StrCat(index), "method", method->name(), "req",
        QualifiedCppName(method->input_type()), "resp",
        QualifiedCppName(method->output_type()));
  }

  void EmitOverride(const MethodDescriptor* method) {
    p_->Print(
        "\n"
        "grpc::ServerUnaryReactor* $method$(grpc::CallbackServerContext* "
        "ctx,\n"
        "                             const $req$* req, $resp$* resp) "
        "override {\n"
        "  return forwarder_->Forward(ctx, req, resp, \"$method$\");\n"
        "}\n",
        "method", method->name(), "req", QualifiedCppName(method->input_type()),
        "resp", QualifiedCppName(method->output_type()));
  }

  const ServiceDescriptor* const service_;
  Printer* const p_;
};

}  // namespace

void ServiceHeaderGenerator::EmitServices(Printer* p) const {
  p->Print(
      "\n"
      "#include <grpcpp/grpcpp.h>\n"
      "\n"
      "#include \"$stem$.grpc.pb.h\"\n"
      "#include \"codec/runtime/malformed_request.h\"\n",
      "stem", ProtoStem(file_));
  // CppNamespace is "::a::b"; the namespace block names "a::b".
  const std::string ns = CppNamespace(file_);
  if (!ns.empty()) p->Print("\nnamespace $ns$ {\n", "ns", ns.substr(2));
  for (int s = 0; s < file_->service_count(); ++s) {
    ForwardingEmitter(file_->service(s), p).Emit();
  }
  if (!ns.empty()) p->Print("\n}  // namespace $ns$\n", "ns", ns.substr(2));
}

std::string ServiceHeaderGenerator::Generate() const {
  const std::string stem = ProtoStem(file_);
  const std::string guard = IncludeGuard(stem + ".payone_service.h");
  return PrintFile(file_->name(), [&](Printer* p) {
    p->Print(
        "#ifndef $guard$\n"
        "#define $guard$\n",
        "guard", guard);
    if (file_->service_count() == 0) {
      p->Print("\n// $file$ defines no service.\n", "file", file_->name());
    } else {
      EmitServices(p);
    }
    p->Print("\n#endif  // $guard$\n", "guard", guard);
  });
}

}  // namespace payone::codec::generator
