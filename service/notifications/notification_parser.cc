#include "service/notifications/notification_parser.h"

#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "payone/v1/notification.payone.h"

namespace payone::service {
namespace {

using NotificationCodec =
    codec::PayoneCodec<payone::v1::TransactionStatusNotification>;
using Verdict = ParsedNotification::Verdict;

bool HasControlByte(absl::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

ParsedNotification Malformed(std::string problem) {
  ParsedNotification parsed;
  parsed.verdict = Verdict::kMalformed;
  parsed.problem = std::move(problem);
  return parsed;
}

// What an undecodable notification still says: the parameters the receiver
// and the ledger file it under, and the rest as text.
void KeepRaw(const std::vector<codec::NameValue>& parameters,
             payone::v1::TransactionStatusNotification* notification) {
  notification->Clear();
  for (const auto& [latin1_name, latin1_value] : parameters) {
    const std::string name = codec::Latin1ToUtf8(latin1_name);
    std::string value = codec::Latin1ToUtf8(latin1_value);
    int32_t number = 0;
    if (name == "key") {
      notification->set_key(std::move(value));
      continue;
    }
    if (name == "portalid") notification->set_portalid(value);
    if (name == "aid") notification->set_aid(value);
    if (name == "txid") notification->set_txid(value);
    if (name == "sequencenumber" && absl::SimpleAtoi(value, &number)) {
      notification->set_sequencenumber(number);
    }
    (*notification->mutable_other_parameters())[name] = std::move(value);
  }
}

}  // namespace

ParsedNotification ParseNotification(absl::string_view body,
                                     size_t max_body_bytes) {
  if (body.size() > max_body_bytes) {
    return Malformed(absl::StrCat("notification of ", body.size(),
                                  " bytes exceeds the limit of ",
                                  max_body_bytes, " bytes"));
  }
  absl::StatusOr<std::vector<codec::NameValue>> parameters =
      codec::ParseForm(body);
  if (!parameters.ok())
    return Malformed(std::string(parameters.status().message()));
  // PAYONE sends each parameter once and no control characters: anything
  // else is not PAYONE's, and whichever copy we believed could be the wrong
  // one.
  absl::flat_hash_set<absl::string_view> names;
  for (const auto& [name, value] : *parameters) {
    if (HasControlByte(name) || HasControlByte(value)) {
      return Malformed("a parameter holds a control character");
    }
    if (!names.insert(name).second) {
      return Malformed(absl::StrCat("parameter ", codec::Latin1ToUtf8(name),
                                    " appears more than once"));
    }
  }

  ParsedNotification parsed;
  codec::DecodeOptions options;
  options.charset = codec::Charset::kLatin1;  // PAYONE's, always
  options.max_body_bytes = max_body_bytes;
  const absl::Status decoded =
      NotificationCodec::Decode(body, options, &parsed.notification);
  if (decoded.ok()) {
    parsed.verdict = Verdict::kDecoded;
    return parsed;
  }
  KeepRaw(*parameters, &parsed.notification);
  // Without a key nobody signed it: nothing to keep.
  if (parsed.notification.key().empty()) {
    return Malformed(std::string(decoded.message()));
  }
  parsed.verdict = Verdict::kUndecoded;
  parsed.problem = std::string(decoded.message());
  return parsed;
}

}  // namespace payone::service
