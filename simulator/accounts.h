#ifndef PAYONE_SIMULATOR_ACCOUNTS_H_
#define PAYONE_SIMULATOR_ACCOUNTS_H_

// The merchant accounts the simulator knows: mid, sub-account, portal, the
// portal key and which modes the portal may use.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "simulator/wire.h"

namespace payone::simulator {

struct Account {
  std::string mid;
  std::string aid;
  std::string portalid;
  // The portal key in clear; requests send its SHA-384 or MD5 hex digest.
  std::string key;
  bool test_mode = true;
  bool live_mode = false;
  // TransactionStatus URL of this portal; empty: the simulator's default.
  std::string notify_url;
};

// "mid:aid:portalid:key:mode" where mode is test, live or test+live. The key
// may contain ':' (the fields around it are split off first).
absl::StatusOr<Account> ParseAccount(absl::string_view spec);
// A comma-separated list of ParseAccount specs.
absl::StatusOr<std::vector<Account>> ParseAccounts(absl::string_view specs);

std::string Md5Hex(absl::string_view data);
std::string Sha384Hex(absl::string_view data);

// Whether `key` is the hex SHA-384 or the legacy hex MD5 of the account's
// portal key (either letter case).
bool KeyMatches(const Account& account, absl::string_view key);

// Whether a Client API request's `hash` is right: over the values of the
// parameters PAYONE hashes, in the order of their sorted names, either
// HMAC-SHA384 keyed with the portal key or (legacy) MD5 of the values
// followed by the key; hex, any letter case.
bool ClientApiHashMatches(const Account& account, const Params& params);

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_ACCOUNTS_H_
