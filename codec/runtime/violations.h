#ifndef PAYONE_CODEC_RUNTIME_VIOLATIONS_H_
#define PAYONE_CODEC_RUNTIME_VIOLATIONS_H_

// Validation results: every broken rule of a request, collected at once, in a
// shape that maps 1:1 onto google.rpc.BadRequest.FieldViolation.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace payone::codec {

struct FieldViolation {
  // Proto field path from the request message, e.g. "items[2].price" or
  // "card.cardpan" (BadRequest.FieldViolation.field).
  std::string field;
  // The PAYONE parameter, e.g. "pr[3]" or "cardpan"; empty for rules that
  // span several parameters.
  std::string wire_name;
  // What is wrong, for a human. Never contains the offending value of a
  // sensitive field.
  std::string description;

  friend bool operator==(const FieldViolation& a, const FieldViolation& b) {
    return a.field == b.field && a.wire_name == b.wire_name &&
           a.description == b.description;
  }
};

class Violations {
 public:
  void Add(std::string field, std::string wire_name, std::string description) {
    list_.push_back(
        {std::move(field), std::move(wire_name), std::move(description)});
  }
  bool empty() const { return list_.empty(); }
  size_t size() const { return list_.size(); }
  const std::vector<FieldViolation>& list() const { return list_; }
  std::vector<FieldViolation> Release() { return std::move(list_); }

 private:
  std::vector<FieldViolation> list_;
};

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_VIOLATIONS_H_
