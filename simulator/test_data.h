#ifndef PAYONE_SIMULATOR_TEST_DATA_H_
#define PAYONE_SIMULATOR_TEST_DATA_H_

// PAYONE's documented test cards and IBANs (reference §7) and the
// simulator's own additions, with the outcome each one drives. The README's
// behaviour table lists the same data.

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "simulator/wire.h"

namespace payone::simulator {

enum class Challenge {
  kNone,      // approved (or declined) directly
  kSucceeds,  // 3-D Secure REDIRECT; completing it approves
  kFails,     // 3-D Secure REDIRECT; completing it fails (errorurl)
};

struct CardBehaviour {
  int decline_code = 0;  // 0: approved
  Challenge challenge = Challenge::kNone;
  bool pending = false;  // PENDING with reasoncode 903 (api_version >= 3.9)
};

bool LuhnValid(absl::string_view pan);
// The cardtype letter of a PAN by its prefix; "" when not recognisable.
std::string DetectCardType(absl::string_view pan);
// "411111XXXXXX1111".
std::string TruncatePan(absl::string_view pan);

// Checks a card as creditcardcheck and (pre)authorization do: card number
// syntax (878), Luhn (877), detectable type (875), type match (880), expiry
// YYMM not in the past (33), CVC length (879; 4 digits for Amex).
std::optional<PayoneError> CheckCard(absl::string_view pan,
                                     absl::string_view cardtype,
                                     absl::string_view expiry,
                                     absl::string_view cvc, absl::Time now);

CardBehaviour CardBehaviourOf(absl::string_view pan);

// Documented negative pseudo card PANs -> their decline code; unknown
// pseudo PANs that start with 9999 -> 872 (not found); 0 otherwise.
int PseudoPanDeclineCode(absl::string_view pseudocardpan);

enum class MandateStatus { kPending, kActive };

struct BankBehaviour {
  std::optional<PayoneError> error;
  MandateStatus mandate = MandateStatus::kPending;
  // The debit comes back after collection: txaction=failed.
  bool returned_debit = false;
};

// IBAN/BIC format (888/887), then the documented test IBANs.
BankBehaviour BankBehaviourOf(absl::string_view iban, absl::string_view bic);

// DE IBAN from a German bank code and account number (real check digits).
std::string GermanIban(absl::string_view bankcode, absl::string_view account);

// PAYONE's test-mode clearing account for prepayment, invoice and COD.
void AddClearingAccount(Answer* answer);

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_TEST_DATA_H_
