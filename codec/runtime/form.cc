#include "codec/runtime/form.h"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "codec/runtime/bytes.h"

namespace payone::codec {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

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

char* EncodeByte(unsigned char byte, char* out) {
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
  out[0] = '%';
  out[1] = kHexDigits[byte >> 4];
  out[2] = kHexDigits[byte & 15];
  return out + 3;
}

// Values are read in blocks of this many bytes; EncodeTo may write up to a
// block past the encoded text (room only, overwritten or trimmed later).
constexpr size_t kBlock = 16;

#if defined(__SSE2__)

// Bit i is set when byte i of `block` needs escaping (a space does not:
// SpacesToPlus writes it).
ABSL_ATTRIBUTE_ALWAYS_INLINE unsigned ReservedBytes(__m128i block) {
  // c in [first, first + span] as an unsigned byte: min(c - first, span) ==
  // c - first.
  const auto in_range = [](__m128i c, char first, char span) {
    const __m128i offset = _mm_sub_epi8(c, _mm_set1_epi8(first));
    return _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(span)), offset);
  };
  const __m128i letter =
      in_range(_mm_or_si128(block, _mm_set1_epi8(0x20)), 'a', 25);
  const __m128i digit = in_range(block, '0', 9);
  const __m128i dash_dot = in_range(block, '-', 1);
  const __m128i star = _mm_cmpeq_epi8(block, _mm_set1_epi8('*'));
  const __m128i underscore = _mm_cmpeq_epi8(block, _mm_set1_epi8('_'));
  const __m128i space = _mm_cmpeq_epi8(block, _mm_set1_epi8(' '));
  const __m128i kept =
      _mm_or_si128(_mm_or_si128(_mm_or_si128(letter, digit), space),
                   _mm_or_si128(dash_dot, _mm_or_si128(star, underscore)));
  return ~static_cast<unsigned>(_mm_movemask_epi8(kept)) & 0xFFFF;
}

// `block` with every space turned into '+'.
ABSL_ATTRIBUTE_ALWAYS_INLINE __m128i SpacesToPlus(__m128i block) {
  const __m128i space = _mm_cmpeq_epi8(block, _mm_set1_epi8(' '));
  return _mm_or_si128(_mm_andnot_si128(space, block),
                      _mm_and_si128(space, _mm_set1_epi8('+')));
}

// Writes `value` percent-encoded at `out` and returns the end. Each step
// copies a whole block and keeps the bytes up to the first one to escape,
// so runs of letters and digits cost one step per 16 bytes.
ABSL_ATTRIBUTE_ALWAYS_INLINE char* EncodeTo(absl::string_view value,
                                            char* out) {
  const char* in = value.data();
  size_t left = value.size();
  while (left != 0) {
    const size_t count = std::min(left, kBlock);
    __m128i block;
    if (count == kBlock) {
      block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
    } else {
      // Never read past the value: copy its last bytes to the output (there
      // is room for a block there) and read the block back from it.
      internal::CopyBytes(in, count, out);
      block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(out));
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), SpacesToPlus(block));
    // Bits from `count` up stop the run at the end of the value.
    const unsigned stop = ReservedBytes(block) | (~0u << count);
    const auto kept = static_cast<size_t>(__builtin_ctz(stop));
    out += kept;
    in += kept;
    left -= kept;
    if (kept < count) {
      out = EncodeByte(static_cast<unsigned char>(*in), out);
      ++in;
      --left;
    }
  }
  return out;
}

#else

ABSL_ATTRIBUTE_ALWAYS_INLINE char* EncodeTo(absl::string_view value,
                                            char* out) {
  for (char c : value) out = EncodeByte(static_cast<unsigned char>(c), out);
  return out;
}

#endif

// Bytes EncodeTo may write for `value`.
size_t MaxEncodedSize(absl::string_view value) {
  return 3 * value.size() + kBlock;
}

// Writes a positive index in decimal and returns the end.
ABSL_ATTRIBUTE_ALWAYS_INLINE char* WriteIndex(int index, char* out) {
  auto rest = static_cast<unsigned>(index);
  if (rest < 10) {  // it[1]..it[9], the usual case
    *out = static_cast<char>('0' + rest);
    return out + 1;
  }
  char digits[16];
  char* first = digits + sizeof(digits);
  do {
    *--first = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  const size_t count = digits + sizeof(digits) - first;
  internal::CopyBytes(first, count, out);
  return out + count;
}

ABSL_ATTRIBUTE_ALWAYS_INLINE char* Copy(absl::string_view text, char* out) {
  internal::CopyBytes(text.data(), text.size(), out);
  return out + text.size();
}

constexpr absl::string_view kOpenBracket = "%5B";
constexpr absl::string_view kCloseBracketEquals = "%5D=";
// Room for an index in decimal and the brackets around it.
constexpr size_t kIndexRoom = 16 + 3 + 4;

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

char* FormBuilder::Room(size_t bytes) {
  if (buffer_.size() - size_ < bytes) {
    buffer_.resize(
        std::max({size_ + bytes, buffer_.capacity(), 2 * buffer_.size()}));
  }
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
  AddBracketed(stem,
               absl::string_view(digits, WriteIndex(index, digits) - digits),
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

ABSL_ATTRIBUTE_ALWAYS_INLINE char* FormBuilder::StartNamed(
    const EncodedName& name, int index, size_t value_room) {
  // The names start with '&', dropped for the first parameter.
  const absl::string_view prefix = index > 0 ? name.indexed : name.plain;
  char* out = Room(prefix.size() + kIndexRoom + value_room);
  out = Copy(size_ != 0 ? prefix : prefix.substr(1), out);
  if (index > 0) {
    out = WriteIndex(index, out);
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
