#ifndef PAYONE_CODEC_RUNTIME_BYTES_H_
#define PAYONE_CODEC_RUNTIME_BYTES_H_

// Byte moves for the encoder's short runs (names, most values are under 32
// bytes): fixed-size moves that compile to a few register loads and stores
// instead of a call to memcpy.

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/base/config.h"
#include "absl/base/optimization.h"

namespace payone::codec::internal {

// Copies `size` bytes from `from` to `to` (not overlapping), never reading
// or writing outside either range.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline void CopyBytes(const char* from,
                                                   size_t size, char* to) {
  // Two moves of the same width that overlap in the middle cover any size
  // from that width to twice it.
  if (size >= 8) {
    if (size > 32) {
      std::memcpy(to, from, size);
    } else if (size > 16) {
      std::memcpy(to, from, 16);
      std::memcpy(to + size - 16, from + size - 16, 16);
    } else {
      std::memcpy(to, from, 8);
      std::memcpy(to + size - 8, from + size - 8, 8);
    }
  } else if (size >= 4) {
    std::memcpy(to, from, 4);
    std::memcpy(to + size - 4, from + size - 4, 4);
  } else if (size > 0) {  // 1 to 3 bytes: first, middle, last
    to[0] = from[0];
    to[size / 2] = from[size / 2];
    to[size - 1] = from[size - 1];
  }
}

// Bytes a block read takes (16, an SSE2 register).
inline constexpr size_t kBlockBytes = 16;

// Whether a whole block can be read at `p` although the text there may be
// shorter: the read stays inside p's memory page, so it cannot fault, and
// the caller ignores the bytes past the text. Sanitizers would report such
// reads; under them the caller copies a short text first instead.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool CanReadBlockAt(const char* p) {
#if defined(ABSL_HAVE_ADDRESS_SANITIZER) || \
    defined(ABSL_HAVE_MEMORY_SANITIZER) || defined(ABSL_HAVE_THREAD_SANITIZER)
  (void)p;
  return false;
#else
  constexpr uintptr_t kPage = 4096;
  return (reinterpret_cast<uintptr_t>(p) & (kPage - 1)) <= kPage - kBlockBytes;
#endif
}

#if defined(__SSE2__)
// The `count` (< 16) bytes at `p` as a block; the bytes after them are
// unspecified, so callers mask them off. Read in place when that stays in
// p's page (CanReadBlockAt), else copied. The copy is vector typed, not a
// char array: no stack protector in every caller.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline __m128i LoadPartialBlock(const char* p,
                                                             size_t count) {
  if (ABSL_PREDICT_TRUE(CanReadBlockAt(p))) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  }
  __m128i block = _mm_setzero_si128();
  CopyBytes(p, count, reinterpret_cast<char*>(&block));
  return block;
}

// Bit i set for i < count (count <= 16): the bytes of a partial block.
constexpr unsigned FirstBytes(size_t count) { return (1u << count) - 1; }
#endif

}  // namespace payone::codec::internal

#endif  // PAYONE_CODEC_RUNTIME_BYTES_H_
