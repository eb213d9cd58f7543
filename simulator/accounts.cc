#include "simulator/accounts.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "simulator/wire.h"

namespace payone::simulator {
namespace {

std::string Hex(const unsigned char* digest, unsigned int size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

std::string DigestHex(const EVP_MD* md, absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, md, nullptr) != 1) {
    return "";
  }
  return Hex(digest, size);
}

// The Client API parameters that go into `hash`, sorted (PAYONE's Client
// API documentation). The gateway has its own copy of this list on purpose:
// the simulator is an independent second implementation of PAYONE.
constexpr std::array<absl::string_view, 43> kClientApiHashed = {
    "access_aboperiod",
    "access_aboprice",
    "access_canceltime",
    "access_expiretime",
    "access_period",
    "access_price",
    "access_starttime",
    "access_vat",
    "accesscode",
    "accessname",
    "addresschecktype",
    "aid",
    "amount",
    "backurl",
    "checktype",
    "clearingtype",
    "consumerscoretype",
    "currency",
    "customerid",
    "due_time",
    "eci",
    "encoding",
    "errorurl",
    "exiturl",
    "invoice_deliverymode",
    "invoiceappendix",
    "invoiceid",
    "mid",
    "mode",
    "narrative_text",
    "param",
    "portalid",
    "productid",
    "reference",
    "request",
    "responsetype",
    "settleperiod",
    "settletime",
    "storecarddata",
    "successurl",
    "userid",
    "vaccountname",
    "vreference",
};

}  // namespace

std::string Md5Hex(absl::string_view data) {
  return DigestHex(EVP_md5(), data);
}

std::string Sha384Hex(absl::string_view data) {
  return DigestHex(EVP_sha384(), data);
}

bool KeyMatches(const Account& account, absl::string_view key) {
  if (key.empty()) return false;
  return absl::EqualsIgnoreCase(key, Sha384Hex(account.key)) ||
         absl::EqualsIgnoreCase(key, Md5Hex(account.key));
}

bool ClientApiHashMatches(const Account& account, const Params& params) {
  const std::string& hash = params.Get("hash");
  if (hash.empty()) return false;
  std::string values;
  for (absl::string_view name : kClientApiHashed) {
    values += params.Get(name);
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (HMAC(EVP_sha384(), account.key.data(),
           static_cast<int>(account.key.size()),
           reinterpret_cast<const unsigned char*>(values.data()), values.size(),
           mac, &size) == nullptr) {
    return false;
  }
  return absl::EqualsIgnoreCase(hash, Hex(mac, size)) ||
         absl::EqualsIgnoreCase(hash, Md5Hex(values + account.key));
}

absl::StatusOr<Account> ParseAccount(absl::string_view spec) {
  const size_t first = spec.find(':');
  const size_t second =
      first == spec.npos ? spec.npos : spec.find(':', first + 1);
  const size_t third =
      second == spec.npos ? spec.npos : spec.find(':', second + 1);
  const size_t last = spec.rfind(':');
  if (third == spec.npos || last <= third) {
    return absl::InvalidArgumentError(absl::StrCat(
        "account \"", spec, "\" is not mid:aid:portalid:key:mode"));
  }
  Account account;
  account.mid = std::string(spec.substr(0, first));
  account.aid = std::string(spec.substr(first + 1, second - first - 1));
  account.portalid = std::string(spec.substr(second + 1, third - second - 1));
  account.key = std::string(spec.substr(third + 1, last - third - 1));
  const absl::string_view mode = spec.substr(last + 1);
  account.test_mode = absl::StrContains(mode, "test");
  account.live_mode = absl::StrContains(mode, "live");
  if (!AllDigits(account.mid) || !AllDigits(account.aid) ||
      !AllDigits(account.portalid) || account.key.empty() ||
      !(account.test_mode || account.live_mode)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "account \"", spec,
        "\": mid, aid and portalid must be numeric, the key non-empty and "
        "the mode test, live or test+live"));
  }
  return account;
}

absl::StatusOr<std::vector<Account>> ParseAccounts(absl::string_view specs) {
  std::vector<Account> accounts;
  for (absl::string_view spec : absl::StrSplit(specs, ',', absl::SkipEmpty())) {
    auto account = ParseAccount(spec);
    if (!account.ok()) return account.status();
    accounts.push_back(*std::move(account));
  }
  return accounts;
}

}  // namespace payone::simulator
