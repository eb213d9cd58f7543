#include "tests/conformance/matrix.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "payone/v1/gateway.pb.h"
#include "payone/v1/options.pb.h"

namespace payone::tests::conformance {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::ServiceDescriptor;

constexpr char kPaymentMethodOneof[] = "payment_method";

// gateway.pb.h links the service's descriptor into the generated pool.
const ServiceDescriptor& Gateway() {
  return *google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
      "payone.v1.PayoneGateway");
}

// The required enum field that splits a payment method into sub-methods
// (wallettype, financingtype, ...), or nullptr.
const FieldDescriptor* SubtypeField(const Descriptor& method) {
  for (int i = 0; i < method.field_count(); ++i) {
    const FieldDescriptor* field = method.field(i);
    if (field->type() == FieldDescriptor::TYPE_ENUM &&
        field->options().GetExtension(v1::field).required()) {
      return field;
    }
  }
  return nullptr;
}

void AddMethodsOf(const FieldDescriptor& oneof_field,
                  std::set<std::string>* methods) {
  const FieldDescriptor* subtype = SubtypeField(*oneof_field.message_type());
  if (subtype == nullptr) {
    methods->insert(oneof_field.name());
    return;
  }
  const EnumDescriptor& values = *subtype->enum_type();
  for (int i = 0; i < values.value_count(); ++i) {
    const std::string& wire =
        values.value(i)->options().GetExtension(v1::enum_value).wire_value();
    if (!wire.empty())
      methods->insert(absl::StrCat(oneof_field.name(), "/", wire));
  }
}

bool IsPayment(const std::string& rpc) {
  return rpc == "Preauthorize" || rpc == "Authorize";
}

std::vector<MatrixEntry>& MutableRegistry() {
  static auto* entries = new std::vector<MatrixEntry>();
  return *entries;
}

}  // namespace

bool RegisterCoverage(const std::string& test,
                      const std::vector<Coverage>& covers) {
  for (const Coverage& coverage : covers) {
    MutableRegistry().push_back({coverage, test});
  }
  return true;
}

const std::vector<MatrixEntry>& RegisteredCoverage() {
  return MutableRegistry();
}

std::vector<std::string> ModelRpcs() {
  std::vector<std::string> rpcs;
  for (int i = 0; i < Gateway().method_count(); ++i) {
    rpcs.push_back(Gateway().method(i)->name());
  }
  return rpcs;
}

std::vector<std::string> ModelPaymentMethods() {
  std::set<std::string> methods;
  for (int i = 0; i < Gateway().method_count(); ++i) {
    const Descriptor& request = *Gateway().method(i)->input_type();
    for (int j = 0; j < request.oneof_decl_count(); ++j) {
      if (request.oneof_decl(j)->name() != kPaymentMethodOneof) continue;
      for (int k = 0; k < request.oneof_decl(j)->field_count(); ++k) {
        AddMethodsOf(*request.oneof_decl(j)->field(k), &methods);
      }
    }
  }
  return {methods.begin(), methods.end()};
}

std::vector<std::string> Uncovered(const std::vector<MatrixEntry>& entries) {
  std::set<std::string> rpcs, methods;
  for (const MatrixEntry& entry : entries) {
    rpcs.insert(entry.coverage.rpc);
    if (IsPayment(entry.coverage.rpc)) methods.insert(entry.coverage.method);
  }
  std::vector<std::string> missing;
  for (const std::string& rpc : ModelRpcs()) {
    if (rpcs.count(rpc) == 0) missing.push_back(absl::StrCat("rpc ", rpc));
  }
  for (const std::string& method : ModelPaymentMethods()) {
    if (methods.count(method) == 0) {
      missing.push_back(absl::StrCat("payment method ", method));
    }
  }
  return missing;
}

std::string RenderMatrix(const std::vector<MatrixEntry>& entries) {
  const std::vector<std::string> rpcs = ModelRpcs();
  auto rank = [&](const std::string& rpc) {
    return std::find(rpcs.begin(), rpcs.end(), rpc) - rpcs.begin();
  };
  std::vector<MatrixEntry> sorted = entries;
  std::sort(sorted.begin(), sorted.end(),
            [&](const MatrixEntry& a, const MatrixEntry& b) {
              return std::make_tuple(rank(a.coverage.rpc), a.coverage.method,
                                     a.coverage.variant, a.test) <
                     std::make_tuple(rank(b.coverage.rpc), b.coverage.method,
                                     b.coverage.variant, b.test);
            });
  std::string out = absl::StrCat(
      "# Conformance matrix\n\n"
      "Generated from `tests/conformance/conformance_test.cc` by\n"
      "`tests/conformance/generate_matrix.sh`; do not edit. Every row is a "
      "test that\ncalls the gateway over gRPC, which validates, encodes and "
      "sends the request to\nthe PAYONE simulator, decodes its answer and "
      "books it in the ledger\n(`bazel test "
      "//tests/conformance:conformance_test`"
      "). The test fails when an\nRPC or a payment method of the model has no "
      "row.\n\n",
      rpcs.size(), " RPCs, ", ModelPaymentMethods().size(),
      " payment methods, ", sorted.size(), " rows.\n\n",
      "| RPC | payment method | variant | test |\n|---|---|---|---|\n");
  for (const MatrixEntry& entry : sorted) {
    absl::StrAppend(&out, "| ", entry.coverage.rpc, " | ",
                    entry.coverage.method.empty()
                        ? "-"
                        : absl::StrCat("`", entry.coverage.method, "`"),
                    " | ", entry.coverage.variant, " | `", entry.test, "` |\n");
  }
  return out;
}

}  // namespace payone::tests::conformance
