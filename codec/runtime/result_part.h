#ifndef PAYONE_CODEC_RUNTIME_RESULT_PART_H_
#define PAYONE_CODEC_RUNTIME_RESULT_PART_H_

// The typed result of an action (options.proto: result_oneof): a PART
// decoded from a whole answer with its generated codec. Generated
// PayoneCodec<R>::DecodeResult calls it; nothing else should.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/generated.h"
#include "codec/runtime/parameter_reader.h"
#include "google/protobuf/map.h"

namespace payone::codec::internal {

using FreeMap = google::protobuf::Map<std::string, std::string>;

// "add_paydata[monthly_amount_value_2]" -> "monthly_amount_value", 2: the
// name of an element of an indexed list as PAYONE numbers it inside
// add_paydata, at the end or, failing that, at the first number inside
// (Unzer: "add_paydata[PaymentDetails_2_Duration]" ->
// "PaymentDetails_Duration", 2). False for any other name.
bool SplitNumberedPaydata(absl::string_view name, std::string* stem,
                          int* number);

// Removes the parameter `name` from the answer's free maps: `paydata` holds
// `paydata_stem[key]` parameters by key, `unknown` everything else by name.
// Either may be null.
void RemoveFromFreeMaps(absl::string_view name, absl::string_view paydata_stem,
                        FreeMap* paydata, FreeMap* unknown);

// Fills `part` from the answer `body` (key=value lines): every parameter
// the PART's codec takes, PAYONE's numbered add_paydata[<stem>_<n>] as the
// elements of the PART's indexed field with the element wire name <stem>,
// in the order of n. Taken parameters leave the free maps. A value the
// field cannot hold leaves the field unset and stays in the free maps (the
// answer's Decode put it there); only a body that does not read is an error.
template <typename P>
absl::Status DecodeResultPart(absl::string_view body,
                              const DecodeOptions& options, P* part,
                              absl::string_view paydata_stem, FreeMap* paydata,
                              FreeMap* unknown) {
  using Codec = PayoneCodec<P>;
  // Each parameter with the element name a numbered one has in the PART
  // ("stem", for "stem[<rank>]"; empty when the PART has no such list).
  struct Parameter {
    std::string name;
    std::string value;
    std::string element;
    int number = 0;
  };
  std::vector<Parameter> parameters;
  {
    ParameterReader<BodyFormat::kResponseLines> reader(body, options);
    while (reader.Next()) {
      parameters.push_back(
          {std::string(reader.name()), std::string(reader.value()), "", 0});
    }
    if (!reader.status().ok()) return reader.status();
  }
  std::vector<int> numbers;
  for (Parameter& p : parameters) {
    std::string stem;
    if (!SplitNumberedPaydata(p.name, &stem, &p.number)) continue;
    std::string element = absl::StrCat(stem, "[1]");
    if (!Codec::Owns(element, ParseWireName(element), p.value)) continue;
    p.element = std::move(stem);
    numbers.push_back(p.number);
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  part->Clear();
  for (const Parameter& p : parameters) {
    std::string renamed = p.name;
    if (!Codec::Owns(p.name, ParseWireName(p.name), p.value)) {
      if (p.element.empty()) continue;
      const auto rank =
          std::lower_bound(numbers.begin(), numbers.end(), p.number) -
          numbers.begin();
      renamed = absl::StrCat(p.element, "[", rank + 1, "]");
    }
    absl::Status error;
    if (Codec::DecodeField(renamed, p.value, part, &error) == Match::kYes) {
      RemoveFromFreeMaps(p.name, paydata_stem, paydata, unknown);
    }
  }
  return absl::OkStatus();
}

}  // namespace payone::codec::internal

#endif  // PAYONE_CODEC_RUNTIME_RESULT_PART_H_
