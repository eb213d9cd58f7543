#include "simulator/ledger.h"

#include <utility>

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

std::string Ledger::KnownUser(absl::string_view portalid,
                              absl::string_view customerid) const {
  const auto it = users_.find(absl::StrCat(portalid, "/", customerid));
  return it == users_.end() ? "" : it->second;
}

void Ledger::RememberDebtor(absl::string_view portalid,
                            absl::string_view userid, DebtorData data) {
  debtors_[absl::StrCat(portalid, "/", userid)] = std::move(data);
}

const Ledger::DebtorData* Ledger::DebtorOf(absl::string_view portalid,
                                           absl::string_view userid) const {
  const auto it = debtors_.find(absl::StrCat(portalid, "/", userid));
  return it == debtors_.end() ? nullptr : &it->second;
}

std::string Ledger::IssueUserToken(absl::string_view portalid,
                                   absl::string_view userid,
                                   absl::Time expires) {
  std::string token = absl::StrCat("UT", 4000000000 + NextNumber());
  user_tokens_[token] = {
      std::string(portalid), std::string(userid), expires, {}};
  return token;
}

std::string Ledger::UserOfToken(absl::string_view portalid,
                                absl::string_view token, absl::Time now) {
  const auto it = user_tokens_.find(token);
  if (it == user_tokens_.end() || now >= it->second.expires) return "";
  UserToken& issued = it->second;
  if (issued.portalid == portalid) return issued.userid;
  std::string& copy = issued.copies[portalid];
  if (copy.empty()) copy = UserFor(portalid, "");
  return copy;
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
