#ifndef PAYONE_SIMULATOR_HANDLER_H_
#define PAYONE_SIMULATOR_HANDLER_H_

// What every request family (payments, bookings, checks, services) shares:
// the call it handles, table-driven parameter rules and TransactionStatus
// building.

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "simulator/accounts.h"
#include "simulator/ledger.h"
#include "simulator/wire.h"

namespace payone::simulator {

// Receives TransactionStatus notifications to deliver. Notifications of one
// txid must be delivered in the order given.
class NotificationSink {
 public:
  virtual ~NotificationSink() = default;
  virtual void Send(const std::string& url, int64_t txid,
                    std::vector<NameValue> params) = 0;
};

// One post-gateway call that passed the standard checks.
struct Call {
  const Params& params;
  const Account& account;
  Ledger& ledger;
  NotificationSink* sink;         // null: notifications are dropped
  const std::string& notify_url;  // the portal's URL ("" : none)
  const std::string& base_url;    // where redirect URLs point
  absl::Time now;

  const std::string& Get(absl::string_view name) const {
    return params.Get(name);
  }
  const std::string& language() const { return params.Get("language"); }
  Answer Fail(const PayoneError& error) const {
    return Answer::Error(error, language());
  }
};

using Handler = Answer (*)(Call&);
using HandlerTable = std::map<std::string, Handler, std::less<>>;

// Formats of request parameters (reference §1.2, §2.5, §5).
enum class Format {
  kAny,
  kDigits,        // NUMERIC
  kAmount,        // 0..1999999999
  kSignedAmount,  // +/- 1999999999
  kReference,     // CHAR(1..20) [0-9a-zA-Z.-_/]
  kCurrency,      // ISO 4217 upper case
  kCountry,       // ISO 3166 alpha-2 upper case
  kUrl,           // scheme://...
  kDate,          // YYYYMMDD
  kList,          // one of Rule::list ("a|b|c")
};

struct Rule {
  const char* name;
  bool required;
  Format format = Format::kAny;
  const char* list = nullptr;
};

bool Matches(absl::string_view value, const Rule& rule);
// The first rule broken, in order: missing when required, or not in format.
std::optional<PayoneError> CheckRules(const Params& params,
                                      std::initializer_list<Rule> rules);
// aid present and the account's (1204, 2004).
std::optional<PayoneError> CheckAid(const Call& call);

// The bank account a request names: `iban`, or the IBAN of a German
// bankcountry/bankcode/bankaccount; 1091 when neither is given.
struct RequestedIban {
  std::string iban;
  std::optional<PayoneError> error;
};
RequestedIban IbanOf(const Call& call);

// Amount parameter as minor units (already checked by a rule).
int64_t AmountOf(const Call& call, absl::string_view name = "amount");

// Queues a TransactionStatus for `tx` with its current account balance.
// `extra` adds parameters such as transactiontype or failedcause, or
// replaces standard ones (transaction_status).
void Notify(Call& call, const Transaction& tx, absl::string_view txaction,
            std::vector<NameValue> extra = {});

// "411111xxxxxx1111", as notifications mask card numbers.
std::string MaskPan(absl::string_view pan);

void RegisterPayments(HandlerTable* table);
void RegisterBookings(HandlerTable* table);
void RegisterChecks(HandlerTable* table);
void RegisterServices(HandlerTable* table);

// Money arrives for `tx`: "paid" once it covers the claim (the larger of
// price and receivable), "underpaid" before.
absl::Status ReceivePayment(Call& call, Transaction& tx, int64_t amount);
// The payment comes back (return debit, card chargeback): "failed".
absl::Status Chargeback(Call& call, Transaction& tx,
                        absl::string_view failedcause);

// Completes a redirect (3-D Secure, wallet, online transfer) when the
// browser follows the redirect URL; returns where to send it next, or ""
// when the token is unknown. `outcome` is "", "error" or "back".
std::string CompleteRedirect(Call& call, Transaction& tx,
                             absl::string_view outcome);

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_HANDLER_H_
