#include "codec/runtime/decimal.h"

#include <limits>

namespace payone::codec {

DecimalText::DecimalText(int64_t minor_units) {
  // Work in uint64 so that INT64_MIN has a magnitude.
  const bool negative = minor_units < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(minor_units)
                                : static_cast<uint64_t>(minor_units);
  char reversed[32];
  size_t n = 0;
  for (int i = 0; i < 2; ++i) {
    reversed[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  }
  reversed[n++] = '.';
  do {
    reversed[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (negative) reversed[n++] = '-';
  for (size_t i = 0; i < n; ++i) data_[i] = reversed[n - 1 - i];
  size_ = n;
}

bool ParseDecimal(absl::string_view text, int64_t* minor_units) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const size_t dot = text.find('.');
  const absl::string_view whole = text.substr(0, dot);
  const absl::string_view fraction = dot == absl::string_view::npos
                                         ? absl::string_view()
                                         : text.substr(dot + 1);
  if (whole.empty() || fraction.size() > 2 ||
      (dot != absl::string_view::npos && fraction.empty())) {
    return false;
  }
  constexpr uint64_t kLimit =
      static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  uint64_t value = 0;
  auto append = [&value](char c) {
    if (c < '0' || c > '9' || value > (kLimit - 9) / 10) return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
    return true;
  };
  for (char c : whole) {
    if (!append(c)) return false;
  }
  for (size_t i = 0; i < 2; ++i) {
    if (!append(i < fraction.size() ? fraction[i] : '0')) return false;
  }
  *minor_units =
      negative ? -static_cast<int64_t>(value) : static_cast<int64_t>(value);
  return true;
}

}  // namespace payone::codec
