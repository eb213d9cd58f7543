#ifndef PAYONE_CODEC_RUNTIME_PARAMETER_READER_H_
#define PAYONE_CODEC_RUNTIME_PARAMETER_READER_H_

// What decoders read a PAYONE body with: one parameter at a time, name and
// value in UTF-8, without building a list of them first. Generated decoders
// use it, and so does the reflection baseline of bench/.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "absl/base/attributes.h"
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

namespace internal {

// Converts parameters that are not ASCII to UTF-8, into a buffer it reuses
// (on the stack up to kInlineBytes).
class Utf8Converter {
 public:
  explicit Utf8Converter(Charset charset) : charset_(charset) {}
  Utf8Converter(const Utf8Converter&) = delete;
  Utf8Converter& operator=(const Utf8Converter&) = delete;

  // Points *name and *value at their UTF-8 forms.
  void Convert(absl::string_view* name, absl::string_view* value);

  static constexpr size_t kInlineBytes = 512;

 private:
  // `text` in UTF-8: itself, or converted at `*out` (advanced past it).
  absl::string_view ToUtf8(absl::string_view text, char** out) const;

  const Charset charset_;
  // Words, not chars: a char array would have every decoder that makes a
  // reader check its stack (-fstack-protector).
  uint64_t inline_buffer_[kInlineBytes / sizeof(uint64_t)];
  // Allocated at the first parameter too long for the inline buffer:
  // nothing to make or free otherwise.
  std::unique_ptr<char[]> heap_buffer_;
  size_t heap_bytes_ = 0;
};

absl::Status NotificationTooLarge(size_t size, size_t max_bytes);

}  // namespace internal

// Reads the parameters of `body` in order:
//
//   ParameterReader<BodyFormat::kResponseLines> reader(body, options);
//   while (reader.Next()) Use(reader.name(), reader.value());
//   if (!reader.status().ok()) return reader.status();
//
// A body larger than options.max_body_bytes reads no parameter and fails.
// Names and values are converted to UTF-8 from options.charset; in UTF-8
// mode a text that is not valid UTF-8 is taken as ISO-8859-1, which is what
// PAYONE sends when it ignores `encoding`. ASCII text (nearly all of it) is
// not copied: name() and value() are views into the body, or into a buffer
// of the reader (escapes, conversions), valid until the next Next().
template <BodyFormat kFormat>
class ParameterReader {
 public:
  ParameterReader(absl::string_view body, const DecodeOptions& options)
      : raw_(MakeRaw(body, options)), converter_(options.charset) {
    if constexpr (kFormat == BodyFormat::kForm) {
      if (body.size() > options.max_body_bytes) {
        oversize_ =
            internal::NotificationTooLarge(body.size(), options.max_body_bytes);
      }
    }
  }
  ParameterReader(const ParameterReader&) = delete;
  ParameterReader& operator=(const ParameterReader&) = delete;

  // Moves to the next parameter; false at the end or on an error. Inline:
  // decoders call it for every parameter.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool Next() {
    if (!raw_.Next()) return false;
    if (!raw_.ascii()) ConvertParameter();
    return true;
  }
  absl::string_view name() const { return raw_.name(); }
  absl::string_view value() const { return raw_.value(); }
  // The body's error: too large, not an answer (kResponseLines), a
  // malformed escape or too many parameters (kForm).
  const absl::Status& status() const {
    if constexpr (kFormat == BodyFormat::kForm) {
      if (!oversize_.ok()) return oversize_;
    }
    return raw_.status();
  }

  // For a decoder that stops at a bad parameter with `error`: the body's
  // own error if the rest of it has one (what reading the whole body before
  // decoding any parameter reports), else `error`.
  absl::Status Stop(absl::Status error) {
    while (raw_.Next()) {
    }
    return status().ok() ? std::move(error) : status();
  }

 private:
  using Raw = std::conditional_t<kFormat == BodyFormat::kResponseLines,
                                 ResponseLineReader, FormReader>;

  static Raw MakeRaw(absl::string_view body, const DecodeOptions& options) {
    if constexpr (kFormat == BodyFormat::kResponseLines) {
      return Raw(body, options.max_body_bytes);
    } else {
      // Too large: read nothing (oversize_ says why).
      return Raw(body.size() <= options.max_body_bytes ? body
                                                       : absl::string_view());
    }
  }

  // ResponseLineReader finds an oversize body itself; FormReader is given
  // none (MakeRaw), and oversize_ says why.
  struct NoStatus {};
  using OversizeStatus =
      std::conditional_t<kFormat == BodyFormat::kForm, absl::Status, NoStatus>;

  void ConvertParameter() {
    absl::string_view name = raw_.name();
    absl::string_view value = raw_.value();
    converter_.Convert(&name, &value);
    raw_.set_parameter(name, value);
  }

  Raw raw_;
  OversizeStatus oversize_;
  internal::Utf8Converter converter_;
};

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_PARAMETER_READER_H_
