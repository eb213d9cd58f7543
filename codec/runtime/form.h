#ifndef PAYONE_CODEC_RUNTIME_FORM_H_
#define PAYONE_CODEC_RUNTIME_FORM_H_

// application/x-www-form-urlencoded, as PAYONE's post-gateway reads it and as
// browsers and PHP's http_build_query write it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/scan.h"

namespace payone::codec {

// Appends `value` percent-encoded the way an HTML form POST does: ASCII
// letters, digits and "*-._" stay, space becomes '+', every other byte
// becomes %XX (upper-case hex). Bytes are taken as they are: the caller
// chooses the charset.
void AppendFormEncoded(absl::string_view value, std::string* out);
std::string FormEncode(absl::string_view value);

// Reverses AppendFormEncoded ('+' is a space). Fails on a '%' that is not
// followed by two hex digits.
absl::StatusOr<std::string> FormDecode(absl::string_view text);

// A parameter name percent-encoded ahead of time, with the separators it is
// written with: protoc-gen-payone emits one constant per wire name, so
// encoding a field copies its name instead of looking at it.
struct EncodedName {
  absl::string_view plain;    // "&cardpan=": separator, name, '='
  absl::string_view indexed;  // "&it%5B": the index and "%5D=" follow
};

// Builds a request body one parameter at a time: name=value&name=value...
// The buffer grows ahead of the text (zero-filled once per growth), so that
// every parameter is written through a pointer after one room check.
class FormBuilder {
 public:
  FormBuilder() = default;
  explicit FormBuilder(size_t reserve) { buffer_.resize(reserve); }

  void Add(absl::string_view name, absl::string_view value);
  // Adds `stem[index]=value` (PAYONE's 1-based article arrays, it[1]...).
  void AddIndexed(absl::string_view stem, int index, absl::string_view value);
  // Adds `stem[key]=value` (add_paydata[key]).
  void AddKeyed(absl::string_view stem, absl::string_view key,
                absl::string_view value);
  // Adds `name=value`, or `stem[index]=value` when index > 0.
  void Add(const EncodedName& name, int index, absl::string_view value);
  // The same for a value with nothing to escape (only 0-9 a-z A-Z * - . _):
  // numbers, and wire texts the generator checked. Copied as it is.
  void AddVerbatim(const EncodedName& name, int index, absl::string_view value);
  // The same for an integer, written in decimal ("-12", "3499").
  void AddInteger(const EncodedName& name, int index, int64_t value);
  void AddUnsigned(const EncodedName& name, int index, uint64_t value);

  // The body so far; valid until the next Add.
  const std::string& body() const {
    buffer_.resize(size_);
    return buffer_;
  }
  std::string Release() {
    buffer_.resize(size_);
    size_ = 0;
    return std::move(buffer_);
  }

 private:
  // Makes room for `bytes` more and returns where they go.
  char* Room(size_t bytes);
  void Grow(size_t bytes);
  // Writes `name=` or `stem%5Bindex%5D=` with room for `value_room` bytes
  // after it, and returns where the value goes.
  char* StartNamed(const EncodedName& name, int index, size_t value_room);
  // Adds `stem[key]=value`.
  void AddBracketed(absl::string_view stem, absl::string_view key,
                    absl::string_view value);
  // Writes the '&' between parameters and returns the end.
  char* StartParameter(char* out) const;

  // buffer_[0, size_) is the body; the rest is room for the next parameter
  // (body() trims it, hence mutable).
  mutable std::string buffer_;
  size_t size_ = 0;
};

using NameValue = std::pair<std::string, std::string>;

// Parses a form body into its parameters, in order. Names and values are
// percent-decoded, so raw brackets ("it[1]") and encoded ones ("it%5B1%5D")
// read the same. Empty segments ("a=1&&b=2") are skipped; a segment without
// '=' is a name with an empty value. Fails on a malformed escape or when the
// body holds more than `max_parameters` parameters.
absl::StatusOr<std::vector<NameValue>> ParseForm(absl::string_view body,
                                                 size_t max_parameters = 4096);

// The same parse one parameter at a time, without building a vector: reads
// what ParseForm returns, in order, and fails where it fails (status() after
// Next() returned false). A name or value without '%' or '+' is a view into
// the body; the others are decoded into a buffer of the reader, reused for
// every parameter (on the stack up to kInlineBytes):
//
//   FormReader reader(body);
//   while (reader.Next()) Use(reader.name(), reader.value());
//   if (!reader.status().ok()) return reader.status();
class FormReader {
 public:
  explicit FormReader(absl::string_view body, size_t max_parameters = 4096)
      : rest_(body),
        parameters_left_(max_parameters),
        max_parameters_(max_parameters) {}
  FormReader(const FormReader&) = delete;
  FormReader& operator=(const FormReader&) = delete;

  // Moves to the next parameter; false at the end or on an error. The
  // previous name and value are no longer valid. Inline: decoders call it
  // for every parameter.
  bool Next() {
    while (!rest_.empty()) {
      const char* const start = rest_.data();
      const internal::Scan scan =
          internal::ScanAndSkip<'&', '=', '%', '+'>(&rest_, &ScanSegment);
      const size_t length = scan.end;
      if (length == 0) continue;
      if (parameters_left_ == 0) return TooManyParameters();
      --parameters_left_;
      const size_t equals = scan.mark;
      if (equals == internal::Scan::kNone) {
        name_ = absl::string_view(start, length);
        value_ = absl::string_view();
      } else {
        name_ = absl::string_view(start, equals);
        value_ = absl::string_view(start + equals + 1, length - equals - 1);
      }
      if (scan.special) return Unescape(length);
      ascii_ = !scan.non_ascii;
      return true;
    }
    return false;
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
  const absl::Status& status() const { return status_; }

  static constexpr size_t kInlineBytes = 512;

 private:
  static internal::Scan ScanSegment(const char* text, size_t size);
  // Fails the reader: false.
  bool TooManyParameters();
  // Decodes name_ and value_ (still escaped) where they need it.
  bool Unescape(size_t segment_size);

  absl::string_view rest_;
  size_t parameters_left_;
  const size_t max_parameters_;
  absl::string_view name_;
  absl::string_view value_;
  bool ascii_ = true;
  absl::Status status_;
  char inline_buffer_[kInlineBytes];
  std::string heap_buffer_;
};

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_FORM_H_
