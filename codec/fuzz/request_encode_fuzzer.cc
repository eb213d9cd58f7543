// libFuzzer: the request path. Arbitrary bytes parsed as one of the gateway's
// request messages (the first byte picks which, the second the charset), then
// validated and, when valid, encoded. Whatever validates must encode to a form
// body that parses, names no parameter twice and carries exactly the
// parameters the message holds: decoded (the simulator's side of the codec)
// it is the message again, gateway-only fields aside and with the case the
// model normalises ignored, and encoded again it is the same body, so no
// parameter came from nowhere.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "codec/fuzz/fuzz_oracle.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/field_comparator.h"
#include "google/protobuf/util/message_differencer.h"
#include "payone/v1/check_requests.payone.h"
#include "payone/v1/management_requests.payone.h"
#include "payone/v1/options.pb.h"
#include "payone/v1/payment_requests.payone.h"

namespace payone::codec::fuzz {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::util::DefaultFieldComparator;
using ::google::protobuf::util::MessageDifferencer;

// The fields of `descriptor` and every message below it that the model says
// the gateway keeps (gateway_only) or PAYONE reads in one case (letter_case).
struct ModelFields {
  std::vector<const FieldDescriptor*> gateway_only;
  absl::flat_hash_set<const FieldDescriptor*> any_case;

  explicit ModelFields(const Descriptor* descriptor) { Visit(descriptor); }

 private:
  void Visit(const Descriptor* descriptor) {
    if (!visited_.insert(descriptor).second) return;
    for (int i = 0; i < descriptor->field_count(); ++i) {
      const FieldDescriptor* field = descriptor->field(i);
      const auto& rules = field->options().GetExtension(payone::v1::field);
      if (rules.gateway_only()) gateway_only.push_back(field);
      if (rules.text().letter_case() != payone::v1::LETTER_CASE_UNSPECIFIED) {
        any_case.insert(field);
      }
      if (field->message_type() != nullptr) Visit(field->message_type());
    }
  }
  std::set<const Descriptor*> visited_;
};

// Strings of fields with a letter_case compare ignoring ASCII case (the
// validator accepts either, the encoder sends one).
class CaseComparator : public DefaultFieldComparator {
 public:
  explicit CaseComparator(const ModelFields* model) : model_(model) {}

  ComparisonResult Compare(
      const google::protobuf::Message& a, const google::protobuf::Message& b,
      const FieldDescriptor* field, int index_a, int index_b,
      const google::protobuf::util::FieldContext* context) override {
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING &&
        model_->any_case.contains(field)) {
      const auto* reflection = a.GetReflection();
      const std::string text_a =
          field->is_repeated()
              ? reflection->GetRepeatedString(a, field, index_a)
              : reflection->GetString(a, field);
      const std::string text_b =
          field->is_repeated()
              ? reflection->GetRepeatedString(b, field, index_b)
              : reflection->GetString(b, field);
      return absl::EqualsIgnoreCase(text_a, text_b) ? SAME : DIFFERENT;
    }
    return DefaultFieldComparator::Compare(a, b, field, index_a, index_b,
                                           context);
  }

 private:
  const ModelFields* model_;
};

template <typename M>
void CheckRequest(absl::string_view bytes, Charset charset) {
  using Codec = PayoneCodec<M>;
  M request;
  if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return;
  }
  EncodeOptions options;
  options.charset = charset;
  Violations violations;
  Codec::Validate(request, options, &violations);
  (void)Codec::RedactedDebugString(request);
  if (!violations.empty()) return;

  FormBuilder form;
  Codec::Encode(request, options, &form);
  absl::StatusOr<std::vector<NameValue>> parameters = ParseForm(form.body());
  Check(parameters.ok());
  absl::flat_hash_set<std::string> names;
  for (const auto& [name, value] : *parameters) {
    Check(names.insert(name).second);
  }

  DecodeOptions decode;
  decode.charset = charset;
  M decoded;
  Check(Codec::Decode(form.body(), decode, &decoded).ok());
  static const ModelFields* const model = new ModelFields(M::descriptor());
  CaseComparator comparator(model);
  MessageDifferencer differencer;
  differencer.set_message_field_comparison(MessageDifferencer::EQUIVALENT);
  differencer.set_field_comparator(&comparator);
  for (const FieldDescriptor* field : model->gateway_only) {
    differencer.IgnoreField(field);
  }
  Check(differencer.Compare(request, decoded));

  FormBuilder again;
  Codec::Encode(decoded, options, &again);
  Check(again.body() == form.body());
}

using Checker = void (*)(absl::string_view, Charset);
constexpr Checker kRequests[] = {
    CheckRequest<payone::v1::PreauthorizationRequest>,
    CheckRequest<payone::v1::AuthorizationRequest>,
    CheckRequest<payone::v1::CaptureRequest>,
    CheckRequest<payone::v1::DebitRequest>,
    CheckRequest<payone::v1::RefundRequest>,
    CheckRequest<payone::v1::VauthorizationRequest>,
    CheckRequest<payone::v1::ThreeDSCheckRequest>,
    CheckRequest<payone::v1::CreditCardCheckRequest>,
    CheckRequest<payone::v1::BankAccountCheckRequest>,
    CheckRequest<payone::v1::AddressCheckRequest>,
    CheckRequest<payone::v1::ConsumerScoreRequest>,
    CheckRequest<payone::v1::ManageMandateRequest>,
    CheckRequest<payone::v1::GetFileRequest>,
    CheckRequest<payone::v1::GetInvoiceRequest>,
    CheckRequest<payone::v1::GenericPaymentRequest>,
    CheckRequest<payone::v1::UpdateUserRequest>,
    CheckRequest<payone::v1::GetUserRequest>,
    CheckRequest<payone::v1::CreateAccessRequest>,
    CheckRequest<payone::v1::UpdateAccessRequest>,
    CheckRequest<payone::v1::UpdateReminderRequest>,
};
constexpr size_t kRequestCount = sizeof(kRequests) / sizeof(kRequests[0]);

}  // namespace
}  // namespace payone::codec::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace payone::codec::fuzz;  // NOLINT: one entry point
  // Invalid UTF-8 in a string field is a parse failure like any other; the
  // library's log line for it would drown the fuzzer's output.
  static const bool quiet = (google::protobuf::SetLogHandler(nullptr), true);
  (void)quiet;
  if (size < 2) return 0;
  const size_t which = bytes[0] % kRequestCount;
  const payone::codec::Charset charset = (bytes[1] & 1)
                                             ? payone::codec::Charset::kLatin1
                                             : payone::codec::Charset::kUtf8;
  kRequests[which](
      absl::string_view(reinterpret_cast<const char*>(bytes) + 2, size - 2),
      charset);
  return 0;
}
