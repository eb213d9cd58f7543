#include "bench/reflection_codec.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/parameter_reader.h"
#include "codec/runtime/validators.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/map.h"
#include "payone/v1/options.pb.h"

namespace payone::bench {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumValueDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;
using ::payone::codec::Charset;
using ::payone::codec::DecodeOptions;
using ::payone::codec::EncodeOptions;
using ::payone::codec::FormBuilder;
using ::payone::codec::Violations;

// The typed (payone.v1.field) rules read as the one flat set this codec
// was written against: a bound is a length, a count or a number of digits
// by the field's kind.
class FlatRules {
 public:
  explicit FlatRules(const v1::FieldRules& r) : r_(r) {}
  const std::string& wire_name() const { return r_.wire_name(); }
  bool required() const { return r_.required(); }
  bool gateway_only() const { return r_.gateway_only(); }
  v1::Format format() const {
    if (r_.has_integer()) return r_.integer().format();
    if (r_.has_boolean()) return r_.boolean().format();
    if (r_.has_enumeration()) return r_.enumeration().format();
    return r_.text().format();
  }
  uint32_t min_len() const {
    if (r_.has_integer()) return r_.integer().min_digits();
    if (r_.has_indexed()) return r_.indexed().min_items();
    if (r_.has_map()) return r_.map().min_entries();
    return r_.text().min_len();
  }
  uint32_t max_len() const {
    if (r_.has_integer()) return r_.integer().max_digits();
    if (r_.has_indexed()) return r_.indexed().max_items();
    if (r_.has_map()) return r_.map().max_entries();
    return r_.text().max_len();
  }
  bool has_min_value() const { return r_.integer().has_min(); }
  int64_t min_value() const { return r_.integer().min(); }
  bool has_max_value() const { return r_.integer().has_max(); }
  int64_t max_value() const { return r_.integer().max(); }
  v1::Symbols symbols() const { return r_.text().symbols(); }
  bool indexed() const { return r_.has_indexed(); }
  bool upper_case() const {
    return r_.text().letter_case() == v1::LETTER_CASE_UPPER;
  }
  bool lower_case() const {
    return r_.text().letter_case() == v1::LETTER_CASE_LOWER;
  }
  bool unknown_parameters() const { return r_.map().unknown_parameters(); }

 private:
  const v1::FieldRules& r_;
};

FlatRules RulesOf(const FieldDescriptor* f) {
  return FlatRules(f->options().GetExtension(v1::field));
}

const v1::MessageRules& RulesOf(const Descriptor* d) {
  return d->options().GetExtension(v1::message);
}

absl::string_view WireValueOf(const EnumValueDescriptor* v) {
  return v->options().GetExtension(v1::enum_value).wire_value();
}

// ---------------------------------------------------------------------------
// Validate

struct Path {
  const Path* parent;
  absl::string_view name;
  int index;  // 0-based, -1: singular
};

std::string Render(const Path* path, absl::string_view leaf) {
  std::vector<const Path*> chain;
  for (const Path* p = path; p != nullptr; p = p->parent) chain.push_back(p);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    absl::StrAppend(&out, (*it)->name);
    if ((*it)->index >= 0) absl::StrAppend(&out, "[", (*it)->index, "]");
    out.push_back('.');
  }
  out.append(leaf.data(), leaf.size());
  return out;
}

void Violate(const Path* path, const FieldDescriptor* f, const FlatRules& rules,
             int wire_index, std::string description, Violations* out) {
  std::string wire(rules.wire_name());
  if (wire_index > 0 && !wire.empty())
    absl::StrAppend(&wire, "[", wire_index, "]");
  out->Add(Render(path, f->name()), std::move(wire), std::move(description));
}

codec::Symbols SymbolsOf(v1::Symbols s) {
  switch (s) {
    case v1::SYMBOLS_REFERENCE:
      return codec::Symbols::kReference;
    case v1::SYMBOLS_ALPHANUMERIC:
      return codec::Symbols::kAlphanumeric;
    case v1::SYMBOLS_DIGITS:
      return codec::Symbols::kDigits;
    case v1::SYMBOLS_HEX:
      return codec::Symbols::kHex;
    default:
      return codec::Symbols::kAny;
  }
}

// Whether a text read by ReadUtf8 can be sent in the request's charset.
bool Representable(const codec::Utf8Text& utf8, const EncodeOptions& options) {
  return utf8.valid &&
         !(options.charset == Charset::kLatin1 && utf8.above_latin1);
}

// Empty when the value is fine, else what is wrong.
const char* CheckFormat(absl::string_view value, const FlatRules& rules) {
  switch (rules.format()) {
    case v1::FORMAT_NUMERIC:
    case v1::FORMAT_UNIX_TIME:
      return codec::IsDigits(value) ? nullptr : "must contain digits only";
    case v1::FORMAT_DATE_YYYYMMDD:
      return codec::IsValidDateYyyymmdd(value) ? nullptr
                                               : "must be a date YYYYMMDD";
    case v1::FORMAT_DATE_YYMM:
      return codec::IsValidDateYymm(value) ? nullptr : "must be a date YYMM";
    case v1::FORMAT_URL:
      return codec::IsValidUrl(value) ? nullptr : "must be an absolute URL";
    case v1::FORMAT_EMAIL:
      return codec::IsValidEmail(value) ? nullptr : "must be an e-mail address";
    case v1::FORMAT_IBAN:
      return codec::IsValidIban(value)
                 ? nullptr
                 : "must be an IBAN with a valid checksum";
    case v1::FORMAT_BIC:
      return codec::IsValidBic(value) ? nullptr : "must be a BIC";
    case v1::FORMAT_COUNTRY:
    case v1::FORMAT_LANGUAGE:
      return value.size() == 2 && codec::IsAsciiLetters(value)
                 ? nullptr
                 : "must be a two-letter code";
    case v1::FORMAT_CURRENCY:
      return value.size() == 3 && codec::IsAsciiLetters(value)
                 ? nullptr
                 : "must be a three-letter currency code";
    case v1::FORMAT_PAN:
      return codec::IsValidPan(value) ? nullptr
                                      : "must be a card number (Luhn check)";
    case v1::FORMAT_IP:
      return codec::IsValidIp(value) ? nullptr : "must be an IP address";
    default:
      return nullptr;
  }
}

void CheckString(absl::string_view value, const FlatRules& rules,
                 const EncodeOptions& options, const Path* path,
                 const FieldDescriptor* f, int wire_index, Violations* out) {
  if (value.empty()) {
    if (rules.required()) {
      Violate(path, f, rules, wire_index, "is required", out);
    }
    return;
  }
  const codec::Utf8Text utf8 = codec::ReadUtf8(value);
  if (!Representable(utf8, options)) {
    Violate(path, f, rules, wire_index,
            "contains characters the request encoding cannot represent", out);
    return;
  }
  const size_t length = utf8.characters;
  if ((rules.min_len() > 0 && length < rules.min_len()) ||
      (rules.max_len() > 0 && length > rules.max_len())) {
    Violate(path, f, rules, wire_index,
            absl::StrCat("must be ", rules.min_len(), "..", rules.max_len(),
                         " characters long"),
            out);
  }
  if (rules.symbols() != v1::SYMBOLS_ANY &&
      !codec::HasOnlySymbols(value, SymbolsOf(rules.symbols()))) {
    Violate(path, f, rules, wire_index, "contains characters not permitted",
            out);
  }
  if (const char* problem = CheckFormat(value, rules)) {
    Violate(path, f, rules, wire_index, problem, out);
  }
}

bool IsMapKey(absl::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (!absl::ascii_isalnum(c) && c != '_' && c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}

int64_t IntegerValue(const Message& m, const Reflection* r,
                     const FieldDescriptor* f) {
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return r->GetInt32(m, f);
    case FieldDescriptor::CPPTYPE_INT64:
      return r->GetInt64(m, f);
    case FieldDescriptor::CPPTYPE_UINT32:
      return r->GetUInt32(m, f);
    case FieldDescriptor::CPPTYPE_UINT64:
      return static_cast<int64_t>(r->GetUInt64(m, f));
    default:
      return 0;
  }
}

// Whether the field at a dotted path below `m` holds a value.
bool IsSet(const Message& m, absl::string_view dotted) {
  const Message* current = &m;
  while (true) {
    const size_t dot = dotted.find('.');
    const absl::string_view name = dotted.substr(0, dot);
    const Descriptor* d = current->GetDescriptor();
    const FieldDescriptor* f = d->FindFieldByName(std::string(name));
    if (f == nullptr) return false;
    const Reflection* r = current->GetReflection();
    if (dot != absl::string_view::npos) {
      if (!r->HasField(*current, f)) return false;
      current = &r->GetMessage(*current, f);
      dotted.remove_prefix(dot + 1);
      continue;
    }
    if (f->is_repeated()) return r->FieldSize(*current, f) > 0;
    if (f->has_presence()) return r->HasField(*current, f);
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        return !r->GetStringReference(*current, f, &scratch).empty();
      }
      case FieldDescriptor::CPPTYPE_ENUM:
        return r->GetEnumValue(*current, f) != 0;
      case FieldDescriptor::CPPTYPE_BOOL:
        return r->GetBool(*current, f);
      default:
        return IntegerValue(*current, r, f) != 0;
    }
  }
}

// The wire text of a field at a dotted path (enums: the wire value), for
// `when_values`.
std::string WireTextAt(const Message& m, absl::string_view dotted) {
  const Message* current = &m;
  while (true) {
    const size_t dot = dotted.find('.');
    const absl::string_view name = dotted.substr(0, dot);
    const FieldDescriptor* f =
        current->GetDescriptor()->FindFieldByName(std::string(name));
    if (f == nullptr) return "";
    const Reflection* r = current->GetReflection();
    if (dot != absl::string_view::npos) {
      current = &r->GetMessage(*current, f);
      dotted.remove_prefix(dot + 1);
      continue;
    }
    if (f->is_repeated()) return "";
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        return r->GetString(*current, f);
      case FieldDescriptor::CPPTYPE_ENUM:
        return std::string(WireValueOf(r->GetEnum(*current, f)));
      case FieldDescriptor::CPPTYPE_BOOL:
        return r->GetBool(*current, f) ? "yes" : "no";
      case FieldDescriptor::CPPTYPE_MESSAGE:
        return "";
      default:
        return absl::StrCat(IntegerValue(*current, r, f));
    }
  }
}

void ValidateMessage(const Message& m, const Path* path, int wire_index,
                     const EncodeOptions& options, Violations* out) {
  const Descriptor* d = m.GetDescriptor();
  const Reflection* r = m.GetReflection();
  std::string scratch;
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const FlatRules& rules = RulesOf(f);
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        if (f->is_map()) {
          const int n = r->FieldSize(m, f);
          if ((rules.min_len() > 0 && n < static_cast<int>(rules.min_len())) ||
              (rules.max_len() > 0 && n > static_cast<int>(rules.max_len()))) {
            Violate(path, f, rules, wire_index, "has too many or few entries",
                    out);
          }
          for (int k = 0; k < n; ++k) {
            const Message& entry = r->GetRepeatedMessage(m, f, k);
            const Reflection* er = entry.GetReflection();
            const Descriptor* ed = entry.GetDescriptor();
            const std::string& key =
                er->GetStringReference(entry, ed->field(0), &scratch);
            if (!IsMapKey(key)) {
              Violate(path, f, rules, wire_index, "has a key not permitted",
                      out);
            }
            std::string value_scratch;
            const std::string& value =
                er->GetStringReference(entry, ed->field(1), &value_scratch);
            if (!Representable(codec::ReadUtf8(value), options)) {
              Violate(path, f, rules, wire_index,
                      "contains characters the request encoding cannot "
                      "represent",
                      out);
            }
          }
        } else if (f->is_repeated()) {
          const int n = r->FieldSize(m, f);
          if ((rules.min_len() > 0 && n < static_cast<int>(rules.min_len())) ||
              (rules.max_len() > 0 && n > static_cast<int>(rules.max_len()))) {
            Violate(path, f, rules, wire_index, "has too many or few elements",
                    out);
          }
          for (int k = 0; k < n; ++k) {
            const Path element{path, f->name(), k};
            ValidateMessage(r->GetRepeatedMessage(m, f, k), &element,
                            rules.indexed() ? k + 1 : wire_index, options, out);
          }
        } else if (r->HasField(m, f)) {
          const Path part{path, f->name(), -1};
          ValidateMessage(r->GetMessage(m, f), &part, wire_index, options, out);
        } else if (rules.required()) {
          Violate(path, f, rules, wire_index, "is required", out);
        }
        break;
      }
      case FieldDescriptor::CPPTYPE_STRING: {
        if (f->is_repeated()) break;
        CheckString(r->GetStringReference(m, f, &scratch), rules, options, path,
                    f, wire_index, out);
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        if (f->is_repeated()) break;
        const int value = r->GetEnumValue(m, f);
        if (value == 0) {
          if (rules.required()) {
            Violate(path, f, rules, wire_index, "is required", out);
          }
          break;
        }
        const EnumValueDescriptor* v = f->enum_type()->FindValueByNumber(value);
        if (v == nullptr || WireValueOf(v).empty()) {
          Violate(path, f, rules, wire_index, "is not a known value", out);
        }
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        if (rules.required() && f->has_presence() && !r->HasField(m, f)) {
          Violate(path, f, rules, wire_index, "is required", out);
        }
        break;
      }
      default: {  // integers
        if (f->is_repeated()) break;
        if (f->has_presence() && !r->HasField(m, f)) {
          if (rules.required()) {
            Violate(path, f, rules, wire_index, "is required", out);
          }
          break;
        }
        const int64_t value = IntegerValue(m, r, f);
        if ((rules.has_min_value() && value < rules.min_value()) ||
            (rules.has_max_value() && value > rules.max_value())) {
          Violate(path, f, rules, wire_index,
                  absl::StrCat("must be between ", rules.min_value(), " and ",
                               rules.max_value()),
                  out);
        }
        break;
      }
    }
  }
  // Rules across fields.
  for (const v1::CrossFieldRule& rule : RulesOf(d).rules()) {
    bool broken = false;
    if (rule.require_one_of_size() > 0) {
      bool any = false;
      for (const std::string& p : rule.require_one_of()) {
        if (IsSet(m, p)) {
          any = true;
          break;
        }
      }
      broken = broken || !any;
    }
    if (rule.at_most_one_of_size() > 0) {
      int count = 0;
      for (const std::string& p : rule.at_most_one_of()) count += IsSet(m, p);
      broken = broken || count > 1;
    }
    if (rule.require_size() > 0) {
      bool applies = false;
      if (rule.when_values_size() == 0) {
        applies = IsSet(m, rule.when_field());
      } else if (IsSet(m, rule.when_field())) {
        const std::string text = WireTextAt(m, rule.when_field());
        applies =
            std::find(rule.when_values().begin(), rule.when_values().end(),
                      text) != rule.when_values().end();
      }
      if (applies) {
        for (const std::string& p : rule.require()) {
          if (!IsSet(m, p)) {
            broken = true;
            break;
          }
        }
      }
    }
    if (broken) out->Add(Render(path, ""), "", rule.description());
  }
}

// ---------------------------------------------------------------------------
// Encode

void AddValue(absl::string_view name, int wire_index, absl::string_view value,
              FormBuilder* form) {
  if (wire_index > 0) {
    form->AddIndexed(name, wire_index, value);
  } else {
    form->Add(name, value);
  }
}

void AddText(absl::string_view name, int wire_index, absl::string_view value,
             const FlatRules& rules, const EncodeOptions& options,
             FormBuilder* form) {
  const bool upper =
      rules.upper_case() &&
      std::any_of(value.begin(), value.end(), absl::ascii_islower);
  const bool lower =
      rules.lower_case() &&
      std::any_of(value.begin(), value.end(), absl::ascii_isupper);
  const bool latin1 = options.charset == Charset::kLatin1 &&
                      std::any_of(value.begin(), value.end(), [](char c) {
                        return static_cast<unsigned char>(c) >= 0x80;
                      });
  if (!upper && !lower && !latin1) {
    AddValue(name, wire_index, value, form);
    return;
  }
  std::string text(value);
  if (upper) absl::AsciiStrToUpper(&text);
  if (lower) absl::AsciiStrToLower(&text);
  if (latin1) text = codec::Utf8ToLatin1(text).value_or("");
  AddValue(name, wire_index, text, form);
}

void AddDecimal(absl::string_view name, int wire_index, int64_t minor,
                FormBuilder* form) {
  const bool negative = minor < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(minor)
                                      : static_cast<uint64_t>(minor);
  char cents[3] = {static_cast<char>('0' + magnitude % 100 / 10),
                   static_cast<char>('0' + magnitude % 10), 0};
  AddValue(name, wire_index,
           absl::StrCat(negative ? "-" : "", magnitude / 100, ".", cents),
           form);
}

void EncodeMessage(const Message& m, int wire_index,
                   const EncodeOptions& options, FormBuilder* form) {
  const Descriptor* d = m.GetDescriptor();
  const Reflection* r = m.GetReflection();
  const v1::MessageRules& message_rules = RulesOf(d);
  if (!message_rules.constants().empty()) {
    std::vector<
        const google::protobuf::Map<std::string, std::string>::value_type*>
        constants;
    for (const auto& c : message_rules.constants()) constants.push_back(&c);
    std::sort(constants.begin(), constants.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
    for (const auto* c : constants) form->Add(c->first, c->second);
  }
  std::string scratch;
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const FlatRules& rules = RulesOf(f);
    if (rules.gateway_only() || rules.unknown_parameters()) continue;
    const std::string& wire = rules.wire_name();
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        if (f->is_map()) {
          const int n = r->FieldSize(m, f);
          if (n == 0) break;
          std::vector<std::pair<std::string, std::string>> entries;
          entries.reserve(n);
          for (int k = 0; k < n; ++k) {
            const Message& entry = r->GetRepeatedMessage(m, f, k);
            const Reflection* er = entry.GetReflection();
            const Descriptor* ed = entry.GetDescriptor();
            entries.emplace_back(er->GetString(entry, ed->field(0)),
                                 er->GetString(entry, ed->field(1)));
          }
          std::sort(entries.begin(), entries.end());
          for (const auto& [key, value] : entries) {
            if (value.empty()) continue;
            if (options.charset == Charset::kLatin1) {
              form->AddKeyed(wire, key,
                             codec::Utf8ToLatin1(value).value_or(""));
            } else {
              form->AddKeyed(wire, key, value);
            }
          }
        } else if (f->is_repeated()) {
          const int n = r->FieldSize(m, f);
          for (int k = 0; k < n; ++k) {
            EncodeMessage(r->GetRepeatedMessage(m, f, k),
                          rules.indexed() ? k + 1 : wire_index, options, form);
          }
        } else if (r->HasField(m, f)) {
          EncodeMessage(r->GetMessage(m, f), wire_index, options, form);
        }
        break;
      }
      case FieldDescriptor::CPPTYPE_STRING: {
        if (f->is_repeated()) break;
        const std::string& value = r->GetStringReference(m, f, &scratch);
        if (!value.empty()) {
          AddText(wire, wire_index, value, rules, options, form);
        }
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        if (f->is_repeated()) break;
        const int value = r->GetEnumValue(m, f);
        if (value == 0) break;
        const EnumValueDescriptor* v = f->enum_type()->FindValueByNumber(value);
        if (v != nullptr) AddValue(wire, wire_index, WireValueOf(v), form);
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        if (f->is_repeated()) break;
        if (f->has_presence() ? !r->HasField(m, f) : !r->GetBool(m, f)) break;
        const bool value = r->GetBool(m, f);
        if (rules.format() == v1::FORMAT_ONE_ZERO) {
          AddValue(wire, wire_index, value ? "1" : "0", form);
        } else {
          AddValue(wire, wire_index, value ? "yes" : "no", form);
        }
        break;
      }
      default: {  // integers
        if (f->is_repeated()) break;
        const int64_t value = IntegerValue(m, r, f);
        if (f->has_presence() ? !r->HasField(m, f) : value == 0) break;
        if (rules.format() == v1::FORMAT_DECIMAL) {
          AddDecimal(wire, wire_index, value, form);
        } else {
          AddValue(wire, wire_index, absl::AlphaNum(value).Piece(), form);
        }
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Decode

// Where a parameter lands: the message fields to walk (flattened parts, an
// indexed repeated part) and the leaf field.
struct Target {
  std::vector<const FieldDescriptor*> chain;
  const FieldDescriptor* leaf = nullptr;
};

struct Index {
  std::unordered_map<std::string, Target> by_wire_name;
  const FieldDescriptor* unknown = nullptr;  // map field for the rest
  std::vector<const FieldDescriptor*> required;
};

void IndexFields(const Descriptor* d,
                 std::vector<const FieldDescriptor*>* chain, Index* index) {
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const FlatRules& rules = RulesOf(f);
    if (rules.unknown_parameters()) {
      if (chain->empty()) index->unknown = f;
      continue;
    }
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !f->is_map()) {
      chain->push_back(f);
      IndexFields(f->message_type(), chain, index);
      chain->pop_back();
      continue;
    }
    if (rules.wire_name().empty()) continue;
    if (rules.required() && chain->empty()) index->required.push_back(f);
    index->by_wire_name.emplace(rules.wire_name(), Target{*chain, f});
  }
}

const Index& IndexOf(const Descriptor* d) {
  static std::mutex mu;
  static auto* indexes =
      new std::unordered_map<const Descriptor*, std::unique_ptr<Index>>();
  std::lock_guard<std::mutex> lock(mu);
  std::unique_ptr<Index>& slot = (*indexes)[d];
  if (slot == nullptr) {
    slot = std::make_unique<Index>();
    std::vector<const FieldDescriptor*> chain;
    IndexFields(d, &chain, slot.get());
  }
  return *slot;
}

absl::Status Invalid(absl::string_view name) {
  return absl::InvalidArgumentError(absl::StrCat(
      "PAYONE parameter ", name, " has a value that does not parse"));
}

void PutMapEntry(Message* m, const FieldDescriptor* f, absl::string_view key,
                 absl::string_view value) {
  const Reflection* r = m->GetReflection();
  Message* entry = r->AddMessage(m, f);
  const Descriptor* ed = entry->GetDescriptor();
  entry->GetReflection()->SetString(entry, ed->field(0), std::string(key));
  entry->GetReflection()->SetString(entry, ed->field(1), std::string(value));
}

absl::Status SetLeaf(Message* m, const FieldDescriptor* f,
                     absl::string_view name, absl::string_view key,
                     absl::string_view value, const Index& index,
                     Message* root) {
  const Reflection* r = m->GetReflection();
  const FlatRules& rules = RulesOf(f);
  if (f->is_map()) {
    PutMapEntry(m, f, key, value);
    return absl::OkStatus();
  }
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      r->SetString(m, f, std::string(value));
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_ENUM: {
      const auto* e = f->enum_type();
      for (int i = 0; i < e->value_count(); ++i) {
        if (WireValueOf(e->value(i)) == value) {
          r->SetEnumValue(m, f, e->value(i)->number());
          return absl::OkStatus();
        }
      }
      if (rules.required()) return Invalid(name);
      if (index.unknown != nullptr)
        PutMapEntry(root, index.unknown, name, value);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      const bool one_zero = rules.format() == v1::FORMAT_ONE_ZERO;
      if (value == (one_zero ? "1" : "yes")) {
        r->SetBool(m, f, true);
      } else if (value == (one_zero ? "0" : "no")) {
        r->SetBool(m, f, false);
      } else {
        return Invalid(name);
      }
      return absl::OkStatus();
    }
    default: {
      int64_t v = 0;
      if (rules.format() == v1::FORMAT_DECIMAL) {
        const size_t dot = value.find('.');
        int64_t major = 0;
        int64_t minor = 0;
        const absl::string_view text = value;
        const absl::string_view whole = text.substr(0, dot);
        const absl::string_view fraction =
            dot == absl::string_view::npos ? "" : text.substr(dot + 1);
        if (!absl::SimpleAtoi(whole, &major) || fraction.size() > 2 ||
            (!fraction.empty() && !absl::SimpleAtoi(fraction, &minor))) {
          return Invalid(name);
        }
        if (fraction.size() == 1) minor *= 10;
        v = major * 100 + (whole.substr(0, 1) == "-" ? -minor : minor);
      } else if (!absl::SimpleAtoi(value, &v)) {
        return Invalid(name);
      }
      switch (f->cpp_type()) {
        case FieldDescriptor::CPPTYPE_INT32:
          if (v < INT32_MIN || v > INT32_MAX) return Invalid(name);
          r->SetInt32(m, f, static_cast<int32_t>(v));
          break;
        case FieldDescriptor::CPPTYPE_INT64:
          r->SetInt64(m, f, v);
          break;
        case FieldDescriptor::CPPTYPE_UINT32:
          if (v < 0 || v > UINT32_MAX) return Invalid(name);
          r->SetUInt32(m, f, static_cast<uint32_t>(v));
          break;
        case FieldDescriptor::CPPTYPE_UINT64:
          if (v < 0) return Invalid(name);
          r->SetUInt64(m, f, static_cast<uint64_t>(v));
          break;
        default:
          return Invalid(name);
      }
      return absl::OkStatus();
    }
  }
}

// The parameters come from the generated decoders' reader (in UTF-8, one at
// a time), so that reflection and generated code differ only in how they
// find and set the field.
template <typename Reader>
absl::Status DecodeParameters(Reader& reader, Message* root) {
  root->Clear();
  const Index& index = IndexOf(root->GetDescriptor());
  std::string name;  // the map's key type; reused
  while (reader.Next()) {
    const absl::string_view value = reader.value();
    if (value.empty()) continue;
    name.assign(reader.name().data(), reader.name().size());
    absl::string_view stem = name;
    absl::string_view key;
    int element = 0;
    const size_t open = name.find('[');
    if (open != std::string::npos && name.back() == ']') {
      stem = absl::string_view(name).substr(0, open);
      key = absl::string_view(name).substr(open + 1, name.size() - open - 2);
      if (!absl::SimpleAtoi(key, &element) || element <= 0) element = 0;
    }
    auto it = index.by_wire_name.find(name);
    if (it == index.by_wire_name.end() && stem.size() != name.size()) {
      it = index.by_wire_name.find(std::string(stem));
    }
    if (it == index.by_wire_name.end()) {
      if (index.unknown != nullptr) {
        PutMapEntry(root, index.unknown, name, value);
      }
      continue;
    }
    const Target& target = it->second;
    Message* m = root;
    for (const FieldDescriptor* f : target.chain) {
      const Reflection* r = m->GetReflection();
      if (f->is_repeated()) {
        const FlatRules& rules = RulesOf(f);
        const int max = rules.max_len() > 0 ? rules.max_len() : 400;
        if (element <= 0 || element > max) {
          return reader.Stop(absl::InvalidArgumentError(
              absl::StrCat("PAYONE parameter ", name, " is out of range")));
        }
        while (r->FieldSize(*m, f) < element) r->AddMessage(m, f);
        m = r->MutableRepeatedMessage(m, f, element - 1);
      } else {
        m = r->MutableMessage(m, f);
      }
    }
    absl::Status status =
        SetLeaf(m, target.leaf, name, key, value, index, root);
    if (!status.ok()) return reader.Stop(std::move(status));
  }
  if (!reader.status().ok()) return reader.status();
  const Reflection* r = root->GetReflection();
  for (const FieldDescriptor* f : index.required) {
    const bool present = f->has_presence()
                             ? r->HasField(*root, f)
                             : (f->cpp_type() == FieldDescriptor::CPPTYPE_ENUM
                                    ? r->GetEnumValue(*root, f) != 0
                                    : true);
    if (!present) {
      return absl::InvalidArgumentError(absl::StrCat(
          "PAYONE parameter ", RulesOf(f).wire_name(), " is missing"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

void ReflectValidate(const Message& m, const EncodeOptions& options,
                     Violations* out) {
  ValidateMessage(m, nullptr, 0, options, out);
}

void ReflectEncode(const Message& m, const EncodeOptions& options,
                   FormBuilder* form) {
  EncodeMessage(m, 0, options, form);
}

absl::Status ReflectDecodeResponse(absl::string_view body,
                                   const DecodeOptions& options, Message* r) {
  codec::ParameterReader<codec::BodyFormat::kResponseLines> reader(body,
                                                                   options);
  return DecodeParameters(reader, r);
}

absl::Status ReflectDecodeNotification(absl::string_view body,
                                       const DecodeOptions& options,
                                       Message* n) {
  codec::ParameterReader<codec::BodyFormat::kForm> reader(body, options);
  return DecodeParameters(reader, n);
}

}  // namespace payone::bench
