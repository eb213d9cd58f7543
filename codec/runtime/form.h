#ifndef PAYONE_CODEC_RUNTIME_FORM_H_
#define PAYONE_CODEC_RUNTIME_FORM_H_

// application/x-www-form-urlencoded, as PAYONE's post-gateway reads it and as
// browsers and PHP's http_build_query write it.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace payone::codec {

// Appends `value` percent-encoded the way an HTML form POST does: ASCII
// letters, digits and "*-._" stay, space becomes '+', every other byte
// becomes %XX (upper-case hex). Bytes are taken as they are: the caller
// chooses the charset.
void AppendFormEncoded(absl::string_view value, std::string* out);
std::string FormEncode(absl::string_view value);

// Reverses AppendFormEncoded ('+' is a space). Fails on a '%' that is not
// followed by two hex digits.
absl::StatusOr<std::string> FormDecode(absl::string_view text);

// Builds a request body one parameter at a time: name=value&name=value...
class FormBuilder {
 public:
  FormBuilder() = default;
  explicit FormBuilder(size_t reserve) { body_.reserve(reserve); }

  void Add(absl::string_view name, absl::string_view value);
  // Adds `stem[index]=value` (PAYONE's 1-based article arrays, it[1]...).
  void AddIndexed(absl::string_view stem, int index, absl::string_view value);
  // Adds `stem[key]=value` (add_paydata[key]).
  void AddKeyed(absl::string_view stem, absl::string_view key,
                absl::string_view value);

  const std::string& body() const { return body_; }
  std::string Release() { return std::move(body_); }

 private:
  void StartParameter();

  std::string body_;
};

using NameValue = std::pair<std::string, std::string>;

// Parses a form body into its parameters, in order. Names and values are
// percent-decoded, so raw brackets ("it[1]") and encoded ones ("it%5B1%5D")
// read the same. Empty segments ("a=1&&b=2") are skipped; a segment without
// '=' is a name with an empty value. Fails on a malformed escape or when the
// body holds more than `max_parameters` parameters.
absl::StatusOr<std::vector<NameValue>> ParseForm(absl::string_view body,
                                                 size_t max_parameters = 4096);

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_FORM_H_
