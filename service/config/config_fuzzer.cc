// libFuzzer: the configuration loader. Arbitrary text as a gateway
// configuration file: ParseConfig never crashes, and whatever it answers
// (a Config, or every problem at once) never shows a secret it read. Secrets
// come from a fake environment and a fake file system: every variable and
// file holds one (except names starting with "UNSET"), so every path that
// reads and digests them is reached without touching the real files.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/stubs/logging.h"
#include "service/config/config.h"

namespace {

// Unlikely in an input, so finding it in an answer means it leaked.
constexpr absl::string_view kSecretMark = "s3cr3t-Qz";

std::optional<std::string> Secret(absl::string_view name) {
  if (absl::StartsWith(name, "UNSET")) return std::nullopt;
  return absl::StrCat(kSecretMark, name.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  static const bool quiet = (google::protobuf::SetLogHandler(nullptr), true);
  (void)quiet;
  const absl::string_view text(reinterpret_cast<const char*>(bytes), size);
  absl::StatusOr<payone::service::Config> config = payone::service::ParseConfig(
      text, "fuzz.textproto", Secret,
      [](const std::string& path) { return Secret(path); });
  if (absl::StrContains(text, kSecretMark)) return 0;
  if (!config.ok()) {
    if (absl::StrContains(config.status().message(), kSecretMark)) {
      std::abort();
    }
    return 0;
  }
  // What the gateway logs or exposes of a loaded configuration.
  for (const auto& [name, account] : config->accounts) {
    for (const std::string* text :
         {&account.key_digest, &account.notification_key_md5,
          &account.notification_key_sha384, &account.file.name(),
          &account.file.mid()}) {
      if (absl::StrContains(*text, kSecretMark)) std::abort();
    }
  }
  for (const auto& client : config->clients) {
    if (absl::StrContains(client.token_sha256, kSecretMark)) std::abort();
  }
  return 0;
}
