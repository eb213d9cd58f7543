#ifndef PAYONE_SERVICE_COMMON_JSON_STRING_H_
#define PAYONE_SERVICE_COMMON_JSON_STRING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace payone::service {

// Appends `text` to `json` as a JSON string literal (log lines, the
// simulator's JSON answers): quotes, backslashes and control characters
// escaped, valid UTF-8 passed through, and each byte that is not part of
// valid UTF-8 escaped on its own as \u00XX (its Latin-1 reading). Log text
// often quotes what a sender sent (PAYONE's notifications may come in
// ISO-8859-1), and one such byte must not make the whole line invalid JSON.
void AppendJsonString(absl::string_view text, std::string* json);

// The same, as a new string.
std::string JsonString(absl::string_view text);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_COMMON_JSON_STRING_H_
