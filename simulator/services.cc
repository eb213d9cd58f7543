// managemandate, getfile, getinvoice, updateuser, getuser, createaccess,
// updateaccess, updatereminder, genericpayment, vauthorization.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "codec/runtime/form.h"
#include "simulator/handler.h"
#include "simulator/test_data.h"

namespace payone::simulator {
namespace {

// A small but well-formed one-page PDF saying `text`.
std::string Pdf(absl::string_view text) {
  const std::string stream =
      absl::StrCat("BT /F1 12 Tf 72 720 Td (", text, ") Tj ET");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    absl::StrAppend(&pdf, offsets.size(), " 0 obj\n", body, "\nendobj\n");
  };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
      "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
  object(absl::StrCat("<< /Length ", stream.size(), " >>\nstream\n", stream,
                      "\nendstream"));
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const size_t xref = pdf.size();
  absl::StrAppend(&pdf, "xref\n0 ", offsets.size() + 1,
                  "\n0000000000 65535 f \n");
  for (size_t offset : offsets) {
    absl::StrAppend(&pdf, absl::StrFormat("%010d 00000 n \n", offset));
  }
  absl::StrAppend(&pdf, "trailer\n<< /Size ", offsets.size() + 1,
                  " /Root 1 0 R >>\nstartxref\n", xref, "\n%%EOF\n");
  return pdf;
}

Answer PdfAnswer(absl::string_view text) {
  Answer answer;
  answer.binary = Pdf(text);
  answer.binary_type = "application/pdf";
  return answer;
}

Answer ManageMandate(Call& call) {
  if (auto error = CheckAid(call)) return call.Fail(*error);
  if (auto error =
          CheckRules(call.params, {{"clearingtype", true, Format::kList, "elv"},
                                   {"currency", true, Format::kCurrency}})) {
    return call.Fail(*error);
  }
  const RequestedIban account = IbanOf(call);
  if (account.error) return call.Fail(*account.error);
  const std::string& iban = account.iban;
  if (call.Get("lastname").empty() && call.Get("company").empty()) {
    return call.Fail(ParamError("lastname"));
  }
  if (auto error =
          CheckRules(call.params, {{"country", true, Format::kCountry}})) {
    return call.Fail(*error);
  }
  const BankBehaviour bank = BankBehaviourOf(iban, call.Get("bic"));
  if (bank.error) return call.Fail(*bank.error);
  std::string mandate = call.Get("mandate_identification");
  if (mandate.empty()) {
    mandate = absl::StrFormat("PO-%010d", call.ledger.NextNumber());
  }
  call.ledger.mandates[mandate] = iban;
  Answer answer = Answer::Status("APPROVED");
  answer.Add("mandate_identification", mandate);
  if (bank.mandate == MandateStatus::kActive) {
    answer.Add("mandate_status", "active");
  } else {
    answer.Add("mandate_status", "pending");
    // PAYONE sends the mandate text form-encoded (reference §1.5).
    const std::string name =
        absl::StrCat(call.Get("firstname"), " ", call.Get("lastname"));
    const std::string html = absl::StrCat(
        "<div class=\"mandatetext\"><p>SEPA-Lastschriftmandat ", mandate,
        "</p>\n<p>Kontoinhaber: ", name, "<br>IBAN: ", iban, "</p></div>");
    // Encoded in the request's charset, like every other answer value.
    answer.Add(
        "mandate_text",
        codec::FormEncode(call.params.utf8() ? html : ToLatin1Lossy(html)));
  }
  answer.Add("creditor_identifier", "DE98ZZZ09999999999").Add("iban", iban);
  if (!call.Get("bic").empty()) answer.Add("bic", call.Get("bic"));
  return answer;
}

Answer GetFile(Call& call) {
  // "aid may not be passed for getfile".
  if (call.params.Has("aid")) return call.Fail(ParamError("aid"));
  if (auto error = CheckRules(
          call.params, {{"file_reference", true},
                        {"file_type", true, Format::kList, "SEPA_MANDATE"},
                        {"file_format", true, Format::kList, "PDF"}})) {
    return call.Fail(*error);
  }
  const std::string& reference = call.Get("file_reference");
  if (reference == "XX-T0006502") return call.Fail({6502, ""});
  if (reference != "XX-T0000000" &&
      call.ledger.mandates.find(reference) == call.ledger.mandates.end()) {
    return call.Fail({6500, ""});
  }
  return PdfAnswer(absl::StrCat("SEPA mandate ", reference));
}

Answer GetInvoice(Call& call) {
  if (auto error = CheckRules(call.params, {{"invoice_title", true}})) {
    return call.Fail(*error);
  }
  const std::string& title = call.Get("invoice_title");
  if (!absl::StartsWith(title, "RG") && !absl::StartsWith(title, "GT")) {
    return call.Fail({6032, ""});
  }
  return PdfAnswer(absl::StrCat("Invoice ", title));
}

Answer UpdateUser(Call& call) {
  const std::string& userid = call.Get("userid");
  if (userid.empty() && call.Get("customerid").empty()) {
    return call.Fail({3002, ""});
  }
  if (!userid.empty() && !call.ledger.HasUser(call.account.portalid, userid)) {
    return call.Fail({3009, ""});
  }
  return Answer::Status("OK");
}

// getuser (api_version >= 3.11), one of two ways as PAYONE documents it:
// getusertoken=yes, a 15-minute token for a stored debtor (APPROVED), or
// type=userdata, the debtor's stored data answered only in JSON (OK).
// Both at once or neither: refused (sim).
Answer GetUser(Call& call) {
  if (auto error = CheckRules(call.params,
                              {{"api_version", true, Format::kList, "3.11"},
                               {"getusertoken", false, Format::kList, "yes"},
                               {"type", false, Format::kList, "userdata"},
                               {"userid", false, Format::kDigits}})) {
    return call.Fail(*error);
  }
  const bool userdata = call.Get("type") == "userdata";
  if (userdata == (call.Get("getusertoken") == "yes")) {
    return call.Fail(ParamError(userdata ? "type" : "getusertoken"));
  }
  std::string userid = call.Get("userid");
  if (userid.empty() && call.Get("customerid").empty()) {
    return call.Fail({3002, ""});
  }
  if (userid.empty()) {
    userid =
        call.ledger.KnownUser(call.account.portalid, call.Get("customerid"));
  }
  if (userid.empty() || !call.ledger.HasUser(call.account.portalid, userid)) {
    return call.Fail({3009, ""});
  }
  if (!userdata) {
    Answer answer = Answer::Status("APPROVED");
    answer
        .Add("usertoken",
             call.ledger.IssueUserToken(call.account.portalid, userid,
                                        call.now + absl::Minutes(15)))
        .Add("userid", userid);
    return answer;
  }
  Answer answer = Answer::Status("OK");
  answer.json_only = true;
  answer.Add("userid", userid);
  if (const auto* debtor =
          call.ledger.DebtorOf(call.account.portalid, userid)) {
    for (const auto& [name, value] : *debtor) answer.Add(name, value);
  }
  return answer;
}

// createaccess: a subscription contract paid by cc, elv or rec.
Answer CreateAccess(Call& call) {
  if (auto error = CheckAid(call)) return call.Fail(*error);
  if (auto error = CheckRules(
          call.params, {{"clearingtype", true, Format::kList, "cc|elv|rec"},
                        {"reference", true, Format::kReference},
                        {"productid", true, Format::kDigits},
                        {"access_starttime", true, Format::kDigits},
                        {"access_expiretime", false, Format::kDigits},
                        {"currency", true, Format::kCurrency}})) {
    return call.Fail(*error);
  }
  int64_t start = 0;
  int64_t expire = 0;
  if (absl::SimpleAtoi(call.Get("access_starttime"), &start) &&
      absl::SimpleAtoi(call.Get("access_expiretime"), &expire) &&
      expire <= start) {
    return call.Fail({7008, ""});
  }
  if (!call.ledger.ClaimReference(call.account.portalid,
                                  call.Get("reference"))) {
    return call.Fail({911, ""});
  }
  const std::string accessid = absl::StrCat(100000 + call.ledger.NextNumber());
  call.ledger.accesses[accessid].portalid = call.account.portalid;
  const std::string userid =
      call.Get("userid").empty()
          ? call.ledger.UserFor(call.account.portalid, call.Get("customerid"))
          : call.Get("userid");
  Answer answer = Answer::Status("APPROVED");
  answer.Add("txid", absl::StrCat(call.ledger.NextTxid()))
      .Add("userid", userid)
      .Add("accessid", accessid);
  return answer;
}

// updateaccess: the contract's state machine; cancel and lock are undone
// only by reverse_cancel and unlock (7030 otherwise).
Answer UpdateAccess(Call& call) {
  if (auto error =
          CheckRules(call.params,
                     {{"accessid", true, Format::kDigits},
                      {"action", true, Format::kList,
                       "update|cancel|reverse_cancel|lock|unlock"},
                      {"clearingtype", false, Format::kList, "cc|elv|rec"}})) {
    return call.Fail(*error);
  }
  const auto it = call.ledger.accesses.find(call.Get("accessid"));
  if (it == call.ledger.accesses.end() ||
      it->second.portalid != call.account.portalid) {
    return call.Fail({7005, ""});
  }
  Ledger::Access& access = it->second;
  const std::string& action = call.Get("action");
  bool* flag = nullptr;
  bool wanted = true;
  if (action == "cancel" || action == "reverse_cancel") {
    flag = &access.cancelled;
    wanted = action == "cancel";
  } else if (action == "lock" || action == "unlock") {
    flag = &access.locked;
    wanted = action == "lock";
  } else if (access.cancelled) {
    return call.Fail({7030, ""});  // update of a cancelled contract
  }
  if (flag != nullptr) {
    if (*flag == wanted) return call.Fail({7030, ""});
    *flag = wanted;
  }
  return Answer::Status("OK");
}

// updatereminder: the dunning level of one of the portal's payment
// processes.
Answer UpdateReminder(Call& call) {
  if (auto error = CheckRules(
          call.params,
          {{"txid", true, Format::kDigits},
           {"reminderlevel", true, Format::kList, "1|2|3|4|5|A|S|M|I"},
           {"remindertime", false, Format::kDigits},
           {"sendreminder", false, Format::kList, "yes|no"}})) {
    return call.Fail(*error);
  }
  if (call.ledger.Find(call.account.portalid, call.Get("txid")) == nullptr) {
    return call.Fail({913, ""});
  }
  return Answer::Status("OK");
}

std::string NewWorkOrder(Call& call) {
  const std::string id =
      absl::StrFormat("WX1A1SE%010d", call.ledger.NextNumber());
  Ledger::WorkOrder& order = call.ledger.workorders[id];
  order.portalid = call.account.portalid;
  order.successurl = call.Get("successurl");
  order.errorurl = call.Get("errorurl");
  order.backurl = call.Get("backurl");
  order.financingtype = call.Get("financingtype");
  return id;
}

// REDIRECT to the simulator's page for the work order `id` (what PayPal's
// or PostFinance's page would be), with `query` appended to its URL.
Answer WorkOrderRedirect(const Call& call, const std::string& id,
                         absl::string_view query) {
  Answer answer = Answer::Status("REDIRECT");
  answer
      .Add("redirecturl",
           absl::StrCat(call.base_url, "/redirect/?md=", id, query))
      .Add("workorderid", id);
  return answer;
}

Answer SetExpressCheckout(Call& call) {
  if (auto error = CheckRules(call.params,
                              {{"wallettype", true, Format::kList, "PPE|PAL"},
                               {"amount", true, Format::kAmount},
                               {"currency", true, Format::kCurrency},
                               {"successurl", true, Format::kUrl},
                               {"errorurl", true, Format::kUrl},
                               {"backurl", true, Format::kUrl}})) {
    return call.Fail(*error);
  }
  const std::string id = NewWorkOrder(call);
  return WorkOrderRedirect(
      call, id, absl::StrCat("&cmd=_express-checkout&token=EC-", id.substr(7)));
}

Answer GetExpressCheckoutDetails(Call& call) {
  const std::string& id = call.Get("workorderid");
  const auto it = call.ledger.workorders.find(id);
  if (it == call.ledger.workorders.end() ||
      it->second.portalid != call.account.portalid) {
    return call.Fail(ParamError("workorderid"));
  }
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", id)
      .Add("add_paydata[email]", "buyer@example.com")
      .Add("add_paydata[shipping_firstname]", "Paula")
      .Add("add_paydata[shipping_lastname]", "Pal")
      .Add("add_paydata[shipping_street]", "Teststr. 1")
      .Add("add_paydata[shipping_zip]", "10115")
      .Add("add_paydata[shipping_city]", "Berlin")
      .Add("add_paydata[shipping_country]", "DE")
      .Add("add_paydata[payer_status]",
           it->second.confirmed ? "verified" : "unconfirmed");
  return answer;
}

// The work order of a follow-up call (workorderid of this portal), or null.
const Ledger::WorkOrder* FollowUp(Call& call) {
  const auto it = call.ledger.workorders.find(call.Get("workorderid"));
  return it == call.ledger.workorders.end() ||
                 it->second.portalid != call.account.portalid
             ? nullptr
             : &it->second;
}

// A Klarna session's answer: what the Klarna widget needs.
Answer SessionAnswer(const std::string& id) {
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", id)
      .Add("add_paydata[client_token]", absl::StrCat("simulated-token-", id))
      .Add("add_paydata[session_id]", absl::StrCat("session-", id));
  return answer;
}

Answer StartSession(Call& call) { return SessionAnswer(NewWorkOrder(call)); }

// update_order: the amount or basket of an open Klarna session changed;
// the session keeps its workorderid.
Answer UpdateOrder(Call& call) {
  const Ledger::WorkOrder* order = FollowUp(call);
  if (order == nullptr || order->financingtype != call.Get("financingtype")) {
    return call.Fail(ParamError("workorderid"));
  }
  return SessionAnswer(call.Get("workorderid"));
}

// Amazon Pay v2 createCheckoutSessionPayload: the button's signed payload.
Answer CreateCheckoutSessionPayload(Call& call) {
  if (auto error =
          CheckRules(call.params, {{"wallettype", true, Format::kList, "AMP"},
                                   {"amount", true, Format::kAmount},
                                   {"currency", true, Format::kCurrency},
                                   {"successurl", true, Format::kUrl}})) {
    return call.Fail(*error);
  }
  const std::string id = NewWorkOrder(call);
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", id)
      .Add("add_paydata[payload]",
           absl::StrCat(
               "{\"webCheckoutDetails\":{\"checkoutReviewReturnUrl\":\"",
               call.Get("successurl"), "\"},\"storeId\":\"sim-", id, "\"}"))
      .Add("add_paydata[signature]", absl::StrCat("simulated-signature-", id));
  return answer;
}

// The buyer's shipping and billing address as Amazon Pay answers carry
// them, and the store's name.
void AddAmazonAddresses(Answer* answer) {
  for (const char* prefix : {"shipping", "billing"}) {
    auto add = [&](absl::string_view name, absl::string_view value) {
      answer->Add(absl::StrCat("add_paydata[", prefix, "_", name, "]"), value);
    };
    add("firstname", "Alfred");
    add("lastname", "Amazing");
    add("street", "Amazonstr. 1");
    add("zip", "80939");
    add("city", "Muenchen");
    add("country", "DE");
  }
  answer->Add("add_paydata[storename]", "Simulated Store");
}

// Amazon Pay v2 getCheckoutSession: the buyer of a started session.
Answer GetCheckoutSession(Call& call) {
  if (FollowUp(call) == nullptr) return call.Fail(ParamError("workorderid"));
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", call.Get("workorderid"))
      .Add("add_paydata[email]", "buyer@example.com");
  AddAmazonAddresses(&answer);
  return answer;
}

// Amazon Pay v1 getconfiguration: the widgets' ids and a new work order.
Answer AmazonGetConfiguration(Call& call) {
  if (auto error = CheckRules(call.params,
                              {{"wallettype", true, Format::kList, "AMZ"}})) {
    return call.Fail(*error);
  }
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", NewWorkOrder(call))
      .Add("add_paydata[client_id]", "amzn1.application-oa2-client.sim")
      .Add("add_paydata[seller_id]",
           absl::StrCat("SIMSELLER", call.account.portalid));
  return answer;
}

// Amazon Pay v1 getorderreferencedetails: the addresses of the order
// reference, for getconfiguration's work order.
Answer AmazonGetOrderReferenceDetails(Call& call) {
  if (auto error = CheckRules(call.params,
                              {{"add_paydata[amazon_reference_id]", true}})) {
    return call.Fail(*error);
  }
  if (FollowUp(call) == nullptr) return call.Fail(ParamError("workorderid"));
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", call.Get("workorderid"))
      .Add("add_paydata[shipping_type]", "Physical")
      .Add("add_paydata[billing_type]", "Physical");
  AddAmazonAddresses(&answer);
  return answer;
}

// Unzer/Payolution pre_check: accepts the buyer unless lastname=Rejected
// (simulator convention, as for the PAYONE Secured methods: 307).
Answer PreCheck(Call& call) {
  if (auto error = CheckRules(
          call.params,
          {{"financingtype", true, Format::kList, "PYV|PYS|PYD|PYM"},
           {"add_paydata[payment_type]", true, Format::kList,
            "Payolution-Invoicing|Payolution-Debit|Payolution-Installment|"
            "Payolution-Monthly"}})) {
    return call.Fail(*error);
  }
  if (call.Get("lastname") == "Rejected") return call.Fail({307, ""});
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", NewWorkOrder(call));
  return answer;
}

// installment_options: three plans (3, 6 and 12 months) numbered from 0
// inside add_paydata as PAYONE sends them, at 9.99, 11.99 and 14.99 %
// nominal interest on the amount (simple interest, the last rate takes the
// rounding).
Answer InstallmentOptions(Call& call) {
  if (auto error =
          CheckRules(call.params, {{"amount", true, Format::kAmount},
                                   {"currency", true, Format::kCurrency}})) {
    return call.Fail(*error);
  }
  const int64_t amount = AmountOf(call);
  const std::string& currency = call.Get("currency");
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", NewWorkOrder(call))
      .Add("add_paydata[amount_value]", absl::StrCat(amount))
      .Add("add_paydata[amount_currency]", currency);
  struct Plan {
    int months;
    int nominal;    // hundredths of a percent
    int effective;  // hundredths of a percent
  };
  int n = 0;
  for (const Plan& plan :
       {Plan{3, 999, 1012}, Plan{6, 1199, 1208}, Plan{12, 1499, 1503}}) {
    const int64_t total =
        amount + amount * plan.nominal * plan.months / (12 * 10000);
    const int64_t monthly = (total + plan.months - 1) / plan.months;
    const int64_t last = total - monthly * (plan.months - 1);
    const std::string id = absl::StrCat("IOP_sim", plan.months);
    auto add = [&](absl::string_view name, const std::string& value) {
      answer.Add(absl::StrCat("add_paydata[", name, "_", n, "]"), value);
    };
    add("installment_option_id", id);
    add("number_of_payments", absl::StrCat(plan.months));
    add("monthly_amount_value", absl::StrCat(monthly));
    add("monthly_amount_currency", currency);
    add("last_rate_amount_value", absl::StrCat(last));
    add("last_rate_amount_currency", currency);
    add("first_rate_date", "2030-01-28");
    add("total_amount_value", absl::StrCat(total));
    add("total_amount_currency", currency);
    add("nominal_interest_rate", absl::StrCat(plan.nominal));
    add("effective_interest_rate", absl::StrCat(plan.effective));
    add("link_credit_information_href",
        absl::StrCat(call.base_url, "/installment-options/", id,
                     "/credit-information"));
    add("link_credit_information_type", "application/pdf");
    ++n;
  }
  return answer;
}

// Ratepay profile: the profile of the shop id (any shop id of digits is
// a test profile with every Ratepay method active).
Answer RatepayProfile(Call& call) {
  if (auto error = CheckRules(
          call.params, {{"financingtype", true, Format::kList, "RPV|RPS|RPD"},
                        {"add_paydata[shop_id]", true, Format::kDigits}})) {
    return call.Fail(*error);
  }
  const std::string& shop_id = call.Get("add_paydata[shop_id]");
  Answer answer = Answer::Status("OK");
  answer.Add("add_paydata[profile-id]", absl::StrCat("SIM-", shop_id))
      .Add("add_paydata[merchant-name]", "Simulated Merchant")
      .Add("add_paydata[shop-name]", absl::StrCat("Shop ", shop_id))
      .Add("add_paydata[currency]", "EUR")
      .Add("add_paydata[country-code-billing]", "DE,AT")
      .Add("add_paydata[country-code-delivery]", "DE,AT")
      .Add("add_paydata[activation-status-invoice]", "2")
      .Add("add_paydata[activation-status-elv]", "2")
      .Add("add_paydata[activation-status-installment]", "2")
      .Add("add_paydata[tx-limit-invoice-min]", "10.00")
      .Add("add_paydata[tx-limit-invoice-max]", "1500.00")
      .Add("add_paydata[tx-limit-elv-min]", "10.00")
      .Add("add_paydata[tx-limit-elv-max]", "1500.00")
      .Add("add_paydata[tx-limit-installment-min]", "200.00")
      .Add("add_paydata[tx-limit-installment-max]", "3000.00")
      .Add("add_paydata[month-allowed]", "3,6,12,24")
      .Add("add_paydata[interestrate-default]", "13.70")
      .Add("add_paydata[rate-min-normal]", "20.00")
      .Add("add_paydata[valid-payment-firstdays]", "2,28");
  return answer;
}

std::string Decimal(int64_t minor) {
  return absl::StrFormat("%d.%02d", minor / 100, minor % 100);
}

// Ratepay calculation (RPS): the plan at 13.70 % interest for the rate
// (calculation-by-rate: as many months as that rate needs, at least 3) or
// the number of months (calculation-by-time); rates due on the 2nd.
Answer RatepayCalculation(Call& call) {
  if (auto error = CheckRules(
          call.params, {{"financingtype", true, Format::kList, "RPS"},
                        {"add_paydata[shop_id]", true, Format::kDigits},
                        {"amount", true, Format::kAmount},
                        {"currency", true, Format::kCurrency},
                        {"add_paydata[calculation_type]", true, Format::kList,
                         "calculation-by-rate|calculation-by-time"}})) {
    return call.Fail(*error);
  }
  const int64_t amount = AmountOf(call);
  const bool by_rate =
      call.Get("add_paydata[calculation_type]") == "calculation-by-rate";
  const char* const given =
      by_rate ? "add_paydata[rate]" : "add_paydata[month]";
  if (auto error = CheckRules(call.params, {{given, true, Format::kDigits}})) {
    return call.Fail(*error);
  }
  int64_t months = AmountOf(call, given);
  const auto total_for = [amount](int64_t n) {
    return amount + amount * 1370 * n / (12 * 10000);
  };
  if (by_rate) {
    const int64_t rate = std::max<int64_t>(months, 1);
    months = 3;
    while (months < 120 && total_for(months) > rate * months) ++months;
  }
  if (months < 1 || months > 120) return call.Fail(ParamError(given));
  const int64_t total = total_for(months);
  const int64_t rate = (total + months - 1) / months;
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", NewWorkOrder(call))
      .Add("add_paydata[amount]", Decimal(amount))
      .Add("add_paydata[number-of-rates]", absl::StrCat(months))
      .Add("add_paydata[rate]", Decimal(rate))
      .Add("add_paydata[last-rate]", Decimal(total - rate * (months - 1)))
      .Add("add_paydata[interest-rate]", "13.70")
      .Add("add_paydata[annual-percentage-rate]", "14.60")
      .Add("add_paydata[monthly-debit-interest]", "1.14")
      .Add("add_paydata[interest-amount]", Decimal(total - amount))
      .Add("add_paydata[service-charge]", "0.00")
      .Add("add_paydata[total-amount]", Decimal(total))
      .Add("add_paydata[payment-firstday]", "2");
  return answer;
}

// Unzer/Payolution calculation (PYS): three plans (3, 6 and 12 months) for
// the pre_check's work order, numbered from 1 inside the key as PAYONE
// sends them (add_paydata[PaymentDetails_<n>_...]), each rate numbered
// again (PaymentDetails_<n>_Installment_<m>_Amount, _Due); 9.90 % simple
// interest, the last rate takes the rounding.
Answer UnzerCalculation(Call& call) {
  if (auto error = CheckRules(call.params,
                              {{"financingtype", true, Format::kList, "PYS"},
                               {"amount", true, Format::kAmount},
                               {"currency", true, Format::kCurrency}})) {
    return call.Fail(*error);
  }
  const Ledger::WorkOrder* order = FollowUp(call);
  if (order == nullptr || order->financingtype != "PYS") {
    return call.Fail(ParamError("workorderid"));
  }
  const int64_t amount = AmountOf(call);
  const std::string& currency = call.Get("currency");
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", call.Get("workorderid"));
  int n = 1;
  for (const int months : {3, 6, 12}) {
    const int64_t total = amount + amount * 990 * months / (12 * 10000);
    const int64_t rate = (total + months - 1) / months;
    auto add = [&](absl::string_view name, absl::string_view value) {
      answer.Add(absl::StrCat("add_paydata[PaymentDetails_", n, "_", name, "]"),
                 value);
    };
    add("Duration", absl::StrCat(months));
    add("Currency", currency);
    add("OriginalAmount", Decimal(amount));
    add("TotalAmount", Decimal(total));
    add("InterestRate", "9.90");
    add("EffectiveInterestRate", "10.36");
    add("MinimumInstallmentFee", "0.00");
    add("StandardCreditInformationUrl",
        absl::StrCat(call.base_url, "/payolution/credit-information/",
                     call.Get("workorderid"), "/", months));
    for (int m = 1; m <= months; ++m) {
      add(absl::StrCat("Installment_", m, "_Amount"),
          Decimal(m < months ? rate : total - rate * (months - 1)));
      add(absl::StrCat("Installment_", m, "_Due"),
          absl::StrFormat("2030-%02d-01", m));
    }
    ++n;
  }
  return answer;
}

// calculation: Unzer/Payolution (financingtype PY*) or Ratepay.
Answer Calculation(Call& call) {
  return absl::StartsWith(call.Get("financingtype"), "PY")
             ? UnzerCalculation(call)
             : RatepayCalculation(call);
}

// Amazon Pay v2 updateCheckoutSession: the new amount of a started session.
Answer UpdateCheckoutSession(Call& call) {
  if (auto error =
          CheckRules(call.params, {{"wallettype", true, Format::kList, "AMP"},
                                   {"amount", true, Format::kAmount},
                                   {"currency", true, Format::kCurrency}})) {
    return call.Fail(*error);
  }
  if (FollowUp(call) == nullptr) return call.Fail(ParamError("workorderid"));
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", call.Get("workorderid"));
  return answer;
}

// The Amazon Pay v1 checkout (getconfiguration's work order) of a request
// naming an order reference, or an error.
Ledger::WorkOrder* AmazonCheckout(Call& call,
                                  std::optional<PayoneError>* error) {
  *error =
      CheckRules(call.params, {{"wallettype", true, Format::kList, "AMZ"},
                               {"add_paydata[amazon_reference_id]", true}});
  if (*error) return nullptr;
  const auto it = call.ledger.workorders.find(call.Get("workorderid"));
  if (it == call.ledger.workorders.end() ||
      it->second.portalid != call.account.portalid) {
    *error = ParamError("workorderid");
    return nullptr;
  }
  return &it->second;
}

// Amazon Pay v1 setorderreferencedetails: the order reference gets the
// amount; the checkout remembers it.
Answer AmazonSetOrderReferenceDetails(Call& call) {
  std::optional<PayoneError> error;
  Ledger::WorkOrder* order = AmazonCheckout(call, &error);
  if (order == nullptr) return call.Fail(*error);
  if (auto faulty =
          CheckRules(call.params, {{"amount", true, Format::kAmount},
                                   {"currency", true, Format::kCurrency}})) {
    return call.Fail(*faulty);
  }
  order->amazon_reference_id = call.Get("add_paydata[amazon_reference_id]");
  order->reference_confirmed = false;
  order->reference_cancelled = false;
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", call.Get("workorderid"));
  return answer;
}

// Amazon Pay v1 confirm/cancelorderreference: only the order reference set
// on this checkout, and not once it is cancelled (sim: 1007 on
// add_paydata[amazon_reference_id]).
Answer AmazonOrderReferenceStep(Call& call, bool confirm) {
  std::optional<PayoneError> error;
  Ledger::WorkOrder* order = AmazonCheckout(call, &error);
  if (order == nullptr) return call.Fail(*error);
  if (order->amazon_reference_id.empty() ||
      order->amazon_reference_id !=
          call.Get("add_paydata[amazon_reference_id]") ||
      order->reference_cancelled) {
    return call.Fail(ParamError("add_paydata[amazon_reference_id]"));
  }
  if (confirm) {
    order->reference_confirmed = true;
  } else {
    order->reference_cancelled = true;
  }
  Answer answer = Answer::Status("OK");
  answer.Add("workorderid", call.Get("workorderid"));
  return answer;
}

Answer AmazonConfirmOrderReference(Call& call) {
  return AmazonOrderReferenceStep(call, /*confirm=*/true);
}

Answer AmazonCancelOrderReference(Call& call) {
  return AmazonOrderReferenceStep(call, /*confirm=*/false);
}

// PostFinance register_alias (PFC card, PFF E-Finance; CH, CHF): sends the
// buyer to PostFinance to register the account.
Answer PostFinanceRegisterAlias(Call& call) {
  if (auto error = CheckRules(
          call.params,
          {{"onlinebanktransfertype", true, Format::kList, "PFC|PFF"},
           {"bankcountry", true, Format::kList, "CH"},
           {"currency", true, Format::kList, "CHF"},
           {"amount", true, Format::kAmount},
           {"lastname", true},
           {"successurl", true, Format::kUrl},
           {"errorurl", true, Format::kUrl},
           {"backurl", true, Format::kUrl}})) {
    return call.Fail(*error);
  }
  return WorkOrderRedirect(call, NewWorkOrder(call), "&alias=postfinance");
}

struct Action {
  const char* name;
  Answer (*handle)(Call&);
};

constexpr Action kActions[] = {
    {"setexpresscheckout", SetExpressCheckout},
    {"getexpresscheckoutdetails", GetExpressCheckoutDetails},
    {"start_session", StartSession},
    {"update_order", UpdateOrder},
    {"installment_options", InstallmentOptions},
    {"createCheckoutSessionPayload", CreateCheckoutSessionPayload},
    {"getCheckoutSession", GetCheckoutSession},
    {"pre_check", PreCheck},
    {"profile", RatepayProfile},
    {"calculation", Calculation},
    {"getconfiguration", AmazonGetConfiguration},
    {"getorderreferencedetails", AmazonGetOrderReferenceDetails},
    {"updateCheckoutSession", UpdateCheckoutSession},
    {"setorderreferencedetails", AmazonSetOrderReferenceDetails},
    {"confirmorderreference", AmazonConfirmOrderReference},
    {"cancelorderreference", AmazonCancelOrderReference},
    {"register_alias", PostFinanceRegisterAlias},
};

Answer GenericPayment(Call& call) {
  if (auto error = CheckAid(call)) return call.Fail(*error);
  if (auto error = CheckRules(
          call.params, {{"clearingtype", true, Format::kList, "wlt|fnc|sb"},
                        {"add_paydata[action]", true}})) {
    return call.Fail(*error);
  }
  for (const Action& action : kActions) {
    if (call.Get("add_paydata[action]") == action.name) {
      return action.handle(call);
    }
  }
  return call.Fail(ParamError("add_paydata[action]"));
}

Answer VAuthorization(Call& call) {
  if (auto error = CheckAid(call)) return call.Fail(*error);
  if (auto error = CheckRules(
          call.params, {{"clearingtype", true, Format::kList, "elv|cc|rec"},
                        {"vreference", true, Format::kReference},
                        {"vaccountname", true, Format::kReference},
                        {"amount", true, Format::kSignedAmount},
                        {"currency", true, Format::kCurrency},
                        {"settle_period_length", true, Format::kDigits},
                        {"settle_period_unit", true, Format::kList, "Y|M|D"},
                        {"settletime", true, Format::kDigits}})) {
    return call.Fail(*error);
  }
  if (!call.ledger.vreferences
           .emplace(call.account.portalid, call.Get("vreference"))
           .second) {
    return call.Fail({8011, ""});
  }
  Answer answer = Answer::Status("APPROVED");
  answer.Add("vxid", absl::StrCat(call.ledger.NextTxid()))
      .Add("vaid", absl::StrCat(call.ledger.VirtualAccount(
                       call.account.portalid, call.Get("vaccountname"))))
      .Add("userid",
           call.ledger.UserFor(call.account.portalid, call.Get("customerid")));
  return answer;
}

}  // namespace

void RegisterServices(HandlerTable* table) {
  (*table)["managemandate"] = ManageMandate;
  (*table)["getfile"] = GetFile;
  (*table)["getinvoice"] = GetInvoice;
  (*table)["updateuser"] = UpdateUser;
  (*table)["getuser"] = GetUser;
  (*table)["createaccess"] = CreateAccess;
  (*table)["updateaccess"] = UpdateAccess;
  (*table)["updatereminder"] = UpdateReminder;
  (*table)["genericpayment"] = GenericPayment;
  (*table)["vauthorization"] = VAuthorization;
}

}  // namespace payone::simulator
