#include "codec/generator/describe_emitter.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {
namespace {

using ::google::protobuf::FieldDescriptor;

// Collects the sensitive wire names (or stems) of `model` and its parts.
void CollectSensitive(const MessageModel& model, std::set<std::string>* out) {
  for (const FieldModel& f : model.fields) {
    if (f.kind == FieldKind::kPart || f.kind == FieldKind::kIndexedParts) {
      CollectSensitive(*f.part_model, out);
    } else if (f.rules.sensitive() && !f.rules.wire_name().empty()) {
      out->insert(f.rules.wire_name());
    }
  }
}

}  // namespace

void DescribeEmitter::EmitDebug() {
  p_->Print(
      "\n"
      "void PayoneCodec<$type$>::AppendDebugFields(const Message& m,\n"
      "                                        internal::DebugPrinter* out) "
      "{\n"
      "  (void)m; (void)out;\n",
      "type", type_);
  p_->Indent();
  for (const FieldModel& f : model_.fields) EmitDebugField(f);
  p_->Outdent();
  p_->Print(
      "}\n"
      "\n"
      "std::string PayoneCodec<$type$>::RedactedDebugString(const Message& m) "
      "{\n"
      "  internal::DebugPrinter printer;\n"
      "  AppendDebugFields(m, &printer);\n"
      "  return printer.Release();\n"
      "}\n",
      "type", type_);
}

void DescribeEmitter::EmitDebugField(const FieldModel& f) {
  const std::string name = Lit(f.field->name());
  const char* sensitive = Bool(f.rules.sensitive());
  // `if (set) out->Method(name, value, sensitive);`
  auto scalar = [&](const char* method) {
    p_->Print({{"set", IsSet("m", f)},
               {"method", method},
               {"name", name},
               {"value", Value("m", f)},
               {"sensitive", sensitive}},
              "if ($set$) out->$method$($name$, $value$, $sensitive$);\n");
  };
  switch (f.kind) {
    case FieldKind::kText:
      scalar("Text");
      break;
    case FieldKind::kGatewayOnly:
      if (f.field->cpp_type() == FieldDescriptor::CPPTYPE_STRING &&
          !f.field->is_repeated()) {
        scalar("Text");
      }
      break;
    case FieldKind::kInteger:
      scalar("Integer");
      break;
    case FieldKind::kUnsigned:
      scalar("Unsigned");
      break;
    case FieldKind::kBool:
      scalar("Bool");
      break;
    case FieldKind::kEnum:
      p_->Print({{"set", IsSet("m", f)},
                 {"name", name},
                 {"enum", QualifiedCppName(f.enum_type)},
                 {"value", Value("m", f)},
                 {"sensitive", sensitive}},
                "if ($set$) {\n"
                "  out->Enum($name$, PayoneEnum<$enum$>::Name($value$), "
                "static_cast<int>($value$), $sensitive$);\n"
                "}\n");
      break;
    case FieldKind::kPart:
      p_->Print(
          "if (m.has_$field$()) {\n"
          "  out->Begin($name$);\n"
          "  PayoneCodec<$part$>::AppendDebugFields(m.$field$(), out);\n"
          "  out->End();\n"
          "}\n",
          "field", f.accessor, "name", name, "part", QualifiedCppName(f.part));
      break;
    case FieldKind::kIndexedParts:
      p_->Print(
          "for (const auto& element : m.$field$()) {\n"
          "  out->Begin($name$);\n"
          "  PayoneCodec<$part$>::AppendDebugFields(element, out);\n"
          "  out->End();\n"
          "}\n",
          "field", f.accessor, "name", name, "part", QualifiedCppName(f.part));
      break;
    case FieldKind::kKeyedMap:
    case FieldKind::kUnknownMap: {
      // Unmodelled parameters may still be sensitive ones we know of.
      const std::string entry_sensitive =
          f.kind == FieldKind::kUnknownMap
              ? "IsSensitiveName(entry->first, SensitiveWireNames())"
              : sensitive;
      PrintEntryLoop(
          p_, f,
          {absl::StrCat("out->Entry(", name, ", entry->first, entry->second, ",
                        entry_sensitive, ");")});
      break;
    }
  }
}

void DescribeEmitter::EmitSensitiveWireNames() {
  std::set<std::string> names;
  CollectSensitive(model_, &names);
  if (names.empty()) {
    p_->Print(
        "\n"
        "absl::Span<const absl::string_view> "
        "PayoneCodec<$type$>::SensitiveWireNames() {\n"
        "  return {};\n"
        "}\n",
        "type", type_);
    return;
  }
  std::vector<std::string> literals;
  for (const std::string& n : names) literals.push_back(Lit(n));
  p_->Print(
      "\n"
      "absl::Span<const absl::string_view> "
      "PayoneCodec<$type$>::SensitiveWireNames() {\n"
      "  static constexpr absl::string_view kNames[] = {$names$};\n"
      "  return kNames;\n"
      "}\n",
      "type", type_, "names", absl::StrJoin(literals, ", "));
}

}  // namespace payone::codec::generator
