#include "codec/generator/decode_emitter.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "codec/generator/common.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;

void PrintReturn(const char* statement, Printer* p) {
  p->Print("$statement$\n", "statement", statement);
}

// What Owns answers for `model` without looking at brackets: its constants
// (name and value) and its scalars' names, and those of its flattened parts.
// Sets *bracketed when `model` or a part has indexed parts or keyed maps,
// which Owns matches by stem.
void CollectOwned(const MessageModel& model, std::vector<NameCase>* out,
                  bool* bracketed) {
  auto yes = [](Printer* p) { PrintReturn("return true;", p); };
  for (const auto& [name, value] : model.constants) {
    out->push_back({name, absl::StrCat("value == ", Lit(value)), yes});
  }
  for (const FieldModel& f : model.fields) {
    if (f.is_scalar()) {
      out->push_back({f.rules.wire_name(), "", yes});
    } else if (f.kind == FieldKind::kPart) {
      CollectOwned(*f.part_model, out, bracketed);
    } else if (f.kind == FieldKind::kIndexedParts ||
               f.kind == FieldKind::kKeyedMap) {
      *bracketed = true;
    }
  }
}

bool HasBracketed(const MessageModel& model) {
  std::vector<NameCase> unused;
  bool bracketed = false;
  CollectOwned(model, &unused, &bracketed);
  return bracketed;
}

// The WireName an element of an indexed part sees: just the stem.
constexpr char kStemName[] = "internal::WireName{wire.stem, wire.stem, {}, 0}";

// Whether a decoded message must carry `f` (a response's status always).
bool RequiredOnDecode(const MessageModel& model, const FieldModel& f) {
  return f.rules.required() ||
         (model.kind() == payone::v1::MESSAGE_KIND_RESPONSE &&
          f.rules.wire_name() == "status");
}

// The arm of DecodeField for a scalar: its value into the field.
void PrintDecodeScalar(const MessageModel& model, const FieldModel& f,
                       Printer* p) {
  p->Print("if (value.empty()) return internal::Match::kYes;\n");
  const std::string setter = absl::StrCat("m->set_", f.accessor);
  switch (f.kind) {
    case FieldKind::kText:
      // Assigned in place: a reused message keeps the string's buffer.
      p->Print("internal::$assign$(value, m->mutable_$field$());\n", "assign",
               f.rules.text().form_url_encoded() ? "AssignFormDecodedText"
                                                 : "AssignText",
               "field", f.accessor);
      if (f.rules.text().letter_case() != payone::v1::LETTER_CASE_UNSPECIFIED) {
        // Decoded messages are canonical: the case Encode would send.
        p->Print("absl::$to$(m->mutable_$field$());\n", "to",
                 f.rules.text().letter_case() == payone::v1::LETTER_CASE_UPPER
                     ? "AsciiStrToUpper"
                     : "AsciiStrToLower",
                 "field", f.accessor);
      }
      break;
    case FieldKind::kInteger: {
      const bool is32 = f.field->cpp_type() == FieldDescriptor::CPPTYPE_INT32;
      p->Print("int64_t number = 0;\n");
      if (f.format == payone::v1::FORMAT_DECIMAL) {
        p->Print(
            "*error = internal::ParseDecimalValue(value, name, &number);\n");
      } else {
        p->Print(
            "*error = internal::ParseInteger(value, name, $min$, $max$, "
            "&number);\n",
            "min", is32 ? "INT32_MIN" : "INT64_MIN", "max",
            is32 ? "INT32_MAX" : "INT64_MAX");
      }
      p->Print(
          "if (!error->ok()) return internal::Match::kError;\n"
          "$setter$(static_cast<$type$>(number));\n",
          "setter", setter, "type", is32 ? "int32_t" : "int64_t");
      break;
    }
    case FieldKind::kUnsigned: {
      const bool is32 = f.field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32;
      p->Print(
          "uint64_t number = 0;\n"
          "*error = internal::ParseUnsigned(value, name, $max$, &number);\n"
          "if (!error->ok()) return internal::Match::kError;\n"
          "$setter$(static_cast<$type$>(number));\n",
          "max", is32 ? "UINT32_MAX" : "UINT64_MAX", "setter", setter, "type",
          is32 ? "uint32_t" : "uint64_t");
      break;
    }
    case FieldKind::kBool:
      p->Print(
          "bool flag = false;\n"
          "*error = internal::ParseBool(value, name, $true$, $false$, "
          "&flag);\n"
          "if (!error->ok()) return internal::Match::kError;\n"
          "$setter$(flag);\n",
          "true", Lit(TrueText(f)), "false", Lit(FalseText(f)), "setter",
          setter);
      break;
    case FieldKind::kEnum:
      p->Print(
          "$enum$ parsed;\n"
          "if (!PayoneEnum<$enum$>::FromWire(value, &parsed)) {\n",
          "enum", QualifiedCppName(f.enum_type));
      if (RequiredOnDecode(model, f)) {
        p->Print(
            "  *error = internal::UnknownValue(name);\n"
            "  return internal::Match::kError;\n");
      } else {
        p->Print("  return internal::Match::kNo;\n");
      }
      p->Print(
          "}\n"
          "$setter$(parsed);\n",
          "setter", setter);
      break;
    default:
      break;
  }
  p->Print("return internal::Match::kYes;\n");
}

}  // namespace

// Owns: whether a parameter is one of this message's (or its parts'):
// one switch over every name of the flattened message, then the stems
// of bracketed names.
void DecodeEmitter::EmitOwns() {
  p_->Print(
      "\n"
      "bool PayoneCodec<$type$>::Owns(absl::string_view name,\n"
      "                           const internal::WireName& wire,\n"
      "                           absl::string_view value) {\n"
      "  (void)name; (void)wire; (void)value;\n",
      "type", type_);
  p_->Indent();
  std::vector<NameCase> collected;
  bool bracketed = false;
  CollectOwned(model_, &collected, &bracketed);
  // Alternatives of a oneof may share names (iban): one arm each.
  std::vector<NameCase> owned;
  std::set<std::pair<std::string, std::string>> seen;
  for (NameCase& arm : collected) {
    if (seen.emplace(arm.name, arm.condition).second) {
      owned.push_back(std::move(arm));
    }
  }
  PrintNameSwitch(p_, owned);
  if (bracketed) {
    // Indexed parts and keyed maps match only names with a key.
    p_->Print("if (wire.key.empty()) return false;\n");
    for (const FieldModel& f : model_.fields) {
      if (f.kind == FieldKind::kPart) {
        if (!HasBracketed(*f.part_model)) continue;
        p_->Print(
            "if (PayoneCodec<$part$>::Owns(name, wire, value)) return "
            "true;\n",
            "part", QualifiedCppName(f.part));
      } else if (f.kind == FieldKind::kIndexedParts) {
        p_->Print(
            "if (wire.index > 0 && PayoneCodec<$part$>::Owns(wire.stem, "
            "$stem$, value)) {\n"
            "  return true;\n"
            "}\n",
            "part", QualifiedCppName(f.part), "stem", kStemName);
      } else if (f.kind == FieldKind::kKeyedMap) {
        p_->Print("if (wire.stem == $stem$) return true;\n", "stem",
                  Lit(f.rules.wire_name()));
      }
    }
  }
  p_->Outdent();
  p_->Print(
      "  return false;\n"
      "}\n");
}

// DecodeField: the message's own constants and scalars by one switch on
// the name, then its parts (Owns), indexed parts and keyed maps. Inlined
// into the message's own Decode loop (a call per parameter cost as much
// as the switch); parts and other files call it out of line.
void DecodeEmitter::EmitDecodeField() {
  p_->Print(
      "\n"
      "ABSL_ATTRIBUTE_ALWAYS_INLINE internal::Match "
      "PayoneCodec<$type$>::DecodeField(absl::string_view name,\n"
      "                                             absl::string_view value,\n"
      "                                             Message* m, absl::Status* "
      "error) {\n"
      "  (void)name; (void)value; (void)m; (void)error;\n",
      "type", type_);
  p_->Indent();
  std::vector<NameCase> arms;
  for (const auto& [name, value] : model_.constants) {
    arms.push_back(
        {name, absl::StrCat("value == ", Lit(value)),
         [](Printer* p) { PrintReturn("return internal::Match::kYes;", p); }});
  }
  for (const FieldModel& f : model_.fields) {
    if (!f.is_scalar()) continue;
    arms.push_back({f.rules.wire_name(), "", [this, &f](Printer* p) {
                      PrintDecodeScalar(model_, f, p);
                    }});
  }
  PrintNameSwitch(p_, arms);
  // The rest apart, out of line: the switch above is the hot path, and
  // stays small without it (no bracket parsing, few registers to save).
  p_->Outdent();
  p_->Print(
      "  return DecodeNested(name, internal::ParseWireName(name), value, m, "
      "error);\n"
      "}\n"
      "\n"
      "ABSL_ATTRIBUTE_NOINLINE internal::Match "
      "PayoneCodec<$type$>::DecodeNested(\n"
      "    absl::string_view name, const internal::WireName& wire,\n"
      "    absl::string_view value, Message* m, absl::Status* error) {\n"
      "  (void)name; (void)wire; (void)value; (void)m; (void)error;\n",
      "type", type_);
  p_->Indent();
  // A oneof alternative already chosen keeps the names it shares with
  // other alternatives.
  for (const FieldModel& f : model_.fields) {
    if (f.kind != FieldKind::kPart ||
        f.field->real_containing_oneof() == nullptr) {
      continue;
    }
    p_->Print(
        "if (m->has_$field$() && PayoneCodec<$part$>::Owns(name, wire, "
        "value)) {\n"
        "  return PayoneCodec<$part$>::DecodeField(name, value, "
        "m->mutable_$field$(), error);\n"
        "}\n",
        "field", f.accessor, "part", QualifiedCppName(f.part));
  }
  // An empty value sets nothing: it must not make a part present either.
  for (const FieldModel& f : model_.fields) {
    if (f.kind != FieldKind::kPart) continue;
    p_->Print(
        "if (PayoneCodec<$part$>::Owns(name, wire, value)) {\n"
        "  if (value.empty()) return internal::Match::kYes;\n"
        "  return PayoneCodec<$part$>::DecodeField(name, value, "
        "m->mutable_$field$(), error);\n"
        "}\n",
        "field", f.accessor, "part", QualifiedCppName(f.part));
  }
  for (const FieldModel& f : model_.fields) {
    if (f.kind != FieldKind::kIndexedParts) continue;
    p_->Print(
        {{"field", f.accessor},
         {"part", QualifiedCppName(f.part)},
         {"stem", kStemName},
         {"max", absl::StrCat(f.rules.indexed().max_items() != 0
                                  ? f.rules.indexed().max_items()
                                  : kDefaultMaxElements)}},
        "if (wire.index > 0 && PayoneCodec<$part$>::Owns(wire.stem, $stem$, "
        "value)) {\n"
        "  if (value.empty()) return internal::Match::kYes;\n"
        "  if (wire.index > $max$) {\n"
        "    *error = internal::IndexOutOfRange(wire, $max$);\n"
        "    return internal::Match::kError;\n"
        "  }\n"
        "  return PayoneCodec<$part$>::DecodeField(wire.stem, value, "
        "internal::ElementAt(m->mutable_$field$(), wire.index), error);\n"
        "}\n");
  }
  for (const FieldModel& f : model_.fields) {
    if (f.kind != FieldKind::kKeyedMap) continue;
    p_->Print(
        "if (!wire.key.empty() && wire.stem == $stem$) {\n"
        "  (*m->mutable_$field$())[std::string(wire.key)] = "
        "std::string(value);\n"
        "  return internal::Match::kYes;\n"
        "}\n",
        "field", f.accessor, "stem", Lit(f.rules.wire_name()));
  }
  p_->Outdent();
  p_->Print(
      "  return internal::Match::kNo;\n"
      "}\n");
}

// Tests each field before clearing it: Clear() itself visits every string
// and map, which costs more than decoding a short answer into a reused
// message.
void DecodeEmitter::EmitClear() {
  const Descriptor* message = model_.message;
  for (int i = 0; i < message->oneof_decl_count(); ++i) {
    if (message->oneof_decl(i)->is_synthetic()) continue;  // optional
    p_->Print(
        "if (static_cast<int>(m->$oneof$_case()) != 0) m->clear_$oneof$();\n",
        "oneof", OneofAccessor(message->oneof_decl(i)));
  }
  for (int i = 0; i < message->field_count(); ++i) {
    const FieldDescriptor* f = message->field(i);
    if (f->real_containing_oneof() != nullptr) continue;
    const std::string accessor = FieldAccessor(f);
    std::string is_set;
    if (f->is_repeated()) {
      is_set = absl::StrCat("m->", accessor, "_size() != 0");
    } else if (f->has_presence()) {
      is_set = absl::StrCat("m->has_", accessor, "()");
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      is_set = absl::StrCat("!m->", accessor, "().empty()");
    }
    // A number without presence: storing zero is cheaper than a test.
    p_->Print("$if$m->clear_$field$();\n", "if",
              is_set.empty() ? "" : If(is_set), "field", accessor);
  }
  // Fields of a newer schema, kept by a parse: proto3 messages reach them
  // only through reflection, whose lookup is done once.
  p_->Print(
      "static const auto* const reflection = Message::GetReflection();\n"
      "if (!reflection->GetUnknownFields(*m).empty()) {\n"
      "  reflection->MutableUnknownFields(m)->Clear();\n"
      "}\n");
}

// Oneof alternatives that carry constants (clearingtype=fnc,
// financingtype=PDD) are chosen before any field is read: the one whose
// constants all appear, the most specific first, so that shared names
// (iban) land in the right alternative whatever the parameter order. One
// pass over the body notes which of the constants appear.
void DecodeEmitter::EmitAlternativeChoice(const std::string& format) {
  std::map<const google::protobuf::OneofDescriptor*,
           std::vector<const FieldModel*>>
      oneofs;
  for (const FieldModel& f : model_.fields) {
    const auto* oneof = f.field->real_containing_oneof();
    if (f.kind != FieldKind::kPart || oneof == nullptr) continue;
    if (f.part_model->constants.empty()) continue;
    oneofs[oneof].push_back(&f);
  }
  if (oneofs.empty()) return;
  // Every constant of every alternative, numbered.
  std::map<std::pair<std::string, std::string>, size_t> constants;
  for (const auto& [oneof, alternatives] : oneofs) {
    for (const FieldModel* alternative : alternatives) {
      for (const auto& constant : alternative->part_model->constants) {
        constants.emplace(constant, constants.size());
      }
    }
  }
  p_->Print(
      "bool seen[$count$] = {};  // the constants below that appear\n"
      "{\n"
      "  ParameterReader<BodyFormat::$format$> scan(body, options);\n"
      "  while (scan.Next()) {\n"
      "    const absl::string_view name = scan.name();\n"
      "    const absl::string_view value = scan.value();\n",
      "count", absl::StrCat(constants.size()), "format", format);
  for (const auto& [constant, number] : constants) {
    p_->Print(
        "    if (name == $name$ && value == $value$) seen[$number$] = true;\n",
        "name", Lit(constant.first), "value", Lit(constant.second), "number",
        absl::StrCat(number));
  }
  p_->Print(
      "  }\n"
      "  if (!scan.status().ok()) return scan.status();\n"
      "}\n");
  for (const auto& [oneof, alternatives] : oneofs) {
    p_->Print(
        "{  // oneof $oneof$\n"
        "  size_t best = 0;\n"
        "  int chosen = -1;\n",
        "oneof", oneof->name());
    p_->Indent();
    for (size_t i = 0; i < alternatives.size(); ++i) {
      const auto& part_constants = alternatives[i]->part_model->constants;
      std::vector<std::string> tests;
      for (const auto& constant : part_constants) {
        tests.push_back(absl::StrCat("seen[", constants.at(constant), "]"));
      }
      p_->Print(
          "if ($size$ > best && $tests$) {\n"
          "  best = $size$;\n"
          "  chosen = $i$;\n"
          "}\n",
          "size", absl::StrCat(part_constants.size()), "tests",
          absl::StrJoin(tests, " && "), "i", absl::StrCat(i));
    }
    p_->Print("switch (chosen) {\n");
    for (size_t i = 0; i < alternatives.size(); ++i) {
      p_->Print(
          "  case $i$:\n"
          "    m->mutable_$field$();\n"
          "    break;\n",
          "i", absl::StrCat(i), "field", alternatives[i]->accessor);
    }
    p_->Print(
        "  default:\n"
        "    break;\n"
        "}\n");
    p_->Outdent();
    p_->Print("}\n");
  }
}

void DecodeEmitter::EmitDecode() {
  const auto kind = model_.kind();
  const std::string format =
      kind == payone::v1::MESSAGE_KIND_RESPONSE ? "kResponseLines" : "kForm";
  p_->Print(
      "\n"
      "absl::Status PayoneCodec<$type$>::Decode(absl::string_view body,\n"
      "                                     const DecodeOptions& options,\n"
      "                                     Message* m) {\n",
      "type", type_);
  p_->Indent();
  EmitClear();
  const FieldModel* unknown_map = nullptr;
  for (const FieldModel& f : model_.fields) {
    if (f.kind == FieldKind::kUnknownMap) unknown_map = &f;
  }
  // What PAYONE sends is kept even when the model is older than PAYONE: a
  // value a field cannot hold (an enum text the model does not know, a
  // number beyond its range) stays under its own name and the field stays
  // unset. Requests (the simulator's side) are held to the model.
  const bool keeps_unreadable =
      kind != payone::v1::MESSAGE_KIND_REQUEST && unknown_map != nullptr;
  auto keep_unknown = [&]() {
    if (unknown_map == nullptr) return;
    p_->Print(
        "(*m->mutable_$field$())[std::string(name)] = std::string(value);\n",
        "field", unknown_map->accessor);
  };
  EmitAlternativeChoice(format);
  p_->Print(
      "ParameterReader<BodyFormat::$format$> reader(body, options);\n"
      "absl::Status error;\n"
      "while (reader.Next()) {\n"
      "  const absl::string_view name = reader.name();\n"
      "  const absl::string_view value = reader.value();\n"
      "  switch (DecodeField(name, value, m, &error)) {\n"
      "    case internal::Match::kYes:\n"
      "      break;\n"
      "    case internal::Match::kError:\n",
      "format", format);
  p_->Indent();
  p_->Indent();
  p_->Indent();
  if (keeps_unreadable) {
    keep_unknown();
    p_->Print(
        "error = absl::OkStatus();\n"
        "break;\n");
  } else {
    p_->Print("return reader.Stop(std::move(error));\n");
  }
  p_->Outdent();
  p_->Print("case internal::Match::kNo:\n");
  p_->Indent();
  keep_unknown();
  p_->Print("break;\n");
  p_->Outdent();
  p_->Outdent();
  p_->Outdent();
  p_->Print(
      "  }\n"
      "}\n"
      "if (!reader.status().ok()) return reader.status();\n");
  if (kind != payone::v1::MESSAGE_KIND_REQUEST) {
    for (const FieldModel& f : model_.fields) {
      if (!RequiredOnDecode(model_, f)) continue;
      const bool checkable = f.has_presence || f.kind == FieldKind::kText ||
                             f.kind == FieldKind::kEnum ||
                             f.kind == FieldKind::kPart;
      if (!checkable || f.kind == FieldKind::kGatewayOnly) continue;
      std::string present = IsSet("(*m)", f);
      // Sent with a value the field cannot hold is sent all the same.
      if (keeps_unreadable && !f.rules.wire_name().empty()) {
        absl::StrAppend(&present, " || (*m).", unknown_map->accessor,
                        "().contains(", Lit(f.rules.wire_name()), ")");
      }
      p_->Print(
          "if (!($present$)) return internal::MissingParameter($name$);\n",
          "present", present, "name",
          Lit(f.rules.wire_name().empty() ? f.field->name()
                                          : f.rules.wire_name()));
    }
  }
  p_->Outdent();
  p_->Print(
      "  return absl::OkStatus();\n"
      "}\n");
}

}  // namespace payone::codec::generator
