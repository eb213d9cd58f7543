#include "codec/runtime/form.h"

#include <array>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace payone::codec {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

// Bytes a form POST leaves as they are.
constexpr std::array<bool, 256> MakeUnreservedTable() {
  std::array<bool, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  table['*'] = table['-'] = table['.'] = table['_'] = true;
  return table;
}
constexpr std::array<bool, 256> kUnreserved = MakeUnreservedTable();

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void AppendFormEncoded(absl::string_view value, std::string* out) {
  // Runs of bytes that stay as they are go in with one append each: most
  // values are mostly letters and digits.
  const char* run = value.data();
  const char* const end = value.data() + value.size();
  for (const char* p = run; p != end; ++p) {
    const auto byte = static_cast<unsigned char>(*p);
    if (kUnreserved[byte]) continue;
    out->append(run, p - run);
    if (byte == ' ') {
      out->push_back('+');
    } else {
      const char escape[3] = {'%', kHexDigits[byte >> 4],
                              kHexDigits[byte & 15]};
      out->append(escape, 3);
    }
    run = p + 1;
  }
  out->append(run, end - run);
}

std::string FormEncode(absl::string_view value) {
  std::string out;
  out.reserve(value.size());
  AppendFormEncoded(value, &out);
  return out;
}

absl::StatusOr<std::string> FormDecode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Copies runs without '+' or '%' with one append each.
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '+' && c != '%') continue;
    out.append(text.data() + run, i - run);
    if (c == '+') {
      out.push_back(' ');
    } else {
      const int high = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            "malformed percent-escape at offset ", i, " of a form value"));
      }
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    }
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
  return out;
}

void FormBuilder::StartParameter() {
  if (!body_.empty()) body_.push_back('&');
}

void FormBuilder::Add(absl::string_view name, absl::string_view value) {
  StartParameter();
  AppendFormEncoded(name, &body_);
  body_.push_back('=');
  AppendFormEncoded(value, &body_);
}

void FormBuilder::AddIndexed(absl::string_view stem, int index,
                             absl::string_view value) {
  StartParameter();
  AppendFormEncoded(stem, &body_);
  absl::StrAppend(&body_, "%5B", index, "%5D=");
  AppendFormEncoded(value, &body_);
}

void FormBuilder::AddKeyed(absl::string_view stem, absl::string_view key,
                           absl::string_view value) {
  StartParameter();
  AppendFormEncoded(stem, &body_);
  body_.append("%5B");
  AppendFormEncoded(key, &body_);
  body_.append("%5D=");
  AppendFormEncoded(value, &body_);
}

absl::StatusOr<std::vector<NameValue>> ParseForm(absl::string_view body,
                                                 size_t max_parameters) {
  std::vector<NameValue> parameters;
  while (!body.empty()) {
    const size_t end = body.find('&');
    const absl::string_view segment = body.substr(0, end);
    body = end == absl::string_view::npos ? absl::string_view()
                                          : body.substr(end + 1);
    if (segment.empty()) continue;
    if (parameters.size() == max_parameters) {
      return absl::InvalidArgumentError(absl::StrCat(
          "form body has more than ", max_parameters, " parameters"));
    }
    const size_t equals = segment.find('=');
    absl::StatusOr<std::string> name = FormDecode(segment.substr(0, equals));
    if (!name.ok()) return name.status();
    absl::StatusOr<std::string> value = FormDecode(
        equals == absl::string_view::npos ? absl::string_view()
                                          : segment.substr(equals + 1));
    if (!value.ok()) return value.status();
    parameters.emplace_back(*std::move(name), *std::move(value));
  }
  return parameters;
}

}  // namespace payone::codec
