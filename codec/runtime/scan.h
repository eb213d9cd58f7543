#ifndef PAYONE_CODEC_RUNTIME_SCAN_H_
#define PAYONE_CODEC_RUNTIME_SCAN_H_

// The decoders' one pass over a parameter: where it ends, where its first
// '=' is, whether it holds an escape and whether it is all ASCII, learnt
// 16 bytes at a time (SSE2) instead of one memchr per question.

#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "codec/runtime/bytes.h"

namespace payone::codec::internal {

struct Scan {
  size_t end;      // offset of the first `Stop` byte, or the size
  size_t mark;     // offset of the first `Mark` byte before it, or
                   // kNone
  bool special;    // a `Special1` or `Special2` byte before `end`
  bool non_ascii;  // a byte >= 0x80 before `end`
  static constexpr size_t kNone = ~size_t{0};
};

// Scans `size` bytes at `text` up to the first `Stop` byte (none of the
// four bytes may be NUL).
template <char Stop, char Mark, char Special1, char Special2>
ABSL_ATTRIBUTE_ALWAYS_INLINE inline Scan ScanTo(const char* text, size_t size) {
  Scan scan{size, Scan::kNone, false, false};
#if defined(__SSE2__)
  for (size_t at = 0; at < size; at += 16) {
    const size_t count = size - at < 16 ? size - at : 16;
    __m128i block;
    if (count == 16) {
      block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + at));
    } else {
      // Never read past the text: its last bytes, padded with NULs (which
      // match none of the bytes looked for).
      alignas(16) char tail[16] = {};
      CopyBytes(text + at, count, tail);
      block = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
    }
    const auto equal = [&block](char c) {
      return _mm_cmpeq_epi8(block, _mm_set1_epi8(c));
    };
    // One bit per byte worth a look (usually just the '=' and the end);
    // the bytes >= 0x80 are their own bits.
    unsigned bits = static_cast<unsigned>(
        _mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(equal(Stop), equal(Mark)),
                         _mm_or_si128(equal(Special1), equal(Special2)))) |
        _mm_movemask_epi8(block));
    for (; bits != 0; bits &= bits - 1) {
      const size_t i = at + static_cast<size_t>(__builtin_ctz(bits));
      const char c = text[i];
      if (c == Stop) {
        scan.end = i;
        return scan;
      }
      if (c == Mark) {
        if (scan.mark == Scan::kNone) scan.mark = i;
      } else if (c == Special1 || c == Special2) {
        scan.special = true;
      } else {
        scan.non_ascii = true;
      }
    }
  }
#else
  for (size_t i = 0; i < size; ++i) {
    const char c = text[i];
    if (c == Stop) {
      scan.end = i;
      break;
    }
    if (c == Mark && scan.mark == Scan::kNone) scan.mark = i;
    scan.special = scan.special || c == Special1 || c == Special2;
    scan.non_ascii = scan.non_ascii || static_cast<unsigned char>(c) >= 0x80;
  }
#endif
  return scan;
}

}  // namespace payone::codec::internal

#endif  // PAYONE_CODEC_RUNTIME_SCAN_H_
