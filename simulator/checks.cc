// creditcardcheck, 3dscheck, bankaccountcheck, addresscheck, consumerscore:
// checks that answer VALID / INVALID (or ENROLLED, BLOCKED) and book
// nothing.

#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "simulator/handler.h"
#include "simulator/test_data.h"

namespace payone::simulator {
namespace {

Answer Invalid(const Call& call, const PayoneError& error) {
  return Answer::Error(error, call.language(), "INVALID");
}

// The pseudo card PAN of a PAN: stable per simulator, 19 digits.
std::string PseudoPanFor(Call& call, const std::string& pan) {
  for (const auto& [pseudo, real] : call.ledger.pseudo_pans) {
    if (real == pan) return pseudo;
  }
  const std::string pseudo =
      absl::StrFormat("9410010%012d", call.ledger.NextNumber());
  call.ledger.pseudo_pans[pseudo] = pan;
  return pseudo;
}

constexpr Rule kCardRules[] = {
    {"cardpan", true, Format::kDigits},
    {"cardtype", true, Format::kList, "V|M|A|D|J|O|U|P|G|B|C"},
    {"cardexpiredate", true, Format::kDigits},
    {"cardcvc2", false, Format::kDigits},
    {"storecarddata", false, Format::kList, "yes|no"},
};

// Card data as creditcardcheck and 3dscheck read it: parameter errors
// answer ERROR, card errors and test-card declines INVALID.
std::optional<Answer> RefuseCard(const Call& call) {
  for (const Rule& rule : kCardRules) {
    if (auto error = CheckRules(call.params, {rule})) return call.Fail(*error);
  }
  if (auto error = CheckCard(call.Get("cardpan"), call.Get("cardtype"),
                             call.Get("cardexpiredate"), call.Get("cardcvc2"),
                             call.now)) {
    if (error->code >= 1000) return call.Fail(*error);
    return Invalid(call, *error);
  }
  const int decline = CardBehaviourOf(call.Get("cardpan")).decline_code;
  if (decline != 0) return Invalid(call, {decline, ""});
  return std::nullopt;
}

void AddTokens(Call& call, Answer* answer) {
  const std::string& pan = call.Get("cardpan");
  if (call.Get("storecarddata") != "no") {
    answer->Add("pseudocardpan", PseudoPanFor(call, pan));
  }
  answer->Add("truncatedcardpan", TruncatePan(pan));
}

Answer CreditCardCheck(Call& call) {
  if (auto error = CheckAid(call)) return call.Fail(*error);
  if (auto refused = RefuseCard(call)) return *refused;
  Answer answer = Answer::Status("VALID");
  AddTokens(call, &answer);
  return answer;
}

Answer ThreeDsCheck(Call& call) {
  if (auto error = CheckAid(call)) return call.Fail(*error);
  if (auto error =
          CheckRules(call.params, {{"clearingtype", true, Format::kList, "cc"},
                                   {"amount", true, Format::kAmount},
                                   {"currency", true, Format::kCurrency},
                                   {"exiturl", true, Format::kUrl}})) {
    return call.Fail(*error);
  }
  if (auto refused = RefuseCard(call)) return *refused;
  const std::string xid =
      absl::StrFormat("SIM3DS%014d", call.ledger.NextNumber());
  if (CardBehaviourOf(call.Get("cardpan")).challenge == Challenge::kNone) {
    Answer answer = Answer::Status("VALID");
    answer.Add("xid", xid);
    AddTokens(call, &answer);
    return answer;
  }
  Answer answer = Answer::Status("ENROLLED");
  answer.Add("acsurl", absl::StrCat(call.base_url, "/3ds/acs"))
      .Add("termurl", call.Get("exiturl"))
      .Add("pareq", absl::StrCat("eJzT", xid))
      .Add("xid", xid)
      .Add("md", absl::StrCat("md", xid));
  AddTokens(call, &answer);
  return answer;
}

Answer BankAccountCheck(Call& call) {
  if (auto error = CheckAid(call)) return call.Fail(*error);
  if (auto error =
          CheckRules(call.params, {{"checktype", false, Format::kList, "0|1"},
                                   {"bankcountry", false, Format::kCountry}})) {
    return call.Fail(*error);
  }
  const RequestedIban account = IbanOf(call);
  if (account.error) return call.Fail(*account.error);
  const std::string& iban = account.iban;
  const BankBehaviour bank = BankBehaviourOf(iban, call.Get("bic"));
  if (bank.error) return Invalid(call, *bank.error);
  // The POS blacklist (checktype 1) knows the simulator's returning IBAN.
  if (call.Get("checktype") == "1" && bank.returned_debit) {
    return Answer::Status("BLOCKED");
  }
  Answer answer = Answer::Status("VALID");
  answer.Add("bankcountry", iban.substr(0, 2)).Add("iban", iban);
  if (!call.Get("bic").empty()) answer.Add("bic", call.Get("bic"));
  if (!call.Get("bankcode").empty()) {
    answer.Add("bankcode", call.Get("bankcode"))
        .Add("bankaccount", call.Get("bankaccount"));
  }
  return answer;
}

// Person and address checks share their parameters.
std::optional<PayoneError> CheckPerson(const Call& call) {
  if (auto error = CheckAid(call)) return error;
  return CheckRules(
      call.params, {{"addresschecktype", true, Format::kList, "NO|BA|PE|BB|PB"},
                    {"lastname", call.Get("addresschecktype") == "PE" ||
                                     call.Get("addresschecktype") == "PB"},
                    {"street", true},
                    {"zip", true},
                    {"city", true},
                    {"country", true, Format::kCountry}});
}

// Adds the (corrected) address; says whether it needed correcting.
bool AddAddress(const Call& call, Answer* answer) {
  std::string street = call.Get("street");
  const bool corrected = !street.empty() && absl::ascii_islower(street[0]);
  if (corrected) street[0] = absl::ascii_toupper(street[0]);
  answer->Add("secstatus", corrected ? "20" : "10")
      .Add("personstatus",
           call.Get("addresschecktype") == "PE" ? "PPV" : "NONE")
      .Add("street", street)
      .Add("zip", call.Get("zip"))
      .Add("city", call.Get("city"));
  return corrected;
}

Answer AddressCheck(Call& call) {
  if (auto error = CheckPerson(call)) return call.Fail(*error);
  // The simulator knows no address in zip 00000.
  if (call.Get("zip") == "00000") return Invalid(call, {4041, ""});
  Answer answer = Answer::Status("VALID");
  AddAddress(call, &answer);
  return answer;
}

Answer ConsumerScore(Call& call) {
  if (auto error = CheckPerson(call)) return call.Fail(*error);
  if (auto error = CheckRules(call.params, {{"consumerscoretype", true,
                                             Format::kList, "IH|IA|IB|CE"},
                                            {"lastname", true}})) {
    return call.Fail(*error);
  }
  const std::string& name = call.Get("lastname");
  const char* score = "G";
  const char* value = "850";
  if (absl::StartsWithIgnoreCase(name, "Red") ||
      absl::StartsWithIgnoreCase(name, "Rot")) {
    score = "R";
    value = "300";
  } else if (absl::StartsWithIgnoreCase(name, "Yellow") ||
             absl::StartsWithIgnoreCase(name, "Gelb")) {
    score = "Y";
    value = "550";
  }
  Answer answer = Answer::Status("VALID");
  answer.Add("score", score).Add("scorevalue", value);
  AddAddress(call, &answer);
  return answer;
}

}  // namespace

void RegisterChecks(HandlerTable* table) {
  (*table)["creditcardcheck"] = CreditCardCheck;
  (*table)["3dscheck"] = ThreeDsCheck;
  (*table)["bankaccountcheck"] = BankAccountCheck;
  (*table)["addresscheck"] = AddressCheck;
  (*table)["consumerscore"] = ConsumerScore;
}

}  // namespace payone::simulator
