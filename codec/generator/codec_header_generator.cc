#include "codec/generator/codec_header_generator.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "codec/generator/common.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {
namespace {

void AppendEnum(const google::protobuf::EnumDescriptor* e, std::string* out) {
  absl::SubstituteAndAppend(out, R"(
template <>
struct PayoneEnum<$0> {
  // "" for the unspecified (not sent) value and unknown numbers.
  static absl::string_view ToWire($0 value);
  static bool FromWire(absl::string_view text, $0* value);
  // The proto name, for logs.
  static absl::string_view Name($0 value);
};
)",
                            QualifiedCppName(e));
}

const char* LedgerEffectConstant(payone::v1::LedgerEffect effect) {
  switch (effect) {
    case payone::v1::LEDGER_EFFECT_RESERVE:
      return "LedgerEffect::kReserve";
    case payone::v1::LEDGER_EFFECT_AUTHORIZE:
      return "LedgerEffect::kAuthorize";
    case payone::v1::LEDGER_EFFECT_CAPTURE:
      return "LedgerEffect::kCapture";
    case payone::v1::LEDGER_EFFECT_REFUND:
      return "LedgerEffect::kRefund";
    case payone::v1::LEDGER_EFFECT_DEBIT:
      return "LedgerEffect::kDebit";
    default:
      return "LedgerEffect::kNone";
  }
}

// Every request gets the ledger members, kNone ones too, so that code generic
// over requests needs no `if constexpr` to call LedgerFieldsOf.
void AppendLedgerMembers(const MessageModel& m, std::string* out) {
  const bool takes_sequencenumber =
      m.LedgerFieldOf(payone::v1::LEDGER_FIELD_SEQUENCENUMBER) != nullptr;
  absl::SubstituteAndAppend(out, R"(
  // What the request does to a payment's ledger (ledger_effect).
  static constexpr LedgerEffect kLedgerEffect = $0;
  // Whether it has a field tagged LEDGER_FIELD_SEQUENCENUMBER.
  static constexpr bool kTakesSequenceNumber = $1;
  // The fields tagged (payone.v1.field).ledger, as views into `m`.
  static LedgerFields LedgerFieldsOf(const Message& m);
)",
                            LedgerEffectConstant(m.ledger_effect),
                            takes_sequencenumber ? "true" : "false");
  if (takes_sequencenumber) {
    out->append(R"(  // Sets the field tagged LEDGER_FIELD_SEQUENCENUMBER.
  static void SetSequenceNumber(Message* m, int32_t n);
)");
  }
}

// A RESPONSE with a result_oneof: DecodeResult, inline, so that the
// generated sources stay as they are.
void AppendDecodeResult(const MessageModel& m, std::string* out) {
  const auto* oneof = m.message->FindOneofByName(m.rules.result_oneof());
  if (oneof == nullptr) return;
  std::string paydata_stem = "\"\"";
  std::string paydata = "nullptr";
  std::string unknown = "nullptr";
  for (const FieldModel& f : m.fields) {
    if (f.kind == FieldKind::kKeyedMap && paydata == "nullptr") {
      paydata_stem = CppLiteral(f.rules.wire_name());
      paydata = absl::StrCat("m->mutable_", f.accessor, "()");
    } else if (f.kind == FieldKind::kUnknownMap) {
      unknown = absl::StrCat("m->mutable_", f.accessor, "()");
    }
  }
  absl::SubstituteAndAppend(out, R"(
  // The typed result (oneof $0): fills the alternative whose field number
  // is `number` (the request's action) from PAYONE's answer with its PART's
  // codec and takes the parameters it decoded out of the free maps; any
  // other number sets nothing.
  static absl::Status DecodeResult(int number, absl::string_view body,
                                   const DecodeOptions& options, Message* m) {
    switch (number) {
)",
                            oneof->name());
  for (int i = 0; i < oneof->field_count(); ++i) {
    const auto* field = oneof->field(i);
    absl::SubstituteAndAppend(out, R"(      case $0:
        return internal::DecodeResultPart(body, options, m->mutable_$1(),
                                          $2, $3, $4);
)",
                              field->number(), FieldAccessor(field),
                              paydata_stem, paydata, unknown);
  }
  out->append(R"(      default:
        return absl::OkStatus();
    }
  }
)");
}

void AppendMessage(const MessageModel& m, std::string* out) {
  const auto kind = m.rules.kind();
  absl::SubstituteAndAppend(out, R"(
// $1
template <>
struct PayoneCodec<$0> {
  using Message = $0;
)",
                            QualifiedCppName(m.message),
                            payone::v1::MessageKind_Name(kind));
  if (kind == payone::v1::MESSAGE_KIND_REQUEST) {
    absl::SubstituteAndAppend(out, R"(
  static constexpr absl::string_view kRequestType = $0;
  // Appends every broken rule of `m` to `out`.
  static void Validate(const Message& m, const EncodeOptions& options,
                       Violations* out);
  // Appends m's parameters (not the standard ones) to `form`.
  static void Encode(const Message& m, const EncodeOptions& options,
                     FormBuilder* form);
  // Reads a form body (the simulator's side); standard and unknown
  // parameters are ignored.
  static absl::Status Decode(absl::string_view body,
                             const DecodeOptions& options, Message* m);
)",
                              CppLiteral(m.rules.request_type()));
    AppendLedgerMembers(m, out);
  } else if (kind == payone::v1::MESSAGE_KIND_RESPONSE) {
    out->append(R"(
  // Parses PAYONE's key=value lines into `m` (cleared first).
  static absl::Status Decode(absl::string_view body,
                             const DecodeOptions& options, Message* m);
  // The other way round (the simulator's side): form parameters, and the
  // key=value answer PAYONE would send.
  static void Encode(const Message& m, const EncodeOptions& options,
                     FormBuilder* form);
  static std::string EncodeResponse(const Message& m);
)");
    AppendDecodeResult(m, out);
  } else if (kind == payone::v1::MESSAGE_KIND_NOTIFICATION) {
    out->append(R"(
  // Parses the form-encoded POST body into `m` (cleared first).
  static absl::Status Decode(absl::string_view body,
                             const DecodeOptions& options, Message* m);
  // The form body PAYONE would POST (the simulator's side).
  static void Encode(const Message& m, const EncodeOptions& options,
                     FormBuilder* form);
)");
  }
  out->append(R"(
  // `m` as text for logs, sensitive fields replaced by "<redacted>".
  static std::string RedactedDebugString(const Message& m);
  // Wire names and stems of the sensitive fields, for RedactFormBody.
  static absl::Span<const absl::string_view> SensitiveWireNames();

  // Building blocks for generated code.
  static void ValidateFields(const Message& m, const EncodeOptions& options,
                             const internal::FieldPath* path, int wire_index,
                             Violations* out);
  static void EncodeFields(const Message& m, const EncodeOptions& options,
                           int wire_index, FormBuilder* form);
  static bool Owns(absl::string_view name, const internal::WireName& wire,
                   absl::string_view value);
  static internal::Match DecodeField(absl::string_view name,
                                     absl::string_view value, Message* m,
                                     absl::Status* error);
  // DecodeField past the names it switches on: parts, brackets, maps.
  static internal::Match DecodeNested(absl::string_view name,
                                      const internal::WireName& wire,
                                      absl::string_view value, Message* m,
                                      absl::Status* error);
  static void AppendDebugFields(const Message& m, internal::DebugPrinter* out);
};
)");
}

}  // namespace

std::string CodecHeaderGenerator::Generate() const {
  const std::string stem = ProtoStem(model_.file);
  const std::string guard = IncludeGuard(stem + ".payone.h");
  std::string out = GeneratedFilePreamble(model_.file->name());
  absl::SubstituteAndAppend(&out, R"(#ifndef $0
#define $0

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/generated.h"
#include "codec/runtime/ledger.h"
#include "$1.pb.h"
)",
                            guard, stem);
  for (const MessageModel* m : model_.messages) {
    if (!m->rules.result_oneof().empty()) {
      out.append("#include \"codec/runtime/result_part.h\"\n");
      break;
    }
  }
  for (const auto* dep : model_.codec_imports) {
    absl::StrAppend(&out, "#include \"", ProtoStem(dep), ".payone.h\"\n");
  }
  out.append("\nnamespace payone::codec {\n");
  for (const auto* e : model_.enums) AppendEnum(e, &out);
  for (const MessageModel* m : model_.messages) AppendMessage(*m, &out);
  absl::StrAppend(&out, "\n}  // namespace payone::codec\n\n#endif  // ", guard,
                  "\n");
  return out;
}

}  // namespace payone::codec::generator
