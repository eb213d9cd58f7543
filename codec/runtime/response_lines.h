#ifndef PAYONE_CODEC_RUNTIME_RESPONSE_LINES_H_
#define PAYONE_CODEC_RUNTIME_RESPONSE_LINES_H_

// PAYONE's answer format: one `name=value` per line, values raw (not
// percent-encoded), e.g.
//   status=REDIRECT
//   redirecturl=https://secure.pay1.de/3ds/redirect.php?md=1&txid=2
//   txid=262491170

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/base/optimization.h"
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

namespace internal {

// ResponseLineReader's errors, and its scan of a line longer than a window
// ('\n' ends it, the first '=' is the mark, a NUL is special): out of line.
absl::Status ResponseTooLarge(size_t size, size_t max_bytes);
absl::Status ResponseHasNul();
absl::Status ResponseHasNoLine();
Scan ScanResponseLine(const char* text, size_t size);

}  // namespace internal

// The same parse one line at a time, without copying: names and values are
// views into the body. Reads what ParseResponseLines returns, in order, and
// fails where it fails (status() after Next() returned false):
//
//   ResponseLineReader reader(body);
//   while (reader.Next()) Use(reader.name(), reader.value());
//   if (!reader.status().ok()) return reader.status();
//
// The body is looked at a window of up to 64 bytes at a time, one bit a byte
// (ClassifyWindow), so that each line inside a window (most answers are one
// window) costs a few bit operations. A NUL byte fails the reader when its
// window is reached: lines of earlier windows may have been read by then.
class ResponseLineReader {
 public:
  ABSL_ATTRIBUTE_ALWAYS_INLINE explicit ResponseLineReader(
      absl::string_view body, size_t max_bytes = kMaxResponseBytes)
      : window_(body.data()), end_(body.data() + body.size()) {
    if (ABSL_PREDICT_FALSE(body.size() > max_bytes)) {
      status_ = internal::ResponseTooLarge(body.size(), max_bytes);
      end_ = window_;
    }
  }
  ResponseLineReader(const ResponseLineReader&) = delete;
  ResponseLineReader& operator=(const ResponseLineReader&) = delete;

  // Moves to the next name=value line; false at the end or on an error.
  // Inline: decoders call it for every line.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool Next() {
    for (;;) {
      while (newlines_ != 0) {
        const uint64_t newlines = newlines_;
        newlines_ = newlines & (newlines - 1);
        const size_t stop = LowestBit(newlines);
        const size_t first = LowestBit(line_firsts_);
        line_firsts_ &= line_firsts_ - 1;
        const size_t start = next_;
        next_ = stop + 1;
        bool ascii = true;
        if (ABSL_PREDICT_FALSE(high_ != 0)) {
          // This line's bits, and those of the lines read before it.
          const uint64_t through_line = newlines ^ (newlines - 1);
          ascii = (high_ & through_line) == 0;
          high_ &= ~through_line;
        }
        // No '=', or no name before it.
        if (first == stop || first == start) continue;
        TakeLine<uint32_t>(window_ + start, window_ + first, window_ + stop,
                           ascii);
        return true;
      }
      // The window is read: on to the next one, or a line longer than a
      // window, or the end (next_ is past it after the body's end, read as
      // a '\n').
      if (next_ >= static_cast<size_t>(end_ - window_)) {
        // name_ points into the body once a line was read.
        if (name_.data() == nullptr && status_.ok()) {
          status_ = internal::ResponseHasNoLine();
        }
        return false;
      }
      const char* const start = window_ + next_;
      if (NextWindow(start)) continue;
      if (!status_.ok()) return false;
      if (TakeLongLine(start)) return true;
    }
  }
  absl::string_view name() const { return name_; }
  absl::string_view value() const { return value_; }
  // Whether name() and value() are ASCII only.
  bool ascii() const { return ascii_; }
  // Points name() and value() at other text until the next Next(): for
  // ParameterReader, which converts them to UTF-8.
  void set_parameter(absl::string_view name, absl::string_view value) {
    name_ = name;
    value_ = value;
  }
  // OK until the body turned out not to be an answer: too large (found
  // before the first line), a NUL byte (found when its window is reached)
  // or no name=value line at all (found at the end).
  const absl::Status& status() const { return status_; }

 private:
  static size_t LowestBit(uint64_t bits) {
    return static_cast<size_t>(__builtin_ctzll(bits));
  }

  // Takes the line [start, stop), whose first '=' is at `equals` (not at
  // start). Size is the type of its sizes: uint32_t inside a window spares
  // string_view its check for sizes too large.
  template <typename Size = size_t>
  ABSL_ATTRIBUTE_ALWAYS_INLINE void TakeLine(const char* start,
                                             const char* equals,
                                             const char* stop, bool ascii) {
    // CRLF, and the CRCRLF of a body converted twice: no value ends in CR.
    // The '=' ends the loop.
    if (ABSL_PREDICT_FALSE(stop[-1] == '\r')) {
      do {
        --stop;
      } while (stop[-1] == '\r');
    }
    name_ = absl::string_view(start, static_cast<Size>(equals - start));
    value_ =
        absl::string_view(equals + 1, static_cast<Size>(stop - equals - 1));
    ascii_ = ascii;
  }

  // Classifies the window at `start`, the first byte not read: true when
  // it holds the end of a line. False on a NUL byte (status_ says so) and
  // when the line at `start` is longer than the window.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool NextWindow(const char* start) {
    const size_t left = static_cast<size_t>(end_ - start);
    const size_t size =
        left < internal::kWindowBytes ? left : internal::kWindowBytes;
    const internal::WindowBits bits =
        internal::ClassifyWindow<'\n', '='>(start, size);
    high_ = 0;
    if (ABSL_PREDICT_FALSE(bits.odd != 0)) {
      high_ = internal::HighBytes(start, bits.odd);
      if (high_ != bits.odd) {
        status_ = internal::ResponseHasNul();
        end_ = start;
        return false;
      }
    }
    uint64_t newlines = bits.first;
    // The last line ends at the body's end.
    if (size < internal::kWindowBytes && start[size - 1] != '\n') {
      newlines |= uint64_t{1} << size;
    }
    // Each line's first '=', or its end when it has none: subtracting a
    // line's start bit clears the first of those bits from there, and the
    // borrow stops at it.
    const uint64_t line_starts = (newlines << 1) | 1;
    const uint64_t stops = newlines | bits.second;
    line_firsts_ = stops & ~(stops - line_starts);
    window_ = start;
    next_ = 0;
    newlines_ = newlines;
    return newlines != 0;
  }

  // The line at `start` when NextWindow() found no end in its window: true
  // when it is a name=value line.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool TakeLongLine(const char* start) {
    const size_t left = static_cast<size_t>(end_ - start);
    const internal::Scan scan = internal::ScanResponseLine(start, left);
    if (scan.special) {
      status_ = internal::ResponseHasNul();
      end_ = start;
      return false;
    }
    MoveTo(scan.end == left ? end_ : start + scan.end + 1);
    if (scan.mark == internal::Scan::kNone || scan.mark == 0) return false;
    TakeLine(start, start + scan.mark, start + scan.end, !scan.non_ascii);
    return true;
  }

  // Starts an empty window at `at`.
  void MoveTo(const char* at) {
    window_ = at;
    next_ = 0;
    newlines_ = 0;
  }

  // The masks' bit i stands for window_[i]. window_ + next_ is the first
  // byte not read (or end_ + 1 after the body's end, read as a '\n' when
  // the body does not end with one: an offset, as a pointer there would be
  // undefined).
  const char* window_;
  const char* end_;
  size_t next_ = 0;
  // The '\n' of each line not read yet.
  uint64_t newlines_ = 0;
  // The first '=' of each line, or its '\n' when it has none.
  uint64_t line_firsts_ = 0;
  // Bytes >= 0x80 of the lines not read yet.
  uint64_t high_ = 0;
  absl::string_view name_;
  absl::string_view value_;
  bool ascii_ = true;
  absl::Status status_;
};

// Appends `name=value\n`. Used by the simulator to answer like PAYONE.
void AppendResponseLine(absl::string_view name, absl::string_view value,
                        std::string* out);

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_RESPONSE_LINES_H_
