#include "service/gateway/call_log.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/util/json_util.h"

namespace payone::service {
namespace {

using payone::gateway::v1::CallLog;

// The ASCII characters protobuf's JSON printer escapes, as it escapes them
// (the other control characters as \u00XX).
constexpr std::pair<char, absl::string_view> kEscapes[] = {
    {'"', "\\\""}, {'\\', "\\\\"},   {'\b', "\\b"},
    {'\f', "\\f"}, {'\n', "\\n"},    {'\r', "\\r"},
    {'\t', "\\t"}, {'<', "\\u003c"}, {'>', "\\u003e"}};

// Appends `value` as a JSON string as protobuf's printer writes ASCII;
// false for any other byte (that printer's rules for them are many).
bool AppendString(absl::string_view value, std::string* json) {
  json->push_back('"');
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x7f) return false;
    // Letters and most punctuation, checked first.
    if (byte > '>' && c != '\\') {
      json->push_back(c);
      continue;
    }
    const auto* escape =
        std::find_if(std::begin(kEscapes), std::end(kEscapes),
                     [c](const std::pair<char, absl::string_view>& e) {
                       return e.first == c;
                     });
    if (escape != std::end(kEscapes)) {
      json->append(escape->second.data(), escape->second.size());
    } else if (byte < 0x20) {
      absl::StrAppendFormat(json, "\\u%04x", byte);
    } else {
      json->push_back(c);
    }
  }
  json->push_back('"');
  return true;
}

// As protobuf's SimpleDtoa: 15 significant digits, 17 when 15 do not read
// back as the same value.
void AppendDouble(double value, std::string* json) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.*g", DBL_DIG, value);
  if (std::strtod(buffer, nullptr) != value) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", DBL_DIG + 2, value);
  }
  json->append(buffer);
}

// The JSON of `record` as protobuf's printer writes it (fields in number
// order, defaults left out), without its reflection: false when a value
// needs that printer.
bool AppendJson(const CallLog& record, std::string* json) {
  bool ok = true;
  json->push_back('{');
  const auto key = [json](absl::string_view name) {
    if (json->size() > 1) json->push_back(',');
    absl::StrAppend(json, "\"", name, "\":");
  };
  const auto text = [&](absl::string_view name, const std::string& value) {
    if (value.empty()) return;
    key(name);
    ok = ok && AppendString(value, json);
  };
  const auto number = [&](absl::string_view name, double value) {
    if (value == 0) return;
    if (!std::isfinite(value)) ok = false;
    key(name);
    AppendDouble(value, json);
  };
  const auto integer = [&](absl::string_view name, int32_t value) {
    if (value == 0) return;
    key(name);
    absl::StrAppend(json, value);
  };
  const auto flag = [&](absl::string_view name, bool value) {
    if (!value) return;
    key(name);
    json->append("true");
  };
  text("time", record.time());
  text("request_id", record.request_id());
  text("method", record.method());
  text("client", record.client());
  text("account", record.account());
  text("request", record.request());
  text("code", record.code());
  text("payone_status", record.payone_status());
  integer("errorcode", record.errorcode());
  text("txid", record.txid());
  number("upstream_ms", record.upstream_ms());
  number("total_ms", record.total_ms());
  text("message", record.message());
  flag("reused_connection", record.reused_connection());
  flag("idempotent_replay", record.idempotent_replay());
  integer("filled_sequencenumber", record.filled_sequencenumber());
  json->push_back('}');
  return ok;
}

}  // namespace

std::string CallLogger::ToJson(const CallLog& record) {
  std::string json;
  json.reserve(320);
  // Every line of the hot path; the reflection-based printer cost more
  // than the rest of the call's logging.
  if (AppendJson(record, &json)) return json;
  json.clear();
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  // Printing a message of this fixed type cannot fail.
  (void)google::protobuf::util::MessageToJsonString(record, &json, options);
  return json;
}

void CallLogger::Write(const payone::gateway::v1::CallLog& record) {
  if (out_ == nullptr) return;
  std::string line = ToJson(record);
  line += '\n';
  WriteWhole(line);
}

void CallLogger::WriteLine(absl::string_view json) {
  if (out_ == nullptr) return;
  std::string line(json);
  if (line.empty() || line.back() != '\n') line += '\n';
  WriteWhole(line);
}

void CallLogger::WriteWhole(absl::string_view line) {
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
