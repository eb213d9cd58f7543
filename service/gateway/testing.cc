#include "service/gateway/testing.h"

#include "service/config/hex_digest.h"

namespace payone::service {

AccountSettings SimulatorTestAccount(const std::string& name,
                                     absl::string_view portal_key) {
  AccountSettings account;
  account.name = name;
  account.mid = "10000";
  account.aid = "10001";
  account.portalid = "2000001";
  account.mode = "test";
  account.api_version = "3.11";
  account.encoding = "UTF-8";
  account.key_digest = HexDigest(DigestAlgorithm::kSha384, portal_key);
  account.notification_key_md5 = HexDigest(DigestAlgorithm::kMd5, portal_key);
  return account;
}

}  // namespace payone::service
