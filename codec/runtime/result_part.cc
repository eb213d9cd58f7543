#include "codec/runtime/result_part.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace payone::codec::internal {

namespace {

bool IsNumber(absl::string_view digits) {
  if (digits.empty() || digits.size() > 4) return false;
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

bool SplitNumberedPaydata(absl::string_view name, std::string* stem,
                          int* number) {
  if (!absl::ConsumePrefix(&name, "add_paydata[") ||
      !absl::ConsumeSuffix(&name, "]")) {
    return false;
  }
  // <stem>_<n>
  const size_t last = name.rfind('_');
  if (last != absl::string_view::npos && last > 0 &&
      IsNumber(name.substr(last + 1))) {
    *stem = std::string(name.substr(0, last));
    return absl::SimpleAtoi(name.substr(last + 1), number);
  }
  // <head>_<n>_<tail>, numbered at its first number
  for (size_t start = name.find('_'); start != absl::string_view::npos;
       start = name.find('_', start + 1)) {
    const size_t end = name.find('_', start + 1);
    if (end == absl::string_view::npos) return false;
    if (start == 0) continue;
    const absl::string_view digits = name.substr(start + 1, end - start - 1);
    if (IsNumber(digits)) {
      *stem = absl::StrCat(name.substr(0, start), name.substr(end));
      return absl::SimpleAtoi(digits, number);
    }
  }
  return false;
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
