#ifndef PAYONE_SIMULATOR_WIRE_H_
#define PAYONE_SIMULATOR_WIRE_H_

// What the post-gateway reads and writes: decoded request parameters, PAYONE
// error codes with their texts, and answers rendered as key=value lines or
// JSON. No HTTP here.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "codec/runtime/form.h"

namespace payone::simulator {

using codec::NameValue;

// A PAYONE error: `code` from the documented table; `param` names the
// parameter of a 1xxx "Parameter {name} faulty or missing" error.
struct PayoneError {
  int code = 0;
  std::string param;
};

// The 1xxx code PAYONE uses for a faulty or missing parameter (1000 when the
// parameter has no code of its own).
int ParamErrorCode(absl::string_view param);
PayoneError ParamError(absl::string_view param);

std::string ErrorMessage(const PayoneError& error);
// `language` selects German ("de"); anything else is English.
std::string CustomerMessage(int code, absl::string_view language);

// Request parameters, decoded into UTF-8 (PAYONE reads ISO-8859-1 unless the
// request says encoding=UTF-8). A repeated name keeps its last value.
class Params {
 public:
  Params() = default;
  // Fails with 2008 on a malformed body, 1201 on an unknown encoding and
  // 2013 on bytes that are not valid in the declared encoding.
  static std::optional<PayoneError> Parse(absl::string_view body, Params* out);

  // "" when absent.
  const std::string& Get(absl::string_view name) const;
  bool Has(absl::string_view name) const;
  void Set(absl::string_view name, absl::string_view value);
  bool utf8() const { return utf8_; }
  const std::map<std::string, std::string, std::less<>>& all() const {
    return values_;
  }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  bool utf8_ = false;
};

// One answer of the post-gateway.
struct Answer {
  std::vector<NameValue> fields;
  // Binary answers (getfile/getinvoice PDFs): the body and its type.
  std::string binary;
  std::string binary_type;
  // Answered in JSON whatever the request accepts (getuser type=userdata).
  bool json_only = false;

  Answer& Add(absl::string_view name, absl::string_view value);
  const std::string* Find(absl::string_view name) const;
  bool IsError() const;

  static Answer Status(absl::string_view status);
  // status=ERROR (or `status`, e.g. INVALID) with errorcode, errormessage
  // and customermessage.
  static Answer Error(const PayoneError& error, absl::string_view language,
                      absl::string_view status = "ERROR");
};

// key=value lines with raw values; UTF-8 values are written as ISO-8859-1
// unless `utf8` (characters beyond Latin-1 become '?').
std::string RenderLines(const Answer& answer, bool utf8);
// PAYONE's JSON answer shape (Accept: application/json): PascalCase
// top-level keys, errors under "Error", clearing data under "Clearing",
// add_paydata[x] under "AddPayData", "Object.Member" under "Object".
// Always UTF-8.
std::string RenderJson(const Answer& answer, absl::string_view encoding);

// The Client API's JSON answer: one flat object of the answer's parameters
// under their own (lower-case) names, e.g. {"status":"VALID",
// "pseudocardpan":"..."}. Always UTF-8.
std::string RenderClientApiJson(const Answer& answer);

// UTF-8 -> ISO-8859-1, characters beyond Latin-1 becoming '?'.
std::string ToLatin1Lossy(absl::string_view utf8);

// Non-empty and only ASCII digits.
bool AllDigits(absl::string_view text);

// "1234" minor units -> "12.34" (notifications use major units with a dot).
std::string MajorUnits(long long minor);

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_WIRE_H_
