#include "simulator/ledger.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace payone::simulator {

std::string Ledger::UserFor(absl::string_view portalid,
                            absl::string_view customerid) {
  const std::string key = absl::StrCat(portalid, "/", customerid);
  if (!customerid.empty()) {
    const auto it = users_.find(key);
    if (it != users_.end()) return it->second;
  }
  std::string userid = absl::StrCat(next_userid_++);
  userids_.insert(absl::StrCat(portalid, "/", userid));
  if (!customerid.empty()) users_[key] = userid;
  return userid;
}

bool Ledger::HasUser(absl::string_view portalid,
                     absl::string_view userid) const {
  return userids_.contains(absl::StrCat(portalid, "/", userid));
}

int64_t Ledger::VirtualAccount(absl::string_view portalid,
                               absl::string_view name) {
  const auto [it, added] =
      vaccounts_.emplace(absl::StrCat(portalid, "/", name), 0);
  if (added) it->second = 80000000 + NextNumber();
  return it->second;
}

bool Ledger::ClaimReference(absl::string_view portalid,
                            absl::string_view reference) {
  return references_
      .insert(absl::StrCat(portalid, "/", absl::AsciiStrToLower(reference)))
      .second;
}

Transaction& Ledger::Add(Transaction tx) {
  if (!tx.redirect_token.empty()) tokens_[tx.redirect_token] = tx.txid;
  const int64_t txid = tx.txid;
  return transactions_[txid] = std::move(tx);
}

Transaction* Ledger::Find(absl::string_view portalid, absl::string_view txid) {
  int64_t id = 0;
  if (!absl::SimpleAtoi(txid, &id)) return nullptr;
  const auto it = transactions_.find(id);
  if (it == transactions_.end() || it->second.portalid != portalid) {
    return nullptr;
  }
  return &it->second;
}

Transaction* Ledger::FindByToken(absl::string_view token) {
  const auto it = tokens_.find(std::string(token));
  if (it == tokens_.end()) return nullptr;
  return &transactions_.at(it->second);
}

}  // namespace payone::simulator
