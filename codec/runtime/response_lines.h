#ifndef PAYONE_CODEC_RUNTIME_RESPONSE_LINES_H_
#define PAYONE_CODEC_RUNTIME_RESPONSE_LINES_H_

// PAYONE's answer format: one `name=value` per line, values raw (not
// percent-encoded), e.g.
//   status=REDIRECT
//   redirecturl=https://secure.pay1.de/3ds/redirect.php?md=1&txid=2
//   txid=262491170

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/form.h"
#include "codec/runtime/scan.h"

namespace payone::codec {

// The largest answer the parser accepts. Real answers are well under 10 KiB
// (a mandate text is the longest); anything past this is not PAYONE.
inline constexpr size_t kMaxResponseBytes = 1 << 20;

// Splits an answer into its lines, each at its first '=' (values keep any
// further '=' and '&'). Accepts LF, CRLF (CRs ending a line are dropped), a
// missing final newline and blank lines (skipped). Lines without '=' are
// ignored, as PAYONE's own SDKs do. Fails when the body is larger than
// `max_bytes`, contains a NUL byte, or holds no `name=value` line at all.
absl::StatusOr<std::vector<NameValue>> ParseResponseLines(
    absl::string_view body, size_t max_bytes = kMaxResponseBytes);

// The same parse one line at a time, without copying: names and values are
// views into the body. Reads what ParseResponseLines returns, in order, and
// fails where it fails (status() after Next() returned false):
//
//   ResponseLineReader reader(body);
//   while (reader.Next()) Use(reader.name(), reader.value());
//   if (!reader.status().ok()) return reader.status();
class ResponseLineReader {
 public:
  explicit ResponseLineReader(absl::string_view body,
                              size_t max_bytes = kMaxResponseBytes);

  // Moves to the next name=value line; false at the end or on an error.
  // Inline: decoders call it for every line.
  bool Next() {
    while (!rest_.empty()) {
      const char* const start = rest_.data();
      const internal::Scan scan =
          internal::ScanAndSkip<'\n', '=', '\n', '\n'>(&rest_, &ScanLine);
      size_t length = scan.end;
      // CRLF, and the CRCRLF of a body converted twice: no value ends in
      // CR.
      while (length != 0 && start[length - 1] == '\r') --length;
      const size_t equals = scan.mark;
      if (equals == internal::Scan::kNone || equals == 0) continue;
      name_ = absl::string_view(start, equals);
      value_ = absl::string_view(start + equals + 1, length - equals - 1);
      ascii_ = !scan.non_ascii;
      any_line_ = true;
      return true;
    }
    return AtEnd();
  }
  absl::string_view name() const { return name_; }
  absl::string_view value() const { return value_; }
  // Whether name() and value() are ASCII only.
  bool ascii() const { return ascii_; }
  // OK until the body turned out not to be an answer: too large, a NUL
  // byte (both found before the first line) or no name=value line at all
  // (found at the end).
  const absl::Status& status() const { return status_; }

 private:
  static internal::Scan ScanLine(const char* text, size_t size);
  // Next() at the end of the body: false, and an error when there was no
  // line at all.
  bool AtEnd();

  absl::string_view rest_;
  absl::string_view name_;
  absl::string_view value_;
  bool ascii_ = true;
  bool any_line_ = false;
  absl::Status status_;
};

// Appends `name=value\n`. Used by the simulator to answer like PAYONE.
void AppendResponseLine(absl::string_view name, absl::string_view value,
                        std::string* out);

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_RESPONSE_LINES_H_
