// libFuzzer: the form parser and the answer-line parser, with their
// inverses as the oracle, and the body redactors.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codec/fuzz/fuzz_oracle.h"
#include "codec/runtime/form.h"
#include "codec/runtime/redact.h"
#include "codec/runtime/response_lines.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using payone::codec::fuzz::Check;
  const absl::string_view data(reinterpret_cast<const char*>(bytes), size);
  constexpr absl::string_view kSensitive[] = {"cardpan", "iban", "add_paydata"};
  (void)payone::codec::RedactFormBody(data, kSensitive);
  (void)payone::codec::RedactResponseBody(data, kSensitive);

  auto parameters = payone::codec::ParseForm(data);
  if (parameters.ok()) {
    // Building the parameters again gives a body that parses to them.
    payone::codec::FormBuilder form;
    for (const auto& [name, value] : *parameters) form.Add(name, value);
    auto again = payone::codec::ParseForm(form.body());
    Check(again.ok() && *again == *parameters);
  }
  auto lines = payone::codec::ParseResponseLines(data);
  if (lines.ok()) {
    std::string body;
    for (const auto& [name, value] : *lines) {
      payone::codec::AppendResponseLine(name, value, &body);
    }
    auto again = payone::codec::ParseResponseLines(body);
    Check(again.ok() && *again == *lines);
  }
  return 0;
}
