// preauthorization and authorization for every clearing type, and the end
// of their redirect flows.

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "simulator/handler.h"
#include "simulator/test_data.h"

namespace payone::simulator {
namespace {

// A payment's personal parameters, named as PAYONE's JSON answer to getuser
// with type=userdata names them.
constexpr std::pair<const char*, const char*> kDebtorFields[] = {
    {"salutation", "Person.Salutation"},
    {"title", "Person.Title"},
    {"firstname", "Person.FirstName"},
    {"lastname", "Person.LastName"},
    {"birthday", "Person.DateOfBirth"},
    {"personalid", "Person.PersonalId"},
    {"language", "Person.LanguageCode"},
    {"gender", "Person.GenderCode"},
    {"street", "Address.Street"},
    {"addressaddition", "Address.AddressAddition"},
    {"zip", "Address.Zip"},
    {"city", "Address.City"},
    {"country", "Address.CountryCode"},
    {"state", "Address.StateCode"},
    {"shipping_firstname", "ShippingAddress.FirstName"},
    {"shipping_lastname", "ShippingAddress.LastName"},
    {"shipping_street", "ShippingAddress.Street"},
    {"shipping_zip", "ShippingAddress.Zip"},
    {"shipping_city", "ShippingAddress.City"},
    {"shipping_country", "ShippingAddress.CountryCode"},
};

// Stores the debtor's data as the payment gave it (gender f/m as
// FEMALE/MALE), for getuser type=userdata.
void RememberDebtor(Call& call, const std::string& userid) {
  Ledger::DebtorData data;
  for (const auto& [param, name] : kDebtorFields) {
    std::string value = call.Get(param);
    if (value.empty()) continue;
    if (absl::string_view(param) == "gender") {
      value = value == "f" ? "FEMALE" : value == "m" ? "MALE" : value;
    }
    data.emplace_back(name, std::move(value));
  }
  if (!data.empty()) {
    call.ledger.RememberDebtor(call.account.portalid, userid, std::move(data));
  }
}

enum class Result { kApproved, kRedirect, kPending, kDeclined };

struct Outcome {
  Result result = Result::kApproved;
  int decline_code = 0;
};

constexpr Rule kRedirectUrls[] = {
    {"successurl", true, Format::kUrl},
    {"errorurl", true, Format::kUrl},
    {"backurl", true, Format::kUrl},
};

std::optional<PayoneError> CheckRedirectUrls(const Params& params) {
  for (const Rule& rule : kRedirectUrls) {
    if (auto error = CheckRules(params, {rule})) return error;
  }
  return std::nullopt;
}

// The real PAN behind a cardpan or a pseudocardpan ("" for an unknown
// pseudo PAN, which behaves like an approved Visa card).
std::string CardNumber(const Call& call) {
  const std::string& pseudo = call.Get("pseudocardpan");
  if (pseudo.empty()) return call.Get("cardpan");
  const auto it = call.ledger.pseudo_pans.find(pseudo);
  return it == call.ledger.pseudo_pans.end() ? "" : it->second;
}

std::optional<PayoneError> CheckCardPayment(const Call& call) {
  if (call.params.Has("pseudocardpan")) {
    if (auto error = CheckRules(call.params,
                                {{"pseudocardpan", true, Format::kDigits}})) {
      return error;
    }
    const size_t size = call.Get("pseudocardpan").size();
    if (size < 16 || size > 19) return ParamError("pseudocardpan");
  } else {
    if (auto error = CheckRules(
            call.params,
            {{"cardpan", true, Format::kDigits},
             {"cardtype", true, Format::kList, "V|M|A|D|J|O|U|P|G|B|C"},
             {"cardexpiredate", true, Format::kDigits}})) {
      return error;
    }
    if (auto error = CheckCard(call.Get("cardpan"), call.Get("cardtype"),
                               call.Get("cardexpiredate"), call.Get("cardcvc2"),
                               call.now)) {
      return error;
    }
  }
  if (CardBehaviourOf(CardNumber(call)).challenge != Challenge::kNone) {
    return CheckRules(call.params, {{"successurl", true, Format::kUrl},
                                    {"errorurl", true, Format::kUrl},
                                    {"backurl", false, Format::kUrl}});
  }
  return std::nullopt;
}

Outcome RunCardPayment(Call& call, Transaction& tx, Answer*) {
  const std::string pan = CardNumber(call);
  if (const int code = PseudoPanDeclineCode(call.Get("pseudocardpan"));
      code != 0 && pan.empty()) {
    return {Result::kDeclined, code};
  }
  const CardBehaviour card = CardBehaviourOf(pan);
  const std::string shown = pan.empty() ? "411111xxxxxx1111" : MaskPan(pan);
  tx.echo.emplace_back("cardpan", shown);
  tx.echo.emplace_back(
      "cardtype", pan.empty() ? call.Get("cardtype") : DetectCardType(pan));
  tx.echo.emplace_back("cardexpiredate", call.Get("cardexpiredate"));
  if (card.decline_code != 0) return {Result::kDeclined, card.decline_code};
  if (card.challenge != Challenge::kNone) {
    tx.redirect_fails = card.challenge == Challenge::kFails;
    return {Result::kRedirect, 0};
  }
  if (card.pending) return {Result::kPending, 0};
  return {};
}

std::optional<PayoneError> CheckDirectDebit(const Call& call) {
  const RequestedIban account = IbanOf(call);
  if (account.error) return account.error;
  return BankBehaviourOf(account.iban, call.Get("bic")).error;
}

void AddCreditor(Answer* answer) {
  answer->Add("creditor_identifier", "DE98ZZZ09999999999")
      .Add("creditor_name", "PAYONE GmbH")
      .Add("creditor_street", "Lyoner Str. 9")
      .Add("creditor_zip", "60528")
      .Add("creditor_city", "Frankfurt am Main")
      .Add("creditor_country", "DE")
      .Add("creditor_email", "sepa@payone.com");
}

Outcome RunDirectDebit(Call& call, Transaction& tx, Answer* answer) {
  const std::string iban = IbanOf(call).iban;
  tx.returned_debit = BankBehaviourOf(iban, call.Get("bic")).returned_debit;
  std::string mandate = call.Get("mandate_identification");
  if (mandate.empty()) {
    mandate = absl::StrFormat("PO-%010d", call.ledger.NextNumber());
  }
  call.ledger.mandates[mandate] = iban;
  answer->Add("mandate_identification", mandate)
      .Add("mandate_dateofsignature",
           absl::FormatTime("%Y%m%d", call.now, absl::UTCTimeZone()));
  AddCreditor(answer);
  tx.echo.emplace_back("iban", iban);
  tx.echo.emplace_back("bic", call.Get("bic"));
  tx.echo.emplace_back("bankaccountholder", call.Get("bankaccountholder"));
  tx.echo.emplace_back("mandate_identification", mandate);
  return {};
}

Outcome RunClearingAccount(Call&, Transaction& tx, Answer* answer) {
  tx.collects = false;
  AddClearingAccount(answer);
  return {};
}

Outcome RunBooking(Call&, Transaction& tx, Answer*) {
  tx.collects = false;
  return {};
}

Outcome RunRedirect(Call&, Transaction&, Answer*) {
  return {Result::kRedirect, 0};
}

std::optional<PayoneError> CheckCashOnDelivery(const Call& call) {
  return CheckRules(call.params,
                    {{"shippingprovider", true, Format::kList, "DHL|BRT"}});
}

std::optional<PayoneError> CheckCash(const Call& call) {
  return CheckRules(call.params, {{"cashtype", true, Format::kList, "BZN"}});
}

std::optional<PayoneError> CheckOnlineTransfer(const Call& call) {
  if (auto error = CheckRules(
          call.params, {{"onlinebanktransfertype", true, Format::kList,
                         "PNT|GPY|EPS|IDL|PFF|PFC|P24|BCT|TRL|MBC|VKP|MYB"},
                        {"bankcountry", true, Format::kCountry}})) {
    return error;
  }
  return CheckRedirectUrls(call.params);
}

bool IsTokenWallet(absl::string_view wallettype) {
  return wallettype == "APL" || wallettype == "GGP";
}

// Apple Pay and Google Pay pay with the device's token, which the shop
// passes in add_paydata (names as PAYONE's plugins send them).
std::optional<PayoneError> CheckWalletToken(const Call& call) {
  if (call.Get("wallettype") == "GGP") {
    return CheckRules(call.params,
                      {{"add_paydata[paymentmethod_token_data]", true}});
  }
  return CheckRules(
      call.params,
      {{"add_paydata[paymentdata_token_version]", true},
       {"add_paydata[paymentdata_token_data]", true},
       {"add_paydata[paymentdata_token_signature]", true},
       {"add_paydata[paymentdata_token_ephemeral_publickey]", true},
       {"add_paydata[paymentdata_token_publickey_hash]", true}});
}

std::optional<PayoneError> CheckWallet(const Call& call) {
  if (auto error = CheckRules(
          call.params, {{"wallettype", true, Format::kList,
                         "PPE|PAL|PDT|AMZ|AMP|APL|GGP|ALP|WCP|WRO|PSC|QIW"}})) {
    return error;
  }
  const std::string& workorder = call.Get("workorderid");
  if (!workorder.empty()) {
    const auto it = call.ledger.workorders.find(workorder);
    if (it == call.ledger.workorders.end() ||
        it->second.portalid != call.account.portalid) {
      return ParamError("workorderid");
    }
    // The buyer has to come back from PayPal first.
    if (!it->second.confirmed) return PayoneError{305, ""};
    return std::nullopt;
  }
  if (IsTokenWallet(call.Get("wallettype"))) return CheckWalletToken(call);
  return CheckRedirectUrls(call.params);
}

Outcome RunWallet(Call& call, Transaction& tx, Answer*) {
  tx.echo.emplace_back("wallettype", call.Get("wallettype"));
  // A confirmed PayPal Express work order or a device token pays at once.
  if (!call.Get("workorderid").empty() ||
      IsTokenWallet(call.Get("wallettype"))) {
    return {};
  }
  return {Result::kRedirect, 0};
}

bool IsKlarna(absl::string_view financingtype) {
  return financingtype == "KIV" || financingtype == "KIS" ||
         financingtype == "KDD" || financingtype == "KBT";
}

// Klarna pays with the session of a genericpayment start_session (its
// workorderid, for the same financingtype) and the authorization token the
// Klarna widget gave the buyer.
std::optional<PayoneError> CheckKlarnaSession(const Call& call) {
  const auto order = call.ledger.workorders.find(call.Get("workorderid"));
  if (order == call.ledger.workorders.end() ||
      order->second.portalid != call.account.portalid ||
      order->second.financingtype != call.Get("financingtype")) {
    return ParamError("workorderid");
  }
  return CheckRules(call.params, {{"add_paydata[authorization_token]", true}});
}

bool IsSecured(absl::string_view financingtype) {
  return financingtype == "PIV" || financingtype == "PIN" ||
         financingtype == "PDD";
}

std::optional<PayoneError> CheckFinancing(const Call& call) {
  if (auto error = CheckRules(
          call.params,
          {{"financingtype", true, Format::kList,
            "PIV|PIN|PDD|KIV|KIS|KDD|KBT|KLV|KLS|PYV|PYS|PYD|PYM|RPV|RPS|"
            "RPD|RPP|PPI|BSV|CFR"}})) {
    return error;
  }
  const std::string& type = call.Get("financingtype");
  if (IsKlarna(type)) return CheckKlarnaSession(call);
  if (!IsSecured(type)) return std::nullopt;
  // PAYONE Secured methods (004): device token, full person and address,
  // items, and a bank account for direct debit and installments.
  if (auto error = CheckRules(
          call.params,
          {{"add_paydata[device_token]", true},
           {"firstname", true},
           {"street", true},
           {"zip", true},
           {"city", true},
           {"country", true, Format::kList, "DE|AT"},
           {"email", true},
           {"telephonenumber", true},
           {"birthday", true, Format::kDate},
           {"it[1]", true, Format::kList, "goods|shipment|handling|voucher"},
           {"id[1]", true},
           {"pr[1]", true, Format::kSignedAmount},
           {"no[1]", true, Format::kDigits},
           {"de[1]", true}})) {
    return error;
  }
  if (type == "PIN") {
    if (auto error = CheckRules(
            call.params, {{"add_paydata[installment_option_id]", true}})) {
      return error;
    }
  }
  if (type == "PIV") return std::nullopt;
  if (auto error = CheckRules(call.params,
                              {{"iban", true}, {"bankaccountholder", true}})) {
    return error;
  }
  return BankBehaviourOf(call.Get("iban"), call.Get("bic")).error;
}

// Whole years between YYYYMMDD and now.
int AgeOf(absl::string_view birthday, absl::Time now) {
  int date = 0;
  if (!absl::SimpleAtoi(birthday, &date)) return 0;
  const absl::CivilDay today = absl::ToCivilDay(now, absl::UTCTimeZone());
  int age = static_cast<int>(today.year()) - date / 10000;
  if (today.month() * 100 + today.day() < date % 10000) --age;
  return age;
}

Outcome RunFinancing(Call& call, Transaction& tx, Answer* answer) {
  const std::string& type = call.Get("financingtype");
  tx.echo.emplace_back("financingtype", type);
  if (!IsSecured(type)) return {};
  // Risk check: minors and the simulator's "Rejected" customer are declined.
  if (AgeOf(call.Get("birthday"), call.now) < 18) {
    return {Result::kDeclined, 973};
  }
  if (call.Get("lastname") == "Rejected") return {Result::kDeclined, 307};
  tx.collects = type == "PDD";
  if (type == "PIV") AddClearingAccount(answer);
  return {};
}

struct Method {
  const char* clearingtype;
  std::optional<PayoneError> (*check)(const Call&);
  Outcome (*run)(Call&, Transaction&, Answer*);
};

std::optional<PayoneError> NoCheck(const Call&) { return std::nullopt; }

constexpr Method kMethods[] = {
    {"cc", CheckCardPayment, RunCardPayment},
    {"elv", CheckDirectDebit, RunDirectDebit},
    {"vor", NoCheck, RunClearingAccount},
    {"rec", NoCheck, RunClearingAccount},
    {"cod", CheckCashOnDelivery, RunClearingAccount},
    {"sb", CheckOnlineTransfer, RunRedirect},
    {"wlt", CheckWallet, RunWallet},
    {"fnc", CheckFinancing, RunFinancing},
    {"csh", CheckCash, RunBooking},
};

const Method* FindMethod(absl::string_view clearingtype) {
  for (const Method& method : kMethods) {
    if (clearingtype == method.clearingtype) return &method;
  }
  return nullptr;
}

// Books an approved (pre)authorization and tells the merchant.
void Appoint(Call& call, Transaction& tx) {
  tx.state = TxState::kApproved;
  if (!tx.preauthorization) {
    tx.receivable = tx.price;
    tx.captured = tx.price;
    tx.capture_completed = true;
  }
  Notify(call, tx, "appointed");
  if (!tx.preauthorization && tx.collects) {
    tx.paid = tx.receivable;
    Notify(call, tx, "paid");
    if (tx.returned_debit) {
      tx.paid = 0;
      Notify(call, tx, "failed", {{"failedcause", "soc"}});
    }
  }
}

std::string RedirectUrl(const Call& call, const Transaction& tx) {
  const char* path =
      tx.clearingtype == "cc" ? "/3ds/redirect.php" : "/redirect/";
  return absl::StrCat(call.base_url, path, "?md=", tx.redirect_token,
                      "&txid=", tx.txid);
}

Answer Authorize(Call& call, bool preauthorization) {
  if (auto error = CheckAid(call)) return call.Fail(*error);
  if (auto error =
          CheckRules(call.params, {{"clearingtype", true, Format::kList,
                                    "elv|cc|vor|rec|cod|sb|wlt|fnc|csh"}})) {
    return call.Fail(*error);
  }
  const std::string& clearingtype = call.Get("clearingtype");
  if (!preauthorization && clearingtype == "vor") {
    return call.Fail({931, ""});
  }
  if (auto error = CheckRules(
          call.params,
          {{"reference", true, Format::kReference},
           {"amount", true, Format::kAmount},
           {"currency", true, Format::kCurrency},
           {"api_version", false, Format::kList, "3.8|3.9|3.10|3.11"},
           {"successurl", false, Format::kUrl},
           {"errorurl", false, Format::kUrl},
           {"backurl", false, Format::kUrl}})) {
    return call.Fail(*error);
  }
  // A usertoken (getuser) names a stored debtor, whose name and address
  // PAYONE already has.
  std::string token_user;
  if (call.params.Has("usertoken")) {
    token_user = call.ledger.UserOfToken(call.account.portalid,
                                         call.Get("usertoken"), call.now);
    if (token_user.empty()) return call.Fail({3001, ""});
  }
  if (token_user.empty() && call.Get("lastname").empty() &&
      call.Get("company").empty()) {
    return call.Fail(ParamError("lastname"));
  }
  if (auto error = CheckRules(
          call.params, {{"country", token_user.empty(), Format::kCountry}})) {
    return call.Fail(*error);
  }
  const Method* method = FindMethod(clearingtype);
  if (auto error = method->check(call)) return call.Fail(*error);
  if (!call.ledger.ClaimReference(call.account.portalid,
                                  call.Get("reference"))) {
    return call.Fail({911, ""});
  }

  Transaction tx;
  tx.txid = call.ledger.NextTxid();
  tx.portalid = call.account.portalid;
  tx.aid = call.account.aid;
  tx.mode = call.Get("mode");
  tx.reference = call.Get("reference");
  tx.currency = call.Get("currency");
  tx.clearingtype = clearingtype;
  tx.preauthorization = preauthorization;
  tx.price = AmountOf(call);
  tx.txtime = absl::ToUnixSeconds(call.now);
  tx.userid =
      !token_user.empty() ? token_user
      : call.Get("userid").empty()
          ? call.ledger.UserFor(call.account.portalid, call.Get("customerid"))
          : call.Get("userid");
  for (const char* name :
       {"customerid", "param", "firstname", "lastname", "company", "street",
        "zip", "city", "country", "email"}) {
    if (call.params.Has(name)) tx.echo.emplace_back(name, call.Get(name));
  }
  if (token_user.empty()) RememberDebtor(call, tx.userid);
  tx.successurl = call.Get("successurl");
  tx.errorurl = call.Get("errorurl");
  tx.backurl = call.Get("backurl");

  Answer extras;
  const Outcome outcome = method->run(call, tx, &extras);
  if (outcome.result == Result::kDeclined) {
    return call.Fail({outcome.decline_code, ""});
  }
  Answer answer;
  if (outcome.result == Result::kRedirect) {
    tx.state = TxState::kRedirect;
    tx.redirect_token = absl::StrCat(tx.txid, "x", call.ledger.NextNumber());
    answer = Answer::Status("REDIRECT");
    answer.Add("redirecturl", RedirectUrl(call, tx));
  } else if (outcome.result == Result::kPending &&
             call.Get("api_version") != "3.8" &&
             !call.Get("api_version").empty()) {
    answer = Answer::Status("PENDING");
  } else {
    answer = Answer::Status("APPROVED");
  }
  answer.Add("txid", absl::StrCat(tx.txid)).Add("userid", tx.userid);
  if (outcome.result == Result::kPending &&
      *answer.Find("status") == "PENDING") {
    answer.Add("reasoncode", "903");
  }
  for (auto& field : extras.fields) answer.fields.push_back(field);
  Transaction& stored = call.ledger.Add(std::move(tx));
  if (*answer.Find("status") == "PENDING") {
    // As in the docs' sample: appointed/pending, then completed.
    Notify(call, stored, "appointed",
           {{"transaction_status", "pending"}, {"reasoncode", "903"}});
  }
  if (outcome.result != Result::kRedirect) Appoint(call, stored);
  return answer;
}

Answer Preauthorization(Call& call) { return Authorize(call, true); }
Answer Authorization(Call& call) { return Authorize(call, false); }

}  // namespace

std::string CompleteRedirect(Call& call, Transaction& tx,
                             absl::string_view outcome) {
  if (tx.state == TxState::kRedirect) {
    if (outcome == "back") {
      tx.state = TxState::kCancelled;
    } else if (outcome == "error" || tx.redirect_fails) {
      tx.state = TxState::kFailed;
    } else {
      Appoint(call, tx);
    }
  }
  switch (tx.state) {
    case TxState::kApproved:
      return tx.successurl;
    case TxState::kCancelled:
      return tx.backurl.empty() ? tx.errorurl : tx.backurl;
    default:
      return tx.errorurl;
  }
}

void RegisterPayments(HandlerTable* table) {
  (*table)["preauthorization"] = Preauthorization;
  (*table)["authorization"] = Authorization;
}

}  // namespace payone::simulator
