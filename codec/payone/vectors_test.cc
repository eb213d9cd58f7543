// The PAYONE documentation's examples through the generated codec of the real
// model: 002's credit-card authorization and 004's PAYONE Secured Direct
// Debit preauthorization, capture and refund (textproto -> exact form body),
// and their recorded answers (body -> message).
#include <algorithm>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "codec/payone/doc_vectors.h"
#include "codec/runtime/codec.h"
#include "codec/testing/codec_testing.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "payone/v1/payment_requests.payone.h"
#include "payone/v1/responses.payone.h"

namespace payone::codec {

namespace {

using ::payone::codec::testing::Encode;
using ::payone::codec::testing::Parse;
using ::payone::codec::testing::Validate;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The documented payload as sorted name=value pairs, without the standard
// parameters the gateway adds itself.
std::vector<std::string> DocumentedParameters(absl::string_view payload) {
  static const char* const kStandard[] = {
      "aid=", "mid=", "portalid=", "key=", "mode=", "request=", "encoding="};
  std::vector<std::string> out;
  for (absl::string_view line : absl::StrSplit(payload, '\n')) {
    if (line.empty()) continue;
    bool standard = false;
    for (const char* prefix : kStandard) {
      standard = standard || absl::StartsWith(line, prefix);
    }
    if (!standard) out.emplace_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> EncodedParameters(const std::string& body) {
  std::vector<std::string> out;
  const std::vector<NameValue> parameters = ParseForm(body).value();
  for (const NameValue& p : parameters) {
    out.push_back(p.first + "=" + p.second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

template <typename M>
void ExpectDecodes(absl::string_view body, const std::string& want) {
  M got;
  const absl::Status status = PayoneCodec<M>::Decode(body, {}, &got);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(got, Parse<M>(want)))
      << got.DebugString();
}

// decode(encode(m)) == m but for `account`, which never leaves the gateway.
template <typename M>
void ExpectRoundTrip(const M& m) {
  M back;
  ASSERT_TRUE(PayoneCodec<M>::Decode(Encode(m), {}, &back).ok());
  M want = m;
  want.clear_account();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(want, back))
      << back.DebugString();
}

constexpr char kCreditCardPayload[] = R"(aid=52078
amount=3499
cardholder=max testerei
city=Dresden
clearingtype=cc
country=DE
currency=EUR
customer_is_present=yes
de[1]=Hauptartikel mit Eigenschaften XL
de[2]=Hauptartikel mit Kennzeichnung
de[3]=Standard Versand
email=test@payone.com
encoding=UTF-8
errorurl=https://yourdomain.dev/mopt_payment_payone/failure/appendSession/
firstname=Maximillian
gender=m
id[1]=SW10007.3
id[2]=SW10006
id[3]=ship9
ip=172.19.0.34
it[1]=goods
it[2]=goods
it[3]=shipment
key=17031f73e2c6f9755788bddfff04169b
language=de
lastname=Testerei
mid=14648
mode=test
no[1]=1
no[2]=1
no[3]=1
param=session-1|n2ikm4l9ifpds5p1efv6dede76|f8222c6f3c6999ce98f5198078522be4
portalid=2037267
pr[1]=1999
pr[2]=1500
pr[3]=0
pseudocardpan=9410010000167640853
recurrence=oneclick
reference=1234000243
request=authorization
salutation=Herr
shipping_city=Dresden
shipping_country=DE
shipping_firstname=Maximillian
shipping_lastname=Testerei
shipping_street=Wegeweg 25
shipping_zip=01099
street=Wegeweg 25
successurl=https://yourdomain.dev/mopt_payment_payone/success/swPaymentToken/WQXEBlwaY9jx9lZFQyxocKc5Cj86rsU3/appendSession/
telephonenumber=01752345678
va[1]=1900
va[2]=1900
va[3]=0
zip=01099
)";

TEST(Doc002Test, CreditCardAuthorizationEncodesTheDocumentedPayload) {
  const auto m = Parse<::payone::v1::AuthorizationRequest>(
      testing::kCreditCardAuthorization002);
  EXPECT_THAT(Validate(m), IsEmpty());
  EXPECT_EQ(PayoneCodec<::payone::v1::AuthorizationRequest>::kRequestType,
            "authorization");
  const std::string body = Encode(m);
  EXPECT_EQ(EncodedParameters(body), DocumentedParameters(kCreditCardPayload));
  // In the order of the model's fields: parts where they are declared,
  // articles element by element, the payment method's constant first.
  EXPECT_EQ(
      body,
      "reference=1234000243&amount=3499&currency=EUR&param=session-1%"
      "7Cn2ikm4l9ifpds5p1efv6dede76%7Cf8222c6f3c6999ce98f5198078522be4&"
      "customer_is_present=yes&recurrence=oneclick&salutation=Herr&firstname="
      "Maximillian&lastname=Testerei&street=Wegeweg+25&zip=01099&city=Dresden&"
      "country=DE&email=test%40payone.com&telephonenumber=01752345678&"
      "language=de&ip=172.19.0.34&gender=m&shipping_firstname=Maximillian&"
      "shipping_lastname=Testerei&shipping_street=Wegeweg+25&shipping_zip="
      "01099&shipping_city=Dresden&shipping_country=DE&successurl=https%3A%2F%"
      "2Fyourdomain.dev%2Fmopt_payment_payone%2Fsuccess%2FswPaymentToken%"
      "2FWQXEBlwaY9jx9lZFQyxocKc5Cj86rsU3%2FappendSession%2F&errorurl=https%"
      "3A%2F%2Fyourdomain.dev%2Fmopt_payment_payone%2Ffailure%2FappendSession%"
      "2F&it%5B1%5D=goods&id%5B1%5D=SW10007.3&pr%5B1%5D=1999&no%5B1%5D=1&de%"
      "5B1%5D=Hauptartikel+mit+Eigenschaften+XL&va%5B1%5D=1900&it%5B2%5D=goods&"
      "id%5B2%5D=SW10006&pr%5B2%5D=1500&no%5B2%5D=1&de%5B2%5D=Hauptartikel+mit+"
      "Kennzeichnung&va%5B2%5D=1900&it%5B3%5D=shipment&id%5B3%5D=ship9&pr%5B3%"
      "5D=0&no%5B3%5D=1&de%5B3%5D=Standard+Versand&va%5B3%5D=0&clearingtype=cc&"
      "pseudocardpan=9410010000167640853&cardholder=max+testerei");
  ExpectRoundTrip(m);
}

TEST(Doc002Test, ApprovedAnswerDecodes) {
  ExpectDecodes<::payone::v1::AuthorizationResponse>(
      "status=APPROVED\ntxid=987654321\nuserid=123456789",
      R"pb(status: STATUS_APPROVED txid: "987654321" userid: "123456789")pb");
}

// 004: PAYONE Secured Direct Debit. The documented payload lists
// clearingtype and financingtype twice; PAYONE reads one of each.
constexpr char kPddPreauthorization[] = R"pb(
  account: "shop"
  reference: "jv-1668434776"
  amount: 20000
  currency: "EUR"
  param: "individualParameter"
  narrative_text: "messageoralternativetext"
  customer_is_present: true
  businessrelation: BUSINESS_RELATION_B2C
  personal_data {
    firstname: "Max"
    lastname: "Mustermann"
    street: "Musterweg 1"
    city: "Musterstadt"
    zip: "12345"
    country: "DE"
    telephonenumber: "491731234567"
    email: "max@mustermann.de"
    birthday: "19820324"
    ip: "123.123.123.123"
  }
  redirect_urls {
    successurl: "http://www.your-success.url"
    errorurl: "http://www.your-error.url"
    backurl: "http://www.your-back.url"
  }
  items {
    type: ITEM_TYPE_GOODS
    id: "1001001"
    price: 1000
    quantity: 1
    description: "Testartikel 1"
    vat_rate: 19
  }
  items {
    type: ITEM_TYPE_SHIPMENT
    id: "1001002"
    price: 100
    quantity: 1
    description: "Transport"
    vat_rate: 19
  }
  secured_direct_debit {
    device_token: "abcdefghijklmn123456789"
    iban: "DE12345678910111213141"
    bankaccountholder: "Max Mustermann"
  }
)pb";

constexpr char kPddPayload[] = R"(request=preauthorization
mid=54321
aid=12345
portalid=12345123
key=abcdefghijklmn123456789
clearingtype=fnc
financingtype=PDD
mode=test
reference=jv-1668434776
amount=20000
currency=EUR
param=individualParameter
narrative_text=messageoralternativetext
customer_is_present=yes
businessrelation=b2c
firstname=Max
lastname=Mustermann
street=Musterweg 1
city=Musterstadt
zip=12345
country=DE
telephonenumber=491731234567
email=max@mustermann.de
birthday=19820324
bankaccountholder=Max Mustermann
iban=DE12345678910111213141
ip=123.123.123.123
add_paydata[device_token]=abcdefghijklmn123456789
it[1]=goods
it[2]=shipment
id[1]=1001001
id[2]=1001002
de[1]=Testartikel 1
de[2]=Transport
no[1]=1
no[2]=1
pr[1]=1000
pr[2]=100
va[1]=19
va[2]=19
successurl=http://www.your-success.url
errorurl=http://www.your-error.url
backurl=http://www.your-back.url
)";

TEST(Doc004Test, PddPreauthorizationEncodesTheDocumentedPayload) {
  const auto m =
      Parse<::payone::v1::PreauthorizationRequest>(kPddPreauthorization);
  const std::string body = Encode(m);
  EXPECT_EQ(EncodedParameters(body), DocumentedParameters(kPddPayload));
  ExpectRoundTrip(m);
}

TEST(Doc004Test, PddPreauthorizationCatchesTheDocumentsPlaceholderIban) {
  // The documentation's IBAN is a placeholder whose checksum does not hold.
  const auto m =
      Parse<::payone::v1::PreauthorizationRequest>(kPddPreauthorization);
  std::vector<FieldViolation> violations = Validate(m);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "secured_direct_debit.iban");
  EXPECT_EQ(violations[0].wire_name, "iban");
  EXPECT_THAT(violations[0].description, ::testing::HasSubstr("checksum"));
  auto valid = m;
  // upper_case: a lower-case IBAN is valid and sent in upper case.
  valid.mutable_secured_direct_debit()->set_iban("de89370400440532013000");
  EXPECT_THAT(Validate(valid), IsEmpty());
  EXPECT_THAT(Encode(valid),
              ::testing::HasSubstr("iban=DE89370400440532013000"));
}

// The model sets no bound on add_paydata: the codec's defaults apply (at
// most 100 entries), so an oversized map never reaches PAYONE.
TEST(BoundsTest, AddPaydataHasADefaultEntryLimit) {
  auto m = Parse<::payone::v1::PreauthorizationRequest>(kPddPreauthorization);
  m.mutable_secured_direct_debit()->set_iban("DE89370400440532013000");
  for (int i = 0; i < 100; ++i) {
    (*m.mutable_add_paydata())[absl::StrCat("key", i)] = "v";
  }
  EXPECT_THAT(Validate(m), IsEmpty());
  (*m.mutable_add_paydata())["one_more"] = "v";
  std::vector<FieldViolation> violations = Validate(m);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "add_paydata");
  EXPECT_EQ(violations[0].description, "must have at most 100 entries");
}

TEST(Doc004Test, PddAnswersDecode) {
  ExpectDecodes<::payone::v1::PreauthorizationResponse>(
      "\nstatus=APPROVED\ntxid=753359579\nuserid=483104612\n",
      R"pb(status: STATUS_APPROVED txid: "753359579" userid: "483104612")pb");
  ExpectDecodes<::payone::v1::CaptureResponse>(
      "status=APPROVED\ntxid=753359579\nsettleaccount=yes\n",
      R"pb(status: STATUS_APPROVED
           txid: "753359579"
           settleaccount: SETTLE_ACCOUNT_YES)pb");
  // The refund example ends with trailing spaces after the txid.
  ExpectDecodes<::payone::v1::RefundResponse>(
      "status=APPROVED\r\ntxid=753359579\r\n", R"pb(status: STATUS_APPROVED
                                                    txid: "753359579")pb");
}

TEST(Doc004Test, CaptureEncodesTheDocumentedPayload) {
  const auto m = Parse<::payone::v1::CaptureRequest>(R"pb(
    account: "shop"
    txid: "753359579"
    capturemode: CAPTURE_MODE_COMPLETED
    sequencenumber: 1
    amount: 20000
    currency: "EUR"
    settleaccount: SETTLE_ACCOUNT_AUTO
    items {
      type: ITEM_TYPE_GOODS
      id: "1001001"
      price: 10000
      quantity: 1
      description: "Testartikel 1"
      vat_rate: 19
    }
    items {
      type: ITEM_TYPE_SHIPMENT
      id: "1001002"
      price: 10000
      quantity: 1
      description: "Transport"
      vat_rate: 19
    }
  )pb");
  EXPECT_THAT(Validate(m), IsEmpty());
  const std::string body = Encode(m);
  EXPECT_EQ(EncodedParameters(body), DocumentedParameters(R"(request=capture
mid=54321
aid=12345
portalid=12345123
key=abcdefghijklmn123456789
txid=753359579
mode=test
capturemode=completed
sequencenumber=1
amount=20000
currency=EUR
settleaccount=auto
it[1]=goods
it[2]=shipment
id[1]=1001001
id[2]=1001002
de[1]=Testartikel 1
de[2]=Transport
no[1]=1
no[2]=1
pr[1]=10000
pr[2]=10000
va[1]=19
va[2]=19
)"));
  ExpectRoundTrip(m);
}

TEST(Doc004Test, RefundEncodesTheDocumentedPayload) {
  const auto m = Parse<::payone::v1::RefundRequest>(R"pb(
    account: "shop"
    txid: "753359579"
    sequencenumber: 2
    amount: -20000
    currency: "EUR"
  )pb");
  EXPECT_THAT(Validate(m), IsEmpty());
  EXPECT_EQ(Encode(m),
            "txid=753359579&sequencenumber=2&amount=-20000&currency=EUR");
  ExpectRoundTrip(m);
}

TEST(ErrorAnswerTest, DecodesPayonesErrorShape) {
  ExpectDecodes<::payone::v1::AuthorizationResponse>(
      "status=ERROR\r\nerrorcode=33\r\n"
      "errormessage=Expiry date invalid, incorrect or in the past\r\n\r\n"
      "customermessage=Invalid card expiry date. Please verify your card "
      "data.\r\n",
      R"pb(status: STATUS_ERROR
           errorcode: 33
           errormessage: "Expiry date invalid, incorrect or in the past"
           customermessage: "Invalid card expiry date. Please verify your card data.")pb");
}

TEST(RedirectAnswerTest, KeepsAmpersandsAndEqualsInTheUrl) {
  ExpectDecodes<::payone::v1::AuthorizationResponse>(
      "status=REDIRECT\n"
      "redirecturl=https://secure.pay1.de/3ds/redirect.php?md=20954722&"
      "txid=262491170\ntxid=262491170\nadd_paydata[workorderid]=WX1\n"
      "somethingnew=1",
      R"pb(status: STATUS_REDIRECT
           redirecturl: "https://secure.pay1.de/3ds/redirect.php?md=20954722&txid=262491170"
           txid: "262491170"
           paydata_workorderid: "WX1"
           other_parameters { key: "somethingnew" value: "1" })pb");
}

}  // namespace
}  // namespace payone::codec
