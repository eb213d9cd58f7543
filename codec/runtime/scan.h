#ifndef PAYONE_CODEC_RUNTIME_SCAN_H_
#define PAYONE_CODEC_RUNTIME_SCAN_H_

// The decoders' one pass over a parameter: where it ends, where its first
// '=' is, whether it holds an escape and whether it is all ASCII, learnt
// 16 bytes at a time (SSE2) instead of one memchr per question. And the
// answer-line reader's: a window of up to 64 bytes as bit masks.

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/strings/string_view.h"
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

// Scans `size` bytes at `text` up to the first `Stop` byte.
template <char Stop, char Mark, char Special1, char Special2>
ABSL_ATTRIBUTE_ALWAYS_INLINE inline Scan ScanTo(const char* text, size_t size) {
  Scan scan{size, Scan::kNone, false, false};
#if defined(__SSE2__)
  for (size_t at = 0; at < size; at += 16) {
    const size_t count = size - at < 16 ? size - at : 16;
    const __m128i block =
        count == 16
            ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + at))
            : LoadPartialBlock(text + at, count);
    const auto equal = [&block](char c) {
      return _mm_cmpeq_epi8(block, _mm_set1_epi8(c));
    };
    // One bit per byte worth a look (usually just the '=' and the end);
    // the bytes >= 0x80 are their own bits.
    // Bytes past the text (a partial block) are not looked at.
    unsigned bits = static_cast<unsigned>(
                        _mm_movemask_epi8(_mm_or_si128(
                            _mm_or_si128(equal(Stop), equal(Mark)),
                            _mm_or_si128(equal(Special1), equal(Special2)))) |
                        _mm_movemask_epi8(block)) &
                    FirstBytes(count);
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

// The same for the common case, without a loop: the `Stop` byte within the
// first 32 bytes, or a text of 16 to 32 bytes. False (nothing scanned)
// otherwise; ScanTo then does the job.
template <char Stop, char Mark, char Special1, char Special2>
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool QuickScanTo(const char* text,
                                                     size_t size, Scan* scan) {
#if defined(__SSE2__)
  if (size < 16) return false;
  uint32_t stop, mark, special, high;
  const auto masks = [](const char* at, uint32_t* stop, uint32_t* mark,
                        uint32_t* special, uint32_t* high) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const auto equal = [&block](char c) {
      return static_cast<uint32_t>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(c))));
    };
    *stop = equal(Stop);
    *mark = equal(Mark);
    *special = equal(Special1) | equal(Special2);
    *high = static_cast<uint32_t>(_mm_movemask_epi8(block));
  };
  masks(text, &stop, &mark, &special, &high);
  uint32_t before;  // the bytes before the end
  if (stop == 0) {
    if (size > 32) {
      // Bytes 16 to 31; a stop there ends the text.
      uint32_t stop2, mark2, special2, high2;
      masks(text + 16, &stop2, &mark2, &special2, &high2);
      if (stop2 == 0) return false;
      stop = stop2 << 16;
      mark |= mark2 << 16;
      special |= special2 << 16;
      high |= high2 << 16;
    } else {
      // The last 16 bytes, overlapping the first block: a byte seen twice
      // sets the same bit twice.
      const size_t last = size - 16;
      uint32_t stop2, mark2, special2, high2;
      masks(text + last, &stop2, &mark2, &special2, &high2);
      stop = stop2 << last;
      mark |= mark2 << last;
      special |= special2 << last;
      high |= high2 << last;
    }
  }
  if (stop != 0) {
    scan->end = static_cast<size_t>(__builtin_ctz(stop));
    before = (stop & (0u - stop)) - 1;
  } else {
    scan->end = size;
    before = size == 32 ? ~0u : (1u << size) - 1;
  }
  mark &= before;
  scan->mark =
      mark != 0 ? static_cast<size_t>(__builtin_ctz(mark)) : Scan::kNone;
  scan->special = (special & before) != 0;
  scan->non_ascii = (high & before) != 0;
  return true;
#else
  (void)text;
  (void)size;
  (void)scan;
  return false;
#endif
}

// Scans `*rest` (not empty) up to its first `Stop` byte, quickly when it
// can, else with `scan_slowly` (ScanTo, out of line), and moves *rest past
// that byte. The offsets are from the old rest->data().
template <char Stop, char Mark, char Special1, char Special2>
ABSL_ATTRIBUTE_ALWAYS_INLINE inline Scan ScanAndSkip(
    absl::string_view* rest, Scan (*scan_slowly)(const char*, size_t)) {
  Scan scan;
  if (!QuickScanTo<Stop, Mark, Special1, Special2>(rest->data(), rest->size(),
                                                   &scan)) {
    scan = scan_slowly(rest->data(), rest->size());
  }
  if (scan.end == rest->size()) {
    *rest = absl::string_view();
  } else {
    rest->remove_prefix(scan.end + 1);
  }
  return scan;
}

// The bytes of a window of up to 64 as bits: bit i stands for text[i].
struct WindowBits {
  uint64_t first;   // `First` bytes
  uint64_t second;  // `Second` bytes
  uint64_t odd;     // NUL bytes and bytes >= 0x80: rare, and told apart later
};

inline constexpr size_t kWindowBytes = 64;

// Classifies the `size` (1 to 64) bytes at `text`; no bits past them.
template <char First, char Second>
ABSL_ATTRIBUTE_ALWAYS_INLINE inline WindowBits ClassifyWindow(const char* text,
                                                              size_t size) {
  WindowBits bits{0, 0, 0};
#if defined(__SSE2__)
  size_t at = 0;
  const auto add = [&bits, &at](__m128i block) {
    const auto mask = [&at](__m128i matches) {
      return static_cast<uint64_t>(
                 static_cast<uint16_t>(_mm_movemask_epi8(matches)))
             << at;
    };
    bits.first |= mask(_mm_cmpeq_epi8(block, _mm_set1_epi8(First)));
    bits.second |= mask(_mm_cmpeq_epi8(block, _mm_set1_epi8(Second)));
    bits.odd |=
        mask(_mm_or_si128(block, _mm_cmpeq_epi8(block, _mm_setzero_si128())));
  };
  for (; at + kBlockBytes <= size; at += kBlockBytes) {
    add(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text + at)));
  }
  if (at != size) {
    add(LoadPartialBlock(text + at, size - at));
    // Bytes past the text (a partial block's) are not looked at.
    const uint64_t in_text = (uint64_t{1} << size) - 1;
    bits.first &= in_text;
    bits.second &= in_text;
    bits.odd &= in_text;
  }
#else
  for (size_t i = 0; i < size; ++i) {
    const char c = text[i];
    const uint64_t bit = uint64_t{1} << i;
    if (c == First) bits.first |= bit;
    if (c == Second) bits.second |= bit;
    if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) bits.odd |= bit;
  }
#endif
  return bits;
}

// The bits of `odd` (ClassifyWindow) that stand for bytes >= 0x80, not NUL.
inline uint64_t HighBytes(const char* text, uint64_t odd) {
  uint64_t high = 0;
  for (; odd != 0; odd &= odd - 1) {
    const int at = __builtin_ctzll(odd);
    if (text[at] != '\0') high |= uint64_t{1} << at;
  }
  return high;
}

}  // namespace payone::codec::internal

#endif  // PAYONE_CODEC_RUNTIME_SCAN_H_
