// creditcardcheck, 3dscheck, bankaccountcheck, addresscheck and
// consumerscore over HTTP.

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "simulator/testing.h"

namespace payone::simulator {
namespace {

using testing::Client;
using testing::Fields;
using testing::LineValue;

Fields Card(const std::string& pan, const std::string& type) {
  return {{"aid", "10001"},
          {"cardpan", pan},
          {"cardtype", type},
          {"cardexpiredate", "3012"},
          {"cardcvc2", type == "A" ? "1234" : "123"}};
}

Fields Address(const std::string& lastname, const std::string& street,
               const std::string& zip) {
  return {{"aid", "10001"},       {"addresschecktype", "BA"},
          {"lastname", lastname}, {"street", street},
          {"zip", zip},           {"city", "Kiel"},
          {"country", "DE"}};
}

class ChecksTest : public testing::SimulatorTest {};

TEST_F(ChecksTest, CreditCardCheckTokenizes) {
  EXPECT_EQ(client_.Call("creditcardcheck", Card("4012001037141112", "V")),
            "status=VALID\npseudocardpan=9410010000000000001\n"
            "truncatedcardpan=401200XXXXXX1112\n");
  // The same card keeps its pseudo card PAN.
  EXPECT_EQ(
      LineValue(client_.Call("creditcardcheck", Card("4012001037141112", "V")),
                "pseudocardpan"),
      "9410010000000000001");
  Fields no_store = Card("340000000000009", "A");
  no_store.push_back({"storecarddata", "no"});
  EXPECT_EQ(client_.Call("creditcardcheck", no_store),
            "status=VALID\ntruncatedcardpan=340000XXXXX0009\n");
  EXPECT_EQ(client_.Call("creditcardcheck", Card("4301111100000200", "V")),
            "status=INVALID\nerrorcode=2\nerrormessage=Authorization "
            "declined\ncustomermessage=The transaction was declined. Please "
            "choose another payment method.\n");
  EXPECT_EQ(
      LineValue(client_.Call("creditcardcheck", Card("4111111111111111", "M")),
                "errorcode"),
      "880");
  Fields short_cvc = Card("370000000000002", "A");
  short_cvc.back().second = "123";
  EXPECT_EQ(LineValue(client_.Call("creditcardcheck", short_cvc), "errorcode"),
            "879");
  EXPECT_EQ(LineValue(client_.Call("creditcardcheck", {{"aid", "10001"}}),
                      "errorcode"),
            "1078");
}

TEST_F(ChecksTest, PseudoCardPanPaysLikeItsCard) {
  const std::string pseudo =
      LineValue(client_.Call("creditcardcheck", Card("4012001038443335", "V")),
                "pseudocardpan");
  Fields payment = {{"aid", "10001"},          {"clearingtype", "cc"},
                    {"reference", "PSEUDO-1"}, {"amount", "100"},
                    {"currency", "EUR"},       {"lastname", "Tester"},
                    {"country", "DE"},         {"pseudocardpan", pseudo}};
  // Its card needs 3-D Secure, so the URLs are required...
  EXPECT_EQ(LineValue(client_.Call("preauthorization", payment), "errorcode"),
            "1041");
  payment.push_back({"successurl", "https://shop.example/ok"});
  payment.push_back({"errorurl", "https://shop.example/error"});
  EXPECT_EQ(LineValue(client_.Call("preauthorization", payment), "status"),
            "REDIRECT");
  // ...and documented negative pseudo PANs decline.
  payment[2].second = "PSEUDO-2";
  payment[7].second = "9410009000000000102";
  EXPECT_EQ(LineValue(client_.Call("preauthorization", payment), "errorcode"),
            "1");
  payment[2].second = "PSEUDO-3";
  payment[7].second = "9999000000000000001";
  EXPECT_EQ(LineValue(client_.Call("preauthorization", payment), "errorcode"),
            "872");
}

TEST_F(ChecksTest, ThreeDsCheck) {
  Fields enrolled = Card("4012001037141112", "V");
  enrolled.insert(enrolled.end(), {{"clearingtype", "cc"},
                                   {"amount", "100"},
                                   {"currency", "EUR"},
                                   {"exiturl", "https://shop.example/3ds"}});
  const std::string body = client_.Call("3dscheck", enrolled);
  EXPECT_EQ(LineValue(body, "status"), "ENROLLED");
  EXPECT_EQ(LineValue(body, "acsurl"), sim_->base_url() + "/3ds/acs");
  EXPECT_EQ(LineValue(body, "termurl"), "https://shop.example/3ds");
  EXPECT_EQ(LineValue(body, "xid"), "SIM3DS00000000000001");
  Fields plain = enrolled;
  plain[1].second = "4111111111111111";
  EXPECT_EQ(client_.Call("3dscheck", plain),
            "status=VALID\nxid=SIM3DS00000000000003\n"
            "pseudocardpan=9410010000000000004\n"
            "truncatedcardpan=411111XXXXXX1111\n");
  plain.pop_back();
  EXPECT_EQ(LineValue(client_.Call("3dscheck", plain), "errorcode"), "1421");
}

TEST_F(ChecksTest, BankAccountCheck) {
  EXPECT_EQ(client_.Call("bankaccountcheck", {{"aid", "10001"},
                                              {"bankcountry", "DE"},
                                              {"bankaccount", "2599100003"},
                                              {"bankcode", "12345678"}}),
            "status=VALID\nbankcountry=DE\niban=DE85123456782599100003\n"
            "bankcode=12345678\nbankaccount=2599100003\n");
  EXPECT_EQ(
      client_.Call("bankaccountcheck", {{"aid", "10001"},
                                        {"iban", "DE00123456782599100004"},
                                        {"bic", "TESTTESX"}}),
      "status=INVALID\nerrorcode=887\nerrormessage=Invalid BIC\n"
      "customermessage=Invalid BIC.\n");
  EXPECT_EQ(
      client_.Call("bankaccountcheck", {{"aid", "10001"},
                                        {"checktype", "1"},
                                        {"iban", "DE00123456782599100099"}}),
      "status=BLOCKED\n");
  EXPECT_EQ(LineValue(client_.Call("bankaccountcheck",
                                   {{"aid", "10001"}, {"checktype", "2"}}),
                      "errorcode"),
            "1432");
}

TEST_F(ChecksTest, AddressCheckAndConsumerScore) {
  EXPECT_EQ(
      client_.Call("addresscheck", Address("Muster", "Hauptstr. 1", "24103")),
      "status=VALID\nsecstatus=10\npersonstatus=NONE\n"
      "street=Hauptstr. 1\nzip=24103\ncity=Kiel\n");
  EXPECT_EQ(LineValue(client_.Call("addresscheck",
                                   Address("Muster", "hauptstr. 1", "24103")),
                      "secstatus"),
            "20");
  EXPECT_EQ(LineValue(client_.Call("addresscheck",
                                   Address("Muster", "Nowhere 1", "00000")),
                      "errorcode"),
            "4041");
  for (const auto& [name, score] :
       {std::pair<std::string, std::string>("Muster", "G"),
        {"Gelbmann", "Y"},
        {"Roth", "R"}}) {
    Fields fields = Address(name, "Hauptstr. 1", "24103");
    fields.push_back({"consumerscoretype", "IH"});
    EXPECT_EQ(LineValue(client_.Call("consumerscore", fields), "score"), score)
        << name;
  }
  EXPECT_EQ(LineValue(client_.Call("consumerscore",
                                   Address("Muster", "Hauptstr. 1", "24103")),
                      "errorcode"),
            "1434");
}

}  // namespace
}  // namespace payone::simulator
