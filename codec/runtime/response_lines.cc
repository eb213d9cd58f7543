#include "codec/runtime/response_lines.h"

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "codec/runtime/scan.h"

namespace payone::codec {
namespace internal {

absl::Status ResponseTooLarge(size_t size, size_t max_bytes) {
  return absl::InvalidArgumentError(absl::StrCat("response of ", size,
                                                 " bytes exceeds the limit of ",
                                                 max_bytes, " bytes"));
}

absl::Status ResponseHasNul() {
  return absl::InvalidArgumentError("response contains a NUL byte");
}

absl::Status ResponseHasNoLine() {
  return absl::InvalidArgumentError(
      "response holds no name=value line: not a PAYONE answer");
}

Scan ScanResponseLine(const char* text, size_t size) {
  return ScanTo<'\n', '=', '\0', '\0'>(text, size);
}

}  // namespace internal

absl::StatusOr<std::vector<NameValue>> ParseResponseLines(
    absl::string_view body, size_t max_bytes) {
  if (body.size() > max_bytes) {
    return internal::ResponseTooLarge(body.size(), max_bytes);
  }
  if (body.find('\0') != absl::string_view::npos) {
    return internal::ResponseHasNul();
  }
  std::vector<NameValue> lines;
  while (!body.empty()) {
    const size_t end = body.find('\n');
    absl::string_view line = body.substr(0, end);
    body = end == absl::string_view::npos ? absl::string_view()
                                          : body.substr(end + 1);
    // CRLF, and the CRCRLF of a body converted twice: no value ends in CR.
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t equals = line.find('=');
    if (equals == absl::string_view::npos || equals == 0) continue;
    lines.emplace_back(std::string(line.substr(0, equals)),
                       std::string(line.substr(equals + 1)));
  }
  if (lines.empty()) return internal::ResponseHasNoLine();
  return lines;
}

void AppendResponseLine(absl::string_view name, absl::string_view value,
                        std::string* out) {
  absl::StrAppend(out, name, "=", value, "\n");
}

}  // namespace payone::codec
