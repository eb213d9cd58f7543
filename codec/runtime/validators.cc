#include "codec/runtime/validators.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/strings/ascii.h"
#include "codec/runtime/bytes.h"

namespace payone::codec {

namespace {

// No byte <= 0x20 (space, controls) or 0x7F: URLs are the longest values
// that are checked byte by byte, 16 bytes at a time.
bool HasNoSpaceOrControl(absl::string_view text) {
  const char* in = text.data();
  size_t left = text.size();
#if defined(__SSE2__)
  const auto bad_bytes = [](__m128i block) {
    // min(c, 0x20) == c: c <= 0x20 as an unsigned byte.
    const __m128i low =
        _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x20)), block);
    const __m128i del = _mm_cmpeq_epi8(block, _mm_set1_epi8(0x7F));
    return _mm_movemask_epi8(_mm_or_si128(low, del));
  };
  int found = 0;
  for (; left >= 16; left -= 16, in += 16) {
    found |= bad_bytes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in)));
  }
  if (left != 0) {
    found |= bad_bytes(internal::LoadPartialBlock(in, left)) &
             static_cast<int>(internal::FirstBytes(left));
  }
  return found == 0;
#else
  for (; left != 0; --left, ++in) {
    const auto c = static_cast<unsigned char>(*in);
    if (c <= 0x20 || c == 0x7F) return false;
  }
  return true;
#endif
}

}  // namespace

bool IsDigits(absl::string_view text) {
  return !text.empty() && HasOnlySymbols(text, Symbols::kDigits);
}

bool IsAsciiLetters(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!absl::ascii_isalpha(c)) return false;
  }
  return true;
}

bool PassesLuhn(absl::string_view digits) {
  if (!IsDigits(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool IsValidPan(absl::string_view pan) {
  return pan.size() >= 13 && pan.size() <= 19 && PassesLuhn(pan);
}

bool IsValidIban(absl::string_view iban) {
  if (iban.size() < 15 || iban.size() > 34) return false;
  if (!absl::ascii_isupper(iban[0]) || !absl::ascii_isupper(iban[1]) ||
      !absl::ascii_isdigit(iban[2]) || !absl::ascii_isdigit(iban[3])) {
    return false;
  }
  // Move the first four characters to the end, letters become 10..35, and
  // take the number mod 97 one digit at a time.
  int remainder = 0;
  for (size_t i = 0; i < iban.size(); ++i) {
    const char c = iban[(i + 4) % iban.size()];
    if (absl::ascii_isdigit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (absl::ascii_isupper(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool IsValidBic(absl::string_view bic) {
  if (bic.size() != 8 && bic.size() != 11) return false;
  for (size_t i = 0; i < bic.size(); ++i) {
    const char c = bic[i];
    const bool ok = i < 6 ? absl::ascii_isupper(c)
                          : absl::ascii_isupper(c) || absl::ascii_isdigit(c);
    if (!ok) return false;
  }
  return true;
}

namespace {

int TwoDigits(absl::string_view text) {
  return (text[0] - '0') * 10 + (text[1] - '0');
}

}  // namespace

bool IsValidDateYyyymmdd(absl::string_view date) {
  if (date.size() != 8 || !IsDigits(date)) return false;
  const int year =
      TwoDigits(date.substr(0, 2)) * 100 + TwoDigits(date.substr(2));
  const int month = TwoDigits(date.substr(4));
  const int day = TwoDigits(date.substr(6));
  if (year < 1800 || year > 2999 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool IsValidDateYymm(absl::string_view date) {
  if (date.size() != 4 || !IsDigits(date)) return false;
  const int month = TwoDigits(date.substr(2));
  return month >= 1 && month <= 12;
}

bool IsValidUrl(absl::string_view url) {
  // The scheme is the leading run of letters and digits, and "://" must
  // follow it (any earlier "://" would end the run sooner).
  if (url.empty() || !absl::ascii_isalpha(url[0])) return false;
  size_t colon = 1;
  while (colon < url.size() && colon <= 10 && absl::ascii_isalnum(url[colon])) {
    ++colon;
  }
  if (colon < 2 || colon > 10 || url.substr(colon, 3) != "://") return false;
  const absl::string_view rest = url.substr(colon + 3);
  // The host runs up to the first of "/?#" and must not be empty.
  if (rest.empty() || rest[0] == '/' || rest[0] == '?' || rest[0] == '#') {
    return false;
  }
  return HasNoSpaceOrControl(rest);
}

namespace {

// Bytes an address may not contain: controls, space, DEL and the specials
// ( ) , ; : < > [ ] \ ".
constexpr std::array<bool, 256> MakeEmailForbidden() {
  std::array<bool, 256> forbidden{};
  for (int c = 0; c <= 0x20; ++c) forbidden[c] = true;
  forbidden[0x7F] = true;
  for (const char c :
       {'(', ')', ',', ';', ':', '<', '>', '[', ']', '\\', '"'}) {
    forbidden[static_cast<unsigned char>(c)] = true;
  }
  return forbidden;
}
constexpr std::array<bool, 256> kEmailForbidden = MakeEmailForbidden();

}  // namespace

bool IsValidEmail(absl::string_view email) {
  // local@domain: the local part 1..63 bytes, the domain with a dot, no
  // second '@' and no empty label; no forbidden byte anywhere. One pass,
  // no searches: addresses are short.
  size_t at = 0;
  bool forbidden = false;
  for (; at < email.size() && email[at] != '@'; ++at) {
    forbidden |= kEmailForbidden[static_cast<unsigned char>(email[at])];
  }
  if (at == email.size() || at == 0 || at > 63) return false;
  const absl::string_view domain = email.substr(at + 1);
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') {
    return false;
  }
  bool has_dot = false;
  bool empty_label = false;
  char previous = 0;
  for (char c : domain) {
    forbidden |= kEmailForbidden[static_cast<unsigned char>(c)] | (c == '@');
    has_dot |= c == '.';
    empty_label |= (c == '.') & (previous == '.');
    previous = c;
  }
  return !forbidden && has_dot && !empty_label;
}

namespace {

// Dotted-quad decimal as inet_pton reads it: four numbers 0..255 without
// leading zeros. False when `ip` is anything else (inet_pton decides then).
bool IsPlainIpv4(absl::string_view ip) {
  const char* p = ip.data();
  const char* const end = p + ip.size();
  const auto digit = [&](const char* at) {
    return at != end && static_cast<unsigned char>(*at - '0') < 10;
  };
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (p == end || *p != '.') return false;
      ++p;
    }
    if (!digit(p)) return false;
    unsigned value = static_cast<unsigned>(*p++ - '0');
    if (digit(p)) {
      if (value == 0) return false;  // a leading zero
      value = value * 10 + static_cast<unsigned>(*p++ - '0');
      if (digit(p)) value = value * 10 + static_cast<unsigned>(*p++ - '0');
    }
    if (value > 255) return false;
  }
  return p == end;
}

}  // namespace

bool IsValidIp(absl::string_view ip) {
  if (IsPlainIpv4(ip)) return true;
  if (ip.empty() || ip.size() > 45) return false;
  char text[46];  // inet_pton wants it NUL-terminated; no heap for that
  std::memcpy(text, ip.data(), ip.size());
  text[ip.size()] = '\0';
  unsigned char buffer[16];
  return inet_pton(AF_INET, text, buffer) == 1 ||
         inet_pton(AF_INET6, text, buffer) == 1;
}

}  // namespace payone::codec
