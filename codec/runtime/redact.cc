#include "codec/runtime/redact.h"

#include "absl/strings/str_cat.h"
#include "codec/runtime/form.h"

namespace payone::codec {

bool IsSensitiveName(absl::string_view name,
                     absl::Span<const absl::string_view> sensitive) {
  const absl::string_view stem = name.substr(0, name.find('['));
  if (stem == "key") return true;
  for (absl::string_view entry : sensitive) {
    if (entry == name || entry == stem) return true;
  }
  return false;
}

namespace {

// Redacts one `name<separator>value` segment onto `out`.
void RedactSegment(absl::string_view segment, bool form_encoded,
                   absl::Span<const absl::string_view> sensitive,
                   std::string* out) {
  const size_t equals = segment.find('=');
  if (equals == absl::string_view::npos) {
    out->append(segment.data(), segment.size());
    return;
  }
  const absl::string_view raw_name = segment.substr(0, equals);
  bool redact;
  if (form_encoded) {
    absl::StatusOr<std::string> name = FormDecode(raw_name);
    // An undecodable name could hide anything: redact its value.
    redact = !name.ok() || IsSensitiveName(*name, sensitive);
  } else {
    redact = IsSensitiveName(raw_name, sensitive);
  }
  if (redact) {
    absl::StrAppend(out, raw_name, "=", kRedacted);
  } else {
    out->append(segment.data(), segment.size());
  }
}

std::string RedactSeparated(absl::string_view body, char separator,
                            bool form_encoded,
                            absl::Span<const absl::string_view> sensitive) {
  std::string out;
  out.reserve(body.size());
  while (true) {
    const size_t end = body.find(separator);
    absl::string_view segment = body.substr(0, end);
    bool carriage_return = false;
    if (!form_encoded && !segment.empty() && segment.back() == '\r') {
      segment.remove_suffix(1);
      carriage_return = true;
    }
    RedactSegment(segment, form_encoded, sensitive, &out);
    if (carriage_return) out.push_back('\r');
    if (end == absl::string_view::npos) break;
    out.push_back(separator);
    body.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

std::string RedactFormBody(absl::string_view body,
                           absl::Span<const absl::string_view> sensitive) {
  return RedactSeparated(body, '&', /*form_encoded=*/true, sensitive);
}

std::string RedactResponseBody(absl::string_view body,
                               absl::Span<const absl::string_view> sensitive) {
  return RedactSeparated(body, '\n', /*form_encoded=*/false, sensitive);
}

}  // namespace payone::codec
