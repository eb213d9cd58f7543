#include "codec/runtime/validators.h"

#include <arpa/inet.h>

#include <cstdint>
#include <cstring>

#include "absl/strings/ascii.h"
#include "codec/runtime/bytes.h"

namespace payone::codec {

size_t Utf8Length(absl::string_view text) {
  size_t length = 0;
  for (char c : text) {
    // Count every byte that does not continue a sequence.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++length;
  }
  return length;
}

namespace {

// Whether `accept` holds for every byte of `text`. No early exit, so that
// the loop over a branch-free `accept` compiles to vector compares.
template <typename Accept>
bool AllBytes(absl::string_view text, Accept accept) {
  unsigned char rejected = 0;
  for (char c : text) {
    rejected |=
        static_cast<unsigned char>(!accept(static_cast<unsigned char>(c)));
  }
  return rejected == 0;
}

// 0 or 1, to be combined with | and & without branches.
unsigned InRange(unsigned char c, char first, char last) {
  return static_cast<unsigned char>(c - first) <=
         static_cast<unsigned char>(last - first);
}

unsigned IsAlnum(unsigned char c) {
  return InRange(c | 0x20, 'a', 'z') | InRange(c, '0', '9');
}

// No byte <= 0x20 (space, controls) or 0x7F, eight bytes at a time: URLs
// are the longest values that are checked byte by byte.
bool HasNoSpaceOrControl(absl::string_view text) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  // Bit 7 of a byte of the result is set for a byte < n (exact as a whole:
  // nonzero iff some byte is below n).
  const auto has_byte_below = [](uint64_t word, uint64_t n) {
    return (word - kOnes * n) & ~word & kHighBits;
  };
  const auto has_byte = [&](uint64_t word, uint64_t b) {
    return has_byte_below(word ^ (kOnes * b), 1);
  };
  const char* in = text.data();
  size_t left = text.size();
  uint64_t found = 0;
  for (; left >= 8; left -= 8, in += 8) {
    uint64_t word;
    std::memcpy(&word, in, 8);
    found |= has_byte_below(word, 0x21) | has_byte(word, 0x7F);
  }
  uint64_t tail = kOnes * 'a';  // padding that passes
  internal::CopyBytes(in, left, reinterpret_cast<char*>(&tail));
  found |= has_byte_below(tail, 0x21) | has_byte(tail, 0x7F);
  return found == 0;
}

}  // namespace

bool HasOnlySymbols(absl::string_view text, Symbols symbols) {
  switch (symbols) {
    case Symbols::kAny:
      return true;
    case Symbols::kReference:
      return AllBytes(text, [](unsigned char c) {
        return IsAlnum(c) | InRange(c, '-', '/') | (c == '_');  // "-./"
      });
    case Symbols::kAlphanumeric:
      return AllBytes(text, IsAlnum);
    case Symbols::kDigits:
      return AllBytes(text,
                      [](unsigned char c) { return InRange(c, '0', '9'); });
    case Symbols::kHex:
      return AllBytes(text, [](unsigned char c) {
        return InRange(c, '0', '9') | InRange(c, 'a', 'f');
      });
  }
  return true;
}

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

bool IsValidEmail(absl::string_view email) {
  // One pass each over the local part and the domain, no searches.
  size_t at = 0;
  while (at < email.size() && email[at] != '@') ++at;
  if (at == email.size() || at == 0 || at > 63) return false;
  const absl::string_view domain = email.substr(at + 1);
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') {
    return false;
  }
  bool has_dot = false;
  char previous = 0;
  for (char c : domain) {
    if (c == '@' || (c == '.' && previous == '.')) return false;
    has_dot = has_dot || c == '.';
    previous = c;
  }
  if (!has_dot) return false;
  return AllBytes(email, [](unsigned char c) {
    return (c > 0x20) & (c != 0x7F) & (c != '(') & (c != ')') & (c != ',') &
           (c != ';') & (c != ':') & (c != '<') & (c != '>') & (c != '[') &
           (c != ']') & (c != '\\') & (c != '"');
  });
}

bool IsValidIp(absl::string_view ip) {
  if (ip.empty() || ip.size() > 45) return false;
  char text[46];  // inet_pton wants it NUL-terminated; no heap for that
  std::memcpy(text, ip.data(), ip.size());
  text[ip.size()] = '\0';
  unsigned char buffer[16];
  return inet_pton(AF_INET, text, buffer) == 1 ||
         inet_pton(AF_INET6, text, buffer) == 1;
}

}  // namespace payone::codec
