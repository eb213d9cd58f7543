#include "codec/generator/enum_emitter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {

void EmitEnumDeclaration(const google::protobuf::EnumDescriptor* e,
                         Printer* p) {
  p->Print(
      "\n"
      "template <>\n"
      "struct PayoneEnum<$type$> {\n"
      "  // \"\" for the unspecified (not sent) value and unknown numbers.\n"
      "  static absl::string_view ToWire($type$ value);\n"
      "  static bool FromWire(absl::string_view text, $type$* value);\n"
      "  // The proto name, for logs.\n"
      "  static absl::string_view Name($type$ value);\n"
      "};\n",
      "type", QualifiedCppName(e));
}

void EmitEnum(const google::protobuf::EnumDescriptor* e, Printer* p) {
  // Aliases share a number; the first one names it.
  std::vector<const google::protobuf::EnumValueDescriptor*> values;
  for (int i = 0; i < e->value_count(); ++i) {
    if (e->FindValueByNumber(e->value(i)->number()) == e->value(i)) {
      values.push_back(e->value(i));
    }
  }
  // `switch (value) { case N: return "<text>"; ... }` over `values` that
  // have a text.
  auto switch_on_number = [&](auto text_of) {
    p->Print("  switch (static_cast<int>(value)) {\n");
    for (const auto* v : values) {
      const std::string text = text_of(v);
      if (text.empty()) continue;
      p->Print(
          "    case $number$:\n"
          "      return $text$;\n",
          "number", absl::StrCat(v->number()), "text", Lit(text));
    }
    p->Print(
        "    default:\n"
        "      return {};\n"
        "  }\n"
        "}\n");
  };
  const std::string type = QualifiedCppName(e);
  p->Print(
      "\n"
      "absl::string_view PayoneEnum<$type$>::ToWire($type$ value) {\n",
      "type", type);
  switch_on_number([](const google::protobuf::EnumValueDescriptor* v) {
    return v->number() == 0 ? std::string() : WireValueOf(v);
  });
  // FromWire: the wire texts by one switch on the text's size.
  std::vector<NameCase> from_wire;
  for (const auto* v : values) {
    const std::string wire = WireValueOf(v);
    if (wire.empty() || v->number() == 0) continue;
    from_wire.push_back({wire, "", [&type, v](Printer* p) {
                           p->Print(
                               "*value = static_cast<$type$>($number$);\n"
                               "return true;\n",
                               "type", type, "number",
                               absl::StrCat(v->number()));
                         }});
  }
  p->Print(
      "\n"
      "bool PayoneEnum<$type$>::FromWire(absl::string_view text, $type$* "
      "value) {\n"
      "  (void)text; (void)value;\n",
      "type", type);
  p->Indent();
  PrintNameSwitch(p, from_wire, "text");
  p->Outdent();
  p->Print(
      "  return false;\n"
      "}\n"
      "\n"
      "absl::string_view PayoneEnum<$type$>::Name($type$ value) {\n",
      "type", type);
  switch_on_number(
      [](const google::protobuf::EnumValueDescriptor* v) { return v->name(); });
}

}  // namespace payone::codec::generator
