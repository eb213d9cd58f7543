#include "codec/runtime/result_part.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"

namespace payone::codec::internal {

bool SplitNumberedPaydata(absl::string_view name, absl::string_view* stem,
                          int* number) {
  if (!absl::ConsumePrefix(&name, "add_paydata[") ||
      !absl::ConsumeSuffix(&name, "]")) {
    return false;
  }
  const size_t underscore = name.rfind('_');
  if (underscore == absl::string_view::npos || underscore == 0) return false;
  const absl::string_view digits = name.substr(underscore + 1);
  if (digits.empty() || digits.size() > 4) return false;
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  *stem = name.substr(0, underscore);
  return absl::SimpleAtoi(digits, number);
}

void RemoveFromFreeMaps(absl::string_view name, absl::string_view paydata_stem,
                        FreeMap* paydata, FreeMap* unknown) {
  if (unknown != nullptr) unknown->erase(std::string(name));
  absl::string_view key = name;
  if (paydata != nullptr && !paydata_stem.empty() &&
      absl::ConsumePrefix(&key, paydata_stem) &&
      absl::ConsumePrefix(&key, "[") && absl::ConsumeSuffix(&key, "]")) {
    paydata->erase(std::string(key));
  }
}

}  // namespace payone::codec::internal
