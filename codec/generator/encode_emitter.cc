#include "codec/generator/encode_emitter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "codec/generator/names.h"
#include "codec/runtime/form.h"

namespace payone::codec::generator {
namespace {

// Whether form encoding leaves every one of `texts` as it is: then Encode
// copies them (internal::AddVerbatim) instead of encoding them.
bool NeedNoEscaping(const std::vector<std::string>& texts) {
  for (const std::string& text : texts) {
    if (FormEncode(text) != text) return false;
  }
  return true;
}

std::vector<std::string> WireValues(
    const google::protobuf::EnumDescriptor* type) {
  std::vector<std::string> values;
  for (int i = 0; i < type->value_count(); ++i) {
    values.push_back(WireValueOf(type->value(i)));
  }
  return values;
}

// "AddVerbatim" or "AddRaw" for a parameter whose value is one of `texts`.
const char* AdderFor(const std::vector<std::string>& texts) {
  return NeedNoEscaping(texts) ? "AddVerbatim" : "AddRaw";
}

// The FormBuilder::EncodedName of a wire name, percent-encoded here so that
// Encode copies it: {"&cardpan=", "&cardpan%5B"}.
std::string EncodedNameOf(const std::string& wire_name) {
  const std::string encoded = FormEncode(wire_name);
  return absl::StrCat("{", Lit(absl::StrCat("&", encoded, "=")), ", ",
                      Lit(absl::StrCat("&", encoded, "%5B")), "}");
}

}  // namespace

void EncodeEmitter::EmitEncodeFields() {
  p_->Print(
      "\n"
      "void PayoneCodec<$type$>::EncodeFields(const Message& m,\n"
      "                                   const EncodeOptions& options,\n"
      "                                   int wire_index, FormBuilder* form) "
      "{\n"
      "  (void)m; (void)options; (void)wire_index; (void)form;\n",
      "type", type_);
  p_->Indent();
  for (const auto& [name, value] : model_.constants) {
    p_->Print(
        "{\n"
        "  static constexpr EncodedName kName$name$;\n"
        "  internal::$add$(kName, 0, $value$, form);\n"
        "}\n",
        "name", EncodedNameOf(name), "add", AdderFor({value}), "value",
        Lit(value));
  }
  for (const FieldModel& f : model_.fields) EmitField(f);
  p_->Outdent();
  p_->Print("}\n");
}

// A parameter's encoded name is a constant in a block around the code
// that adds it (`kName`), so that adding copies it from read-only data.
void EncodeEmitter::EmitField(const FieldModel& f) {
  if (!f.is_scalar()) {
    EmitParameter(f, "");
    return;
  }
  p_->Print(
      "{\n"
      "  static constexpr EncodedName kName$name$;\n",
      "name", EncodedNameOf(f.rules.wire_name()));
  p_->Indent();
  EmitParameter(f, "kName");
  p_->Outdent();
  p_->Print("}\n");
}

void EncodeEmitter::EmitParameter(const FieldModel& f,
                                  const std::string& name) {
  switch (f.kind) {
    case FieldKind::kText:
      if (f.rules.text().form_url_encoded()) {
        p_->Print(
            "if ($sent$) {\n"
            "  internal::AddFormEncodedText($name$, wire_index, $value$, "
            "options, form);\n"
            "}\n",
            "sent", IsSent("m", f), "name", name, "value", Value("m", f));
        break;
      }
      p_->Print(
          "if ($sent$) {\n"
          "  internal::AddText($name$, wire_index, $value$, "
          "internal::Case::$case$, options, form);\n"
          "}\n",
          "sent", IsSent("m", f), "name", name, "value", Value("m", f), "case",
          CaseName(f.rules.text().letter_case()));
      break;
    case FieldKind::kInteger:
      p_->Print(
          "$if$internal::$add$($name$, wire_index, $value$, form);\n", "if",
          If(IsSent("m", f)), "add",
          f.format == payone::v1::FORMAT_DECIMAL ? "AddDecimal" : "AddInteger",
          "name", name, "value", Value("m", f));
      break;
    case FieldKind::kUnsigned:
      p_->Print(
          "$if$internal::AddUnsigned($name$, wire_index, $value$, form);\n",
          "if", If(IsSent("m", f)), "name", name, "value", Value("m", f));
      break;
    case FieldKind::kBool:
      p_->Print(
          {{"if",
            If(f.rules.required() && !f.has_presence ? "true" : IsSet("m", f))},
           {"name", name},
           {"value", Value("m", f)},
           {"true", Lit(TrueText(f))},
           {"false", Lit(FalseText(f))},
           {"add", AdderFor({TrueText(f), FalseText(f)})}},
          "$if$internal::$add$($name$, wire_index, $value$ ? $true$ : "
          "$false$, form);\n");
      break;
    case FieldKind::kEnum:
      p_->Print(
          {{"if", If(f.has_presence ? IsSet("m", f) : "true")},
           {"enum", QualifiedCppName(f.enum_type)},
           {"value", Value("m", f)},
           {"name", name},
           {"add", AdderFor(WireValues(f.enum_type))}},
          "$if${\n"
          "  const absl::string_view text = PayoneEnum<$enum$>::ToWire("
          "$value$);\n"
          "  if (!text.empty()) internal::$add$($name$, wire_index, text, "
          "form);\n"
          "}\n");
      break;
    case FieldKind::kPart:
      p_->Print(
          "if (m.has_$field$()) {\n"
          "  PayoneCodec<$part$>::EncodeFields(m.$field$(), options, "
          "wire_index, form);\n"
          "}\n",
          "field", f.accessor, "part", QualifiedCppName(f.part));
      break;
    case FieldKind::kIndexedParts:
      p_->Print(
          "for (int i = 0; i < m.$field$_size(); ++i) {\n"
          "  PayoneCodec<$part$>::EncodeFields(m.$field$(i), options, i + 1, "
          "form);\n"
          "}\n",
          "field", f.accessor, "part", QualifiedCppName(f.part));
      break;
    case FieldKind::kKeyedMap:
      PrintEntryLoop(
          p_, f,
          {absl::StrCat("internal::AddKeyedText(", Lit(f.rules.wire_name()),
                        ", entry->first, entry->second, options, "
                        "form);")});
      break;
    case FieldKind::kUnknownMap:
      // Responses and notifications re-encode what they received.
      PrintEntryLoop(p_, f,
                     {"internal::AddUnknown(entry->first, entry->second, "
                      "options, form);"});
      break;
    case FieldKind::kGatewayOnly:
      break;
  }
}

void EncodeEmitter::EmitEncode() {
  p_->Print(
      "\n"
      "void PayoneCodec<$type$>::Encode(const Message& m, const "
      "EncodeOptions& options,\n"
      "                             FormBuilder* form) {\n"
      "  EncodeFields(m, options, 0, form);\n"
      "}\n",
      "type", type_);
  if (model_.kind() != payone::v1::MESSAGE_KIND_RESPONSE) return;
  p_->Print(
      "\n"
      "std::string PayoneCodec<$type$>::EncodeResponse(const Message& m) {\n"
      "  FormBuilder form;\n"
      "  EncodeFields(m, EncodeOptions(), 0, &form);\n"
      "  return internal::FormToResponseLines(form.body());\n"
      "}\n",
      "type", type_);
}

}  // namespace payone::codec::generator
