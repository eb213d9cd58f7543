#include "codec/runtime/parameter_reader.h"

#include "absl/strings/str_cat.h"
#include "codec/runtime/charset.h"

namespace payone::codec::internal {

void Utf8Converter::Convert(absl::string_view* name, absl::string_view* value) {
  // Latin-1 to UTF-8 at most doubles the text.
  const size_t room = 2 * (name->size() + value->size());
  char* out = reinterpret_cast<char*>(inline_buffer_);
  if (room > kInlineBytes) {
    if (room > heap_bytes_) {
      heap_buffer_ = std::make_unique<char[]>(room);
      heap_bytes_ = room;
    }
    out = heap_buffer_.get();
  }
  *name = ToUtf8(*name, &out);
  *value = ToUtf8(*value, &out);
}

absl::string_view Utf8Converter::ToUtf8(absl::string_view text,
                                        char** out) const {
  if (IsAscii(text)) return text;
  if (charset_ == Charset::kUtf8 && IsValidUtf8(text)) return text;
  char* const start = *out;
  *out = Latin1ToUtf8(text, start);
  return absl::string_view(start, *out - start);
}

absl::Status NotificationTooLarge(size_t size, size_t max_bytes) {
  return absl::InvalidArgumentError(absl::StrCat("notification of ", size,
                                                 " bytes exceeds the limit of ",
                                                 max_bytes, " bytes"));
}

}  // namespace payone::codec::internal
