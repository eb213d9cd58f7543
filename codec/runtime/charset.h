#ifndef PAYONE_CODEC_RUNTIME_CHARSET_H_
#define PAYONE_CODEC_RUNTIME_CHARSET_H_

// PAYONE reads requests as ISO-8859-1 unless they say encoding=UTF-8, and
// sends notifications in ISO-8859-1. Protobuf strings are UTF-8.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/optimization.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/bytes.h"

namespace payone::codec {

// Every ISO-8859-1 byte maps to the code point of the same value.
std::string Latin1ToUtf8(absl::string_view latin1);
// The same written at `out`, which has room for 2 * latin1.size() bytes;
// returns the end.
char* Latin1ToUtf8(absl::string_view latin1, char* out);

// Fails on invalid UTF-8 and on characters above U+00FF, naming the byte
// offset (never the text, which may be card holder data).
absl::StatusOr<std::string> Utf8ToLatin1(absl::string_view utf8);

// What one pass over a text learns about it as UTF-8.
struct Utf8Text {
  bool valid = true;  // no truncated, overlong or surrogate sequence
  // When valid: its length in characters, and whether a character lies
  // above U+00FF (has no ISO-8859-1 form).
  size_t characters = 0;
  bool above_latin1 = false;
};
Utf8Text ReadUtf8(absl::string_view text);

inline bool IsValidUtf8(absl::string_view text) { return ReadUtf8(text).valid; }

// Whether every byte is below 0x80: such text is valid UTF-8, one character
// per byte, and the same in ISO-8859-1. Inline: validation asks it of every
// value.
inline bool IsAscii(absl::string_view text) {
  const char* in = text.data();
  size_t left = text.size();
#if defined(__SSE2__)
  // A block at a time; a short tail is read as a whole block when that
  // stays in its page (bytes past the text masked off).
  unsigned high_bits = 0;
  for (; left >= internal::kBlockBytes;
       left -= internal::kBlockBytes, in += internal::kBlockBytes) {
    high_bits |= static_cast<unsigned>(_mm_movemask_epi8(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(in))));
  }
  if (left != 0) {
    high_bits |= static_cast<unsigned>(
                     _mm_movemask_epi8(internal::LoadPartialBlock(in, left))) &
                 internal::FirstBytes(left);
  }
  return high_bits == 0;
#else
  // Eight bytes at a time; the tail is padded with zeros.
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  uint64_t high_bits = 0;
  for (; left >= 8; left -= 8, in += 8) {
    uint64_t word;
    std::memcpy(&word, in, 8);
    high_bits |= word;
  }
  uint64_t tail = 0;
  internal::CopyBytes(in, left, reinterpret_cast<char*>(&tail));
  return ((high_bits | tail) & kHighBits) == 0;
#endif
}

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_CHARSET_H_
