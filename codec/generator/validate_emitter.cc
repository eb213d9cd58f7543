#include "codec/generator/validate_emitter.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "codec/generator/common.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {
namespace {

using ::payone::v1::Format;

const char* TextFormatName(Format format) {
  switch (format) {
    case payone::v1::FORMAT_NUMERIC:
      return "kNumeric";
    case payone::v1::FORMAT_DATE_YYYYMMDD:
      return "kDateYyyymmdd";
    case payone::v1::FORMAT_DATE_YYMM:
      return "kDateYymm";
    case payone::v1::FORMAT_UNIX_TIME:
      return "kUnixTime";
    case payone::v1::FORMAT_URL:
      return "kUrl";
    case payone::v1::FORMAT_EMAIL:
      return "kEmail";
    case payone::v1::FORMAT_IBAN:
      return "kIban";
    case payone::v1::FORMAT_BIC:
      return "kBic";
    case payone::v1::FORMAT_COUNTRY:
      return "kCountry";
    case payone::v1::FORMAT_CURRENCY:
      return "kCurrency";
    case payone::v1::FORMAT_LANGUAGE:
      return "kLanguage";
    case payone::v1::FORMAT_PAN:
      return "kPan";
    case payone::v1::FORMAT_IP:
      return "kIp";
    default:
      return "kChar";
  }
}

const char* SymbolsName(payone::v1::Symbols symbols) {
  switch (symbols) {
    case payone::v1::SYMBOLS_REFERENCE:
      return "kReference";
    case payone::v1::SYMBOLS_ALPHANUMERIC:
      return "kAlphanumeric";
    case payone::v1::SYMBOLS_DIGITS:
      return "kDigits";
    case payone::v1::SYMBOLS_HEX:
      return "kHex";
    default:
      return "kAny";
  }
}

// The least number of entries of a repeated or map field.
uint32_t MinCount(uint32_t min, bool required) {
  return min != 0 ? min : required ? 1 : 0;
}

// The expression of the message holding a rule path's leaf ("m.card()").
std::string ObjectOf(const FieldPathModel& path) {
  std::string object = "m";
  for (const std::string& accessor : path.through) {
    absl::StrAppend(&object, ".", accessor, "()");
  }
  return object;
}

// has_x() of the messages on the way to a rule path's leaf.
std::vector<std::string> GuardsOf(const FieldPathModel& path) {
  std::vector<std::string> guards;
  std::string object = "m";
  for (const std::string& accessor : path.through) {
    guards.push_back(absl::StrCat(object, ".has_", accessor, "()"));
    absl::StrAppend(&object, ".", accessor, "()");
  }
  return guards;
}

std::string Presence(const FieldPathModel& path) {
  std::vector<std::string> terms = GuardsOf(path);
  terms.push_back(IsSet(ObjectOf(path), path.leaf));
  return absl::StrCat("(", absl::StrJoin(terms, " && "), ")");
}

// Whether the when_field of `rule` has one of its values (the model
// checked that each value fits the field).
std::string WhenMatches(const CrossFieldRuleModel& rule) {
  const FieldPathModel& when = rule.when_field;
  if (rule.when_values.empty()) return Presence(when);
  const std::string value = Value(ObjectOf(when), when.leaf);
  std::vector<std::string> alternatives;
  for (const WhenValue& v : rule.when_values) {
    switch (when.leaf.kind) {
      case FieldKind::kEnum:
        alternatives.push_back(
            absl::StrCat("static_cast<int>(", value, ") == ", v.enum_number));
        break;
      case FieldKind::kText:
        alternatives.push_back(
            v.ignore_case ? absl::StrCat("internal::EqualsIgnoringAsciiCase(",
                                         value, ", ", Lit(v.text), ")")
                          : absl::StrCat(value, " == ", Lit(v.text)));
        break;
      case FieldKind::kBool:
        alternatives.push_back(v.on ? value : absl::StrCat("!", value));
        break;
      default:
        alternatives.push_back(absl::StrCat(value, " == ", v.number));
        break;
    }
  }
  std::vector<std::string> terms = GuardsOf(when);
  terms.push_back(absl::StrCat("(", absl::StrJoin(alternatives, " || "), ")"));
  return absl::StrCat("(", absl::StrJoin(terms, " && "), ")");
}

// Typed fields spelled "stem[key]" anywhere in the flattened message, by
// wire name, with their proto paths.
void CollectTypedKeyed(const MessageModel& model, const std::string& prefix,
                       std::map<std::string, std::string>* out) {
  for (const FieldModel& f : model.fields) {
    if (f.kind == FieldKind::kPart) {
      CollectTypedKeyed(*f.part_model, prefix + f.field->name() + ".", out);
    } else if (f.is_scalar() &&
               f.rules.wire_name().find('[') != std::string::npos) {
      out->emplace(f.rules.wire_name(), prefix + f.field->name());
    }
  }
}

}  // namespace

void ValidateEmitter::EmitValidateFields() {
  p_->Print(
      "\n"
      "void PayoneCodec<$type$>::ValidateFields(\n"
      "    const Message& m, const EncodeOptions& options,\n"
      "    const internal::FieldPath* path, int wire_index, Violations* out) "
      "{\n"
      "  (void)m; (void)options; (void)path; (void)wire_index; (void)out;\n",
      "type", type_);
  p_->Indent();
  for (const FieldModel& f : model_.fields) EmitField(f);
  for (const CrossFieldRuleModel& rule : model_.cross_field_rules) {
    EmitCountRule(rule.require_one_of, rule.require_one_of_description, "< 1");
    EmitCountRule(rule.at_most_one_of, rule.at_most_one_of_description, "> 1");
    if (!rule.require.empty()) EmitRequireRule(rule);
  }
  p_->Outdent();
  p_->Print("}\n");
}

void ValidateEmitter::EmitField(const FieldModel& f) {
  const auto& r = f.rules;
  const std::string wire = r.wire_name();
  const std::string where = Where(f, wire);
  switch (f.kind) {
    case FieldKind::kText: {
      const std::string value =
          f.has_presence
              ? absl::StrCat(IsSet("m", f), " ? absl::string_view(",
                             Value("m", f), ") : absl::string_view()")
              : Value("m", f);
      p_->Print(
          {{"min", absl::StrCat(r.text().min_len())},
           {"max",
            absl::StrCat(r.text().max_len() != 0 ? r.text().max_len()
                                                 : kDefaultMaxTextChars)},
           {"format", TextFormatName(f.format)},
           {"symbols", SymbolsName(r.text().symbols())},
           {"required", Bool(r.required())},
           {"sensitive", Bool(r.sensitive())},
           {"case", CaseName(r.text().letter_case())},
           {"names", Names(f, wire)},
           {"value", value}},
          "{\n"
          "  static constexpr internal::TextRules kRules{$min$, $max$, "
          "internal::TextFormat::$format$, Symbols::$symbols$, $required$, "
          "$sensitive$, internal::Case::$case$, $names$};\n"
          "  internal::CheckText($value$, kRules, options, path, wire_index, "
          "out);\n"
          "}\n");
      break;
    }
    case FieldKind::kInteger:
    case FieldKind::kUnsigned:
      p_->Print(
          {{"if", If(IsSent("m", f))},
           {"has_min", Bool(r.integer().has_min())},
           {"min", absl::StrCat("int64_t{", r.integer().min(), "}")},
           {"has_max", Bool(r.integer().has_max())},
           {"max", absl::StrCat("int64_t{", r.integer().max(), "}")},
           {"min_len", absl::StrCat(r.integer().min_digits())},
           {"max_len", absl::StrCat(r.integer().max_digits())},
           {"names", Names(f, wire)},
           {"check",
            f.kind == FieldKind::kInteger ? "CheckInteger" : "CheckUnsigned"},
           {"value", Value("m", f)}},
          "$if${\n"
          "  static constexpr internal::IntegerRules kRules{$has_min$, $min$, "
          "$has_max$, $max$, $min_len$, $max_len$, $names$};\n"
          "  internal::$check$($value$, kRules, path, wire_index, out);\n"
          "}");
      EmitRequiredElse(f, where);
      break;
    case FieldKind::kBool:
      if (f.has_presence && r.required()) {
        p_->Print(
            "if (!m.has_$field$()) internal::AddViolation($where$, \"is "
            "required\", out);\n",
            "field", f.accessor, "where", where);
      }
      break;
    case FieldKind::kEnum:
      p_->Print({{"if", If(f.has_presence ? IsSet("m", f) : "true")},
                 {"value", Value("m", f)},
                 {"enum", QualifiedCppName(f.enum_type)},
                 {"required", Bool(r.required())},
                 {"names", Names(f, wire)}},
                "$if${\n"
                "  static constexpr internal::EnumRules kRules{$required$, "
                "$names$};\n"
                "  internal::CheckEnum(static_cast<int>($value$), "
                "!PayoneEnum<$enum$>::ToWire($value$).empty(), kRules, path, "
                "wire_index, out);\n"
                "}");
      if (f.has_presence) {
        EmitRequiredElse(f, where);
      } else {
        p_->Print("\n");
      }
      break;
    case FieldKind::kPart:
      p_->Print(
          "if (m.has_$field$()) {\n"
          "  const internal::FieldPath child{path, $name$, -1};\n"
          "  PayoneCodec<$part$>::ValidateFields(m.$field$(), options, "
          "&child, wire_index, out);\n"
          "}",
          "field", f.accessor, "name", Lit(f.field->name()), "part",
          QualifiedCppName(f.part));
      EmitRequiredElse(f, Where(f, ""));
      break;
    case FieldKind::kIndexedParts:
      p_->Print({{"field", f.accessor},
                 {"min", absl::StrCat(
                             MinCount(r.indexed().min_items(), r.required()))},
                 {"max", absl::StrCat(r.indexed().max_items() != 0
                                          ? r.indexed().max_items()
                                          : kDefaultMaxElements)},
                 {"where", Where(f, "")},
                 {"name", Lit(f.field->name())},
                 {"part", QualifiedCppName(f.part)}},
                "internal::CheckCount(m.$field$_size(), $min$, $max$, $where$, "
                "out);\n"
                "for (int i = 0; i < m.$field$_size(); ++i) {\n"
                "  const internal::FieldPath child{path, $name$, i};\n"
                "  PayoneCodec<$part$>::ValidateFields(m.$field$(i), options, "
                "&child, i + 1, out);\n"
                "}\n");
      break;
    case FieldKind::kKeyedMap:
      p_->Print(
          "internal::CheckCount(m.$field$_size(), $min$, $max$, $where$, "
          "out);\n",
          "field", f.accessor, "min",
          absl::StrCat(MinCount(r.map().min_entries(), r.required())), "max",
          absl::StrCat(r.map().max_entries() != 0 ? r.map().max_entries()
                                                  : kDefaultMaxMapEntries),
          "where", where);
      PrintEntryLoop(
          p_, f,
          {absl::StrCat("internal::CheckMapKey(entry->first, ", where,
                        ", out);"),
           absl::StrCat("internal::CheckMapValue(entry->second, options, ",
                        where, ", out);")});
      break;
    case FieldKind::kGatewayOnly:
      if (r.required()) {
        p_->Print(
            "if (!($set$)) internal::AddViolation($where$, \"is required\", "
            "out);\n",
            "set", IsSet("m", f), "where", Where(f, ""));
      }
      break;
    case FieldKind::kUnknownMap:
      break;
  }
}

void ValidateEmitter::EmitRequiredElse(const FieldModel& f,
                                       const std::string& where) {
  const bool can_be_missing = f.has_presence || f.kind == FieldKind::kPart;
  if (f.rules.required() && can_be_missing) {
    p_->Print(
        " else {\n"
        "  internal::AddViolation($where$, \"is required\", out);\n"
        "}\n",
        "where", where);
  } else {
    p_->Print("\n");
  }
}

// A rule on how many of `paths` are set (require_one_of: < 1 is broken,
// at_most_one_of: > 1 is). Reported on the first path, without a wire name.
void ValidateEmitter::EmitCountRule(const std::vector<FieldPathModel>& paths,
                                    const std::string& description,
                                    const std::string& broken) {
  if (paths.empty()) return;
  std::vector<std::string> counts;
  for (const FieldPathModel& path : paths) {
    counts.push_back(absl::StrCat("(", Presence(path), " ? 1 : 0)"));
  }
  p_->Print(
      "if ($count$ $broken$) {\n"
      "  internal::AddViolation({path, $first$, \"\", 0}, $text$, out);\n"
      "}\n",
      "count", absl::StrJoin(counts, " + "), "broken", broken, "first",
      Lit(paths.front().text), "text", Lit(description));
}

void ValidateEmitter::EmitRequireRule(const CrossFieldRuleModel& rule) {
  p_->Print("if ($when$) {\n", "when", WhenMatches(rule));
  p_->Indent();
  for (const FieldPathModel& path : rule.require) {
    p_->Print(
        "if (!$present$) {\n"
        "  internal::AddViolation({path, $path$, $wire$, wire_index}, "
        "$text$, out);\n"
        "}\n",
        "present", Presence(path), "path", Lit(path.text), "wire",
        Lit(path.leaf.rules.wire_name()), "text",
        Lit(rule.require_description));
  }
  p_->Outdent();
  p_->Print("}\n");
}

void ValidateEmitter::EmitValidate() {
  p_->Print(
      "\n"
      "void PayoneCodec<$type$>::Validate(const Message& m, const "
      "EncodeOptions& options,\n"
      "                               Violations* out) {\n"
      "  ValidateFields(m, options, nullptr, 0, out);\n",
      "type", type_);
  p_->Indent();
  EmitReservedKeyChecks();
  p_->Outdent();
  p_->Print("}\n");
}

void ValidateEmitter::EmitReservedKeyChecks() {
  std::map<std::string, std::string> typed;
  CollectTypedKeyed(model_, "", &typed);
  for (const FieldModel& f : model_.fields) {
    if (f.kind != FieldKind::kKeyedMap) continue;
    const std::string stem = f.rules.wire_name() + "[";
    for (const auto& [wire, path] : typed) {
      if (wire.rfind(stem, 0) != 0 || wire.back() != ']') continue;
      const std::string key =
          wire.substr(stem.size(), wire.size() - stem.size() - 1);
      p_->Print(
          {{"field", f.accessor},
           {"key", Lit(key)},
           {"name", Lit(f.field->name())},
           {"wire", Lit(wire)},
           {"text", Lit(absl::StrCat("has the key ", key, ", which belongs in ",
                                     path))}},
          "if (!m.$field$().empty() && m.$field$().contains($key$)) {\n"
          "  internal::AddViolation({nullptr, $name$, $wire$, 0}, $text$, "
          "out);\n"
          "}\n");
    }
  }
}

}  // namespace payone::codec::generator
