#include "codec/generator/model.h"

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::FileDescriptor;
using ::payone::v1::Format;
using ::payone::v1::MessageRules;

absl::Status FieldError(const FieldDescriptor* field,
                        absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(
      field->file()->name(), ": field ", field->full_name(), ": ", problem));
}

absl::Status MessageError(const Descriptor* message,
                          absl::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrCat(message->file()->name(), ": message ", message->full_name(),
                   ": ", problem));
}

bool IsStringMap(const FieldDescriptor* field) {
  if (!field->is_map()) return false;
  const Descriptor* entry = field->message_type();
  return entry->map_key()->type() == FieldDescriptor::TYPE_STRING &&
         entry->map_value()->type() == FieldDescriptor::TYPE_STRING;
}

bool IsPart(const Descriptor* message) {
  return MessageRulesOf(message).kind() == payone::v1::MESSAGE_KIND_PART;
}

absl::Status CheckWireName(const FieldDescriptor* field,
                           const std::string& name, bool stem) {
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F || c == '&' || c == '=' || c == '%' ||
        c == '+') {
      return FieldError(field, absl::StrCat("wire_name \"", name,
                                            "\" contains a character a form "
                                            "parameter name cannot carry"));
    }
    if (stem && (c == '[' || c == ']')) {
      return FieldError(field, absl::StrCat("wire_name \"", name,
                                            "\" is a stem and must not "
                                            "contain brackets"));
    }
  }
  return absl::OkStatus();
}

// The format of a field after resolving UNSPECIFIED, or an error when the
// format does not fit the type.
absl::StatusOr<Format> EffectiveFormat(const FieldModel& f) {
  const Format format = FormatOf(f.rules);
  auto bad = [&]() {
    return FieldError(f.field,
                      absl::StrCat("format ", payone::v1::Format_Name(format),
                                   " is not valid on a field of type ",
                                   f.field->type_name()));
  };
  switch (f.kind) {
    case FieldKind::kText:
      switch (format) {
        case payone::v1::FORMAT_UNSPECIFIED:
          return payone::v1::FORMAT_CHAR;
        case payone::v1::FORMAT_LIST:
        case payone::v1::FORMAT_DECIMAL:
        case payone::v1::FORMAT_YES_NO:
        case payone::v1::FORMAT_ONE_ZERO:
          return bad();
        default:
          return format;
      }
    case FieldKind::kInteger:
    case FieldKind::kUnsigned:
      switch (format) {
        case payone::v1::FORMAT_UNSPECIFIED:
          return payone::v1::FORMAT_NUMERIC;
        case payone::v1::FORMAT_NUMERIC:
        case payone::v1::FORMAT_UNIX_TIME:
          return format;
        case payone::v1::FORMAT_DECIMAL:
          // Minor units of any realistic amount need 64 bits.
          if (f.field->cpp_type() !=
              google::protobuf::FieldDescriptor::CPPTYPE_INT64) {
            return bad();
          }
          return format;
        default:
          return bad();
      }
    case FieldKind::kBool:
      switch (format) {
        case payone::v1::FORMAT_UNSPECIFIED:
          return payone::v1::FORMAT_YES_NO;
        case payone::v1::FORMAT_YES_NO:
        case payone::v1::FORMAT_ONE_ZERO:
          return format;
        default:
          return bad();
      }
    case FieldKind::kEnum:
      switch (format) {
        case payone::v1::FORMAT_UNSPECIFIED:
        case payone::v1::FORMAT_LIST:
        case payone::v1::FORMAT_COUNTRY:
        case payone::v1::FORMAT_CURRENCY:
        case payone::v1::FORMAT_LANGUAGE:
          return payone::v1::FORMAT_LIST;
        default:
          return bad();
      }
    case FieldKind::kGatewayOnly:
      return format;
    default:
      if (format != payone::v1::FORMAT_UNSPECIFIED) return bad();
      return format;
  }
}

absl::Status CheckEnumWireValues(const FieldDescriptor* field,
                                 const EnumDescriptor* e) {
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < e->value_count(); ++i) {
    const auto* value = e->value(i);
    const std::string wire = WireValueOf(value);
    if (value->number() == 0) continue;
    if (wire.empty()) {
      return FieldError(field, absl::StrCat("enum value ", value->full_name(),
                                            " has no (payone.v1.enum_value)."
                                            "wire_value"));
    }
    if (!seen.insert(wire).second) {
      return FieldError(
          field, absl::StrCat("enum ", e->full_name(), " has the wire value \"",
                              wire, "\" twice"));
    }
  }
  return absl::OkStatus();
}

// The typed rules a field of kind `kind` takes, as named in options.proto.
const char* RulesNameFor(FieldKind kind) {
  switch (kind) {
    case FieldKind::kText:
      return "text";
    case FieldKind::kInteger:
    case FieldKind::kUnsigned:
      return "integer";
    case FieldKind::kBool:
      return "boolean";
    case FieldKind::kEnum:
      return "enumeration";
    case FieldKind::kIndexedParts:
      return "indexed";
    case FieldKind::kKeyedMap:
    case FieldKind::kUnknownMap:
      return "map";
    default:
      return nullptr;
  }
}

const char* RulesNameOf(const payone::v1::FieldRules& r) {
  switch (r.type_case()) {
    case payone::v1::FieldRules::kText:
      return "text";
    case payone::v1::FieldRules::kInteger:
      return "integer";
    case payone::v1::FieldRules::kBoolean:
      return "boolean";
    case payone::v1::FieldRules::kEnumeration:
      return "enumeration";
    case payone::v1::FieldRules::kIndexed:
      return "indexed";
    case payone::v1::FieldRules::kMap:
      return "map";
    default:
      return nullptr;
  }
}

// The typed rules fit the field's kind, and their bounds are ordered.
absl::Status CheckTypedRules(const FieldModel& f) {
  const auto& r = f.rules;
  const char* given = RulesNameOf(r);
  if (given != nullptr) {
    const char* wanted = RulesNameFor(f.kind);
    if (f.kind == FieldKind::kGatewayOnly) {
      return FieldError(f.field, absl::StrCat(given,
                                              " rules on a gateway_only "
                                              "field, which is never sent"));
    }
    if (wanted == nullptr || absl::string_view(given) != wanted) {
      const std::string type =
          f.field->is_map() ? "map"
          : f.field->is_repeated()
              ? absl::StrCat("repeated ", f.field->type_name())
              : f.field->type_name();
      return FieldError(
          f.field,
          absl::StrCat(given, " rules on a field of type ", type,
                       wanted == nullptr
                           ? " (it takes no typed rules)"
                           : absl::StrCat(" (it takes ", wanted, ": {...})")));
    }
  }
  auto ordered = [&](absl::string_view what, uint64_t min,
                     uint64_t max) -> absl::Status {
    if (max != 0 && min > max) {
      return FieldError(f.field, absl::StrCat("min_", what, " ", min, " > max_",
                                              what, " ", max));
    }
    return absl::OkStatus();
  };
  switch (r.type_case()) {
    case payone::v1::FieldRules::kText:
      return ordered("len", r.text().min_len(), r.text().max_len());
    case payone::v1::FieldRules::kInteger: {
      const auto& i = r.integer();
      if (i.has_min() && i.has_max() && i.min() > i.max()) {
        return FieldError(f.field,
                          absl::StrCat("min ", i.min(), " > max ", i.max()));
      }
      return ordered("digits", i.min_digits(), i.max_digits());
    }
    case payone::v1::FieldRules::kIndexed:
      return ordered("items", r.indexed().min_items(), r.indexed().max_items());
    case payone::v1::FieldRules::kMap:
      return ordered("entries", r.map().min_entries(), r.map().max_entries());
    default:
      return absl::OkStatus();
  }
}

// What every model of `field` starts from: its options, accessor and
// whether it tracks presence.
FieldModel BaseFieldModel(const FieldDescriptor* field) {
  FieldModel f;
  f.field = field;
  f.rules = FieldRulesOf(field);
  f.accessor = FieldAccessor(field);
  f.has_presence = !field->is_repeated() &&
                   field->type() != FieldDescriptor::TYPE_MESSAGE &&
                   field->has_presence();
  return f;
}

absl::StatusOr<FieldModel> BuildFieldModel(const FieldDescriptor* field,
                                           const MessageRules& owner) {
  FieldModel f = BaseFieldModel(field);
  const auto& r = f.rules;
  const bool has_wire = !r.wire_name().empty();
  if (r.gateway_only()) {
    if (has_wire) {
      return FieldError(field, "a gateway_only field has no wire_name");
    }
    f.kind = FieldKind::kGatewayOnly;
  } else if (field->is_map()) {
    if (!IsStringMap(field)) {
      return FieldError(field, "only map<string, string> fields are supported");
    }
    if (r.map().unknown_parameters()) {
      if (has_wire) {
        return FieldError(field, "an unknown_parameters map has no wire_name");
      }
      if (owner.kind() == payone::v1::MESSAGE_KIND_PART) {
        return FieldError(field,
                          "unknown_parameters belongs on the top-level "
                          "message, not on a PART");
      }
      f.kind = FieldKind::kUnknownMap;
    } else {
      if (!has_wire) {
        return FieldError(field,
                          "a map needs a wire_name (its stem) or "
                          "map: {unknown_parameters: true}");
      }
      f.kind = FieldKind::kKeyedMap;
    }
  } else if (field->is_repeated()) {
    if (field->type() != FieldDescriptor::TYPE_MESSAGE || !r.has_indexed()) {
      return FieldError(field,
                        "repeated fields must be indexed PART messages "
                        "(indexed: {})");
    }
    if (!IsPart(field->message_type())) {
      return FieldError(field, absl::StrCat("element type ",
                                            field->message_type()->full_name(),
                                            " is not a MESSAGE_KIND_PART"));
    }
    if (has_wire) {
      return FieldError(field,
                        "an indexed field has no wire_name: its PART's fields "
                        "carry the stems");
    }
    f.kind = FieldKind::kIndexedParts;
    f.part = field->message_type();
  } else if (field->type() == FieldDescriptor::TYPE_MESSAGE ||
             field->type() == FieldDescriptor::TYPE_GROUP) {
    if (has_wire) {
      return FieldError(field,
                        "a message field has no wire_name: its PART is "
                        "flattened into the parent");
    }
    if (!IsPart(field->message_type())) {
      return FieldError(
          field,
          absl::StrCat("message type ", field->message_type()->full_name(),
                       " is not a MESSAGE_KIND_PART (or mark "
                       "the field gateway_only)"));
    }
    f.kind = FieldKind::kPart;
    f.part = field->message_type();
  } else {
    if (!has_wire) {
      return FieldError(field, "has no wire_name (or gateway_only: true)");
    }
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        f.kind = FieldKind::kText;
        break;
      case FieldDescriptor::CPPTYPE_INT32:
      case FieldDescriptor::CPPTYPE_INT64:
        f.kind = FieldKind::kInteger;
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
      case FieldDescriptor::CPPTYPE_UINT64:
        f.kind = FieldKind::kUnsigned;
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        f.kind = FieldKind::kBool;
        break;
      case FieldDescriptor::CPPTYPE_ENUM:
        f.kind = FieldKind::kEnum;
        f.enum_type = field->enum_type();
        break;
      default:
        return FieldError(field, absl::StrCat("type ", field->type_name(),
                                              " has no PAYONE form"));
    }
  }
  if (has_wire) {
    const bool stem = f.kind == FieldKind::kKeyedMap;
    absl::Status name_ok = CheckWireName(field, r.wire_name(), stem);
    if (!name_ok.ok()) return name_ok;
  }
  if (f.kind == FieldKind::kEnum) {
    absl::Status ok = CheckEnumWireValues(field, f.enum_type);
    if (!ok.ok()) return ok;
  }
  // The kind of rules first: a format of the wrong kind is that mistake.
  absl::Status typed = CheckTypedRules(f);
  if (!typed.ok()) return typed;
  absl::StatusOr<Format> format = EffectiveFormat(f);
  if (!format.ok()) return format.status();
  f.format = *format;
  return f;
}

// Collects the wire names of `model` (flattened parts included) into
// `names`; oneof alternatives may share names among themselves, not with
// the rest.
absl::Status CollectWireNames(const MessageModel& model,
                              std::set<std::string>* names);

absl::Status AddName(const FieldDescriptor* field, const std::string& name,
                     std::set<std::string>* names) {
  if (!names->insert(name).second) {
    return FieldError(field, absl::StrCat("wire name \"", name,
                                          "\" is used twice in one message "
                                          "after flattening"));
  }
  return absl::OkStatus();
}

absl::Status CollectFieldNames(const FieldModel& f,
                               std::set<std::string>* names) {
  switch (f.kind) {
    case FieldKind::kGatewayOnly:
    case FieldKind::kUnknownMap:
      return absl::OkStatus();
    case FieldKind::kPart:
    case FieldKind::kIndexedParts: {
      const MessageModel* part = f.part_model;
      if (f.kind == FieldKind::kIndexedParts) {
        for (const FieldModel& element : part->fields) {
          if (element.kind != FieldKind::kText &&
              element.kind != FieldKind::kInteger &&
              element.kind != FieldKind::kUnsigned &&
              element.kind != FieldKind::kBool &&
              element.kind != FieldKind::kEnum &&
              element.kind != FieldKind::kGatewayOnly) {
            return FieldError(element.field,
                              "fields of an indexed PART must be scalars");
          }
          if (!element.rules.wire_name().empty()) {
            absl::Status ok =
                CheckWireName(element.field, element.rules.wire_name(), true);
            if (!ok.ok()) return ok;
          }
        }
      }
      std::set<std::string> part_names;
      absl::Status ok = CollectWireNames(*part, &part_names);
      if (!ok.ok()) return ok;
      for (const std::string& name : part_names) {
        ok = AddName(f.field, name, names);
        if (!ok.ok()) return ok;
      }
      return absl::OkStatus();
    }
    default:
      return AddName(f.field, f.rules.wire_name(), names);
  }
}

absl::Status CollectWireNames(const MessageModel& model,
                              std::set<std::string>* names) {
  for (const auto& [name, value] : model.constants) {
    if (!names->insert(name).second) {
      return MessageError(model.message,
                          absl::StrCat("constant \"", name,
                                       "\" is also a wire name of a field"));
    }
  }
  // Fields outside oneofs first, then each oneof's alternatives.
  std::map<const google::protobuf::OneofDescriptor*, std::set<std::string>>
      oneof_names;
  for (const FieldModel& f : model.fields) {
    const auto* oneof = f.field->real_containing_oneof();
    if (oneof != nullptr) continue;
    absl::Status ok = CollectFieldNames(f, names);
    if (!ok.ok()) return ok;
  }
  for (const FieldModel& f : model.fields) {
    const auto* oneof = f.field->real_containing_oneof();
    if (oneof == nullptr) continue;
    std::set<std::string> alternative = *names;
    absl::Status ok = CollectFieldNames(f, &alternative);
    if (!ok.ok()) return ok;
    oneof_names[oneof].insert(alternative.begin(), alternative.end());
  }
  for (const auto& [oneof, alternative_names] : oneof_names) {
    names->insert(alternative_names.begin(), alternative_names.end());
  }
  return absl::OkStatus();
}

// A field named by a rule, classified by its type alone: the leaf may sit
// in a message without a codec, whose options say nothing.
FieldModel ClassifyByType(const FieldDescriptor* leaf) {
  FieldModel f = BaseFieldModel(leaf);
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
  f.format = FormatOf(f.rules);
  return f;
}

// Resolves a cross-field rule path ("personal_data.lastname").
absl::StatusOr<FieldPathModel> ResolvePath(const Descriptor* message,
                                           const std::string& path,
                                           absl::string_view rule_name) {
  FieldPathModel resolved;
  resolved.text = path;
  const Descriptor* current = message;
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* field =
        current == nullptr ? nullptr : current->FindFieldByName(parts[i]);
    if (field == nullptr) {
      return MessageError(message, absl::StrCat(rule_name, " names \"", path,
                                                "\", which is not a field"));
    }
    if (i + 1 == parts.size()) {
      resolved.leaf = ClassifyByType(field);
      break;
    }
    if (field->type() != FieldDescriptor::TYPE_MESSAGE ||
        field->is_repeated()) {
      return MessageError(message, absl::StrCat(rule_name, " path \"", path,
                                                "\" goes through a field that "
                                                "is not a singular message"));
    }
    resolved.through.push_back(FieldAccessor(field));
    current = field->message_type();
  }
  return resolved;
}

absl::StatusOr<std::vector<FieldPathModel>> ResolvePaths(
    const Descriptor* message,
    const google::protobuf::RepeatedPtrField<std::string>& paths,
    absl::string_view rule_name) {
  std::vector<FieldPathModel> resolved;
  for (const std::string& path : paths) {
    absl::StatusOr<FieldPathModel> one = ResolvePath(message, path, rule_name);
    if (!one.ok()) return one.status();
    resolved.push_back(*std::move(one));
  }
  return resolved;
}

// Reads `text` as the when_field `when` reads it.
absl::StatusOr<WhenValue> ResolveWhenValue(const Descriptor* message,
                                           const FieldPathModel& when,
                                           const std::string& text) {
  WhenValue value;
  value.text = text;
  const FieldModel& leaf = when.leaf;
  switch (leaf.kind) {
    case FieldKind::kEnum: {
      const EnumDescriptor* e = leaf.field->enum_type();
      const google::protobuf::EnumValueDescriptor* match = nullptr;
      for (int i = 0; i < e->value_count() && match == nullptr; ++i) {
        if (WireValueOf(e->value(i)) == text) match = e->value(i);
      }
      if (match == nullptr) {
        return MessageError(
            message, absl::StrCat("when_values \"", text,
                                  "\" is no wire value of ", e->full_name()));
      }
      value.enum_number = match->number();
      return value;
    }
    case FieldKind::kText:
      value.ignore_case = leaf.rules.text().letter_case() !=
                          payone::v1::LETTER_CASE_UNSPECIFIED;
      return value;
    case FieldKind::kBool:
      value.on = text == "yes" || text == "1" || text == "true";
      return value;
    case FieldKind::kInteger:
      if (!absl::SimpleAtoi(text, &value.number)) {
        return MessageError(message,
                            absl::StrCat("when_values \"", text,
                                         "\" is not a number for ", when.text));
      }
      return value;
    default:
      return MessageError(message, absl::StrCat("when_field ", when.text,
                                                " cannot be compared with "
                                                "values"));
  }
}

absl::StatusOr<CrossFieldRuleModel> ResolveRule(
    const Descriptor* message, const payone::v1::CrossFieldRule& rule) {
  CrossFieldRuleModel resolved;
  absl::StatusOr<std::vector<FieldPathModel>> paths =
      ResolvePaths(message, rule.require_one_of(), "require_one_of");
  if (!paths.ok()) return paths.status();
  resolved.require_one_of = *std::move(paths);
  paths = ResolvePaths(message, rule.at_most_one_of(), "at_most_one_of");
  if (!paths.ok()) return paths.status();
  resolved.at_most_one_of = *std::move(paths);
  paths = ResolvePaths(message, rule.require(), "require");
  if (!paths.ok()) return paths.status();
  resolved.require = *std::move(paths);
  if (!rule.when_field().empty()) {
    absl::StatusOr<FieldPathModel> when =
        ResolvePath(message, rule.when_field(), "when_field");
    if (!when.ok()) return when.status();
    resolved.when_field = *std::move(when);
  } else if (!rule.when_values().empty()) {
    return MessageError(message, "when_values without when_field");
  }
  if (rule.require().empty() != rule.when_field().empty()) {
    return MessageError(message,
                        "a rule with require needs when_field and the "
                        "other way round");
  }
  for (const std::string& text : rule.when_values()) {
    absl::StatusOr<WhenValue> value =
        ResolveWhenValue(message, resolved.when_field, text);
    if (!value.ok()) return value.status();
    resolved.when_values.push_back(*std::move(value));
  }
  const std::string& description = rule.description();
  if (!description.empty()) {
    resolved.require_one_of_description = description;
    resolved.at_most_one_of_description = description;
    resolved.require_description = description;
    return resolved;
  }
  resolved.require_one_of_description =
      absl::StrCat("at least one of ",
                   absl::StrJoin(rule.require_one_of(), ", "), " must be set");
  resolved.at_most_one_of_description =
      absl::StrCat("at most one of ",
                   absl::StrJoin(rule.at_most_one_of(), ", "), " may be set");
  resolved.require_description =
      rule.when_values().empty()
          ? absl::StrCat("is required when ", rule.when_field(), " is set")
          : absl::StrCat("is required when ", rule.when_field(), " is ",
                         absl::StrJoin(rule.when_values(), " or "));
  return resolved;
}

// Whether `field` has the C++ shape LedgerFieldsOf reads for `tag`.
absl::Status CheckLedgerFieldType(const FieldModel& f) {
  const FieldDescriptor* field = f.field;
  const payone::v1::LedgerField tag = f.rules.ledger();
  auto wrong = [&](absl::string_view wanted) {
    return FieldError(field,
                      absl::StrCat("ledger ", payone::v1::LedgerField_Name(tag),
                                   " needs a field of type ", wanted, ", not ",
                                   field->type_name()));
  };
  const bool singular = !field->is_repeated();
  switch (tag) {
    case payone::v1::LEDGER_FIELD_TXID:
    case payone::v1::LEDGER_FIELD_REFERENCE:
    case payone::v1::LEDGER_FIELD_CURRENCY:
      if (!singular || field->cpp_type() != FieldDescriptor::CPPTYPE_STRING) {
        return wrong("string");
      }
      return absl::OkStatus();
    case payone::v1::LEDGER_FIELD_CAPTUREMODE:
      if (!singular || field->cpp_type() != FieldDescriptor::CPPTYPE_ENUM) {
        return wrong("enum");
      }
      // Its wire value comes from the enum's (payone.v1.enum_value).
      if (f.kind != FieldKind::kEnum) {
        return FieldError(field,
                          "ledger LEDGER_FIELD_CAPTUREMODE needs an "
                          "enum with wire values, not gateway_only");
      }
      return absl::OkStatus();
    case payone::v1::LEDGER_FIELD_AMOUNT:
      if (!singular || field->cpp_type() != FieldDescriptor::CPPTYPE_INT64) {
        return wrong("int64");
      }
      return absl::OkStatus();
    case payone::v1::LEDGER_FIELD_SEQUENCENUMBER:
      // Presence tells "the caller left it to the ledger" from 0.
      if (!singular || field->cpp_type() != FieldDescriptor::CPPTYPE_INT32 ||
          !field->has_optional_keyword()) {
        return wrong("optional int32");
      }
      return absl::OkStatus();
    default:
      return FieldError(field, absl::StrCat("unknown ledger tag ", tag));
  }
}

// Classifies the (payone.v1.*).ledger options of `model`: only a REQUEST
// carries them, each tag once, with the right type, and an effect with
// every field the ledger needs for it. Checked here so that a renamed or
// retyped field fails protoc instead of silently leaving the ledger.
absl::Status ClassifyLedger(MessageModel* model) {
  const bool request = model->rules.kind() == payone::v1::MESSAGE_KIND_REQUEST;
  const payone::v1::LedgerEffect effect = model->rules.ledger_effect();
  if (effect != payone::v1::LEDGER_EFFECT_UNSPECIFIED && !request) {
    return MessageError(model->message,
                        "ledger_effect is only valid on a REQUEST");
  }
  model->ledger_effect = effect;
  for (size_t i = 0; i < model->fields.size(); ++i) {
    const FieldModel& f = model->fields[i];
    const payone::v1::LedgerField tag = f.rules.ledger();
    if (tag == payone::v1::LEDGER_FIELD_UNSPECIFIED) continue;
    const std::string tag_name = payone::v1::LedgerField_Name(tag);
    if (!request) {
      return FieldError(f.field, absl::StrCat("ledger ", tag_name,
                                              " is only valid on a field of "
                                              "a REQUEST"));
    }
    if (effect == payone::v1::LEDGER_EFFECT_UNSPECIFIED) {
      return FieldError(f.field,
                        absl::StrCat("ledger ", tag_name,
                                     " on a message without ledger_effect"));
    }
    absl::Status type_ok = CheckLedgerFieldType(f);
    if (!type_ok.ok()) return type_ok;
    auto [it, inserted] = model->ledger_fields.emplace(tag, i);
    if (!inserted) {
      return FieldError(
          f.field, absl::StrCat("ledger ", tag_name, " is already on field ",
                                model->fields[it->second].field->name()));
    }
  }
  std::vector<payone::v1::LedgerField> needed;
  switch (effect) {
    case payone::v1::LEDGER_EFFECT_RESERVE:
    case payone::v1::LEDGER_EFFECT_AUTHORIZE:
      needed = {payone::v1::LEDGER_FIELD_REFERENCE,
                payone::v1::LEDGER_FIELD_AMOUNT,
                payone::v1::LEDGER_FIELD_CURRENCY};
      break;
    case payone::v1::LEDGER_EFFECT_CAPTURE:
    case payone::v1::LEDGER_EFFECT_REFUND:
    case payone::v1::LEDGER_EFFECT_DEBIT:
      needed = {payone::v1::LEDGER_FIELD_TXID, payone::v1::LEDGER_FIELD_AMOUNT,
                payone::v1::LEDGER_FIELD_SEQUENCENUMBER};
      break;
    default:
      break;
  }
  for (payone::v1::LedgerField tag : needed) {
    if (model->ledger_fields.count(tag) == 0) {
      return MessageError(
          model->message,
          absl::StrCat("ledger_effect ", payone::v1::LedgerEffect_Name(effect),
                       " needs a field tagged ledger: ",
                       payone::v1::LedgerField_Name(tag)));
    }
  }
  return absl::OkStatus();
}

// An unannotated message gets no codec: it must not carry ledger options.
absl::Status CheckNoLedgerOptions(const Descriptor* message) {
  if (MessageRulesOf(message).ledger_effect() !=
      payone::v1::LEDGER_EFFECT_UNSPECIFIED) {
    return MessageError(message, "ledger_effect is only valid on a REQUEST");
  }
  for (int i = 0; i < message->field_count(); ++i) {
    const payone::v1::LedgerField tag =
        FieldRulesOf(message->field(i)).ledger();
    if (tag != payone::v1::LEDGER_FIELD_UNSPECIFIED) {
      return FieldError(
          message->field(i),
          absl::StrCat("ledger ", payone::v1::LedgerField_Name(tag),
                       " is only valid on a field of a REQUEST"));
    }
  }
  return absl::OkStatus();
}

void CollectEnums(const Descriptor* message,
                  std::vector<const EnumDescriptor*>* enums) {
  for (int i = 0; i < message->enum_type_count(); ++i) {
    enums->push_back(message->enum_type(i));
  }
  for (int i = 0; i < message->nested_type_count(); ++i) {
    CollectEnums(message->nested_type(i), enums);
  }
}

void CollectMessages(const Descriptor* message,
                     std::vector<const Descriptor*>* messages) {
  messages->push_back(message);
  for (int i = 0; i < message->nested_type_count(); ++i) {
    if (message->nested_type(i)->options().map_entry()) continue;
    CollectMessages(message->nested_type(i), messages);
  }
}

bool HasCodecContent(const FileDescriptor* file) {
  if (file->enum_type_count() > 0) return true;
  std::vector<const Descriptor*> messages;
  for (int i = 0; i < file->message_type_count(); ++i) {
    CollectMessages(file->message_type(i), &messages);
  }
  for (const Descriptor* m : messages) {
    if (m->enum_type_count() > 0 ||
        MessageRulesOf(m).kind() != payone::v1::MESSAGE_KIND_UNSPECIFIED) {
      return true;
    }
  }
  return false;
}

// action_oneof names a oneof of a REQUEST; result_oneof a oneof of a
// RESPONSE whose alternatives are gateway_only PARTs, which the generated
// DecodeResult fills.
absl::Status CheckActionOneofs(const MessageModel& model) {
  const auto kind = model.rules.kind();
  const std::string& action = model.rules.action_oneof();
  if (!action.empty() && (kind != payone::v1::MESSAGE_KIND_REQUEST ||
                          model.message->FindOneofByName(action) == nullptr)) {
    return MessageError(model.message,
                        absl::StrCat("action_oneof \"", action,
                                     "\" is not a oneof of this REQUEST"));
  }
  const std::string& result = model.rules.result_oneof();
  if (result.empty()) return absl::OkStatus();
  const auto* oneof = model.message->FindOneofByName(result);
  if (kind != payone::v1::MESSAGE_KIND_RESPONSE || oneof == nullptr) {
    return MessageError(model.message,
                        absl::StrCat("result_oneof \"", result,
                                     "\" is not a oneof of this RESPONSE"));
  }
  for (int i = 0; i < oneof->field_count(); ++i) {
    const FieldDescriptor* field = oneof->field(i);
    if (!FieldRulesOf(field).gateway_only() ||
        field->type() != FieldDescriptor::TYPE_MESSAGE ||
        !IsPart(field->message_type())) {
      return FieldError(field,
                        "an alternative of a result_oneof is a gateway_only "
                        "field of a PART type");
    }
  }
  return absl::OkStatus();
}

// Builds the models of a file's messages and of the PARTs they flatten,
// each once, linking every part field to its PART's model.
class ModelLinker {
 public:
  explicit ModelLinker(FileModel* file) : file_(file) {}

  absl::StatusOr<const MessageModel*> Link(const Descriptor* message) {
    auto it = file_->models.find(message);
    if (it != file_->models.end()) {
      if (in_progress_.count(message) != 0) {
        return MessageError(message, "a PART cannot contain itself");
      }
      return it->second.get();
    }
    auto owned = std::make_unique<MessageModel>();
    MessageModel* model = owned.get();
    file_->models.emplace(message, std::move(owned));
    in_progress_.insert(message);
    absl::Status built = Build(message, model);
    in_progress_.erase(message);
    if (!built.ok()) return built;
    return model;
  }

 private:
  absl::Status Build(const Descriptor* message, MessageModel* model) {
    model->message = message;
    model->rules = MessageRulesOf(message);
    const auto kind = model->rules.kind();
    if (kind == payone::v1::MESSAGE_KIND_REQUEST) {
      if (model->rules.request_type().empty()) {
        return MessageError(message, "a REQUEST needs a request_type");
      }
    } else if (!model->rules.request_type().empty()) {
      return MessageError(message, "only a REQUEST has a request_type");
    }
    for (const auto& [name, value] : model->rules.constants()) {
      model->constants.emplace(name, value);
    }
    int unknown_maps = 0;
    for (int i = 0; i < message->field_count(); ++i) {
      absl::StatusOr<FieldModel> field =
          BuildFieldModel(message->field(i), model->rules);
      if (!field.ok()) return field.status();
      if (field->kind == FieldKind::kUnknownMap && ++unknown_maps > 1) {
        return FieldError(field->field,
                          "only one field per message may be "
                          "unknown_parameters");
      }
      model->fields.push_back(*std::move(field));
    }
    for (FieldModel& f : model->fields) {
      if (f.part == nullptr) continue;
      absl::StatusOr<const MessageModel*> part = Link(f.part);
      if (!part.ok()) return part.status();
      f.part_model = *part;
    }
    for (const auto& rule : model->rules.rules()) {
      absl::StatusOr<CrossFieldRuleModel> resolved = ResolveRule(message, rule);
      if (!resolved.ok()) return resolved.status();
      model->cross_field_rules.push_back(*std::move(resolved));
    }
    absl::Status held = AddHolderRules(model);
    if (!held.ok()) return held;
    absl::Status oneofs = CheckActionOneofs(*model);
    if (!oneofs.ok()) return oneofs;
    return ClassifyLedger(model);
  }

  // The holder_rules of the PARTs `model` holds, as its own rules that
  // apply while the part is set (after its own rules, in field order).
  static absl::Status AddHolderRules(MessageModel* model) {
    if (!model->rules.holder_rules().empty() &&
        model->kind() != payone::v1::MESSAGE_KIND_PART) {
      return MessageError(model->message,
                          "holder_rules are only valid on a PART");
    }
    for (const FieldModel& f : model->fields) {
      if (f.part_model == nullptr) continue;
      const auto& holder_rules = f.part_model->rules.holder_rules();
      if (holder_rules.empty()) continue;
      if (f.kind != FieldKind::kPart) {
        return FieldError(f.field,
                          absl::StrCat(f.part->full_name(),
                                       " has holder_rules and cannot be an "
                                       "indexed element"));
      }
      for (payone::v1::CrossFieldRule rule : holder_rules) {
        if (rule.require().empty() || !rule.require_one_of().empty() ||
            !rule.at_most_one_of().empty() || !rule.when_field().empty() ||
            !rule.when_values().empty()) {
          return MessageError(f.part,
                              "a holder_rules rule has require (and "
                              "description) only: its condition is the part "
                              "being set");
        }
        rule.set_when_field(f.field->name());
        absl::StatusOr<CrossFieldRuleModel> resolved =
            ResolveRule(model->message, rule);
        if (!resolved.ok()) {
          return absl::InvalidArgumentError(
              absl::StrCat(resolved.status().message(), " (holder_rules of ",
                           f.part->full_name(), ")"));
        }
        model->cross_field_rules.push_back(*std::move(resolved));
      }
    }
    return absl::OkStatus();
  }

  FileModel* file_;
  std::set<const Descriptor*> in_progress_;
};

}  // namespace

MessageRules MessageRulesOf(const Descriptor* message) {
  return message->options().GetExtension(payone::v1::message);
}

payone::v1::FieldRules FieldRulesOf(const FieldDescriptor* field) {
  return field->options().GetExtension(payone::v1::field);
}

Format FormatOf(const payone::v1::FieldRules& rules) {
  switch (rules.type_case()) {
    case payone::v1::FieldRules::kText:
      return rules.text().format();
    case payone::v1::FieldRules::kInteger:
      return rules.integer().format();
    case payone::v1::FieldRules::kBoolean:
      return rules.boolean().format();
    case payone::v1::FieldRules::kEnumeration:
      return rules.enumeration().format();
    default:
      return payone::v1::FORMAT_UNSPECIFIED;
  }
}

std::string WireValueOf(const google::protobuf::EnumValueDescriptor* value) {
  return value->options().GetExtension(payone::v1::enum_value).wire_value();
}

absl::StatusOr<FileModel> BuildFileModel(const FileDescriptor* file) {
  FileModel model;
  model.file = file;
  std::vector<const Descriptor*> messages;
  for (int i = 0; i < file->message_type_count(); ++i) {
    CollectMessages(file->message_type(i), &messages);
  }
  for (int i = 0; i < file->enum_type_count(); ++i) {
    model.enums.push_back(file->enum_type(i));
  }
  ModelLinker linker(&model);
  for (const Descriptor* message : messages) {
    CollectEnums(message, &model.enums);
    if (MessageRulesOf(message).kind() ==
        payone::v1::MESSAGE_KIND_UNSPECIFIED) {
      // Not generated for, so ledger options here would be lost silently.
      absl::Status ok = CheckNoLedgerOptions(message);
      if (!ok.ok()) return ok;
      continue;
    }
    absl::StatusOr<const MessageModel*> m = linker.Link(message);
    if (!m.ok()) return m.status();
    if ((*m)->top_level()) {
      // Duplicate names only matter where a body is built or read.
      std::set<std::string> names;
      absl::Status ok = CollectWireNames(**m, &names);
      if (!ok.ok()) return ok;
    }
    model.messages.push_back(*m);
  }
  for (int i = 0; i < file->dependency_count(); ++i) {
    const FileDescriptor* dep = file->dependency(i);
    if (dep->name() == "payone/v1/options.proto" ||
        dep->name().rfind("google/protobuf/", 0) == 0) {
      continue;
    }
    if (HasCodecContent(dep)) model.codec_imports.push_back(dep);
  }
  return model;
}

}  // namespace payone::codec::generator
