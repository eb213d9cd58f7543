#include "codec/generator/codec_source_generator.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/substitute.h"
#include "codec/generator/common.h"
#include "codec/generator/names.h"
#include "codec/runtime/form.h"

namespace payone::codec::generator {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::payone::v1::Format;

std::string Lit(const std::string& text) { return CppLiteral(text); }

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

const char* Bool(bool b) { return b ? "true" : "false"; }

const char* CaseName(const payone::v1::FieldRules& rules) {
  return rules.upper_case()   ? "kUpper"
         : rules.lower_case() ? "kLower"
                              : "kAsIs";
}

// "if (condition) ", or nothing for a condition that always holds.
std::string If(const std::string& condition) {
  return condition == "true" ? "" : absl::StrCat("if (", condition, ") ");
}

std::string TrueText(const FieldModel& f) {
  return f.format == payone::v1::FORMAT_ONE_ZERO ? "1" : "yes";
}
std::string FalseText(const FieldModel& f) {
  return f.format == payone::v1::FORMAT_ONE_ZERO ? "0" : "no";
}

// `m.x()` style value and presence expressions for a field of `object`
// (an expression of the message, e.g. "m" or "m.card()").
std::string Value(const std::string& object, const FieldModel& f) {
  return absl::StrCat(object, ".", f.accessor, "()");
}

// Set in the proto3 sense: has_x() where there is presence, else non-empty /
// non-zero.
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

// Sent on the wire: like IsSet, but a required number without presence is
// always sent (0 is a value: pr[3]=0 for a free shipping line).
std::string IsSent(const std::string& object, const FieldModel& f) {
  if (!f.has_presence && f.rules.required() &&
      (f.kind == FieldKind::kInteger || f.kind == FieldKind::kUnsigned)) {
    return "true";
  }
  return IsSet(object, f);
}

// The names a field's violations are reported under, as the last members
// of its rules constant: "field", "wire".
std::string Names(const FieldModel& f, const std::string& wire) {
  return absl::StrCat(Lit(f.field->name()), ", ", Lit(wire));
}

std::string Where(const FieldModel& f, const std::string& wire) {
  return absl::StrCat("{path, ", Names(f, wire), ", wire_index}");
}

// Collects the sensitive wire names (or stems) of `model` and its parts.
void CollectSensitive(const MessageModel& model, std::set<std::string>* out) {
  for (const FieldModel& f : model.fields) {
    if (f.kind == FieldKind::kPart || f.kind == FieldKind::kIndexedParts) {
      absl::StatusOr<MessageModel> part = BuildMessageModel(f.part);
      if (part.ok()) CollectSensitive(*part, out);
    } else if (f.rules.sensitive() && !f.rules.wire_name().empty()) {
      out->insert(f.rules.wire_name());
    }
  }
}

// One arm of a dispatch on a parameter name: taken when the name is `name`
// and `condition` (C++, may be empty) holds.
struct NameCase {
  std::string name;
  std::string condition;
  std::string body;  // statements, indented for the case
};

// `switch (name.size()) { case N: if (name is ...) {...} ... }`: a name is
// compared only with the names of its size, in the order of `cases` (which
// names of other sizes cannot change). Arms that do not return fall out of
// the switch.
std::string NameSwitch(const std::vector<NameCase>& cases,
                       const std::string& name = "name") {
  if (cases.empty()) return "";
  std::map<size_t, std::vector<const NameCase*>> by_size;
  for (const NameCase& c : cases) by_size[c.name.size()].push_back(&c);
  std::string out = absl::StrCat("  switch (", name, ".size()) {\n");
  for (const auto& [size, arms] : by_size) {
    absl::StrAppend(&out, "    case ", size, ":\n");
    for (const NameCase* arm : arms) {
      std::string test =
          absl::StrCat("internal::NameIs(", name, ", ", Lit(arm->name), ")");
      if (!arm->condition.empty())
        absl::StrAppend(&test, " && ", arm->condition);
      absl::StrAppend(&out, "      if (", test, ") {\n", arm->body,
                      "      }\n");
    }
    out.append("      break;\n");
  }
  out.append("  }\n");
  return out;
}

// What Owns answers for `model` without looking at brackets: its constants
// (name and value) and its scalars' names, and those of its flattened parts.
// Sets *bracketed when `model` or a part has indexed parts or keyed maps,
// which Owns matches by stem.
void CollectOwned(const MessageModel& model, std::vector<NameCase>* out,
                  bool* bracketed) {
  for (const auto& [name, value] : model.constants) {
    out->push_back({name, absl::StrCat("value == ", Lit(value)),
                    "        return true;\n"});
  }
  for (const FieldModel& f : model.fields) {
    switch (f.kind) {
      case FieldKind::kText:
      case FieldKind::kInteger:
      case FieldKind::kUnsigned:
      case FieldKind::kBool:
      case FieldKind::kEnum:
        out->push_back({f.rules.wire_name(), "", "        return true;\n"});
        break;
      case FieldKind::kPart: {
        absl::StatusOr<MessageModel> part = BuildMessageModel(f.part);
        if (part.ok()) CollectOwned(*part, out, bracketed);
        break;
      }
      case FieldKind::kIndexedParts:
      case FieldKind::kKeyedMap:
        *bracketed = true;
        break;
      default:
        break;
    }
  }
}

class MessageWriter {
 public:
  MessageWriter(const MessageModel& model, std::string* out)
      : model_(model), out_(out), type_(QualifiedCppName(model.message)) {}

  absl::Status Write() {
    WriteValidate();
    absl::Status rules = WriteRules();
    if (!rules.ok()) return rules;
    out_->append("}\n");
    WriteEncode();
    WriteOwns();
    WriteDecodeField();
    WriteDebug();
    WriteSensitive();
    WriteTopLevel();
    WriteLedger();
    return absl::OkStatus();
  }

 private:
  void Line(const std::string& text) { absl::StrAppend(out_, text, "\n"); }

  // ---- Validate ----------------------------------------------------------
  void WriteValidate() {
    absl::SubstituteAndAppend(out_, R"(
void PayoneCodec<$0>::ValidateFields(
    const Message& m, const EncodeOptions& options,
    const internal::FieldPath* path, int wire_index, Violations* out) {
  (void)m; (void)options; (void)path; (void)wire_index; (void)out;
)",
                              type_);
    for (const FieldModel& f : model_.fields) ValidateField(f);
  }

  void ValidateField(const FieldModel& f) {
    const auto& r = f.rules;
    const std::string wire = r.wire_name();
    const std::string where = Where(f, wire);
    switch (f.kind) {
      case FieldKind::kText: {
        const std::string value =
            f.has_presence
                ? absl::StrCat("m.has_", f.accessor, "() ? absl::string_view(",
                               Value("m", f), ") : absl::string_view()")
                : Value("m", f);
        absl::SubstituteAndAppend(
            out_,
            "  {\n"
            "    static constexpr internal::TextRules kRules{$0, $1, "
            "internal::TextFormat::$2, Symbols::$3, $4, $5, "
            "internal::Case::$8, $7};\n"
            "    internal::CheckText($6, kRules, options, path, wire_index, "
            "out);\n"
            "  }\n",
            r.min_len(), r.max_len() != 0 ? r.max_len() : kDefaultMaxTextChars,
            TextFormatName(f.format), SymbolsName(r.symbols()),
            Bool(r.required()), Bool(r.sensitive()), value, Names(f, wire),
            CaseName(r));
        break;
      }
      case FieldKind::kInteger:
      case FieldKind::kUnsigned: {
        absl::SubstituteAndAppend(
            out_,
            "  $0{\n"
            "    static constexpr internal::IntegerRules kRules{$1, $2, $3, "
            "$4, $5, $6, $9};\n"
            "    internal::$7($8, kRules, path, wire_index, out);\n"
            "  }",
            If(IsSent("m", f)), Bool(r.has_min_value()),
            absl::StrCat("int64_t{", r.min_value(), "}"),
            Bool(r.has_max_value()),
            absl::StrCat("int64_t{", r.max_value(), "}"), r.min_len(),
            r.max_len(),
            f.kind == FieldKind::kInteger ? "CheckInteger" : "CheckUnsigned",
            Value("m", f), Names(f, wire));
        RequiredElse(f, where);
        break;
      }
      case FieldKind::kBool:
        if (f.has_presence && r.required()) {
          absl::SubstituteAndAppend(
              out_,
              "  if (!m.has_$0()) internal::AddViolation($1, \"is required\", "
              "out);\n",
              f.accessor, where);
        }
        break;
      case FieldKind::kEnum:
        absl::SubstituteAndAppend(
            out_,
            "  $0{\n"
            "    static constexpr internal::EnumRules kRules{$3, $4};\n"
            "    internal::CheckEnum(static_cast<int>($1), "
            "!PayoneEnum<$2>::ToWire($1).empty(), kRules, path, wire_index, "
            "out);\n"
            "  }",
            If(f.has_presence ? absl::StrCat("m.has_", f.accessor, "()")
                              : "true"),
            Value("m", f), QualifiedCppName(f.enum_type), Bool(r.required()),
            Names(f, wire));
        if (f.has_presence) {
          RequiredElse(f, where);
        } else {
          out_->append("\n");
        }
        break;
      case FieldKind::kPart:
        absl::SubstituteAndAppend(
            out_,
            "  if (m.has_$0()) {\n"
            "    const internal::FieldPath child{path, $1, -1};\n"
            "    PayoneCodec<$2>::ValidateFields(m.$0(), options, &child, "
            "wire_index, out);\n"
            "  }",
            f.accessor, Lit(f.field->name()), QualifiedCppName(f.part));
        RequiredElse(f, Where(f, ""));
        break;
      case FieldKind::kIndexedParts: {
        const uint32_t max =
            r.max_len() != 0 ? r.max_len() : kDefaultMaxElements;
        const uint32_t min = r.min_len() != 0 ? r.min_len()
                             : r.required()   ? 1
                                              : 0;
        absl::SubstituteAndAppend(
            out_,
            "  internal::CheckCount(m.$0_size(), $1, $2, $3, out);\n"
            "  for (int i = 0; i < m.$0_size(); ++i) {\n"
            "    const internal::FieldPath child{path, $4, i};\n"
            "    PayoneCodec<$5>::ValidateFields(m.$0(i), options, &child, "
            "i + 1, out);\n"
            "  }\n",
            f.accessor, min, max, Where(f, ""), Lit(f.field->name()),
            QualifiedCppName(f.part));
        break;
      }
      case FieldKind::kKeyedMap: {
        const uint32_t min = r.min_len() != 0 ? r.min_len()
                             : r.required()   ? 1
                                              : 0;
        absl::SubstituteAndAppend(
            out_, "  internal::CheckCount(m.$0_size(), $1, $2, $3, out);\n",
            f.accessor, min,
            r.max_len() != 0 ? r.max_len() : kDefaultMaxMapEntries, where);
        EntryLoop(f, absl::Substitute(
                         "internal::CheckMapKey(entry->first, $0, out);\n"
                         "      internal::CheckMapValue(entry->second, "
                         "options, $0, out);",
                         where));
        break;
      }
      case FieldKind::kGatewayOnly:
        if (r.required()) {
          absl::SubstituteAndAppend(
              out_,
              "  if (!($0)) internal::AddViolation($1, \"is required\", "
              "out);\n",
              IsSet("m", f), Where(f, ""));
        }
        break;
      case FieldKind::kUnknownMap:
        break;
    }
  }

  // `statement` for every entry of map field `f` (`entry`), in key order.
  void EntryLoop(const FieldModel& f, const std::string& statement) {
    absl::SubstituteAndAppend(
        out_,
        "  if (!m.$0().empty()) {\n"
        "    for (const auto* entry : internal::SortedEntries(m.$0())) {\n"
        "      $1\n"
        "    }\n"
        "  }\n",
        f.accessor, statement);
  }

  // `else` branch after an `if (present) {...}` for required fields.
  void RequiredElse(const FieldModel& f, const std::string& where) {
    const bool can_be_missing = f.has_presence || f.kind == FieldKind::kPart;
    if (f.rules.required() && can_be_missing) {
      absl::SubstituteAndAppend(
          out_,
          " else {\n    internal::AddViolation($0, \"is required\", "
          "out);\n  }\n",
          where);
    } else {
      out_->append("\n");
    }
  }

  // ---- Cross-field rules ---------------------------------------------------
  struct Resolved {
    std::string object;  // expression of the message holding the leaf
    std::vector<std::string> guards;  // has_x() of the messages on the way
    const FieldDescriptor* leaf = nullptr;
  };

  Resolved Resolve(const std::string& path) const {
    Resolved r;
    r.object = "m";
    const Descriptor* current = model_.message;
    std::vector<std::string> parts = absl::StrSplit(path, '.');
    for (size_t i = 0; i < parts.size(); ++i) {
      const FieldDescriptor* field = current->FindFieldByName(parts[i]);
      if (i + 1 == parts.size()) {
        r.leaf = field;
      } else {
        r.guards.push_back(
            absl::StrCat(r.object, ".has_", FieldAccessor(field), "()"));
        r.object = absl::StrCat(r.object, ".", FieldAccessor(field), "()");
        current = field->message_type();
      }
    }
    return r;
  }

  static FieldModel LeafModel(const FieldDescriptor* leaf) {
    FieldModel f;
    f.field = leaf;
    f.rules = FieldRulesOf(leaf);
    f.accessor = FieldAccessor(leaf);
    f.has_presence = !leaf->is_repeated() &&
                     leaf->type() != FieldDescriptor::TYPE_MESSAGE &&
                     leaf->has_presence();
    if (leaf->is_map()) {
      f.kind = FieldKind::kKeyedMap;
    } else if (leaf->is_repeated()) {
      f.kind = FieldKind::kIndexedParts;
    } else if (leaf->type() == FieldDescriptor::TYPE_MESSAGE) {
      f.kind = FieldKind::kPart;
    } else if (leaf->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      f.kind = FieldKind::kText;
    } else if (leaf->cpp_type() == FieldDescriptor::CPPTYPE_BOOL) {
      f.kind = FieldKind::kBool;
    } else if (leaf->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
      f.kind = FieldKind::kEnum;
    } else {
      f.kind = FieldKind::kInteger;
    }
    f.format = f.rules.format();
    return f;
  }

  std::string Presence(const std::string& path) const {
    const Resolved r = Resolve(path);
    std::vector<std::string> terms = r.guards;
    terms.push_back(IsSet(r.object, LeafModel(r.leaf)));
    return absl::StrCat("(", absl::StrJoin(terms, " && "), ")");
  }

  absl::StatusOr<std::string> ValueMatches(
      const std::string& path,
      const google::protobuf::RepeatedPtrField<std::string>& values) const {
    if (values.empty()) return Presence(path);
    const Resolved r = Resolve(path);
    const FieldModel leaf = LeafModel(r.leaf);
    const std::string value = Value(r.object, leaf);
    std::vector<std::string> alternatives;
    for (const std::string& text : values) {
      switch (leaf.kind) {
        case FieldKind::kEnum: {
          const auto* e = r.leaf->enum_type();
          const google::protobuf::EnumValueDescriptor* match = nullptr;
          for (int i = 0; i < e->value_count(); ++i) {
            if (WireValueOf(e->value(i)) == text) match = e->value(i);
          }
          if (match == nullptr) {
            return absl::InvalidArgumentError(
                absl::StrCat(model_.message->file()->name(), ": message ",
                             model_.message->full_name(), ": when_values \"",
                             text, "\" is no wire value of ", e->full_name()));
          }
          alternatives.push_back(absl::StrCat("static_cast<int>(", value,
                                              ") == ", match->number()));
          break;
        }
        case FieldKind::kText:
          if (leaf.rules.upper_case() || leaf.rules.lower_case()) {
            alternatives.push_back(
                absl::StrCat("internal::EqualsIgnoringAsciiCase(", value, ", ",
                             Lit(text), ")"));
          } else {
            alternatives.push_back(absl::StrCat(value, " == ", Lit(text)));
          }
          break;
        case FieldKind::kBool: {
          const bool on = text == "yes" || text == "1" || text == "true";
          alternatives.push_back(on ? value : absl::StrCat("!", value));
          break;
        }
        case FieldKind::kInteger: {
          int64_t number = 0;
          if (!absl::SimpleAtoi(text, &number)) {
            return absl::InvalidArgumentError(
                absl::StrCat(model_.message->file()->name(), ": message ",
                             model_.message->full_name(), ": when_values \"",
                             text, "\" is not a number for ", path));
          }
          alternatives.push_back(absl::StrCat(value, " == ", number));
          break;
        }
        default:
          return absl::InvalidArgumentError(
              absl::StrCat(model_.message->file()->name(), ": message ",
                           model_.message->full_name(), ": when_field ", path,
                           " cannot be compared with values"));
      }
    }
    std::vector<std::string> terms = r.guards;
    terms.push_back(
        absl::StrCat("(", absl::StrJoin(alternatives, " || "), ")"));
    return absl::StrCat("(", absl::StrJoin(terms, " && "), ")");
  }

  std::string LeafWire(const std::string& path) const {
    return FieldRulesOf(Resolve(path).leaf).wire_name();
  }

  // A rule on how many of `paths` are set (require_one_of: < 1 is broken,
  // at_most_one_of: > 1 is). Reported on the first path, without a wire name.
  void WriteCountRule(
      const google::protobuf::RepeatedPtrField<std::string>& paths,
      const std::string& description, absl::string_view before,
      absl::string_view after, absl::string_view broken) {
    if (paths.empty()) return;
    std::vector<std::string> counts;
    for (const auto& p : paths) {
      counts.push_back(absl::StrCat("(", Presence(p), " ? 1 : 0)"));
    }
    const std::string text =
        !description.empty()
            ? description
            : absl::StrCat(before, absl::StrJoin(paths, ", "), after);
    absl::SubstituteAndAppend(
        out_,
        "  if ($0 $1) {\n"
        "    internal::AddViolation({path, $2, \"\", 0}, $3, out);\n"
        "  }\n",
        absl::StrJoin(counts, " + "), broken, Lit(paths.Get(0)), Lit(text));
  }

  absl::Status WriteRules() {
    for (const auto& rule : model_.rules.rules()) {
      WriteCountRule(rule.require_one_of(), rule.description(),
                     "at least one of ", " must be set", "< 1");
      WriteCountRule(rule.at_most_one_of(), rule.description(),
                     "at most one of ", " may be set", "> 1");
      if (!rule.require().empty()) {
        absl::StatusOr<std::string> when =
            ValueMatches(rule.when_field(), rule.when_values());
        if (!when.ok()) return when.status();
        const std::string condition =
            rule.when_values().empty()
                ? absl::StrCat(rule.when_field(), " is set")
                : absl::StrCat(rule.when_field(), " is ",
                               absl::StrJoin(rule.when_values(), " or "));
        const std::string description =
            !rule.description().empty()
                ? rule.description()
                : absl::StrCat("is required when ", condition);
        absl::SubstituteAndAppend(out_, "  if ($0) {\n", *when);
        for (const auto& p : rule.require()) {
          absl::SubstituteAndAppend(
              out_,
              "    if (!$0) {\n"
              "      internal::AddViolation({path, $1, $2, wire_index}, $3, "
              "out);\n"
              "    }\n",
              Presence(p), Lit(p), Lit(LeafWire(p)), Lit(description));
        }
        out_->append("  }\n");
      }
    }
    return absl::OkStatus();
  }

  // ---- Encode ------------------------------------------------------------
  void WriteEncode() {
    absl::SubstituteAndAppend(out_, R"(
void PayoneCodec<$0>::EncodeFields(const Message& m,
                                   const EncodeOptions& options,
                                   int wire_index, FormBuilder* form) {
  (void)m; (void)options; (void)wire_index; (void)form;
)",
                              type_);
    for (const auto& [name, value] : model_.constants) {
      absl::SubstituteAndAppend(out_,
                                "  {\n"
                                "    static constexpr EncodedName kName$0;\n"
                                "    internal::$1(kName, 0, $2, form);\n"
                                "  }\n",
                                EncodedNameOf(name), AdderFor({value}),
                                Lit(value));
    }
    for (const FieldModel& f : model_.fields) EncodeField(f);
    out_->append("}\n");
  }

  // A parameter's encoded name is a constant in a block around the code
  // that adds it (`kName`), so that adding copies it from read-only data.
  void EncodeField(const FieldModel& f) {
    switch (f.kind) {
      case FieldKind::kText:
      case FieldKind::kInteger:
      case FieldKind::kUnsigned:
      case FieldKind::kBool:
      case FieldKind::kEnum: {
        std::string* const outer = out_;
        std::string inner;
        out_ = &inner;
        EncodeParameter(f, "kName");
        out_ = outer;
        absl::SubstituteAndAppend(
            out_, "  {\n    static constexpr EncodedName kName$0;\n",
            EncodedNameOf(f.rules.wire_name()));
        for (absl::string_view line : absl::StrSplit(inner, '\n')) {
          if (!line.empty()) absl::StrAppend(out_, "  ", line, "\n");
        }
        out_->append("  }\n");
        return;
      }
      default:
        EncodeParameter(f, "");
    }
  }

  void EncodeParameter(const FieldModel& f, const std::string& wire) {
    switch (f.kind) {
      case FieldKind::kText: {
        if (f.rules.form_url_encoded()) {
          absl::SubstituteAndAppend(
              out_,
              "  if ($0) {\n"
              "    internal::AddFormEncodedText($1, wire_index, $2, options, "
              "form);\n"
              "  }\n",
              IsSent("m", f), wire, Value("m", f));
          break;
        }
        const char* text_case = CaseName(f.rules);
        absl::SubstituteAndAppend(
            out_,
            "  if ($0) {\n"
            "    internal::AddText($1, wire_index, $2, internal::Case::$3, "
            "options, form);\n"
            "  }\n",
            IsSent("m", f), wire, Value("m", f), text_case);
        break;
      }
      case FieldKind::kInteger:
        absl::SubstituteAndAppend(
            out_, "  $0internal::$1($2, wire_index, $3, form);\n",
            If(IsSent("m", f)),
            f.format == payone::v1::FORMAT_DECIMAL ? "AddDecimal"
                                                   : "AddInteger",
            wire, Value("m", f));
        break;
      case FieldKind::kUnsigned:
        absl::SubstituteAndAppend(
            out_, "  $0internal::AddUnsigned($1, wire_index, $2, form);\n",
            If(IsSent("m", f)), wire, Value("m", f));
        break;
      case FieldKind::kBool:
        absl::SubstituteAndAppend(
            out_, "  $0internal::$5($1, wire_index, $2 ? $3 : $4, form);\n",
            If(f.rules.required() && !f.has_presence ? "true" : IsSet("m", f)),
            wire, Value("m", f), Lit(TrueText(f)), Lit(FalseText(f)),
            AdderFor({TrueText(f), FalseText(f)}));
        break;
      case FieldKind::kEnum:
        absl::SubstituteAndAppend(
            out_,
            "  $0{\n"
            "    const absl::string_view text = PayoneEnum<$1>::ToWire($2);\n"
            "    if (!text.empty()) internal::$4($3, wire_index, text, "
            "form);\n"
            "  }\n",
            If(f.has_presence ? absl::StrCat("m.has_", f.accessor, "()")
                              : "true"),
            QualifiedCppName(f.enum_type), Value("m", f), wire,
            AdderFor(WireValues(f.enum_type)));
        break;
      case FieldKind::kPart:
        absl::SubstituteAndAppend(
            out_,
            "  if (m.has_$0()) {\n"
            "    PayoneCodec<$1>::EncodeFields(m.$0(), options, wire_index, "
            "form);\n"
            "  }\n",
            f.accessor, QualifiedCppName(f.part));
        break;
      case FieldKind::kIndexedParts:
        absl::SubstituteAndAppend(
            out_,
            "  for (int i = 0; i < m.$0_size(); ++i) {\n"
            "    PayoneCodec<$1>::EncodeFields(m.$0(i), options, i + 1, "
            "form);\n"
            "  }\n",
            f.accessor, QualifiedCppName(f.part));
        break;
      case FieldKind::kKeyedMap:
        EntryLoop(
            f, absl::StrCat("internal::AddKeyedText(", Lit(f.rules.wire_name()),
                            ", entry->first, entry->second, options, "
                            "form);"));
        break;
      case FieldKind::kUnknownMap:
        // Responses and notifications re-encode what they received.
        EntryLoop(f,
                  "internal::AddUnknown(entry->first, entry->second, "
                  "options, form);");
        break;
      case FieldKind::kGatewayOnly:
        break;
    }
  }

  // ---- Decode ------------------------------------------------------------
  static bool IsScalar(const FieldModel& f) {
    return f.kind == FieldKind::kText || f.kind == FieldKind::kInteger ||
           f.kind == FieldKind::kUnsigned || f.kind == FieldKind::kBool ||
           f.kind == FieldKind::kEnum;
  }

  // Statements that leave `*m` as Clear() does, testing each field before
  // clearing it: Clear() itself visits every string and map, which costs
  // more than decoding a short answer into a reused message.
  static std::string ClearStatements(const Descriptor* message) {
    std::string out;
    for (int i = 0; i < message->oneof_decl_count(); ++i) {
      if (message->oneof_decl(i)->is_synthetic()) continue;  // optional
      absl::SubstituteAndAppend(
          &out, "  if (static_cast<int>(m->$0_case()) != 0) m->clear_$0();\n",
          OneofAccessor(message->oneof_decl(i)));
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
      absl::SubstituteAndAppend(&out, "  $0m->clear_$1();\n",
                                is_set.empty() ? "" : If(is_set), accessor);
    }
    // Fields of a newer schema, kept by a parse: proto3 messages reach them
    // only through reflection, whose lookup is done once.
    out.append(
        "  static const auto* const reflection = Message::GetReflection();\n"
        "  if (!reflection->GetUnknownFields(*m).empty()) {\n"
        "    reflection->MutableUnknownFields(m)->Clear();\n"
        "  }\n");
    return out;
  }

  // The WireName an element of an indexed part sees: just the stem.
  static std::string StemName() {
    return "internal::WireName{wire.stem, wire.stem, {}, 0}";
  }

  // Owns: whether a parameter is one of this message's (or its parts'):
  // one switch over every name of the flattened message, then the stems
  // of bracketed names.
  void WriteOwns() {
    absl::SubstituteAndAppend(out_, R"(
bool PayoneCodec<$0>::Owns(absl::string_view name,
                           const internal::WireName& wire,
                           absl::string_view value) {
  (void)name; (void)wire; (void)value;
)",
                              type_);
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
    out_->append(NameSwitch(owned));
    if (!bracketed) {
      out_->append("  return false;\n}\n");
      return;
    }
    // Indexed parts and keyed maps match only names with a key.
    out_->append("  if (wire.key.empty()) return false;\n");
    for (const FieldModel& f : model_.fields) {
      const std::string part = f.part ? QualifiedCppName(f.part) : "";
      if (f.kind == FieldKind::kPart) {
        absl::StatusOr<MessageModel> part_model = BuildMessageModel(f.part);
        std::vector<NameCase> unused;
        bool part_bracketed = false;
        if (part_model.ok()) {
          CollectOwned(*part_model, &unused, &part_bracketed);
        }
        if (!part_bracketed) continue;
        absl::SubstituteAndAppend(
            out_,
            "  if (PayoneCodec<$0>::Owns(name, wire, value)) return true;\n",
            part);
      } else if (f.kind == FieldKind::kIndexedParts) {
        absl::SubstituteAndAppend(
            out_,
            "  if (wire.index > 0 && PayoneCodec<$0>::Owns(wire.stem, $1, "
            "value)) {\n    return true;\n  }\n",
            part, StemName());
      } else if (f.kind == FieldKind::kKeyedMap) {
        absl::SubstituteAndAppend(out_, "  if (wire.stem == $0) return true;\n",
                                  Lit(f.rules.wire_name()));
      }
    }
    out_->append("  return false;\n}\n");
  }

  // The arm of DecodeField for a scalar: its value into the field.
  std::string DecodeScalar(const FieldModel& f) const {
    std::string out =
        "        if (value.empty()) return internal::Match::kYes;\n";
    const std::string setter = absl::StrCat("m->set_", f.accessor);
    switch (f.kind) {
      case FieldKind::kText:
        // Assigned in place: a reused message keeps the string's buffer.
        absl::SubstituteAndAppend(
            &out, "        internal::$0(value, m->mutable_$1());\n",
            f.rules.form_url_encoded() ? "AssignFormDecodedText" : "AssignText",
            f.accessor);
        if (f.rules.upper_case() || f.rules.lower_case()) {
          // Decoded messages are canonical: the case Encode would send.
          absl::SubstituteAndAppend(
              &out, "        absl::$0(m->mutable_$1());\n",
              f.rules.upper_case() ? "AsciiStrToUpper" : "AsciiStrToLower",
              f.accessor);
        }
        break;
      case FieldKind::kInteger: {
        const bool is32 = f.field->cpp_type() == FieldDescriptor::CPPTYPE_INT32;
        out.append("        int64_t number = 0;\n");
        if (f.format == payone::v1::FORMAT_DECIMAL) {
          out.append(
              "        *error = internal::ParseDecimalValue(value, name, "
              "&number);\n");
        } else {
          absl::SubstituteAndAppend(
              &out,
              "        *error = internal::ParseInteger(value, name, $0, $1, "
              "&number);\n",
              is32 ? "INT32_MIN" : "INT64_MIN",
              is32 ? "INT32_MAX" : "INT64_MAX");
        }
        absl::SubstituteAndAppend(
            &out,
            "        if (!error->ok()) return internal::Match::kError;\n"
            "        $0(static_cast<$1>(number));\n",
            setter, is32 ? "int32_t" : "int64_t");
        break;
      }
      case FieldKind::kUnsigned: {
        const bool is32 =
            f.field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32;
        absl::SubstituteAndAppend(
            &out,
            "        uint64_t number = 0;\n"
            "        *error = internal::ParseUnsigned(value, name, $0, "
            "&number);\n"
            "        if (!error->ok()) return internal::Match::kError;\n"
            "        $1(static_cast<$2>(number));\n",
            is32 ? "UINT32_MAX" : "UINT64_MAX", setter,
            is32 ? "uint32_t" : "uint64_t");
        break;
      }
      case FieldKind::kBool:
        absl::SubstituteAndAppend(
            &out,
            "        bool flag = false;\n"
            "        *error = internal::ParseBool(value, name, $0, $1, "
            "&flag);\n"
            "        if (!error->ok()) return internal::Match::kError;\n"
            "        $2(flag);\n",
            Lit(TrueText(f)), Lit(FalseText(f)), setter);
        break;
      case FieldKind::kEnum: {
        const bool strict =
            f.rules.required() ||
            (model_.rules.kind() == payone::v1::MESSAGE_KIND_RESPONSE &&
             f.rules.wire_name() == "status");
        absl::SubstituteAndAppend(
            &out,
            "        $0 parsed;\n"
            "        if (!PayoneEnum<$0>::FromWire(value, &parsed)) {\n",
            QualifiedCppName(f.enum_type));
        if (strict) {
          out.append(
              "          *error = internal::UnknownValue(name);\n"
              "          return internal::Match::kError;\n");
        } else {
          out.append("          return internal::Match::kNo;\n");
        }
        absl::SubstituteAndAppend(&out, "        }\n        $0(parsed);\n",
                                  setter);
        break;
      }
      default:
        break;
    }
    out.append("        return internal::Match::kYes;\n");
    return out;
  }

  // DecodeField: the message's own constants and scalars by one switch on
  // the name, then its parts (Owns), indexed parts and keyed maps. Inlined
  // into the message's own Decode loop (a call per parameter cost as much
  // as the switch); parts and other files call it out of line.
  void WriteDecodeField() {
    absl::SubstituteAndAppend(out_, R"(
ABSL_ATTRIBUTE_ALWAYS_INLINE internal::Match PayoneCodec<$0>::DecodeField(absl::string_view name,
                                             absl::string_view value,
                                             Message* m, absl::Status* error) {
  (void)name; (void)value; (void)m; (void)error;
)",
                              type_);
    std::vector<NameCase> arms;
    for (const auto& [name, value] : model_.constants) {
      arms.push_back({name, absl::StrCat("value == ", Lit(value)),
                      "        return internal::Match::kYes;\n"});
    }
    for (const FieldModel& f : model_.fields) {
      if (IsScalar(f))
        arms.push_back({f.rules.wire_name(), "", DecodeScalar(f)});
    }
    out_->append(NameSwitch(arms));
    // The rest apart, out of line: the switch above is the hot path, and
    // stays small without it (no bracket parsing, few registers to save).
    absl::SubstituteAndAppend(
        out_,
        R"(  return DecodeNested(name, internal::ParseWireName(name), value, m, error);
}

ABSL_ATTRIBUTE_NOINLINE internal::Match PayoneCodec<$0>::DecodeNested(
    absl::string_view name, const internal::WireName& wire,
    absl::string_view value, Message* m, absl::Status* error) {
  (void)name; (void)wire; (void)value; (void)m; (void)error;
)",
        type_);
    // A oneof alternative already chosen keeps the names it shares with
    // other alternatives.
    for (const FieldModel& f : model_.fields) {
      if (f.kind != FieldKind::kPart ||
          f.field->real_containing_oneof() == nullptr) {
        continue;
      }
      absl::SubstituteAndAppend(
          out_,
          "  if (m->has_$0() && PayoneCodec<$1>::Owns(name, wire, value)) {\n"
          "    return PayoneCodec<$1>::DecodeField(name, value, "
          "m->mutable_$0(), error);\n"
          "  }\n",
          f.accessor, QualifiedCppName(f.part));
    }
    // An empty value sets nothing: it must not make a part present either.
    for (const FieldModel& f : model_.fields) {
      if (f.kind != FieldKind::kPart) continue;
      absl::SubstituteAndAppend(
          out_,
          "  if (PayoneCodec<$1>::Owns(name, wire, value)) {\n"
          "    if (value.empty()) return internal::Match::kYes;\n"
          "    return PayoneCodec<$1>::DecodeField(name, value, "
          "m->mutable_$0(), error);\n"
          "  }\n",
          f.accessor, QualifiedCppName(f.part));
    }
    for (const FieldModel& f : model_.fields) {
      if (f.kind != FieldKind::kIndexedParts) continue;
      const uint32_t max =
          f.rules.max_len() != 0 ? f.rules.max_len() : kDefaultMaxElements;
      absl::SubstituteAndAppend(
          out_,
          "  if (wire.index > 0 && PayoneCodec<$1>::Owns(wire.stem, $2, "
          "value)) {\n"
          "    if (value.empty()) return internal::Match::kYes;\n"
          "    if (wire.index > $3) {\n"
          "      *error = internal::IndexOutOfRange(wire, $3);\n"
          "      return internal::Match::kError;\n"
          "    }\n"
          "    return PayoneCodec<$1>::DecodeField(wire.stem, value, "
          "internal::ElementAt(m->mutable_$0(), wire.index), error);\n"
          "  }\n",
          f.accessor, QualifiedCppName(f.part), StemName(), max);
    }
    for (const FieldModel& f : model_.fields) {
      if (f.kind != FieldKind::kKeyedMap) continue;
      absl::SubstituteAndAppend(
          out_,
          "  if (!wire.key.empty() && wire.stem == $1) {\n"
          "    (*m->mutable_$0())[std::string(wire.key)] = "
          "std::string(value);\n"
          "    return internal::Match::kYes;\n"
          "  }\n",
          f.accessor, Lit(f.rules.wire_name()));
    }
    out_->append("  return internal::Match::kNo;\n}\n");
  }

  // ---- Debug -------------------------------------------------------------
  void WriteDebug() {
    absl::SubstituteAndAppend(out_, R"(
void PayoneCodec<$0>::AppendDebugFields(const Message& m,
                                        internal::DebugPrinter* out) {
  (void)m; (void)out;
)",
                              type_);
    for (const FieldModel& f : model_.fields) DebugField(f);
    absl::SubstituteAndAppend(out_, R"(}

std::string PayoneCodec<$0>::RedactedDebugString(const Message& m) {
  internal::DebugPrinter printer;
  AppendDebugFields(m, &printer);
  return printer.Release();
}
)",
                              type_);
  }

  void DebugField(const FieldModel& f) {
    const std::string name = Lit(f.field->name());
    const char* sensitive = Bool(f.rules.sensitive());
    switch (f.kind) {
      case FieldKind::kText:
        absl::SubstituteAndAppend(out_, "  if ($0) out->Text($1, $2, $3);\n",
                                  IsSet("m", f), name, Value("m", f),
                                  sensitive);
        break;
      case FieldKind::kGatewayOnly:
        if (f.field->cpp_type() == FieldDescriptor::CPPTYPE_STRING &&
            !f.field->is_repeated()) {
          absl::SubstituteAndAppend(out_, "  if ($0) out->Text($1, $2, $3);\n",
                                    IsSet("m", f), name, Value("m", f),
                                    sensitive);
        }
        break;
      case FieldKind::kInteger:
        absl::SubstituteAndAppend(out_, "  if ($0) out->Integer($1, $2, $3);\n",
                                  IsSet("m", f), name, Value("m", f),
                                  sensitive);
        break;
      case FieldKind::kUnsigned:
        absl::SubstituteAndAppend(
            out_, "  if ($0) out->Unsigned($1, $2, $3);\n", IsSet("m", f), name,
            Value("m", f), sensitive);
        break;
      case FieldKind::kBool:
        absl::SubstituteAndAppend(out_, "  if ($0) out->Bool($1, $2, $3);\n",
                                  IsSet("m", f), name, Value("m", f),
                                  sensitive);
        break;
      case FieldKind::kEnum:
        absl::SubstituteAndAppend(out_,
                                  "  if ($0) {\n"
                                  "    out->Enum($1, PayoneEnum<$2>::Name($3), "
                                  "static_cast<int>($3), $4);\n"
                                  "  }\n",
                                  IsSet("m", f), name,
                                  QualifiedCppName(f.enum_type), Value("m", f),
                                  sensitive);
        break;
      case FieldKind::kPart:
        absl::SubstituteAndAppend(
            out_,
            "  if (m.has_$0()) {\n"
            "    out->Begin($1);\n"
            "    PayoneCodec<$2>::AppendDebugFields(m.$0(), out);\n"
            "    out->End();\n"
            "  }\n",
            f.accessor, name, QualifiedCppName(f.part));
        break;
      case FieldKind::kIndexedParts:
        absl::SubstituteAndAppend(
            out_,
            "  for (const auto& element : m.$0()) {\n"
            "    out->Begin($1);\n"
            "    PayoneCodec<$2>::AppendDebugFields(element, out);\n"
            "    out->End();\n"
            "  }\n",
            f.accessor, name, QualifiedCppName(f.part));
        break;
      case FieldKind::kKeyedMap:
      case FieldKind::kUnknownMap: {
        // Unmodelled parameters may still be sensitive ones we know of.
        const std::string entry_sensitive =
            f.kind == FieldKind::kUnknownMap
                ? "IsSensitiveName(entry->first, SensitiveWireNames())"
                : sensitive;
        EntryLoop(f, absl::StrCat("out->Entry(", name,
                                  ", entry->first, entry->second, ",
                                  entry_sensitive, ");"));
        break;
      }
    }
  }

  void WriteSensitive() {
    std::set<std::string> names;
    CollectSensitive(model_, &names);
    if (names.empty()) {
      absl::SubstituteAndAppend(out_, R"(
absl::Span<const absl::string_view> PayoneCodec<$0>::SensitiveWireNames() {
  return {};
}
)",
                                type_);
      return;
    }
    std::vector<std::string> literals;
    for (const std::string& n : names) literals.push_back(Lit(n));
    absl::SubstituteAndAppend(out_, R"(
absl::Span<const absl::string_view> PayoneCodec<$0>::SensitiveWireNames() {
  static constexpr absl::string_view kNames[] = {$1};
  return kNames;
}
)",
                              type_, absl::StrJoin(literals, ", "));
  }

  // Oneof alternatives that carry constants (clearingtype=fnc,
  // financingtype=PDD) are chosen before any field is read: the one whose
  // constants all appear, the most specific first, so that shared names
  // (iban) land in the right alternative whatever the parameter order. One
  // pass over the body notes which of the constants appear.
  void WriteAlternativeChoice(const char* format) {
    std::map<const google::protobuf::OneofDescriptor*,
             std::vector<std::pair<const FieldModel*, MessageModel>>>
        oneofs;
    for (const FieldModel& f : model_.fields) {
      const auto* oneof = f.field->real_containing_oneof();
      if (f.kind != FieldKind::kPart || oneof == nullptr) continue;
      absl::StatusOr<MessageModel> part = BuildMessageModel(f.part);
      if (!part.ok() || part->constants.empty()) continue;
      oneofs[oneof].emplace_back(&f, *std::move(part));
    }
    if (oneofs.empty()) return;
    // Every constant of every alternative, numbered.
    std::map<std::pair<std::string, std::string>, size_t> constants;
    for (const auto& [oneof, alternatives] : oneofs) {
      for (const auto& alternative : alternatives) {
        for (const auto& constant : alternative.second.constants) {
          constants.emplace(constant, constants.size());
        }
      }
    }
    absl::SubstituteAndAppend(
        out_,
        "  bool seen[$0] = {};  // the constants below that appear\n"
        "  {\n"
        "    ParameterReader<BodyFormat::$1> scan(body, options);\n"
        "    while (scan.Next()) {\n"
        "      const absl::string_view name = scan.name();\n"
        "      const absl::string_view value = scan.value();\n",
        constants.size(), format);
    for (const auto& [constant, number] : constants) {
      absl::SubstituteAndAppend(
          out_, "      if (name == $0 && value == $1) seen[$2] = true;\n",
          Lit(constant.first), Lit(constant.second), number);
    }
    out_->append(
        "    }\n"
        "    if (!scan.status().ok()) return scan.status();\n"
        "  }\n");
    for (const auto& [oneof, alternatives] : oneofs) {
      absl::SubstituteAndAppend(out_,
                                "  {  // oneof $0\n"
                                "    size_t best = 0;\n"
                                "    int chosen = -1;\n",
                                oneof->name());
      for (size_t i = 0; i < alternatives.size(); ++i) {
        std::vector<std::string> tests;
        for (const auto& constant : alternatives[i].second.constants) {
          tests.push_back(absl::StrCat("seen[", constants.at(constant), "]"));
        }
        absl::SubstituteAndAppend(out_,
                                  "    if ($0 > best && $1) {\n"
                                  "      best = $0;\n"
                                  "      chosen = $2;\n"
                                  "    }\n",
                                  alternatives[i].second.constants.size(),
                                  absl::StrJoin(tests, " && "), i);
      }
      out_->append("    switch (chosen) {\n");
      for (size_t i = 0; i < alternatives.size(); ++i) {
        absl::SubstituteAndAppend(out_,
                                  "      case $0:\n"
                                  "        m->mutable_$1();\n"
                                  "        break;\n",
                                  i, alternatives[i].first->accessor);
      }
      out_->append("      default:\n        break;\n    }\n  }\n");
    }
  }

  // Typed fields spelled "stem[key]" anywhere in the flattened message, by
  // wire name, with their proto paths.
  static void CollectTypedKeyed(const MessageModel& model,
                                const std::string& prefix,
                                std::map<std::string, std::string>* out) {
    for (const FieldModel& f : model.fields) {
      if (f.kind == FieldKind::kPart) {
        absl::StatusOr<MessageModel> part = BuildMessageModel(f.part);
        if (part.ok()) {
          CollectTypedKeyed(*part, prefix + f.field->name() + ".", out);
        }
      } else if (IsScalar(f) &&
                 f.rules.wire_name().find('[') != std::string::npos) {
        out->emplace(f.rules.wire_name(), prefix + f.field->name());
      }
    }
  }

  // A map entry whose key a typed field spells would send the parameter
  // twice: the map must leave such keys to their fields.
  std::string ReservedKeyChecks() const {
    std::map<std::string, std::string> typed;
    CollectTypedKeyed(model_, "", &typed);
    std::string code;
    for (const FieldModel& f : model_.fields) {
      if (f.kind != FieldKind::kKeyedMap) continue;
      const std::string stem = f.rules.wire_name() + "[";
      for (const auto& [wire, path] : typed) {
        if (wire.rfind(stem, 0) != 0 || wire.back() != ']') continue;
        const std::string key =
            wire.substr(stem.size(), wire.size() - stem.size() - 1);
        absl::SubstituteAndAppend(
            &code,
            "  if (!m.$0().empty() && m.$0().contains($1)) {\n"
            "    internal::AddViolation({nullptr, $2, $3, 0}, $4, out);\n"
            "  }\n",
            f.accessor, Lit(key), Lit(f.field->name()), Lit(wire),
            Lit(absl::StrCat("has the key ", key, ", which belongs in ",
                             path)));
      }
    }
    return code;
  }

  // ---- Request / response / notification entry points --------------------
  void WriteTopLevel() {
    const auto kind = model_.rules.kind();
    if (kind == payone::v1::MESSAGE_KIND_PART) return;
    if (kind == payone::v1::MESSAGE_KIND_REQUEST) {
      absl::SubstituteAndAppend(out_, R"(
void PayoneCodec<$0>::Validate(const Message& m, const EncodeOptions& options,
                               Violations* out) {
  ValidateFields(m, options, nullptr, 0, out);
$1}
)",
                                type_, ReservedKeyChecks());
    }
    absl::SubstituteAndAppend(out_, R"(
void PayoneCodec<$0>::Encode(const Message& m, const EncodeOptions& options,
                             FormBuilder* form) {
  EncodeFields(m, options, 0, form);
}
)",
                              type_);
    if (kind == payone::v1::MESSAGE_KIND_RESPONSE) {
      absl::SubstituteAndAppend(out_, R"(
std::string PayoneCodec<$0>::EncodeResponse(const Message& m) {
  FormBuilder form;
  EncodeFields(m, EncodeOptions(), 0, &form);
  return internal::FormToResponseLines(form.body());
}
)",
                                type_);
    }
    const char* format =
        kind == payone::v1::MESSAGE_KIND_RESPONSE ? "kResponseLines" : "kForm";
    absl::SubstituteAndAppend(out_, R"(
absl::Status PayoneCodec<$0>::Decode(absl::string_view body,
                                     const DecodeOptions& options,
                                     Message* m) {
)",
                              type_);
    out_->append(ClearStatements(model_.message));
    const FieldModel* unknown_map = nullptr;
    for (const FieldModel& f : model_.fields) {
      if (f.kind == FieldKind::kUnknownMap) unknown_map = &f;
    }
    const std::string keep_unknown =
        unknown_map == nullptr
            ? std::string()
            : absl::StrCat("        (*m->mutable_", unknown_map->accessor,
                           "())[std::string(name)] = std::string(value);\n");
    // What PAYONE sends is kept even when the model is older than PAYONE: a
    // value a field cannot hold (an enum text the model does not know, a
    // number beyond its range) stays under its own name and the field stays
    // unset. Requests (the simulator's side) are held to the model.
    const bool keeps_unreadable =
        kind != payone::v1::MESSAGE_KIND_REQUEST && unknown_map != nullptr;
    const std::string on_error =
        keeps_unreadable ? absl::StrCat(keep_unknown,
                                        "        error = absl::OkStatus();\n"
                                        "        break;\n")
                         : "        return reader.Stop(std::move(error));\n";
    const std::string unknown = absl::StrCat(keep_unknown, "        break;\n");
    WriteAlternativeChoice(format);
    absl::SubstituteAndAppend(
        out_, R"(  ParameterReader<BodyFormat::$0> reader(body, options);
  absl::Status error;
  while (reader.Next()) {
    const absl::string_view name = reader.name();
    const absl::string_view value = reader.value();
    switch (DecodeField(name, value, m, &error)) {
      case internal::Match::kYes:
        break;
      case internal::Match::kError:
$2      case internal::Match::kNo:
$1    }
  }
  if (!reader.status().ok()) return reader.status();
)",
        format, unknown, on_error);
    if (kind != payone::v1::MESSAGE_KIND_REQUEST) {
      for (const FieldModel& f : model_.fields) {
        const bool required =
            f.rules.required() || (kind == payone::v1::MESSAGE_KIND_RESPONSE &&
                                   f.rules.wire_name() == "status");
        if (!required) continue;
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
        absl::SubstituteAndAppend(
            out_, "  if (!($0)) return internal::MissingParameter($1);\n",
            present,
            Lit(f.rules.wire_name().empty() ? f.field->name()
                                            : f.rules.wire_name()));
      }
    }
    out_->append("  return absl::OkStatus();\n}\n");
  }

  // ---- Ledger (requests only) -------------------------------------------
  // LedgerFieldsOf copies views of the fields the model tagged; the model
  // checked their types, so each assignment compiles.
  void WriteLedger() {
    if (model_.rules.kind() != payone::v1::MESSAGE_KIND_REQUEST) return;
    absl::SubstituteAndAppend(
        out_,
        "\nLedgerFields PayoneCodec<$0>::LedgerFieldsOf(const Message& m) {\n",
        type_);
    if (model_.ledger_fields.empty()) {
      out_->append("  (void)m;\n  return {};\n}\n");
      return;
    }
    out_->append("  LedgerFields fields;\n");
    for (const auto& [tag, index] : model_.ledger_fields) {
      const FieldModel& f = model_.fields[index];
      const std::string value = Value("m", f);
      switch (tag) {
        case payone::v1::LEDGER_FIELD_TXID:
          Line(absl::StrCat("  fields.txid = ", value, ";"));
          break;
        case payone::v1::LEDGER_FIELD_REFERENCE:
          Line(absl::StrCat("  fields.reference = ", value, ";"));
          break;
        case payone::v1::LEDGER_FIELD_AMOUNT:
          Line(absl::StrCat("  fields.amount = ", value, ";"));
          break;
        case payone::v1::LEDGER_FIELD_CURRENCY:
          Line(absl::StrCat("  fields.currency = ", value, ";"));
          break;
        case payone::v1::LEDGER_FIELD_SEQUENCENUMBER:
          Line(absl::StrCat("  if (", IsSet("m", f),
                            ") fields.sequencenumber = ", value, ";"));
          break;
        case payone::v1::LEDGER_FIELD_CAPTUREMODE:
          Line(absl::StrCat("  fields.capturemode = PayoneEnum<",
                            QualifiedCppName(f.enum_type), ">::ToWire(", value,
                            ");"));
          break;
        default:
          break;
      }
    }
    out_->append("  return fields;\n}\n");
    const FieldModel* sequencenumber =
        model_.LedgerFieldOf(payone::v1::LEDGER_FIELD_SEQUENCENUMBER);
    if (sequencenumber != nullptr) {
      absl::SubstituteAndAppend(out_, R"(
void PayoneCodec<$0>::SetSequenceNumber(Message* m, int32_t n) {
  m->set_$1(n);
}
)",
                                type_, sequencenumber->accessor);
    }
  }

  const MessageModel& model_;
  std::string* out_;
  const std::string type_;
};

void AppendEnum(const google::protobuf::EnumDescriptor* e, std::string* out) {
  const std::string type = QualifiedCppName(e);
  std::string to_wire, name;
  // FromWire: the wire texts by one switch on the text's size.
  std::vector<NameCase> from_wire;
  for (int i = 0; i < e->value_count(); ++i) {
    const auto* v = e->value(i);
    // Aliases share a number; the first one names it.
    if (e->FindValueByNumber(v->number()) != v) continue;
    absl::SubstituteAndAppend(&name, "    case $0:\n      return $1;\n",
                              v->number(), Lit(v->name()));
    const std::string wire = WireValueOf(v);
    if (wire.empty() || v->number() == 0) continue;
    absl::SubstituteAndAppend(&to_wire, "    case $0:\n      return $1;\n",
                              v->number(), Lit(wire));
    from_wire.push_back(
        {wire, "",
         absl::Substitute("        *value = static_cast<$0>($1);\n"
                          "        return true;\n",
                          type, v->number())});
  }
  absl::SubstituteAndAppend(out, R"(
absl::string_view PayoneEnum<$0>::ToWire($0 value) {
  switch (static_cast<int>(value)) {
$1    default:
      return {};
  }
}

bool PayoneEnum<$0>::FromWire(absl::string_view text, $0* value) {
  (void)text; (void)value;
$2  return false;
}

absl::string_view PayoneEnum<$0>::Name($0 value) {
  switch (static_cast<int>(value)) {
$3    default:
      return {};
  }
}
)",
                            type, to_wire, NameSwitch(from_wire, "text"), name);
}

}  // namespace

absl::StatusOr<std::string> CodecSourceGenerator::Generate() const {
  const std::string stem = ProtoStem(model_.file);
  std::string out = GeneratedFilePreamble(model_.file->name());
  absl::SubstituteAndAppend(&out, R"(#include "$0.payone.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "codec/runtime/generated.h"
#include "codec/runtime/ledger.h"
#include "codec/runtime/parameter_reader.h"
#include "codec/runtime/redact.h"
#include "codec/runtime/violations.h"

namespace payone::codec {
)",
                            stem);
  for (const auto* e : model_.enums) AppendEnum(e, &out);
  for (const MessageModel& m : model_.messages) {
    absl::StrAppend(&out, "\n// ---- ", m.message->full_name(), "\n");
    MessageWriter writer(m, &out);
    absl::Status ok = writer.Write();
    if (!ok.ok()) return ok;
  }
  out.append("\n}  // namespace payone::codec\n");
  return out;
}

}  // namespace payone::codec::generator
