#ifndef PAYONE_CODEC_RUNTIME_DECIMAL_H_
#define PAYONE_CODEC_RUNTIME_DECIMAL_H_

// PAYONE's decimal amounts (FORMAT_DECIMAL): notifications carry price,
// receivable and balance in major units with a dot ("2000.00", "52.54").
// Messages hold minor units (cents) in an int64, like every other amount.

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace payone::codec {

// The text of a decimal without a heap allocation.
class DecimalText {
 public:
  explicit DecimalText(int64_t minor_units);
  absl::string_view view() const { return absl::string_view(data_, size_); }

 private:
  char data_[32];
  size_t size_ = 0;
};

// 1250 -> "12.50", -1 -> "-0.01", 0 -> "0.00".
inline DecimalText FormatDecimal(int64_t minor_units) {
  return DecimalText(minor_units);
}

// "12.50", "12.5" and "12" -> 1250; "-0.01" -> -1. At most two fraction
// digits, an optional leading '-', digits only otherwise; false on anything
// else or on overflow.
bool ParseDecimal(absl::string_view text, int64_t* minor_units);

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_DECIMAL_H_
