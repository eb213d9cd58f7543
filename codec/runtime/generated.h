#ifndef PAYONE_CODEC_RUNTIME_GENERATED_H_
#define PAYONE_CODEC_RUNTIME_GENERATED_H_

// Building blocks of the code protoc-gen-payone generates. Not an API for
// hand-written code: use PayoneCodec<M> (codec.h). Keeping the per-field work
// here keeps the generated files short and the checks in one tested place.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "codec/runtime/parameter_reader.h"
#include "codec/runtime/validators.h"
#include "codec/runtime/violations.h"

namespace payone::codec::internal {

// Where a field sits in the request, rendered only when a rule is broken:
// a chain of {name, index} from the root ("items", 2) -> "items[2]".
struct FieldPath {
  const FieldPath* parent = nullptr;
  absl::string_view name;
  int index = -1;  // 0-based element index, -1 for a singular field
};
// "items[2].price" for leaf "price" below {items, 2}.
std::string RenderPath(const FieldPath* path, absl::string_view leaf);
// "pr[3]" for an indexed element (1-based on the wire), "pr" otherwise.
std::string RenderWireName(absl::string_view name, int wire_index);

// Mirrors payone.v1.Format for what the validators check on text.
enum class TextFormat {
  kChar,
  kNumeric,
  kDateYyyymmdd,
  kDateYymm,
  kUnixTime,
  kUrl,
  kEmail,
  kIban,
  kBic,
  kCountry,
  kCurrency,
  kLanguage,
  kPan,
  kIp,
};

enum class Case { kAsIs, kUpper, kLower };

// A field's rules, with the names a violation of them is reported under:
// generated as constants, so that a check passes them as one pointer.
struct TextRules {
  uint32_t min_len = 0;  // 0: no bound
  uint32_t max_len = 0;
  TextFormat format = TextFormat::kChar;
  Symbols symbols = Symbols::kAny;
  bool required = false;
  bool sensitive = false;
  // A letter_case: either case is valid, checked as Encode sends it.
  Case text_case = Case::kAsIs;
  absl::string_view field;      // proto field name
  absl::string_view wire_name;  // wire name or stem
};

struct IntegerRules {
  bool has_min = false;
  int64_t min_value = 0;
  bool has_max = false;
  int64_t max_value = 0;
  uint32_t min_digits = 0;  // integer: {min_digits, max_digits}
  uint32_t max_digits = 0;
  absl::string_view field;
  absl::string_view wire_name;
};

struct EnumRules {
  bool required = false;
  absl::string_view field;
  absl::string_view wire_name;
};

// The location of a value in a violation.
struct Where {
  const FieldPath* path;
  absl::string_view field;      // proto field name
  absl::string_view wire_name;  // wire name or stem
  int wire_index;               // 1-based element index on the wire, 0: none
};

// Cold, like the *Fully checks below: valid requests never call them, so
// the compiler keeps the code that calls them out of the hot path.
ABSL_ATTRIBUTE_COLD void AddViolation(const Where& where,
                                      std::string description, Violations* out);

// Appends the violations of a text value. An empty value is "not set": only
// `required` applies to it.
ABSL_ATTRIBUTE_COLD void CheckTextFully(absl::string_view value,
                                        const TextRules& rules,
                                        const EncodeOptions& options,
                                        const Where& where, Violations* out);

// What is wrong with `value` for `format` ("must be ..."), empty when it
// fits. Inline: with a generated constant format the switch folds away.
inline absl::string_view FormatProblem(TextFormat format,
                                       absl::string_view value) {
  switch (format) {
    case TextFormat::kChar:
      return {};
    case TextFormat::kNumeric:
    case TextFormat::kUnixTime:
      return IsDigits(value) ? absl::string_view() : "must contain digits only";
    case TextFormat::kDateYyyymmdd:
      return IsValidDateYyyymmdd(value) ? absl::string_view()
                                        : "must be a valid date as YYYYMMDD";
    case TextFormat::kDateYymm:
      return IsValidDateYymm(value) ? absl::string_view()
                                    : "must be a valid date as YYMM";
    case TextFormat::kUrl:
      return IsValidUrl(value)
                 ? absl::string_view()
                 : "must be an absolute URL (<scheme>://<host>/<path>)";
    case TextFormat::kEmail:
      return IsValidEmail(value) ? absl::string_view()
                                 : "must be a valid e-mail address";
    case TextFormat::kIban:
      return IsValidIban(value)
                 ? absl::string_view()
                 : "must be an IBAN (capital letters and digits, no spaces) "
                   "with a valid checksum";
    case TextFormat::kBic:
      return IsValidBic(value) ? absl::string_view()
                               : "must be a BIC of 8 or 11 characters";
    case TextFormat::kCountry:
      return value.size() == 2 && IsAsciiLetters(value)
                 ? absl::string_view()
                 : "must be an ISO 3166-1 alpha-2 country code";
    case TextFormat::kCurrency:
      return value.size() == 3 && IsAsciiLetters(value)
                 ? absl::string_view()
                 : "must be an ISO 4217 currency code";
    case TextFormat::kLanguage:
      return value.size() == 2 && IsAsciiLetters(value)
                 ? absl::string_view()
                 : "must be an ISO 639-1 language code";
    case TextFormat::kPan:
      return IsValidPan(value)
                 ? absl::string_view()
                 : "must be a card number of 13 to 19 digits with a valid "
                   "Luhn check digit";
    case TextFormat::kIp:
      return IsValidIp(value) ? absl::string_view()
                              : "must be an IPv4 or IPv6 address";
  }
  return {};
}

// Whether letter case can change the verdict of `rules` (IBAN and BIC are
// capitals, hex digits small letters); for the others the text as given
// and as sent (letter_case) pass or fail alike.
constexpr bool CaseMatters(const TextRules& rules) {
  return rules.text_case != Case::kAsIs &&
         (rules.format == TextFormat::kIban ||
          rules.format == TextFormat::kBic || rules.symbols == Symbols::kHex);
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool IsLetter(char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}

// Whether `value`, valid UTF-8 text that is not ASCII, has a length (in
// characters) within the bounds of `rules` and fits the request charset.
bool PassesAsUtf8Text(absl::string_view value, const TextRules& rules,
                      const EncodeOptions& options);

// Whether a non-empty `value` certainly passes `rules`: within its bounds,
// of its symbols and format. Written for the usual case, valid text, with
// the generated constant rules folding the switches away; false sends the
// value to CheckTextFully, which finds and reports what is wrong (tests
// check that both agree). Byte counts bound character counts from above,
// so the first check only rejects what the full one decides.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool PassesTextRules(
    absl::string_view value, const TextRules& rules,
    const EncodeOptions& options) {
  if (value.size() < rules.min_len ||
      (rules.max_len != 0 && value.size() > rules.max_len) ||
      CaseMatters(rules)) {
    return false;
  }
  // HasOnlySymbols of any set but kAny implies ASCII.
  if (rules.symbols != Symbols::kAny) {
    if (!HasOnlySymbols(value, rules.symbols)) return false;
  } else if (!IsAscii(value)) {
    // Names and addresses with umlauts: plain text is settled here too.
    return rules.format == TextFormat::kChar &&
           PassesAsUtf8Text(value, rules, options);
  }
  return FormatProblem(rules.format, value).empty();
}

// CheckTextFully for a field of the request at `path` (element
// `wire_index` on the wire), with the usual case settled inline.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline void CheckText(absl::string_view value,
                                                   const TextRules& rules,
                                                   const EncodeOptions& options,
                                                   const FieldPath* path,
                                                   int wire_index,
                                                   Violations* out) {
  if (value.empty() ? !rules.required
                    : PassesTextRules(value, rules, options)) {
    return;
  }
  CheckTextFully(value, rules, options,
                 {path, rules.field, rules.wire_name, wire_index}, out);
}

ABSL_ATTRIBUTE_COLD void CheckIntegerFully(int64_t value,
                                           const IntegerRules& rules,
                                           const Where& where, Violations* out);
ABSL_ATTRIBUTE_COLD void CheckUnsignedFully(uint64_t value,
                                            const IntegerRules& rules,
                                            const Where& where,
                                            Violations* out);
ABSL_ATTRIBUTE_COLD void CheckEnumFully(int value, bool known,
                                        const EnumRules& rules,
                                        const Where& where, Violations* out);

ABSL_ATTRIBUTE_ALWAYS_INLINE inline void CheckInteger(int64_t value,
                                                      const IntegerRules& rules,
                                                      const FieldPath* path,
                                                      int wire_index,
                                                      Violations* out) {
  if ((!rules.has_min || value >= rules.min_value) &&
      (!rules.has_max || value <= rules.max_value) && rules.min_digits == 0 &&
      rules.max_digits == 0) {
    return;
  }
  CheckIntegerFully(value, rules,
                    {path, rules.field, rules.wire_name, wire_index}, out);
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline void CheckUnsigned(
    uint64_t value, const IntegerRules& rules, const FieldPath* path,
    int wire_index, Violations* out) {
  if ((!rules.has_min || rules.min_value <= 0 ||
       value >= static_cast<uint64_t>(rules.min_value)) &&
      (!rules.has_max || (rules.max_value >= 0 &&
                          value <= static_cast<uint64_t>(rules.max_value))) &&
      rules.min_digits == 0 && rules.max_digits == 0) {
    return;
  }
  CheckUnsignedFully(value, rules,
                     {path, rules.field, rules.wire_name, wire_index}, out);
}

// `known`: the value has a wire text. Zero is "not set".
ABSL_ATTRIBUTE_ALWAYS_INLINE inline void CheckEnum(int value, bool known,
                                                   const EnumRules& rules,
                                                   const FieldPath* path,
                                                   int wire_index,
                                                   Violations* out) {
  if (value == 0 ? !rules.required : known) return;
  CheckEnumFully(value, known, rules,
                 {path, rules.field, rules.wire_name, wire_index}, out);
}

// ASCII letters compared without regard to case (country lists in the
// conditional rules).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool EqualsIgnoringAsciiCase(
    absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = a[i];
    const char y = b[i];
    if (x != y && !((x ^ y) == 0x20 && IsLetter(x))) return false;
  }
  return true;
}

// Bounds of map entries (add_paydata[key]=value), which have no rules of
// their own in the model: what PAYONE's providers define fits well inside.
inline constexpr size_t kMaxMapKeyChars = 64;
inline constexpr size_t kMaxMapValueChars = 2048;
// A map value longer than kMaxMapValueChars, or one the request's charset
// cannot carry: a character above U+00FF in ISO-8859-1, or not UTF-8 at all.
void CheckMapValue(absl::string_view value, const EncodeOptions& options,
                   const Where& where, Violations* out);
// A bracketed key (add_paydata[key]): 1 to kMaxMapKeyChars of
// [A-Za-z0-9_.-].
void CheckMapKey(absl::string_view key, const Where& where, Violations* out);
void CheckCount(size_t count, uint32_t min_count, uint32_t max_count,
                const Where& where, Violations* out);

// Encoding. `wire_index` 0 adds `name=value`, n > 0 adds `name[n]=value`.
// Text is converted to the request charset (Validate has rejected what
// cannot be) and to the field's case.
void AddConvertedText(const EncodedName& name, int wire_index,
                      absl::string_view value, Case text_case,
                      const EncodeOptions& options, FormBuilder* form);
// Whether Encode changes the case of `value` (no early exit: vector code).
inline bool ChangesCase(absl::string_view value, Case text_case) {
  if (text_case == Case::kAsIs) return false;
  const char first = text_case == Case::kUpper ? 'a' : 'A';
  unsigned char found = 0;
  for (char c : value) {
    found |=
        static_cast<unsigned char>(static_cast<unsigned char>(c - first) < 26);
  }
  return found != 0;
}

inline void AddText(const EncodedName& name, int wire_index,
                    absl::string_view value, Case text_case,
                    const EncodeOptions& options, FormBuilder* form) {
  // UTF-8 text already in its case goes as it is.
  if (options.charset == Charset::kUtf8 && !ChangesCase(value, text_case)) {
    form->Add(name, wire_index, value);
  } else {
    AddConvertedText(name, wire_index, value, text_case, options, form);
  }
}
// A (payone.v1.field).form_url_encoded text: converted to the request
// charset, then form-URL-encoded as PAYONE sends it inside its answer.
void AddFormEncodedText(const EncodedName& name, int wire_index,
                        absl::string_view value, const EncodeOptions& options,
                        FormBuilder* form);
// A parameter kept from a decoded body (unknown_parameters), re-encoded
// under its own name.
void AddUnknown(absl::string_view name, absl::string_view value,
                const EncodeOptions& options, FormBuilder* form);
void AddKeyedText(absl::string_view stem, absl::string_view key,
                  absl::string_view value, const EncodeOptions& options,
                  FormBuilder* form);
void AddInteger(const EncodedName& name, int wire_index, int64_t value,
                FormBuilder* form);
void AddUnsigned(const EncodedName& name, int wire_index, uint64_t value,
                 FormBuilder* form);
void AddDecimal(const EncodedName& name, int wire_index, int64_t value,
                FormBuilder* form);
void AddRaw(const EncodedName& name, int wire_index, absl::string_view value,
            FormBuilder* form);
// A text with nothing to escape (the generator checked every value it can
// take: constants, bool texts, enum wire values).
void AddVerbatim(const EncodedName& name, int wire_index,
                 absl::string_view value, FormBuilder* form);

// A form body as PAYONE's key=value answer lines (values raw).
std::string FormToResponseLines(absl::string_view form_body);

// Map entries in key order, so that bodies do not depend on hash order.
template <typename Map>
std::vector<const typename Map::value_type*> SortedEntries(const Map& map) {
  std::vector<const typename Map::value_type*> entries;
  entries.reserve(map.size());
  for (const auto& entry : map) entries.push_back(&entry);
  std::sort(entries.begin(), entries.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  return entries;
}

// Decoding. Generated Decode functions read the body with ParameterReader
// (parameter_reader.h) and hand each parameter to DecodeField.
// A parameter name split for dispatch: "pr[3]" -> stem "pr", index 3;
// "add_paydata[x]" -> stem "add_paydata", key "x"; "txid" -> stem "txid".
struct WireName {
  absl::string_view full;
  absl::string_view stem;
  absl::string_view key;  // inside the brackets; empty without brackets
  int index = 0;          // key as a positive number, else 0
};
WireName ParseBracketedName(absl::string_view name);
// Inline: most names have no brackets, which the last byte tells.
inline WireName ParseWireName(absl::string_view name) {
  if (name.empty() || name.back() != ']') return WireName{name, name, {}, 0};
  return ParseBracketedName(name);
}

// Whether `name`, whose size the caller has checked, is `text` (a literal of
// that size): generated dispatch switches on the size first, then compares
// with this, which compiles to a few word compares.
template <size_t N>
inline bool NameIs(absl::string_view name, const char (&text)[N]) {
  return std::memcmp(name.data(), text, N - 1) == 0;
}

enum class Match { kNo, kYes, kError };

// A decoded text into its field, reusing the field's buffer: append is the
// cheaper of the two library calls (assign also handles overlapping text).
inline void AssignText(absl::string_view value, std::string* text) {
  text->clear();
  text->append(value.data(), value.size());
}

// A (payone.v1.field).form_url_encoded value decoded into its field: '+' is
// a space, %XX a byte; bytes that are not UTF-8 are ISO-8859-1 (the request
// charset). A value that is not form-URL-encoded (a '%' without two hex
// digits) is kept as it came.
void AssignFormDecodedText(absl::string_view value, std::string* text);

// Typed values; errors name the parameter, never the value.
absl::Status ParseInteger(absl::string_view text, absl::string_view name,
                          int64_t min, int64_t max, int64_t* out);
absl::Status ParseUnsigned(absl::string_view text, absl::string_view name,
                           uint64_t max, uint64_t* out);
absl::Status ParseDecimalValue(absl::string_view text, absl::string_view name,
                               int64_t* out);
absl::Status ParseBool(absl::string_view text, absl::string_view name,
                       absl::string_view true_text,
                       absl::string_view false_text, bool* out);
absl::Status IndexOutOfRange(const WireName& name, int max_index);
absl::Status UnknownValue(absl::string_view name);
absl::Status MissingParameter(absl::string_view name);

// Grows a repeated field to hold element `index` (1-based) and returns it.
template <typename Repeated>
auto* ElementAt(Repeated* repeated, int index) {
  while (repeated->size() < index) repeated->Add();
  return repeated->Mutable(index - 1);
}

// Text-format-like rendering for logs, sensitive values replaced:
//   lastname: "Testerei" card { cardpan: "<redacted>" } items { pr: 1999 }
class DebugPrinter {
 public:
  void Text(absl::string_view field, absl::string_view value, bool sensitive);
  void Integer(absl::string_view field, int64_t value, bool sensitive);
  void Unsigned(absl::string_view field, uint64_t value, bool sensitive);
  void Bool(absl::string_view field, bool value, bool sensitive);
  void Enum(absl::string_view field, absl::string_view name, int value,
            bool sensitive);
  void Entry(absl::string_view field, absl::string_view key,
             absl::string_view value, bool sensitive);
  void Begin(absl::string_view field);
  void End();
  std::string Release() { return std::move(out_); }

 private:
  void Field(absl::string_view field);
  // `field: text`, or `field: "<redacted>"`.
  void Scalar(absl::string_view field, absl::string_view text, bool sensitive);

  std::string out_;
};

}  // namespace payone::codec::internal

#endif  // PAYONE_CODEC_RUNTIME_GENERATED_H_
