#include "codec/runtime/parameter_reader.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "codec/runtime/charset.h"

namespace payone::codec {

ParameterReader::ParameterReader(BodyFormat format, absl::string_view body,
                                 const DecodeOptions& options)
    : format_(format),
      charset_(options.charset),
      lines_(format == BodyFormat::kResponseLines ? body : absl::string_view(),
             options.max_body_bytes),
      form_(format == BodyFormat::kForm && body.size() <= options.max_body_bytes
                ? body
                : absl::string_view()) {
  if (format == BodyFormat::kForm && body.size() > options.max_body_bytes) {
    oversize_ = absl::InvalidArgumentError(absl::StrCat(
        "notification of ", body.size(), " bytes exceeds the limit of ",
        options.max_body_bytes, " bytes"));
  }
}

const absl::Status& ParameterReader::status() const {
  if (format_ == BodyFormat::kResponseLines) return lines_.status();
  return oversize_.ok() ? form_.status() : oversize_;
}

bool ParameterReader::Next() {
  return format_ == BodyFormat::kResponseLines ? Take(lines_) : Take(form_);
}

template <typename Raw>
bool ParameterReader::Take(Raw& raw) {
  if (!raw.Next()) return false;
  name_ = raw.name();
  value_ = raw.value();
  if (raw.ascii()) return true;
  // Latin-1 to UTF-8 at most doubles the text.
  const size_t room = 2 * (name_.size() + value_.size());
  char* out = inline_buffer_;
  if (room > kInlineBytes) {
    heap_buffer_.resize(room);
    out = &heap_buffer_[0];
  }
  name_ = ToUtf8(name_, &out);
  value_ = ToUtf8(value_, &out);
  return true;
}

absl::string_view ParameterReader::ToUtf8(absl::string_view text, char** out) {
  if (IsAscii(text)) return text;
  if (charset_ == Charset::kUtf8 && IsValidUtf8(text)) return text;
  char* const start = *out;
  *out = Latin1ToUtf8(text, start);
  return absl::string_view(start, *out - start);
}

absl::Status ParameterReader::Stop(absl::Status error) {
  while (Next()) {
  }
  return status().ok() ? std::move(error) : status();
}

}  // namespace payone::codec
