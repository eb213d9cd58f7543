// managemandate, getfile, getinvoice, updateuser, genericpayment (PayPal
// Express) and vauthorization over HTTP.

#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "simulator/testing.h"

namespace payone::simulator {
namespace {

using testing::Client;
using testing::Fields;
using testing::LineValue;

Fields Mandate(const std::string& iban, const std::string& bic) {
  return {{"encoding", "UTF-8"}, {"aid", "10001"},     {"clearingtype", "elv"},
          {"currency", "EUR"},   {"firstname", "Max"}, {"lastname", "Jäger"},
          {"country", "DE"},     {"iban", iban},       {"bic", bic}};
}

class ServicesTest : public testing::SimulatorTest {};

TEST_F(ServicesTest, ManageMandateByTestIban) {
  EXPECT_EQ(client_.Call("managemandate",
                         Mandate("DE00123456782599100004", "TESTTEST")),
            "status=APPROVED\nmandate_identification=PO-0000000001\n"
            "mandate_status=active\ncreditor_identifier=DE98ZZZ09999999999\n"
            "iban=DE00123456782599100004\nbic=TESTTEST\n");
  const std::string pending = client_.Call(
      "managemandate", Mandate("DE00123456782599100003", "TESTTEST"));
  EXPECT_EQ(LineValue(pending, "mandate_status"), "pending");
  // The mandate text is form-encoded HTML in the request's charset.
  EXPECT_EQ(LineValue(pending, "mandate_text"),
            "%3Cdiv+class%3D%22mandatetext%22%3E%3Cp%3ESEPA-Lastschriftmandat"
            "+PO-0000000002%3C%2Fp%3E%0A%3Cp%3EKontoinhaber%3A+Max+J%C3%A4ger"
            "%3Cbr%3EIBAN%3A+DE00123456782599100003%3C%2Fp%3E%3C%2Fdiv%3E");
  EXPECT_EQ(
      LineValue(client_.Call("managemandate",
                             Mandate("DE00123456782599100004", "TESTTESX")),
                "errorcode"),
      "887");
  Fields latin1 = Mandate("DE00123456782599100003", "TESTTEST");
  latin1.erase(latin1.begin());
  latin1[4].second = "J\xe4ger";
  const std::string text = client_.Call("managemandate", latin1);
  EXPECT_NE(text.find("Max+J%E4ger"), std::string::npos) << text;
  Fields no_bank = Mandate("", "");
  no_bank.resize(7);
  EXPECT_EQ(LineValue(client_.Call("managemandate", no_bank), "errorcode"),
            "1091");
}

TEST_F(ServicesTest, GetFileReturnsMandatePdfs) {
  ASSERT_EQ(
      LineValue(client_.Call("managemandate",
                             Mandate("DE00123456782599100004", "TESTTEST")),
                "status"),
      "APPROVED");
  auto fetch = [&](const std::string& reference) {
    return client_.Call("getfile", {{"file_reference", reference},
                                    {"file_type", "SEPA_MANDATE"},
                                    {"file_format", "PDF"}});
  };
  for (const char* reference : {"PO-0000000001", "XX-T0000000"}) {
    const std::string pdf = fetch(reference);
    EXPECT_TRUE(absl::StartsWith(pdf, "%PDF-1.4\n")) << reference;
    EXPECT_TRUE(absl::EndsWith(pdf, "%%EOF\n"));
    EXPECT_NE(pdf.find(reference), std::string::npos);
  }
  EXPECT_EQ(LineValue(fetch("XX-T0006500"), "errorcode"), "6500");
  EXPECT_EQ(LineValue(fetch("XX-T0006502"), "errorcode"), "6502");
  EXPECT_EQ(LineValue(client_.Call("getfile",
                                   {{"aid", "10001"}, {"file_reference", "x"}}),
                      "errorcode"),
            "1204");
  EXPECT_EQ(LineValue(client_.Call("getfile", {{"file_reference", "x"},
                                               {"file_type", "SEPA_MANDATE"},
                                               {"file_format", "PNG"}}),
                      "errorcode"),
            "1652");
}

TEST_F(ServicesTest, GetInvoiceAndUpdateUser) {
  EXPECT_TRUE(absl::StartsWith(
      client_.Call("getinvoice", {{"invoice_title", "RG-1001"}}), "%PDF"));
  EXPECT_EQ(LineValue(client_.Call("getinvoice", {{"invoice_title", "X-1"}}),
                      "errorcode"),
            "6032");
  EXPECT_EQ(LineValue(client_.Call("updateuser", {}), "errorcode"), "3002");
  EXPECT_EQ(LineValue(client_.Call("updateuser", {{"userid", "123456"}}),
                      "errorcode"),
            "3009");
  EXPECT_EQ(client_.Call("updateuser", {{"customerid", "C-1"}}), "status=OK\n");
}

TEST_F(ServicesTest, GetUserIssuesATokenThatNamesTheDebtorInAPayment) {
  const std::string paid = client_.Call(
      "preauthorization", testing::Payment("elv", "gu-1", "1000",
                                           {{"customerid", "C-7"},
                                            {"iban", "DE02120300000000202051"},
                                            {"bic", "BYLADEM1001"}}));
  const std::string userid = LineValue(paid, "userid");
  ASSERT_FALSE(userid.empty()) << paid;
  const Fields by_customer = {
      {"api_version", "3.11"}, {"getusertoken", "yes"}, {"customerid", "C-7"}};
  const std::string answer = client_.Call("getuser", by_customer);
  EXPECT_EQ(LineValue(answer, "status"), "APPROVED") << answer;
  EXPECT_EQ(LineValue(answer, "userid"), userid);
  const std::string token = LineValue(answer, "usertoken");
  ASSERT_FALSE(token.empty());

  // The token stands for name and address in the same portal...
  const Fields by_token = {{"aid", "10001"},
                           {"clearingtype", "elv"},
                           {"reference", "gu-2"},
                           {"amount", "500"},
                           {"currency", "EUR"},
                           {"usertoken", token},
                           {"iban", "DE02120300000000202051"}};
  EXPECT_EQ(LineValue(client_.Call("preauthorization", by_token), "userid"),
            userid);
  // ...and copies the debtor to another portal.
  Account other = testing::TestAccount();
  other.portalid = "2000003";
  const std::string copied =
      LineValue(client_.Call("preauthorization", by_token, other), "userid");
  EXPECT_FALSE(copied.empty());
  EXPECT_NE(copied, userid);

  Fields unknown_token = by_token;
  unknown_token.back() = {"usertoken", "UT1"};
  unknown_token[2] = {"reference", "gu-3"};
  EXPECT_EQ(
      LineValue(client_.Call("preauthorization", unknown_token), "errorcode"),
      "3001");
  EXPECT_EQ(LineValue(client_.Call("getuser", {{"api_version", "3.11"},
                                               {"getusertoken", "yes"}}),
                      "errorcode"),
            "3002");
  EXPECT_EQ(LineValue(client_.Call("getuser", {{"api_version", "3.11"},
                                               {"getusertoken", "yes"},
                                               {"customerid", "nobody"}}),
                      "errorcode"),
            "3009");
}

TEST_F(ServicesTest, GetUserTakesOneWayOrTheOther) {
  const std::string paid = client_.Call(
      "preauthorization", testing::Payment("elv", "gu-9", "1000",
                                           {{"customerid", "C-9"},
                                            {"iban", "DE02120300000000202051"},
                                            {"bic", "BYLADEM1001"}}));
  ASSERT_FALSE(LineValue(paid, "userid").empty()) << paid;
  // Both ways at once, or neither: refused.
  EXPECT_EQ(LineValue(client_.Call("getuser", {{"api_version", "3.11"},
                                               {"getusertoken", "yes"},
                                               {"type", "userdata"},
                                               {"customerid", "C-9"}}),
                      "errorcode"),
            "1000");
  EXPECT_EQ(LineValue(client_.Call("getuser", {{"api_version", "3.11"},
                                               {"customerid", "C-9"}}),
                      "errorcode"),
            "1000");
}

TEST_F(ServicesTest, SubscriptionContractsAndTheirStates) {
  const Fields create = {{"aid", "10001"},
                         {"clearingtype", "cc"},
                         {"reference", "sub-1"},
                         {"productid", "123"},
                         {"access_starttime", "1768478400"},
                         {"currency", "EUR"},
                         {"lastname", "Tester"},
                         {"pseudocardpan", "4100000227987220"}};
  const std::string created = client_.Call("createaccess", create);
  EXPECT_EQ(LineValue(created, "status"), "APPROVED") << created;
  EXPECT_FALSE(LineValue(created, "txid").empty());
  EXPECT_FALSE(LineValue(created, "userid").empty());
  const std::string accessid = LineValue(created, "accessid");
  ASSERT_FALSE(accessid.empty());
  EXPECT_EQ(LineValue(client_.Call("createaccess", create), "errorcode"),
            "911");
  Fields expired = create;
  expired[2] = {"reference", "sub-2"};
  expired.push_back({"access_expiretime", "1768478400"});
  EXPECT_EQ(LineValue(client_.Call("createaccess", expired), "errorcode"),
            "7008");
  Fields prepayment = create;
  prepayment[1] = {"clearingtype", "vor"};
  EXPECT_EQ(LineValue(client_.Call("createaccess", prepayment), "status"),
            "ERROR");

  auto update = [&](const std::string& action) {
    const std::string answer = client_.Call(
        "updateaccess", {{"accessid", accessid}, {"action", action}});
    return LineValue(answer, "status") == "OK" ? "OK"
                                               : LineValue(answer, "errorcode");
  };
  EXPECT_EQ(update("lock"), "OK");
  EXPECT_EQ(update("lock"), "7030");
  EXPECT_EQ(update("unlock"), "OK");
  EXPECT_EQ(update("reverse_cancel"), "7030");
  EXPECT_EQ(update("cancel"), "OK");
  EXPECT_EQ(update("update"), "7030");
  EXPECT_EQ(update("reverse_cancel"), "OK");
  EXPECT_EQ(update("update"), "OK");
  EXPECT_EQ(LineValue(client_.Call("updateaccess", {{"accessid", "999999"},
                                                    {"action", "lock"}}),
                      "errorcode"),
            "7005");
}

TEST_F(ServicesTest, UpdateReminderOfAPaymentProcess) {
  const std::string paid =
      client_.Call("authorization", testing::Payment("rec", "rem-1", "1000"));
  const std::string txid = LineValue(paid, "txid");
  ASSERT_FALSE(txid.empty()) << paid;
  EXPECT_EQ(client_.Call("updatereminder", {{"txid", txid},
                                            {"reminderlevel", "2"},
                                            {"sendreminder", "yes"}}),
            "status=OK\n");
  EXPECT_EQ(LineValue(client_.Call("updatereminder",
                                   {{"txid", txid}, {"reminderlevel", "9"}}),
                      "status"),
            "ERROR");
  EXPECT_EQ(LineValue(client_.Call("updatereminder", {{"txid", "999999999"},
                                                      {"reminderlevel", "A"}}),
                      "errorcode"),
            "913");
}

TEST_F(ServicesTest, PayPalExpressCheckoutWithWorkOrder) {
  const Fields session = {{"aid", "10001"},
                          {"clearingtype", "wlt"},
                          {"wallettype", "PPE"},
                          {"amount", "4200"},
                          {"currency", "EUR"},
                          {"successurl", "https://shop.example/ok"},
                          {"errorurl", "https://shop.example/error"},
                          {"backurl", "https://shop.example/back"}};
  Fields set = session;
  set.push_back({"add_paydata[action]", "setexpresscheckout"});
  const std::string redirect = absl::StrCat(
      sim_->base_url(),
      "/redirect/?md=WX1A1SE0000000001&cmd=_express-checkout&token=EC-"
      "0000000001");
  EXPECT_EQ(client_.Call("genericpayment", set),
            absl::StrCat("status=REDIRECT\nredirecturl=", redirect,
                         "\nworkorderid=WX1A1SE0000000001\n"));
  Fields pay = testing::Payment(
      "wlt", "PPE-1", "4200",
      {{"wallettype", "PPE"}, {"workorderid", "WX1A1SE0000000001"}});
  // Not before the buyer is back from PayPal.
  EXPECT_EQ(LineValue(client_.Call("preauthorization", pay), "errorcode"),
            "305");
  auto page = client_.Get(redirect.substr(sim_->base_url().size()));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->Header("location"), "https://shop.example/ok");

  Fields details = session;
  details.push_back({"add_paydata[action]", "getexpresscheckoutdetails"});
  EXPECT_EQ(LineValue(client_.Call("genericpayment", details), "errorcode"),
            "1011");
  details.push_back({"workorderid", "WX1A1SE0000000001"});
  const std::string body = client_.Call("genericpayment", details);
  EXPECT_EQ(LineValue(body, "status"), "OK");
  EXPECT_EQ(LineValue(body, "add_paydata[email]"), "buyer@example.com");
  EXPECT_EQ(LineValue(body, "add_paydata[payer_status]"), "verified");

  EXPECT_EQ(client_.Call("preauthorization", pay),
            "status=APPROVED\ntxid=700000001\nuserid=400000001\n");
  pay[2].second = "PPE-2";
  pay[8].second = "WX-unknown";
  EXPECT_EQ(LineValue(client_.Call("preauthorization", pay), "errorcode"),
            "1011");
}

TEST_F(ServicesTest, OtherGenericPaymentActions) {
  Fields klarna = {
      {"aid", "10001"},         {"clearingtype", "fnc"},
      {"financingtype", "KIV"}, {"amount", "100"},
      {"currency", "EUR"},      {"add_paydata[action]", "start_session"}};
  const std::string session = client_.Call("genericpayment", klarna);
  EXPECT_EQ(LineValue(session, "status"), "OK");
  EXPECT_EQ(LineValue(session, "add_paydata[session_id]"),
            "session-WX1A1SE0000000001");
  Fields update = klarna;
  update.back().second = "update_order";
  update.push_back({"workorderid", LineValue(session, "workorderid")});
  EXPECT_EQ(LineValue(client_.Call("genericpayment", update), "workorderid"),
            LineValue(session, "workorderid"));
  update[2].second = "KIS";  // the session was started for KIV
  EXPECT_EQ(LineValue(client_.Call("genericpayment", update), "errorcode"),
            "1011");
  klarna.back().second = "installment_options";
  klarna[3].second = "30000";
  EXPECT_EQ(
      LineValue(client_.Call("genericpayment", klarna),
                "add_paydata[monthly_amount_value_2]"),
      "2875");  // 300.00 at 14.99 % over 12 months: 344.97, rates of 28.75
  const Fields amazon = {
      {"aid", "10001"},
      {"clearingtype", "wlt"},
      {"wallettype", "AMP"},
      {"amount", "100"},
      {"currency", "EUR"},
      {"successurl", "https://shop.example/ok"},
      {"add_paydata[action]", "createCheckoutSessionPayload"}};
  const std::string payload = client_.Call("genericpayment", amazon);
  EXPECT_FALSE(LineValue(payload, "add_paydata[signature]").empty()) << payload;
  const Fields unzer = {{"aid", "10001"},
                        {"clearingtype", "fnc"},
                        {"financingtype", "PYV"},
                        {"amount", "100"},
                        {"currency", "EUR"},
                        {"add_paydata[payment_type]", "Payolution-Invoicing"},
                        {"lastname", "Rejected"},
                        {"add_paydata[action]", "pre_check"}};
  EXPECT_EQ(LineValue(client_.Call("genericpayment", unzer), "errorcode"),
            "307");
  klarna.pop_back();
  EXPECT_EQ(LineValue(client_.Call("genericpayment", klarna), "errorcode"),
            "1007");
}

TEST_F(ServicesTest, VAuthorizationAndUniqueVReference) {
  const Fields booking = {{"aid", "10001"},
                          {"clearingtype", "rec"},
                          {"vreference", "V-1"},
                          {"vaccountname", "acc-1"},
                          {"amount", "1500"},
                          {"currency", "EUR"},
                          {"settle_period_length", "1"},
                          {"settle_period_unit", "M"},
                          {"settletime", "1800000000"}};
  EXPECT_EQ(client_.Call("vauthorization", booking),
            "status=APPROVED\nvxid=700000001\nvaid=80000001\n"
            "userid=400000001\n");
  EXPECT_EQ(LineValue(client_.Call("vauthorization", booking), "errorcode"),
            "8011");
  Fields prepayment = booking;
  prepayment[1].second = "vor";
  EXPECT_EQ(LineValue(client_.Call("vauthorization", prepayment), "errorcode"),
            "1001");
}

}  // namespace
}  // namespace payone::simulator
