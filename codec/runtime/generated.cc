#include "codec/runtime/generated.h"

#include <limits>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/decimal.h"
#include "codec/runtime/redact.h"
#include "codec/runtime/response_lines.h"

namespace payone::codec::internal {
namespace {

void AppendPath(const FieldPath* path, std::string* out) {
  if (path == nullptr || path->name.empty()) return;
  AppendPath(path->parent, out);
  if (!out->empty()) out->push_back('.');
  out->append(path->name.data(), path->name.size());
  if (path->index >= 0) absl::StrAppend(out, "[", path->index, "]");
}

absl::string_view SymbolsText(Symbols symbols) {
  switch (symbols) {
    case Symbols::kAny:
      return "";
    case Symbols::kReference:
      return "0-9 a-z A-Z . - _ /";
    case Symbols::kAlphanumeric:
      return "0-9 a-z A-Z";
    case Symbols::kDigits:
      return "0-9";
    case Symbols::kHex:
      return "0-9 a-f";
  }
  return "";
}

size_t DigitCount(uint64_t magnitude) {
  size_t digits = 1;
  while (magnitude >= 10) {
    magnitude /= 10;
    ++digits;
  }
  return digits;
}

void CheckDigits(uint64_t magnitude, const IntegerRules& rules,
                 const Where& where, Violations* out) {
  if (rules.max_digits == 0 && rules.min_digits == 0) return;
  const size_t digits = DigitCount(magnitude);
  if (rules.max_digits != 0 && digits > rules.max_digits) {
    AddViolation(
        where, absl::StrCat("must have at most ", rules.max_digits, " digits"),
        out);
  }
  if (rules.min_digits != 0 && digits < rules.min_digits) {
    AddViolation(
        where, absl::StrCat("must have at least ", rules.min_digits, " digits"),
        out);
  }
}

}  // namespace

std::string RenderPath(const FieldPath* path, absl::string_view leaf) {
  std::string out;
  AppendPath(path, &out);
  if (!leaf.empty()) {
    if (!out.empty()) out.push_back('.');
    out.append(leaf.data(), leaf.size());
  }
  return out;
}

std::string RenderWireName(absl::string_view name, int wire_index) {
  if (wire_index <= 0) return std::string(name);
  return absl::StrCat(name, "[", wire_index, "]");
}

void AddViolation(const Where& where, std::string description,
                  Violations* out) {
  out->Add(RenderPath(where.path, where.field),
           RenderWireName(where.wire_name, where.wire_index),
           std::move(description));
}

namespace {

// For a text with a character above U+00FF: a violation when the request
// is sent in ISO-8859-1, which has no form for it.
void AddLatin1Violation(const EncodeOptions& options, const Where& where,
                        Violations* out) {
  if (options.charset == Charset::kLatin1) {
    AddViolation(where,
                 "contains a character that ISO-8859-1 cannot represent "
                 "(send encoding=UTF-8)",
                 out);
  }
}

// `value` in the case Encode will send it; a copy only when it differs.
absl::string_view InSentCase(absl::string_view value, Case text_case,
                             std::string* copy) {
  if (!ChangesCase(value, text_case)) return value;
  copy->assign(value.data(), value.size());
  if (text_case == Case::kUpper) absl::AsciiStrToUpper(copy);
  if (text_case == Case::kLower) absl::AsciiStrToLower(copy);
  return *copy;
}

// `value` as Encode sends it (case, charset), in `scratch` when it differs;
// false when the charset cannot carry it (Validate rejects that).
bool SentText(absl::string_view value, Case text_case,
              const EncodeOptions& options, std::string* scratch,
              absl::string_view* text) {
  *text = InSentCase(value, text_case, scratch);
  if (options.charset != Charset::kLatin1 || IsAscii(*text)) return true;
  absl::StatusOr<std::string> converted = Utf8ToLatin1(*text);
  if (!converted.ok()) return false;
  *scratch = *std::move(converted);
  *text = *scratch;
  return true;
}

}  // namespace

void CheckTextFully(absl::string_view value, const TextRules& rules,
                    const EncodeOptions& options, const Where& where,
                    Violations* out) {
  if (value.empty()) {
    if (rules.required) AddViolation(where, "is required", out);
    return;
  }
  std::string copy;
  value = InSentCase(value, rules.text_case, &copy);
  // Validity, length in characters and fit in ISO-8859-1 in one pass.
  const Utf8Text utf8 = ReadUtf8(value);
  if (!utf8.valid) {
    AddViolation(where, "is not valid UTF-8", out);
    return;
  }
  const size_t length = utf8.characters;
  if (rules.min_len != 0 && length < rules.min_len) {
    AddViolation(
        where,
        absl::StrCat("must be at least ", rules.min_len, " characters long"),
        out);
  }
  if (rules.max_len != 0 && length > rules.max_len) {
    AddViolation(
        where,
        absl::StrCat("must be at most ", rules.max_len, " characters long"),
        out);
  }
  if (rules.symbols != Symbols::kAny && !HasOnlySymbols(value, rules.symbols)) {
    AddViolation(where,
                 absl::StrCat("may only contain the characters ",
                              SymbolsText(rules.symbols)),
                 out);
  }
  const absl::string_view problem = FormatProblem(rules.format, value);
  if (!problem.empty()) AddViolation(where, std::string(problem), out);
  if (utf8.above_latin1) AddLatin1Violation(options, where, out);
}

bool PassesAsUtf8Text(absl::string_view value, const TextRules& rules,
                      const EncodeOptions& options) {
  const Utf8Text utf8 = ReadUtf8(value);
  return utf8.valid && utf8.characters >= rules.min_len &&
         (rules.max_len == 0 || utf8.characters <= rules.max_len) &&
         (options.charset != Charset::kLatin1 || !utf8.above_latin1);
}

void CheckMapValue(absl::string_view value, const EncodeOptions& options,
                   const Where& where, Violations* out) {
  const Utf8Text utf8 = ReadUtf8(value);
  if (!utf8.valid || utf8.above_latin1) {
    AddLatin1Violation(options, where, out);
  }
  if ((utf8.valid ? utf8.characters : value.size()) > kMaxMapValueChars) {
    AddViolation(where,
                 absl::StrCat("has a value longer than ", kMaxMapValueChars,
                              " characters"),
                 out);
  }
}

void CheckIntegerFully(int64_t value, const IntegerRules& rules,
                       const Where& where, Violations* out) {
  if (rules.has_min && value < rules.min_value) {
    AddViolation(where, absl::StrCat("must be at least ", rules.min_value),
                 out);
  }
  if (rules.has_max && value > rules.max_value) {
    AddViolation(where, absl::StrCat("must be at most ", rules.max_value), out);
  }
  const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value)
                                       : static_cast<uint64_t>(value);
  CheckDigits(magnitude, rules, where, out);
}

void CheckUnsignedFully(uint64_t value, const IntegerRules& rules,
                        const Where& where, Violations* out) {
  if (rules.has_min && rules.min_value > 0 &&
      value < static_cast<uint64_t>(rules.min_value)) {
    AddViolation(where, absl::StrCat("must be at least ", rules.min_value),
                 out);
  }
  if (rules.has_max &&
      (rules.max_value < 0 || value > static_cast<uint64_t>(rules.max_value))) {
    AddViolation(where, absl::StrCat("must be at most ", rules.max_value), out);
  }
  CheckDigits(value, rules, where, out);
}

void CheckEnumFully(int value, bool known, const EnumRules& rules,
                    const Where& where, Violations* out) {
  if (value == 0) {
    if (rules.required) AddViolation(where, "is required", out);
  } else if (!known) {
    AddViolation(where, absl::StrCat("has an unknown value ", value), out);
  }
}

void CheckMapKey(absl::string_view key, const Where& where, Violations* out) {
  bool ok = !key.empty() && key.size() <= kMaxMapKeyChars;
  for (char c : key) {
    ok = ok && (absl::ascii_isalnum(c) || c == '_' || c == '.' || c == '-');
  }
  if (!ok) {
    AddViolation(
        where,
        absl::StrCat("has a key that is empty, longer than ", kMaxMapKeyChars,
                     " characters or not made of 0-9 a-z A-Z _ . -"),
        out);
  }
}

void CheckCount(size_t count, uint32_t min_count, uint32_t max_count,
                const Where& where, Violations* out) {
  if (max_count != 0 && count > max_count) {
    AddViolation(
        where, absl::StrCat("must have at most ", max_count, " entries"), out);
  }
  if (min_count != 0 && count < min_count) {
    AddViolation(
        where, absl::StrCat("must have at least ", min_count, " entries"), out);
  }
}

void AddConvertedText(const EncodedName& name, int wire_index,
                      absl::string_view value, Case text_case,
                      const EncodeOptions& options, FormBuilder* form) {
  std::string scratch;
  absl::string_view text;
  // Validate rejects what cannot be converted; never send half a value.
  if (SentText(value, text_case, options, &scratch, &text)) {
    form->Add(name, wire_index, text);
  }
}

void AddFormEncodedText(const EncodedName& name, int wire_index,
                        absl::string_view value, const EncodeOptions& options,
                        FormBuilder* form) {
  std::string scratch;
  absl::string_view text;
  if (SentText(value, Case::kAsIs, options, &scratch, &text)) {
    form->Add(name, wire_index, FormEncode(text));
  }
}

void AssignFormDecodedText(absl::string_view value, std::string* text) {
  absl::StatusOr<std::string> decoded = FormDecode(value);
  if (!decoded.ok()) {
    AssignText(value, text);
  } else if (IsValidUtf8(*decoded)) {
    *text = *std::move(decoded);
  } else {
    *text = Latin1ToUtf8(*decoded);
  }
}

void AddUnknown(absl::string_view name, absl::string_view value,
                const EncodeOptions& options, FormBuilder* form) {
  std::string scratch;
  absl::string_view text;
  if (SentText(value, Case::kAsIs, options, &scratch, &text)) {
    form->Add(name, text);
  }
}

void AddKeyedText(absl::string_view stem, absl::string_view key,
                  absl::string_view value, const EncodeOptions& options,
                  FormBuilder* form) {
  std::string scratch;
  absl::string_view text;
  if (SentText(value, Case::kAsIs, options, &scratch, &text)) {
    form->AddKeyed(stem, key, text);
  }
}

// Numbers are digits, '-' and '.': nothing to escape.
void AddInteger(const EncodedName& name, int wire_index, int64_t value,
                FormBuilder* form) {
  form->AddInteger(name, wire_index, value);
}

void AddUnsigned(const EncodedName& name, int wire_index, uint64_t value,
                 FormBuilder* form) {
  form->AddUnsigned(name, wire_index, value);
}

void AddDecimal(const EncodedName& name, int wire_index, int64_t value,
                FormBuilder* form) {
  form->AddVerbatim(name, wire_index, FormatDecimal(value).view());
}

void AddRaw(const EncodedName& name, int wire_index, absl::string_view value,
            FormBuilder* form) {
  form->Add(name, wire_index, value);
}

void AddVerbatim(const EncodedName& name, int wire_index,
                 absl::string_view value, FormBuilder* form) {
  form->AddVerbatim(name, wire_index, value);
}

std::string FormToResponseLines(absl::string_view form_body) {
  std::string out;
  absl::StatusOr<std::vector<NameValue>> parameters =
      ParseForm(form_body, std::numeric_limits<size_t>::max());
  if (!parameters.ok()) return out;
  for (const NameValue& parameter : *parameters) {
    AppendResponseLine(parameter.first, parameter.second, &out);
  }
  return out;
}

WireName ParseBracketedName(absl::string_view name) {
  WireName w;
  w.full = name;
  w.stem = name;
  const size_t open = name.find('[');
  if (open == absl::string_view::npos || open == 0 || name.back() != ']') {
    return w;
  }
  w.stem = name.substr(0, open);
  w.key = name.substr(open + 1, name.size() - open - 2);
  int index = 0;
  if (!w.key.empty() && w.key.size() <= 6 && IsDigits(w.key) &&
      absl::SimpleAtoi(w.key, &index) && index > 0) {
    w.index = index;
  }
  return w;
}

absl::Status ParseInteger(absl::string_view text, absl::string_view name,
                          int64_t min, int64_t max, int64_t* out) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(text, &value) || value < min || value > max ||
      (!text.empty() && (text[0] == '+' || absl::ascii_isspace(text[0])))) {
    return absl::InvalidArgumentError(
        absl::StrCat("parameter ", name, " is not an integer in range"));
  }
  *out = value;
  return absl::OkStatus();
}

absl::Status ParseUnsigned(absl::string_view text, absl::string_view name,
                           uint64_t max, uint64_t* out) {
  uint64_t value = 0;
  if (!IsDigits(text) || !absl::SimpleAtoi(text, &value) || value > max) {
    return absl::InvalidArgumentError(absl::StrCat(
        "parameter ", name, " is not a non-negative integer in range"));
  }
  *out = value;
  return absl::OkStatus();
}

absl::Status ParseDecimalValue(absl::string_view text, absl::string_view name,
                               int64_t* out) {
  if (!ParseDecimal(text, out)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "parameter ", name, " is not a decimal amount such as 12.50"));
  }
  return absl::OkStatus();
}

absl::Status ParseBool(absl::string_view text, absl::string_view name,
                       absl::string_view true_text,
                       absl::string_view false_text, bool* out) {
  if (absl::EqualsIgnoreCase(text, true_text)) {
    *out = true;
  } else if (absl::EqualsIgnoreCase(text, false_text)) {
    *out = false;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "parameter ", name, " must be ", true_text, " or ", false_text));
  }
  return absl::OkStatus();
}

absl::Status IndexOutOfRange(const WireName& name, int max_index) {
  return absl::InvalidArgumentError(
      absl::StrCat("parameter ", name.stem, "[", name.index,
                   "] has an index beyond the limit of ", max_index));
}

absl::Status UnknownValue(absl::string_view name) {
  return absl::InvalidArgumentError(
      absl::StrCat("parameter ", name, " has an unknown value"));
}

absl::Status MissingParameter(absl::string_view name) {
  return absl::InvalidArgumentError(
      absl::StrCat("required parameter ", name, " is missing"));
}

void DebugPrinter::Field(absl::string_view field) {
  if (!out_.empty()) out_.push_back(' ');
  out_.append(field.data(), field.size());
}

void DebugPrinter::Scalar(absl::string_view field, absl::string_view text,
                          bool sensitive) {
  Field(field);
  out_.append(": ");
  if (sensitive) {
    absl::StrAppend(&out_, "\"", kRedacted, "\"");
  } else {
    out_.append(text.data(), text.size());
  }
}

void DebugPrinter::Text(absl::string_view field, absl::string_view value,
                        bool sensitive) {
  Scalar(field, absl::StrCat("\"", absl::CEscape(value), "\""), sensitive);
}

void DebugPrinter::Integer(absl::string_view field, int64_t value,
                           bool sensitive) {
  Scalar(field, absl::AlphaNum(value).Piece(), sensitive);
}

void DebugPrinter::Unsigned(absl::string_view field, uint64_t value,
                            bool sensitive) {
  Scalar(field, absl::AlphaNum(value).Piece(), sensitive);
}

void DebugPrinter::Bool(absl::string_view field, bool value, bool sensitive) {
  Scalar(field, value ? "true" : "false", sensitive);
}

void DebugPrinter::Enum(absl::string_view field, absl::string_view name,
                        int value, bool sensitive) {
  Scalar(field, name.empty() ? absl::AlphaNum(value).Piece() : name, sensitive);
}

void DebugPrinter::Entry(absl::string_view field, absl::string_view key,
                         absl::string_view value, bool sensitive) {
  Field(field);
  absl::StrAppend(&out_, " { key: \"", absl::CEscape(key), "\" value: \"",
                  sensitive ? std::string(kRedacted) : absl::CEscape(value),
                  "\" }");
}

void DebugPrinter::Begin(absl::string_view field) {
  Field(field);
  out_.append(" {");
}

void DebugPrinter::End() { out_.append(" }"); }

}  // namespace payone::codec::internal
