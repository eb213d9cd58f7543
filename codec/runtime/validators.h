#ifndef PAYONE_CODEC_RUNTIME_VALIDATORS_H_
#define PAYONE_CODEC_RUNTIME_VALIDATORS_H_

// The checks behind PAYONE's formats (payone.v1.Format and Symbols). Each
// takes the value as UTF-8 text and says yes or no; the generated Validate
// turns a "no" into a FieldViolation.

#include <cstddef>

#include "absl/strings/string_view.h"

namespace payone::codec {

// Permitted characters of a CHAR value (mirrors payone.v1.Symbols).
enum class Symbols {
  kAny,
  kReference,     // [0-9a-zA-Z.\-_/]
  kAlphanumeric,  // [0-9a-zA-Z]
  kDigits,        // [0-9]
  kHex,           // [0-9a-f]
};

namespace internal {
// Bit (1 << Symbols) of kSymbolSets[c] is set when byte c belongs to that
// set: one load per byte whichever set is checked.
struct SymbolSets {
  unsigned char of[256];
};
constexpr SymbolSets MakeSymbolSets() {
  SymbolSets sets{};
  for (int c = 0; c < 256; ++c) {
    const bool digit = c >= '0' && c <= '9';
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool reference =
        digit || letter || c == '.' || c == '-' || c == '_' || c == '/';
    const bool hex = digit || (c >= 'a' && c <= 'f');
    sets.of[c] = static_cast<unsigned char>(
        (1 << static_cast<int>(Symbols::kAny)) |
        (reference ? 1 << static_cast<int>(Symbols::kReference) : 0) |
        (digit || letter ? 1 << static_cast<int>(Symbols::kAlphanumeric) : 0) |
        (digit ? 1 << static_cast<int>(Symbols::kDigits) : 0) |
        (hex ? 1 << static_cast<int>(Symbols::kHex) : 0));
  }
  return sets;
}
inline constexpr SymbolSets kSymbolSets = MakeSymbolSets();
}  // namespace internal

// Whether every byte of `text` is one of `symbols` (kAny: any byte).
inline bool HasOnlySymbols(absl::string_view text, Symbols symbols) {
  if (symbols == Symbols::kAny) return true;
  unsigned in_set = 1u << static_cast<int>(symbols);
  for (char c : text) {
    in_set &= internal::kSymbolSets.of[static_cast<unsigned char>(c)];
  }
  return in_set != 0;
}

bool IsDigits(absl::string_view text);
bool IsAsciiLetters(absl::string_view text);

// Card number: 13..19 digits passing the Luhn check.
bool IsValidPan(absl::string_view pan);
bool PassesLuhn(absl::string_view digits);

// ISO 13616: country, check digits, 11..30 alphanumerics; mod-97 == 1.
// Upper case only, no spaces (PAYONE: "Only capital letters and digits").
bool IsValidIban(absl::string_view iban);

// ISO 9362: 4 letters (bank), 2 letters (country), 2 alphanumerics
// (location), optionally 3 alphanumerics (branch).
bool IsValidBic(absl::string_view bic);

// YYYYMMDD, a real calendar date (leap years included), years 1800..2999.
bool IsValidDateYyyymmdd(absl::string_view date);
// YYMM with month 01..12 (card expiry).
bool IsValidDateYymm(absl::string_view date);

// PAYONE's URL scheme rule: <scheme>://<host>[/<path>][?<query>], the scheme
// [a-zA-Z][a-zA-Z0-9]{1,9}, a non-empty host, no spaces or control bytes.
bool IsValidUrl(absl::string_view url);

// A pragmatic RFC 5322 subset: local@domain, local up to 63 characters,
// domain of dot-separated labels with at least one dot, no spaces.
bool IsValidEmail(absl::string_view email);

// Dotted-quad IPv4 or textual IPv6 (with "::" compression).
bool IsValidIp(absl::string_view ip);

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_VALIDATORS_H_
