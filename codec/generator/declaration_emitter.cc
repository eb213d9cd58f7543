#include "codec/generator/declaration_emitter.h"

#include "codec/generator/ledger_emitter.h"
#include "codec/generator/names.h"
#include "codec/generator/result_emitter.h"

namespace payone::codec::generator {

void DeclarationEmitter::Emit() {
  p_->Print(
      "\n"
      "// $kind$\n"
      "template <>\n"
      "struct PayoneCodec<$type$> {\n"
      "  using Message = $type$;\n",
      "kind", payone::v1::MessageKind_Name(model_.kind()), "type", type_);
  p_->Indent();
  EmitEntryPoints();
  EmitBuildingBlocks();
  p_->Outdent();
  p_->Print("};\n");
}

void DeclarationEmitter::EmitDecode(const char* comment) {
  p_->Print(comment);
  p_->Print(
      "static absl::Status Decode(absl::string_view body,\n"
      "                           const DecodeOptions& options, Message* "
      "m);\n");
}

void DeclarationEmitter::EmitEncode(const char* comment) {
  p_->Print(comment);
  p_->Print(
      "static void Encode(const Message& m, const EncodeOptions& options,\n"
      "                   FormBuilder* form);\n");
}

void DeclarationEmitter::EmitEntryPoints() {
  switch (model_.kind()) {
    case payone::v1::MESSAGE_KIND_REQUEST:
      p_->Print(
          "\n"
          "static constexpr absl::string_view kRequestType = $type$;\n"
          "// Appends every broken rule of `m` to `out`.\n"
          "static void Validate(const Message& m, const EncodeOptions& "
          "options,\n"
          "                     Violations* out);\n",
          "type", Lit(model_.rules.request_type()));
      EmitEncode(
          "// Appends m's parameters (not the standard ones) to `form`.\n");
      EmitDecode(
          "// Reads a form body (the simulator's side); standard and unknown\n"
          "// parameters are ignored.\n");
      LedgerEmitter(model_, p_).EmitDeclarations();
      break;
    case payone::v1::MESSAGE_KIND_RESPONSE:
      p_->Print("\n");
      EmitDecode(
          "// Parses PAYONE's key=value lines into `m` (cleared first).\n");
      EmitEncode(
          "// The other way round (the simulator's side): form parameters, and "
          "the\n"
          "// key=value answer PAYONE would send.\n");
      p_->Print("static std::string EncodeResponse(const Message& m);\n");
      ResultEmitter(model_, p_).EmitDecodeResult();
      break;
    case payone::v1::MESSAGE_KIND_NOTIFICATION:
      p_->Print("\n");
      EmitDecode(
          "// Parses the form-encoded POST body into `m` (cleared first).\n");
      EmitEncode(
          "// The form body PAYONE would POST (the simulator's side).\n");
      break;
    default:
      break;
  }
}

void DeclarationEmitter::EmitBuildingBlocks() {
  p_->Print(
      "\n"
      "// `m` as text for logs, sensitive fields replaced by \"<redacted>\".\n"
      "static std::string RedactedDebugString(const Message& m);\n"
      "// Wire names and stems of the sensitive fields, for "
      "RedactFormBody.\n"
      "static absl::Span<const absl::string_view> SensitiveWireNames();\n"
      "\n"
      "// Building blocks for generated code.\n"
      "static void ValidateFields(const Message& m, const EncodeOptions& "
      "options,\n"
      "                           const internal::FieldPath* path, int "
      "wire_index,\n"
      "                           Violations* out);\n"
      "static void EncodeFields(const Message& m, const EncodeOptions& "
      "options,\n"
      "                         int wire_index, FormBuilder* form);\n"
      "static bool Owns(absl::string_view name, const internal::WireName& "
      "wire,\n"
      "                 absl::string_view value);\n"
      "static internal::Match DecodeField(absl::string_view name,\n"
      "                                   absl::string_view value, Message* "
      "m,\n"
      "                                   absl::Status* error);\n"
      "// DecodeField past the names it switches on: parts, brackets, maps.\n"
      "static internal::Match DecodeNested(absl::string_view name,\n"
      "                                    const internal::WireName& wire,\n"
      "                                    absl::string_view value, Message* "
      "m,\n"
      "                                    absl::Status* error);\n"
      "static void AppendDebugFields(const Message& m, internal::DebugPrinter* "
      "out);\n");
}

}  // namespace payone::codec::generator
