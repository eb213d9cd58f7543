#include "simulator/test_data.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace payone::simulator {
namespace {

bool AllUpperAlnum(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(c) && !absl::ascii_isupper(c)) return false;
  }
  return true;
}

const absl::flat_hash_map<std::string, CardBehaviour>& Cards() {
  static const auto* cards =
      new absl::flat_hash_map<std::string, CardBehaviour>{
          // Documented declines (DOC-TESTCC).
          {"4301111100000101", {1, Challenge::kNone, false}},
          {"4301111100000200", {2, Challenge::kNone, false}},
          // Simulator additions.
          {"4000000000000051", {5, Challenge::kNone, false}},
          {"4000000000000432", {43, Challenge::kNone, false}},
          {"4000000000000515", {51, Challenge::kNone, false}},
          {"4012001037141112", {0, Challenge::kSucceeds, false}},
          {"5453010000059543", {0, Challenge::kSucceeds, false}},
          {"4012001038443335", {0, Challenge::kFails, false}},
          {"4000000000000093", {0, Challenge::kNone, true}},
      };
  return *cards;
}

}  // namespace

bool LuhnValid(absl::string_view pan) {
  if (!AllDigits(pan)) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = pan.rbegin(); it != pan.rend(); ++it) {
    int digit = *it - '0';
    if (twice) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string DetectCardType(absl::string_view pan) {
  if (pan.empty()) return "";
  auto prefix = [&](int digits) {
    int value = 0;
    if (pan.size() < static_cast<size_t>(digits)) return -1;
    for (int i = 0; i < digits; ++i) value = value * 10 + (pan[i] - '0');
    return value;
  };
  const int two = prefix(2);
  const int four = prefix(4);
  if (pan[0] == '4') return "V";
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "M";
  if (two == 34 || two == 37) return "A";
  if (four >= 3528 && four <= 3589) return "J";
  if (two == 30 || two == 36 || two == 38 || four == 6011 || two == 65) {
    return "D";
  }
  if (two == 50 || (two >= 56 && two <= 69)) return "O";
  return "";
}

std::string TruncatePan(absl::string_view pan) {
  if (pan.size() < 10) return std::string(pan);
  return absl::StrCat(pan.substr(0, 6), std::string(pan.size() - 10, 'X'),
                      pan.substr(pan.size() - 4));
}

std::optional<PayoneError> CheckCard(absl::string_view pan,
                                     absl::string_view cardtype,
                                     absl::string_view expiry,
                                     absl::string_view cvc, absl::Time now) {
  if (!AllDigits(pan) || pan.size() < 13 || pan.size() > 19) {
    return PayoneError{878, ""};
  }
  if (!LuhnValid(pan)) return PayoneError{877, ""};
  const std::string detected = DetectCardType(pan);
  if (detected.empty()) return PayoneError{875, ""};
  // Discover PANs are "D" today and "C" in old integrations.
  if (cardtype != detected && !(detected == "D" && cardtype == "C") &&
      !(detected == "O" && cardtype == "U")) {
    return PayoneError{880, ""};
  }
  int yymm = 0;
  if (expiry.size() != 4 || !absl::SimpleAtoi(expiry, &yymm) ||
      yymm % 100 < 1 || yymm % 100 > 12) {
    return ParamError("cardexpiredate");
  }
  const absl::CivilMonth month = absl::ToCivilMonth(now, absl::UTCTimeZone());
  const int current = static_cast<int>(month.year() % 100) * 100 +
                      static_cast<int>(month.month());
  if (yymm < current) return PayoneError{33, ""};
  if (!cvc.empty()) {
    const size_t want = cardtype == "A" ? 4 : 3;
    if (!AllDigits(cvc) || cvc.size() != want) return PayoneError{879, ""};
  }
  return std::nullopt;
}

CardBehaviour CardBehaviourOf(absl::string_view pan) {
  const auto it = Cards().find(std::string(pan));
  if (it != Cards().end()) return it->second;
  // Maestro needs 3-D Secure (DOC-TESTCC).
  if (DetectCardType(pan) == "O") return {0, Challenge::kSucceeds, false};
  return {};
}

int PseudoPanDeclineCode(absl::string_view pseudocardpan) {
  if (pseudocardpan == "9410009000000000102") return 1;
  if (pseudocardpan == "9410009000000000201") return 2;
  if (absl::StartsWith(pseudocardpan, "9999")) return 872;
  return 0;
}

BankBehaviour BankBehaviourOf(absl::string_view iban, absl::string_view bic) {
  BankBehaviour out;
  if (iban.size() < 15 || iban.size() > 34 || !absl::ascii_isupper(iban[0]) ||
      !absl::ascii_isupper(iban[1]) || !absl::ascii_isdigit(iban[2]) ||
      !absl::ascii_isdigit(iban[3]) || !AllUpperAlnum(iban)) {
    out.error = PayoneError{888, ""};
    return out;
  }
  if (!bic.empty() &&
      ((bic.size() != 8 && bic.size() != 11) || !AllUpperAlnum(bic))) {
    out.error = PayoneError{887, ""};
    return out;
  }
  const absl::string_view account = iban.substr(iban.size() - 10);
  if (absl::StartsWith(iban, "DE") && account == "2599100004") {
    if (bic == "TESTTESX") out.error = PayoneError{887, ""};
    out.mandate = MandateStatus::kActive;
  } else if (absl::StartsWith(iban, "DE") && account == "2599100010") {
    out.mandate = MandateStatus::kActive;
  } else if (absl::StartsWith(iban, "DE") && account == "2599100099") {
    out.mandate = MandateStatus::kActive;
    out.returned_debit = true;
  }
  return out;
}

std::string GermanIban(absl::string_view bankcode, absl::string_view account) {
  const std::string bban = absl::StrCat(
      bankcode, std::string(10 - std::min<size_t>(account.size(), 10), '0'),
      account);
  // ISO 7064 mod 97-10 over BBAN + "DE00" (D=13, E=14).
  const std::string digits = absl::StrCat(bban, "131400");
  int remainder = 0;
  for (char c : digits) remainder = (remainder * 10 + (c - '0')) % 97;
  return absl::StrFormat("DE%02d%s", 98 - remainder, bban);
}

void AddClearingAccount(Answer* answer) {
  answer->Add("clearing_bankaccountholder", "PAYONE GmbH")
      .Add("clearing_bankcountry", "DE")
      .Add("clearing_bankaccount", "0022520120")
      .Add("clearing_bankcode", "21070020")
      .Add("clearing_bankiban", "DE87210700200022520120")
      .Add("clearing_bankbic", "DEUTDEHH210")
      .Add("clearing_bankcity", "Kiel")
      .Add("clearing_bankname", "Deutsche Bank AG");
}

}  // namespace payone::simulator
