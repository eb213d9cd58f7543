#include "service/common/json_string.h"

#include <cstddef>

#include "absl/strings/str_format.h"

namespace payone::service {
namespace {

// Length of the valid UTF-8 sequence starting at `text[0]` (a byte >= 0x80),
// or 0 when it is not one: RFC 3629, so no overlong forms, no surrogates and
// nothing above U+10FFFF.
size_t Utf8SequenceLength(absl::string_view text) {
  const auto byte = [&text](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(0);
  size_t length;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) second_min = 0xa0;  // overlong
    if (lead == 0xed) second_max = 0x9f;  // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) second_min = 0x90;  // overlong
    if (lead == 0xf4) second_max = 0x8f;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  if (byte(1) < second_min || byte(1) > second_max) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xbf) return 0;
  }
  return length;
}

}  // namespace

void AppendJsonString(absl::string_view text, std::string* json) {
  json->push_back('"');
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      json->push_back('\\');
      json->push_back(c);
    } else if (byte < 0x20) {
      absl::StrAppendFormat(json, "\\u%04x", byte);
    } else if (byte >= 0x80) {
      const size_t length = Utf8SequenceLength(text.substr(i));
      if (length == 0) {
        absl::StrAppendFormat(json, "\\u%04x", byte);
      } else {
        json->append(text.data() + i, length);
        i += length;
        continue;
      }
    } else {
      json->push_back(c);
    }
    ++i;
  }
  json->push_back('"');
}

std::string JsonString(absl::string_view text) {
  std::string json;
  json.reserve(text.size() + 2);
  AppendJsonString(text, &json);
  return json;
}

}  // namespace payone::service
