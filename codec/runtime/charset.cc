#include "codec/runtime/charset.h"

#include <algorithm>
#include <cstdint>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace payone::codec {
namespace {

// Decodes the UTF-8 sequence at `text[*offset]`, advancing `*offset`.
// Returns -1 for an invalid, overlong or truncated sequence.
int32_t NextCodePoint(absl::string_view text, size_t* offset) {
  const auto lead = static_cast<unsigned char>(text[*offset]);
  int length;
  int32_t code_point;
  if (lead < 0x80) {
    ++*offset;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return -1;
  }
  if (*offset + length > text.size()) return -1;
  for (int i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[*offset + i]);
    if ((byte & 0xC0) != 0x80) return -1;
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  static constexpr int32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kSmallest[length] || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return -1;
  }
  *offset += length;
  return code_point;
}

// The offset of the first byte >= 0x80 at or after `from`, or the size.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t FindHighByte(absl::string_view text,
                                                        size_t from) {
  const char* const data = text.data();
  const size_t size = text.size();
#if defined(__SSE2__)
  for (size_t at = from; at < size; at += internal::kBlockBytes) {
    const size_t count = std::min(size - at, internal::kBlockBytes);
    const __m128i block =
        count == internal::kBlockBytes
            ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at))
            : internal::LoadPartialBlock(data + at, count);
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(block)) &
                          internal::FirstBytes(count);
    if (high != 0) return at + static_cast<size_t>(__builtin_ctz(high));
  }
  return size;
#else
  while (from < size && static_cast<unsigned char>(data[from]) < 0x80) ++from;
  return from;
#endif
}

}  // namespace

std::string Latin1ToUtf8(absl::string_view latin1) {
  std::string out(2 * latin1.size(), '\0');
  out.resize(Latin1ToUtf8(latin1, &out[0]) - out.data());
  return out;
}

char* Latin1ToUtf8(absl::string_view latin1, char* out) {
  for (char c : latin1) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      *out++ = c;
    } else {
      *out++ = static_cast<char>(0xC0 | (byte >> 6));
      *out++ = static_cast<char>(0x80 | (byte & 0x3F));
    }
  }
  return out;
}

absl::StatusOr<std::string> Utf8ToLatin1(absl::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t offset = 0;
  while (offset < utf8.size()) {
    const size_t start = offset;
    const int32_t code_point = NextCodePoint(utf8, &offset);
    if (code_point < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid UTF-8 at byte ", start));
    }
    if (code_point > 0xFF) {
      return absl::InvalidArgumentError(
          absl::StrCat("character at byte ", start, " has no ISO-8859-1 form"));
    }
    out.push_back(static_cast<char>(code_point));
  }
  return out;
}

Utf8Text ReadUtf8(absl::string_view text) {
  // Only the bytes >= 0x80 need decoding; every other byte is a character
  // of its own. A character is every byte that does not continue a
  // sequence.
  const size_t size = text.size();
  size_t continuations = 0;
  bool above_latin1 = false;
  for (size_t offset = FindHighByte(text, 0); offset < size;
       offset = FindHighByte(text, offset)) {
    const size_t start = offset;
    const int32_t code_point = NextCodePoint(text, &offset);
    if (code_point < 0) return Utf8Text{false, 0, false};
    continuations += offset - start - 1;
    above_latin1 = above_latin1 || code_point > 0xFF;
  }
  return Utf8Text{true, size - continuations, above_latin1};
}

}  // namespace payone::codec
