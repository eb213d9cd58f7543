#include "service/gateway/testing.h"

#include "service/config/hex_digest.h"

namespace payone::service {

AccountSettings SimulatorTestAccount(const std::string& name,
                                     absl::string_view portal_key) {
  AccountSettings account;
  account.file.set_name(name);
  account.file.set_mid("10000");
  account.file.set_aid("10001");
  account.file.set_portalid("2000001");
  account.file.set_mode("test");
  account.key_digest = HexDigest(DigestAlgorithm::kSha384, portal_key);
  account.notification_key_md5 = HexDigest(DigestAlgorithm::kMd5, portal_key);
  account.portal_key = std::string(portal_key);
  return account;
}

}  // namespace payone::service
