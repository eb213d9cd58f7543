#include "codec/generator/emitter.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "codec/generator/common.h"
#include "codec/generator/names.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace payone::codec::generator {

using ::google::protobuf::FieldDescriptor;

std::string PrintFile(const std::string& proto_name,
                      const std::function<void(Printer*)>& body) {
  std::string out;
  {
    // The printer hands its last buffer back when destroyed.
    google::protobuf::io::StringOutputStream stream(&out);
    Printer p(&stream, '$');
    p.PrintRaw(GeneratedFilePreamble(proto_name));
    body(&p);
  }
  return out;
}

std::string Lit(const std::string& text) { return CppLiteral(text); }

const char* Bool(bool b) { return b ? "true" : "false"; }

std::string If(const std::string& condition) {
  return condition == "true" ? "" : absl::StrCat("if (", condition, ") ");
}

std::string Value(const std::string& object, const FieldModel& f) {
  return absl::StrCat(object, ".", f.accessor, "()");
}

std::string IsSet(const std::string& object, const FieldModel& f) {
  if (f.has_presence || f.kind == FieldKind::kPart) {
    return absl::StrCat(object, ".has_", f.accessor, "()");
  }
  switch (f.kind) {
    case FieldKind::kText:
    case FieldKind::kGatewayOnly:
      if (f.field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
        return absl::StrCat("!", Value(object, f), ".empty()");
      }
      break;
    case FieldKind::kBool:
      return Value(object, f);
    case FieldKind::kEnum:
      return absl::StrCat("static_cast<int>(", Value(object, f), ") != 0");
    case FieldKind::kIndexedParts:
    case FieldKind::kKeyedMap:
    case FieldKind::kUnknownMap:
      return absl::StrCat(object, ".", f.accessor, "_size() > 0");
    default:
      break;
  }
  if (f.field->cpp_type() == FieldDescriptor::CPPTYPE_BOOL) {
    return Value(object, f);
  }
  return absl::StrCat(Value(object, f), " != 0");
}

std::string IsSent(const std::string& object, const FieldModel& f) {
  if (!f.has_presence && f.rules.required() &&
      (f.kind == FieldKind::kInteger || f.kind == FieldKind::kUnsigned)) {
    return "true";
  }
  return IsSet(object, f);
}

std::string Names(const FieldModel& f, const std::string& wire) {
  return absl::StrCat(Lit(f.field->name()), ", ", Lit(wire));
}

std::string Where(const FieldModel& f, const std::string& wire) {
  return absl::StrCat("{path, ", Names(f, wire), ", wire_index}");
}

const char* CaseName(payone::v1::LetterCase letter_case) {
  switch (letter_case) {
    case payone::v1::LETTER_CASE_UPPER:
      return "kUpper";
    case payone::v1::LETTER_CASE_LOWER:
      return "kLower";
    default:
      return "kAsIs";
  }
}

std::string TrueText(const FieldModel& f) {
  return f.format == payone::v1::FORMAT_ONE_ZERO ? "1" : "yes";
}

std::string FalseText(const FieldModel& f) {
  return f.format == payone::v1::FORMAT_ONE_ZERO ? "0" : "no";
}

void PrintNameSwitch(Printer* p, const std::vector<NameCase>& cases,
                     const std::string& name) {
  if (cases.empty()) return;
  std::map<size_t, std::vector<const NameCase*>> by_size;
  for (const NameCase& c : cases) by_size[c.name.size()].push_back(&c);
  p->Print("switch ($name$.size()) {\n", "name", name);
  p->Indent();
  for (const auto& [size, arms] : by_size) {
    p->Print("case $size$:\n", "size", absl::StrCat(size));
    p->Indent();
    for (const NameCase* arm : arms) {
      std::string test =
          absl::StrCat("internal::NameIs(", name, ", ", Lit(arm->name), ")");
      if (!arm->condition.empty()) {
        absl::StrAppend(&test, " && ", arm->condition);
      }
      p->Print("if ($test$) {\n", "test", test);
      p->Indent();
      arm->body(p);
      p->Outdent();
      p->Print("}\n");
    }
    p->Print("break;\n");
    p->Outdent();
  }
  p->Outdent();
  p->Print("}\n");
}

void PrintEntryLoop(Printer* p, const FieldModel& f,
                    const std::vector<std::string>& statements) {
  p->Print(
      "if (!m.$field$().empty()) {\n"
      "  for (const auto* entry : internal::SortedEntries(m.$field$())) {\n",
      "field", f.accessor);
  p->Indent();
  p->Indent();
  for (const std::string& statement : statements) {
    p->Print("$statement$\n", "statement", statement);
  }
  p->Outdent();
  p->Outdent();
  p->Print(
      "  }\n"
      "}\n");
}

MessageEmitter::MessageEmitter(const MessageModel& model, Printer* printer)
    : model_(model), p_(printer), type_(QualifiedCppName(model.message)) {}

}  // namespace payone::codec::generator
