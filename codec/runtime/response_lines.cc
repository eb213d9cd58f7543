#include "codec/runtime/response_lines.h"

#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace payone::codec {
namespace {

absl::Status Oversize(size_t size, size_t max_bytes) {
  return absl::InvalidArgumentError(absl::StrCat("response of ", size,
                                                 " bytes exceeds the limit of ",
                                                 max_bytes, " bytes"));
}

absl::Status HasNul() {
  return absl::InvalidArgumentError("response contains a NUL byte");
}

absl::Status NoLine() {
  return absl::InvalidArgumentError(
      "response holds no name=value line: not a PAYONE answer");
}

}  // namespace

absl::StatusOr<std::vector<NameValue>> ParseResponseLines(
    absl::string_view body, size_t max_bytes) {
  if (body.size() > max_bytes) return Oversize(body.size(), max_bytes);
  if (body.find('\0') != absl::string_view::npos) return HasNul();
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
  if (lines.empty()) return NoLine();
  return lines;
}

ResponseLineReader::ResponseLineReader(absl::string_view body,
                                       size_t max_bytes) {
  if (body.size() > max_bytes) {
    status_ = Oversize(body.size(), max_bytes);
  } else if (std::memchr(body.data(), '\0', body.size()) != nullptr) {
    status_ = HasNul();
  } else {
    rest_ = body;
  }
}

internal::Scan ResponseLineReader::ScanLine(const char* text, size_t size) {
  return internal::ScanTo<'\n', '=', '\n', '\n'>(text, size);
}

bool ResponseLineReader::AtEnd() {
  if (!any_line_ && status_.ok()) status_ = NoLine();
  return false;
}

void AppendResponseLine(absl::string_view name, absl::string_view value,
                        std::string* out) {
  absl::StrAppend(out, name, "=", value, "\n");
}

}  // namespace payone::codec
