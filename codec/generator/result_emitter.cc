#include "codec/generator/result_emitter.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {

void ResultEmitter::EmitDecodeResult() {
  const auto* oneof =
      model_.message->FindOneofByName(model_.rules.result_oneof());
  if (oneof == nullptr) return;
  // Where a result part's parameters go once decoded: out of the first
  // keyed map (paydata) and of the unknown map.
  std::string paydata_stem = "\"\"";
  std::string paydata = "nullptr";
  std::string unknown = "nullptr";
  for (const FieldModel& f : model_.fields) {
    if (f.kind == FieldKind::kKeyedMap && paydata == "nullptr") {
      paydata_stem = Lit(f.rules.wire_name());
      paydata = absl::StrCat("m->mutable_", f.accessor, "()");
    } else if (f.kind == FieldKind::kUnknownMap) {
      unknown = absl::StrCat("m->mutable_", f.accessor, "()");
    }
  }
  p_->Print(
      "\n"
      "// The typed result (oneof $oneof$): fills the alternative whose field "
      "number\n"
      "// is `number` (the request's action) from PAYONE's answer with its "
      "PART's\n"
      "// codec and takes the parameters it decoded out of the free maps; "
      "any\n"
      "// other number sets nothing.\n"
      "static absl::Status DecodeResult(int number, absl::string_view body,\n"
      "                                 const DecodeOptions& options, Message* "
      "m) {\n"
      "  switch (number) {\n",
      "oneof", oneof->name());
  p_->Indent();
  p_->Indent();
  for (int i = 0; i < oneof->field_count(); ++i) {
    const auto* field = oneof->field(i);
    p_->Print(
        "case $number$:\n"
        "  return internal::DecodeResultPart(body, options, "
        "m->mutable_$field$(),\n"
        "                                    $stem$, $paydata$, $unknown$);\n",
        "number", absl::StrCat(field->number()), "field", FieldAccessor(field),
        "stem", paydata_stem, "paydata", paydata, "unknown", unknown);
  }
  p_->Print(
      "default:\n"
      "  return absl::OkStatus();\n");
  p_->Outdent();
  p_->Outdent();
  p_->Print(
      "  }\n"
      "}\n");
}

}  // namespace payone::codec::generator
