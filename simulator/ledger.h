#ifndef PAYONE_SIMULATOR_LEDGER_H_
#define PAYONE_SIMULATOR_LEDGER_H_

// The simulator's memory: payment processes (txid) with their transaction
// account, references per portal, issued pseudo card PANs, mandates, PayPal
// work orders and virtual accounts. Not thread-safe by itself: the
// processor serialises every request on one mutex.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "simulator/wire.h"

namespace payone::simulator {

enum class TxState {
  kRedirect,   // waiting for the customer to come back from a redirect
  kApproved,   // appointed
  kFailed,     // redirect failed or declined
  kCancelled,  // released (capture 0) or customer went back
};

struct Transaction {
  int64_t txid = 0;
  std::string portalid;
  std::string aid;
  std::string mode;
  std::string reference;
  std::string currency;
  std::string clearingtype;
  std::string userid;
  bool preauthorization = true;
  TxState state = TxState::kApproved;
  int64_t txtime = 0;

  // The transaction account, in minor units.
  int64_t price = 0;       // amount of the (pre)authorization
  int64_t captured = 0;    // sum of captures
  int64_t receivable = 0;  // claims booked so far
  int64_t paid = 0;        // payments received (minus payouts)
  int sequence = 0;        // last sequencenumber used
  bool capture_completed = false;

  // Money follows each booking (card, direct debit, wallets, online
  // transfer, financing); not so for prepayment, invoice and COD.
  bool collects = true;
  bool returned_debit = false;

  // Redirect flows.
  std::string successurl;
  std::string errorurl;
  std::string backurl;
  std::string redirect_token;
  bool redirect_fails = false;

  // Request data echoed in every TransactionStatus (name, card, bank...).
  std::vector<NameValue> echo;
};

class Ledger {
 public:
  Ledger(int64_t first_txid, int64_t first_userid)
      : next_txid_(first_txid), next_userid_(first_userid) {}

  int64_t NextTxid() { return next_txid_++; }
  int64_t NextNumber() { return next_number_++; }

  // The PAYONE userid of a customer: stable per portal and customerid.
  std::string UserFor(absl::string_view portalid, absl::string_view customerid);
  bool HasUser(absl::string_view portalid, absl::string_view userid) const;
  // The userid of a stored customerid ("" when none; creates nothing).
  std::string KnownUser(absl::string_view portalid,
                        absl::string_view customerid) const;
  // getuser: a usertoken naming the portal's debtor until `expires`.
  std::string IssueUserToken(absl::string_view portalid,
                             absl::string_view userid, absl::Time expires);
  // The debtor a usertoken names in `portalid` at `now`: the same userid in
  // the issuing portal, a copy (a new userid, stable per token) in another.
  // "" when unknown or expired.
  std::string UserOfToken(absl::string_view portalid, absl::string_view token,
                          absl::Time now);
  // The debtor's data PAYONE stores (getuser type=userdata): the personal
  // parameters of the debtor's last payment, by wire name.
  using DebtorData = std::vector<std::pair<std::string, std::string>>;
  void RememberDebtor(absl::string_view portalid, absl::string_view userid,
                      DebtorData data);
  // nullptr when the debtor paid with no personal data.
  const DebtorData* DebtorOf(absl::string_view portalid,
                             absl::string_view userid) const;
  // The id of a virtual account (vaccountname) of a portal.
  int64_t VirtualAccount(absl::string_view portalid, absl::string_view name);

  // False when the portal has used the reference before (case-insensitive).
  bool ClaimReference(absl::string_view portalid, absl::string_view reference);

  Transaction& Add(Transaction tx);
  // nullptr when unknown or of another portal.
  Transaction* Find(absl::string_view portalid, absl::string_view txid);
  Transaction* FindByToken(absl::string_view token);

  // pseudocardpan -> real PAN.
  std::map<std::string, std::string> pseudo_pans;
  // mandate_identification -> IBAN.
  std::map<std::string, std::string> mandates;
  // Work orders of genericpayment sessions (PayPal Express, Klarna...).
  struct WorkOrder {
    std::string portalid;
    std::string successurl;
    std::string errorurl;
    std::string backurl;
    bool confirmed = false;  // the buyer came back from PayPal
    // The financingtype a Klarna session was started for ("" otherwise).
    std::string financingtype;
    // Amazon Pay v1: the order reference set on this checkout
    // (setorderreferencedetails), and whether it was confirmed or
    // cancelled since.
    std::string amazon_reference_id;
    bool reference_confirmed = false;
    bool reference_cancelled = false;
  };
  std::map<std::string, WorkOrder> workorders;
  // Subscription contracts (createaccess), by accessid.
  struct Access {
    std::string portalid;
    bool cancelled = false;
    bool locked = false;
  };
  std::map<std::string, Access> accesses;
  // vreferences used per portal.
  std::set<std::pair<std::string, std::string>> vreferences;

 private:
  int64_t next_txid_;
  int64_t next_userid_;
  int64_t next_number_ = 1;
  struct UserToken {
    std::string portalid;
    std::string userid;
    absl::Time expires;
    // userid of the copy per portal that used the token.
    absl::flat_hash_map<std::string, std::string> copies;
  };
  absl::flat_hash_map<std::string, UserToken> user_tokens_;
  absl::flat_hash_map<int64_t, Transaction> transactions_;
  absl::flat_hash_map<std::string, int64_t> tokens_;
  absl::flat_hash_set<std::string> references_;  // "portal/lower(reference)"
  absl::flat_hash_map<std::string, std::string> users_;   // "portal/customer"
  absl::flat_hash_set<std::string> userids_;              // "portal/userid"
  absl::flat_hash_map<std::string, DebtorData> debtors_;  // "portal/userid"
  absl::flat_hash_map<std::string, int64_t> vaccounts_;   // "portal/name"
};

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_LEDGER_H_
