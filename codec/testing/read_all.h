#ifndef PAYONE_CODEC_TESTING_READ_ALL_H_
#define PAYONE_CODEC_TESTING_READ_ALL_H_

// For tests and fuzzers of the one-parameter-at-a-time readers: everything
// a reader reads, in the shape the whole-body parsers (ParseForm,
// ParseResponseLines) return, so that the two can be compared.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "codec/runtime/form.h"

namespace payone::codec::testing {

template <typename Reader>
absl::StatusOr<std::vector<NameValue>> ReadAll(Reader& reader) {
  std::vector<NameValue> out;
  while (reader.Next()) {
    out.emplace_back(std::string(reader.name()), std::string(reader.value()));
  }
  if (!reader.status().ok()) return reader.status();
  return out;
}

}  // namespace payone::codec::testing

#endif  // PAYONE_CODEC_TESTING_READ_ALL_H_
