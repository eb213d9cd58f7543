#include "codec/runtime/json_answer.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace payone::codec {
namespace {

using ::google::protobuf::Struct;
using ::google::protobuf::Value;

// A scalar's text; false for arrays, objects and null.
bool ScalarText(const Value& value, std::string* text) {
  switch (value.kind_case()) {
    case Value::kStringValue:
      *text =
          absl::StrReplaceAll(value.string_value(), {{"\r", " "}, {"\n", " "}});
      return true;
    case Value::kNumberValue: {
      const double number = value.number_value();
      if (std::trunc(number) == number && std::fabs(number) < 1e15) {
        *text = absl::StrCat(static_cast<int64_t>(number));
      } else {
        *text = absl::StrCat(number);
      }
      return true;
    }
    case Value::kBoolValue:
      *text = value.bool_value() ? "true" : "false";
      return true;
    default:
      return false;
  }
}

// `prefix` and `suffix` wrap each member's name ("Person." and "", or
// "add_paydata[" and "]").
void AppendObject(const Struct& object, const std::string& prefix,
                  const std::string& suffix, bool lower_case,
                  std::string* out) {
  // Sorted by name: protobuf's map has no order of its own.
  const std::map<std::string, const Value*> members = [&object] {
    std::map<std::string, const Value*> sorted;
    for (const auto& [name, value] : object.fields()) sorted[name] = &value;
    return sorted;
  }();
  for (const auto& [name, member] : members) {
    const Value& value = *member;
    if (value.kind_case() == Value::kStructValue) {
      const bool top = prefix.empty();
      if (top && name == "Error") {
        AppendObject(value.struct_value(), "", "", true, out);
      } else if (top && name == "AddPayData") {
        AppendObject(value.struct_value(), "add_paydata[", "]", false, out);
      } else {
        AppendObject(value.struct_value(), absl::StrCat(prefix, name, "."), "",
                     false, out);
      }
      continue;
    }
    std::string text;
    if (!ScalarText(value, &text)) continue;
    absl::StrAppend(out, prefix,
                    lower_case ? absl::AsciiStrToLower(name) : name, suffix,
                    "=", text, "\n");
  }
}

}  // namespace

absl::StatusOr<std::string> JsonAnswerToLines(absl::string_view json) {
  Struct root;
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &root);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError("the JSON answer is not a JSON object");
  }
  std::string out;
  AppendObject(root, "", "", true, &out);
  return out;
}

}  // namespace payone::codec
