// libFuzzer: the form parser and the answer-line parser, with their
// inverses as the oracle, and the body redactors; and the one-parameter-at-a-
// time readers the decoders use (FormReader, ResponseLineReader,
// ParameterReader), checked against those parsers: same parameters in the
// same order, same error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codec/fuzz/fuzz_oracle.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/form.h"
#include "codec/runtime/parameter_reader.h"
#include "codec/runtime/redact.h"
#include "codec/runtime/response_lines.h"
#include "codec/testing/read_all.h"

namespace {

using payone::codec::NameValue;
using payone::codec::fuzz::Check;
using payone::codec::testing::ReadAll;

void CheckSameResult(const absl::StatusOr<std::vector<NameValue>>& got,
                     const absl::StatusOr<std::vector<NameValue>>& want) {
  Check(got.status() == want.status());
  Check(!want.ok() || *got == *want);
}

// The parsers' parameters converted as ParameterReader converts them.
absl::StatusOr<std::vector<NameValue>> Converted(
    absl::StatusOr<std::vector<NameValue>> parameters,
    payone::codec::Charset charset) {
  if (!parameters.ok()) return parameters;
  for (NameValue& parameter : *parameters) {
    for (std::string* text : {&parameter.first, &parameter.second}) {
      if (payone::codec::IsAscii(*text)) continue;
      if (charset == payone::codec::Charset::kUtf8 &&
          payone::codec::IsValidUtf8(*text)) {
        continue;
      }
      *text = payone::codec::Latin1ToUtf8(*text);
    }
  }
  return parameters;
}

void CheckReaders(absl::string_view data) {
  payone::codec::FormReader form(data);
  CheckSameResult(ReadAll(form), payone::codec::ParseForm(data));
  payone::codec::FormReader few(data, 3);
  CheckSameResult(ReadAll(few), payone::codec::ParseForm(data, 3));
  payone::codec::ResponseLineReader lines(data);
  CheckSameResult(ReadAll(lines), payone::codec::ParseResponseLines(data));
  for (auto charset :
       {payone::codec::Charset::kUtf8, payone::codec::Charset::kLatin1}) {
    payone::codec::DecodeOptions options;
    options.charset = charset;
    payone::codec::ParameterReader<payone::codec::BodyFormat::kForm>
        form_reader(data, options);
    CheckSameResult(ReadAll(form_reader),
                    Converted(payone::codec::ParseForm(data), charset));
    payone::codec::ParameterReader<payone::codec::BodyFormat::kResponseLines>
        line_reader(data, options);
    CheckSameResult(
        ReadAll(line_reader),
        Converted(payone::codec::ParseResponseLines(data), charset));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const absl::string_view data(reinterpret_cast<const char*>(bytes), size);
  CheckReaders(data);
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
