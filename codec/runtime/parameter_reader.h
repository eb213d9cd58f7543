#ifndef PAYONE_CODEC_RUNTIME_PARAMETER_READER_H_
#define PAYONE_CODEC_RUNTIME_PARAMETER_READER_H_

// What decoders read a PAYONE body with: one parameter at a time, name and
// value in UTF-8, without building a list of them first. Generated decoders
// use it, and so does the reflection baseline of bench/.

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "codec/runtime/response_lines.h"

namespace payone::codec {

enum class BodyFormat {
  // PAYONE's answer: name=value lines, values raw (ResponseLineReader).
  kResponseLines,
  // A form POST: a notification, or a request on the simulator's side
  // (FormReader).
  kForm,
};

// Reads the parameters of `body` in order:
//
//   ParameterReader reader(BodyFormat::kResponseLines, body, options);
//   while (reader.Next()) Use(reader.name(), reader.value());
//   if (!reader.status().ok()) return reader.status();
//
// A body larger than options.max_body_bytes reads no parameter and fails.
// Names and values are converted to UTF-8 from options.charset; in UTF-8
// mode a text that is not valid UTF-8 is taken as ISO-8859-1, which is what
// PAYONE sends when it ignores `encoding`. ASCII text (nearly all of it) is
// not copied: name() and value() are views into the body, or into a buffer
// of the reader (escapes, conversions), valid until the next Next().
class ParameterReader {
 public:
  ParameterReader(BodyFormat format, absl::string_view body,
                  const DecodeOptions& options);
  ParameterReader(const ParameterReader&) = delete;
  ParameterReader& operator=(const ParameterReader&) = delete;

  // Moves to the next parameter; false at the end or on an error.
  bool Next();
  absl::string_view name() const { return name_; }
  absl::string_view value() const { return value_; }
  // The body's error: too large, not an answer (kResponseLines), a
  // malformed escape or too many parameters (kForm).
  const absl::Status& status() const;

  // For a decoder that stops at a bad parameter with `error`: the body's
  // own error if the rest of it has one (what reading the whole body before
  // decoding any parameter reports), else `error`.
  absl::Status Stop(absl::Status error);

  static constexpr size_t kInlineBytes = 512;

 private:
  // Moves `raw` to its next parameter and takes it, in UTF-8.
  template <typename Raw>
  bool Take(Raw& raw);
  // `text` in UTF-8: itself, or converted at `*out` (advanced past it).
  absl::string_view ToUtf8(absl::string_view text, char** out);

  const BodyFormat format_;
  const Charset charset_;
  absl::Status oversize_;
  ResponseLineReader lines_;
  FormReader form_;
  absl::string_view name_;
  absl::string_view value_;
  char inline_buffer_[kInlineBytes];
  std::string heap_buffer_;
};

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_PARAMETER_READER_H_
