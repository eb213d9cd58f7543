#include "codec/runtime/form.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/base/config.h"
#include "absl/base/optimization.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "codec/runtime/bytes.h"

namespace payone::codec {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* Escape(unsigned char byte,
                                                 char* out) {
  out[0] = '%';
  out[1] = kHexDigits[byte >> 4];
  out[2] = kHexDigits[byte & 15];
  return out + 3;
}

// Values are read in blocks of this many bytes; EncodeTo may write up to a
// block past the encoded text (room only, overwritten or trimmed later).
constexpr size_t kBlock = 16;

#if defined(__SSE2__)

// Bytes c with first <= c < first + count: c - first + 0x80, taken as a
// signed byte, is below -128 + count exactly for them (two instructions).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline __m128i InRange(__m128i c, char first,
                                                    int count) {
  const __m128i shifted =
      _mm_add_epi8(c, _mm_set1_epi8(static_cast<char>(0x80 - first)));
  return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(count - 128)));
}

// Bit i is set when byte i of `block` needs escaping: not a letter, digit,
// one of "*-._", nor a space (`spaces` marks those; they become '+').
ABSL_ATTRIBUTE_ALWAYS_INLINE inline unsigned EscapedBytes(__m128i block,
                                                          __m128i spaces) {
  const __m128i letter =
      InRange(_mm_or_si128(block, _mm_set1_epi8(0x20)), 'a', 26);
  const __m128i digit = InRange(block, '0', 10);
  const __m128i dash_dot = InRange(block, '-', 2);
  const __m128i star = _mm_cmpeq_epi8(block, _mm_set1_epi8('*'));
  const __m128i underscore = _mm_cmpeq_epi8(block, _mm_set1_epi8('_'));
  const __m128i kept =
      _mm_or_si128(_mm_or_si128(_mm_or_si128(letter, digit), spaces),
                   _mm_or_si128(dash_dot, _mm_or_si128(star, underscore)));
  return ~static_cast<unsigned>(_mm_movemask_epi8(kept)) & 0xFFFF;
}

// Writes the block's first `count` bytes (`plus`: the block with spaces
// turned into '+') at `out`, escaping those marked in `escaped`, and returns
// the end. Writes up to a block past the end (room only).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* EncodeBlock(
    const char* in, __m128i plus, unsigned escaped, unsigned count, char* out) {
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), plus);
  if (ABSL_PREDICT_TRUE(escaped == 0)) return out + count;
  // Each run between two escaped bytes is copied 16 bytes at a time from a
  // copy of the block (the run is shorter; the rest is overwritten). Vector
  // typed, not a char array: no stack protector in every caller.
  __m128i converted[2] = {plus, _mm_setzero_si128()};
  const char* const bytes = reinterpret_cast<const char*>(converted);
  unsigned done = 0;  // bytes of the block written
  do {
    const auto next = static_cast<unsigned>(__builtin_ctz(escaped));
    _mm_storeu_si128(
        reinterpret_cast<__m128i*>(out),
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + done)));
    out = Escape(static_cast<unsigned char>(in[next]), out + (next - done));
    done = next + 1;
    escaped &= escaped - 1;
  } while (escaped != 0);
  _mm_storeu_si128(
      reinterpret_cast<__m128i*>(out),
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + done)));
  return out + (count - done);
}

// Encodes the block `block` (`count` bytes of it, read from `in`) at `out`
// and returns the end.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* EncodeLoaded(const char* in,
                                                       __m128i block,
                                                       unsigned count,
                                                       char* out) {
  const __m128i spaces = _mm_cmpeq_epi8(block, _mm_set1_epi8(' '));
  const __m128i plus =
      _mm_add_epi8(block, _mm_and_si128(spaces, _mm_set1_epi8('+' - ' ')));
  // Bytes past the value are not looked at.
  const unsigned escaped =
      EscapedBytes(block, spaces) & internal::FirstBytes(count);
  return EncodeBlock(in, plus, escaped, count, out);
}

// Writes `value` percent-encoded at `out` and returns the end, a block of
// 16 bytes per step: runs of letters and digits are stored as they are,
// and only a block with bytes to escape takes a second look.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* EncodeTo(absl::string_view value,
                                                   char* out) {
  const char* in = value.data();
  const char* const end = in + value.size();
  for (; end - in >= static_cast<ptrdiff_t>(kBlock); in += kBlock) {
    out = EncodeLoaded(
        in, _mm_loadu_si128(reinterpret_cast<const __m128i*>(in)), kBlock, out);
  }
  const auto count = static_cast<unsigned>(end - in);
  if (count == 0) return out;
  return EncodeLoaded(in, internal::LoadPartialBlock(in, count), count, out);
}

#else

// What a form POST does with each byte.
enum class ByteKind : unsigned char { kKeep, kPlus, kEscape };

constexpr std::array<ByteKind, 256> MakeByteKinds() {
  std::array<ByteKind, 256> kinds{};
  for (auto& kind : kinds) kind = ByteKind::kEscape;
  for (int c = 'a'; c <= 'z'; ++c) kinds[c] = ByteKind::kKeep;
  for (int c = 'A'; c <= 'Z'; ++c) kinds[c] = ByteKind::kKeep;
  for (int c = '0'; c <= '9'; ++c) kinds[c] = ByteKind::kKeep;
  kinds['*'] = kinds['-'] = kinds['.'] = kinds['_'] = ByteKind::kKeep;
  kinds[' '] = ByteKind::kPlus;
  return kinds;
}
constexpr std::array<ByteKind, 256> kByteKinds = MakeByteKinds();

ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* EncodeByte(unsigned char byte,
                                                     char* out) {
  switch (kByteKinds[byte]) {
    case ByteKind::kKeep:
      *out = static_cast<char>(byte);
      return out + 1;
    case ByteKind::kPlus:
      *out = '+';
      return out + 1;
    case ByteKind::kEscape:
      break;
  }
  return Escape(byte, out);
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* EncodeTo(absl::string_view value,
                                                   char* out) {
  for (char c : value) out = EncodeByte(static_cast<unsigned char>(c), out);
  return out;
}

#endif

// Bytes EncodeTo may write for `value`.
size_t MaxEncodedSize(absl::string_view value) {
  return 3 * value.size() + kBlock;
}

// "00" to "99": numbers are written two digits at a time.
constexpr std::array<char, 200> MakeDigitPairs() {
  std::array<char, 200> pairs{};
  for (int i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}
constexpr std::array<char, 200> kDigitPairs = MakeDigitPairs();

constexpr std::array<uint64_t, 20> MakePowersOfTen() {
  std::array<uint64_t, 20> powers{};
  uint64_t power = 1;
  for (auto& p : powers) {
    p = power;
    power *= 10;
  }
  return powers;
}
constexpr std::array<uint64_t, 20> kPowersOfTen = MakePowersOfTen();

// How many decimal digits `value` has: log10 estimated from its bit length
// (1233/4096 ~ log10(2)) and corrected by one comparison. `value | 1` has
// as many digits as `value` (no power of ten above 1 is odd) and makes 0
// count as one digit.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t DecimalDigits(uint64_t value) {
  const uint64_t odd = value | 1;
  const auto bits = static_cast<size_t>(64 - __builtin_clzll(odd));
  const size_t estimate = (bits * 1233) >> 12;  // digits, or one more
  return estimate + 1 - (odd < kPowersOfTen[estimate] ? 1 : 0);
}

// Writes `value` in decimal and returns the end.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* WriteDecimal(uint64_t value,
                                                       char* out) {
  char* const end = out + DecimalDigits(value);
  char* p = end;
  while (value >= 100) {
    const size_t pair = 2 * (value % 100);
    value /= 100;
    p -= 2;
    p[0] = kDigitPairs[pair];
    p[1] = kDigitPairs[pair + 1];
  }
  if (value >= 10) {
    p[-2] = kDigitPairs[2 * value];
    p[-1] = kDigitPairs[2 * value + 1];
  } else {
    p[-1] = static_cast<char>('0' + value);
  }
  return end;
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* Copy(absl::string_view text,
                                               char* out) {
  internal::CopyBytes(text.data(), text.size(), out);
  return out + text.size();
}

constexpr absl::string_view kOpenBracket = "%5B";
constexpr absl::string_view kCloseBracketEquals = "%5D=";
// Room for an index in decimal (at most 20 digits) and the brackets.
constexpr size_t kIndexRoom = 20 + 3 + 4;
// Room for an integer in decimal: a sign and 20 digits.
constexpr size_t kIntegerRoom = 21;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

absl::Status MalformedEscape(size_t offset) {
  return absl::InvalidArgumentError(absl::StrCat(
      "malformed percent-escape at offset ", offset, " of a form value"));
}

// Writes `text` percent-decoded at `out` ('+' is a space) and returns the
// end, or nullptr with the offset of a malformed escape in `*bad_offset`.
char* UnescapeTo(absl::string_view text, char* out, size_t* bad_offset) {
  const char* in = text.data();
  const char* const end = in + text.size();
  while (in != end) {
    const char c = *in;
    if (c == '+') {
      *out++ = ' ';
      ++in;
    } else if (c != '%') {
      *out++ = c;
      ++in;
    } else {
      const int high = end - in > 1 ? HexValue(in[1]) : -1;
      const int low = end - in > 2 ? HexValue(in[2]) : -1;
      if (high < 0 || low < 0) {
        *bad_offset = in - text.data();
        return nullptr;
      }
      *out++ = static_cast<char>(high * 16 + low);
      in += 3;
    }
  }
  return out;
}

}  // namespace

void AppendFormEncoded(absl::string_view value, std::string* out) {
  const size_t start = out->size();
  out->resize(start + MaxEncodedSize(value));
  char* const end = EncodeTo(value, &(*out)[start]);
  out->resize(end - out->data());
}

std::string FormEncode(absl::string_view value) {
  std::string out;
  AppendFormEncoded(value, &out);
  return out;
}

absl::StatusOr<std::string> FormDecode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Copies runs without '+' or '%' with one append each.
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '+' && c != '%') continue;
    out.append(text.data() + run, i - run);
    if (c == '+') {
      out.push_back(' ');
    } else {
      const int high = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) return MalformedEscape(i);
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    }
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
  return out;
}

void FormBuilder::Grow(size_t bytes) {
  buffer_.resize(
      std::max({size_ + bytes, buffer_.capacity(), 2 * buffer_.size()}));
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* FormBuilder::Room(size_t bytes) {
  if (ABSL_PREDICT_FALSE(buffer_.size() - size_ < bytes)) Grow(bytes);
  return &buffer_[size_];
}

char* FormBuilder::StartParameter(char* out) const {
  if (size_ != 0) *out++ = '&';
  return out;
}

void FormBuilder::Add(absl::string_view name, absl::string_view value) {
  char* out = Room(1 + MaxEncodedSize(name) + 1 + MaxEncodedSize(value));
  out = EncodeTo(name, StartParameter(out));
  *out++ = '=';
  out = EncodeTo(value, out);
  size_ = out - buffer_.data();
}

void FormBuilder::AddIndexed(absl::string_view stem, int index,
                             absl::string_view value) {
  char digits[kIndexRoom];
  AddBracketed(
      stem,
      absl::string_view(
          digits, WriteDecimal(static_cast<unsigned>(index), digits) - digits),
      value);
}

void FormBuilder::AddKeyed(absl::string_view stem, absl::string_view key,
                           absl::string_view value) {
  AddBracketed(stem, key, value);
}

void FormBuilder::AddBracketed(absl::string_view stem, absl::string_view key,
                               absl::string_view value) {
  char* out = Room(1 + MaxEncodedSize(stem) + kOpenBracket.size() +
                   MaxEncodedSize(key) + kCloseBracketEquals.size() +
                   MaxEncodedSize(value));
  out = EncodeTo(stem, StartParameter(out));
  out = Copy(kOpenBracket, out);
  out = EncodeTo(key, out);
  out = Copy(kCloseBracketEquals, out);
  out = EncodeTo(value, out);
  size_ = out - buffer_.data();
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline char* FormBuilder::StartNamed(
    const EncodedName& name, int index, size_t value_room) {
  // The names start with '&', dropped for the first parameter.
  const absl::string_view prefix = index > 0 ? name.indexed : name.plain;
  char* out = Room(prefix.size() + kIndexRoom + value_room);
  const size_t first = size_ == 0 ? 1 : 0;
  internal::CopyBytes(prefix.data() + first, prefix.size() - first, out);
  out += prefix.size() - first;
  if (index > 0) {
    out = WriteDecimal(static_cast<unsigned>(index), out);
    out = Copy(kCloseBracketEquals, out);
  }
  return out;
}

void FormBuilder::Add(const EncodedName& name, int index,
                      absl::string_view value) {
  char* const out = StartNamed(name, index, MaxEncodedSize(value));
  size_ = EncodeTo(value, out) - buffer_.data();
}

void FormBuilder::AddVerbatim(const EncodedName& name, int index,
                              absl::string_view value) {
  char* const out = StartNamed(name, index, value.size());
  size_ = Copy(value, out) - buffer_.data();
}

void FormBuilder::AddInteger(const EncodedName& name, int index,
                             int64_t value) {
  char* out = StartNamed(name, index, kIntegerRoom);
  auto magnitude = static_cast<uint64_t>(value);
  if (value < 0) {
    *out++ = '-';
    magnitude = 0 - magnitude;
  }
  size_ = WriteDecimal(magnitude, out) - buffer_.data();
}

void FormBuilder::AddUnsigned(const EncodedName& name, int index,
                              uint64_t value) {
  char* const out = StartNamed(name, index, kIntegerRoom);
  size_ = WriteDecimal(value, out) - buffer_.data();
}

absl::StatusOr<std::vector<NameValue>> ParseForm(absl::string_view body,
                                                 size_t max_parameters) {
  std::vector<NameValue> parameters;
  while (!body.empty()) {
    const size_t end = body.find('&');
    const absl::string_view segment = body.substr(0, end);
    body = end == absl::string_view::npos ? absl::string_view()
                                          : body.substr(end + 1);
    if (segment.empty()) continue;
    if (parameters.size() == max_parameters) {
      return absl::InvalidArgumentError(absl::StrCat(
          "form body has more than ", max_parameters, " parameters"));
    }
    const size_t equals = segment.find('=');
    absl::StatusOr<std::string> name = FormDecode(segment.substr(0, equals));
    if (!name.ok()) return name.status();
    absl::StatusOr<std::string> value = FormDecode(
        equals == absl::string_view::npos ? absl::string_view()
                                          : segment.substr(equals + 1));
    if (!value.ok()) return value.status();
    parameters.emplace_back(*std::move(name), *std::move(value));
  }
  return parameters;
}

internal::Scan FormReader::ScanSegment(const char* text, size_t size) {
  return internal::ScanTo<'&', '=', '%', '+'>(text, size);
}

bool FormReader::TooManyParameters() {
  status_ = absl::InvalidArgumentError(
      absl::StrCat("form body has more than ", max_parameters_, " parameters"));
  rest_ = absl::string_view();
  return false;
}

bool FormReader::Unescape(size_t segment_size) {
  // Decoding never makes text longer: the segment's size is room for both.
  char* buffer = inline_buffer_;
  if (segment_size > kInlineBytes) {
    heap_buffer_.resize(segment_size);
    buffer = &heap_buffer_[0];
  }
  size_t bad_offset = 0;
  char* const name_end = UnescapeTo(name_, buffer, &bad_offset);
  char* const value_end =
      name_end == nullptr ? nullptr : UnescapeTo(value_, name_end, &bad_offset);
  if (value_end == nullptr) {
    status_ = MalformedEscape(bad_offset);
    rest_ = absl::string_view();
    return false;
  }
  name_ = absl::string_view(buffer, name_end - buffer);
  value_ = absl::string_view(name_end, value_end - name_end);
  // %E4 is ASCII text for a byte that is not.
  bool ascii = true;
  for (const char* c = buffer; c != value_end; ++c) {
    ascii = ascii && static_cast<unsigned char>(*c) < 0x80;
  }
  ascii_ = ascii;
  return true;
}

}  // namespace payone::codec
