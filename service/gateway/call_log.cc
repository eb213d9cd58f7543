#include "service/gateway/call_log.h"

#include "absl/random/random.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/util/json_util.h"

namespace payone::service {

std::string CallLogger::ToJson(const payone::gateway::v1::CallLog& record) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  // Printing a message of this fixed type cannot fail.
  (void)google::protobuf::util::MessageToJsonString(record, &json, options);
  return json;
}

void CallLogger::Write(const payone::gateway::v1::CallLog& record) {
  if (out_ == nullptr) return;
  WriteLine(ToJson(record));
}

void CallLogger::WriteLine(absl::string_view json) {
  if (out_ == nullptr) return;
  std::string line(json);
  if (line.empty() || line.back() != '\n') line += '\n';
  std::lock_guard<std::mutex> lock(mu_);
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

std::string NewRequestId() {
  thread_local absl::BitGen random;
  return absl::StrFormat("%016x%016x", absl::Uniform<uint64_t>(random),
                         absl::Uniform<uint64_t>(random));
}

}  // namespace payone::service
