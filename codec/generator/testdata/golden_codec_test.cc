// Tests of the checked-in golden code generated from testpb/codec_test.proto:
// what the generator emits must encode, validate, decode and redact exactly
// as PAYONE needs.
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/ledger.h"
#include "codec/runtime/redact.h"
#include "codec/testing/codec_testing.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "testpb/codec_test.payone.h"

namespace payone::codec {

namespace {

using ::codectest::v1::OpenRequest;
using ::codectest::v1::PaymentRequest;
using ::codectest::v1::PaymentResponse;
using ::codectest::v1::SettleRequest;
using ::codectest::v1::TransactionStatus;
using ::payone::codec::testing::Encode;
using ::payone::codec::testing::Parse;
using ::payone::codec::testing::Validate;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

MATCHER_P3(Violation, field, wire_name, description, "") {
  return arg.field == field && arg.wire_name == wire_name &&
         arg.description == description;
}

constexpr char kCardRequest[] = R"pb(
  account: "shop-1"
  reference: "1234000243"
  amount: 3499
  currency: CURRENCY_EUR
  person {
    firstname: "Maximillian"
    lastname: "Testerei"
    country: "de"
    email: "test@payone.com"
    ip: "172.19.0.34"
    language: "DE"
    zip: "01099"
  }
  card { pseudocardpan: "9410010000167640853" cardexpiredate: "3012" }
  items {
    type: ITEM_TYPE_GOODS
    id: "SW10007.3"
    price: 1999
    quantity: 1
    description: "Hauptartikel mit Eigenschaften XL"
    vat: 1900
  }
  items {
    type: ITEM_TYPE_SHIPMENT
    id: "ship9"
    price: 0
    quantity: 1
    description: "Standard Versand"
    vat: 0
  }
  add_paydata { key: "shop_id" value: "7" }
  add_paydata { key: "action" value: "a b&c" }
  customer_is_present: true
  successurl: "https://yourdomain.dev/success?a=1&b=2"
)pb";

TEST(GoldenEncodeTest, EncodesEveryKindOfFieldInDeclarationOrder) {
  const auto m = Parse<PaymentRequest>(kCardRequest);
  EXPECT_THAT(Validate(m), IsEmpty());
  EXPECT_EQ(PayoneCodec<PaymentRequest>::kRequestType, "preauthorization");
  EXPECT_EQ(
      Encode(m),
      "reference=1234000243&amount=3499&currency=EUR&"
      "firstname=Maximillian&lastname=Testerei&country=DE&"
      "email=test%40payone.com&ip=172.19.0.34&language=de&zip=01099&"
      "clearingtype=cc&pseudocardpan=9410010000167640853&"
      "cardexpiredate=3012&"
      "it%5B1%5D=goods&id%5B1%5D=SW10007.3&pr%5B1%5D=1999&no%5B1%5D=1&"
      "de%5B1%5D=Hauptartikel+mit+Eigenschaften+XL&va%5B1%5D=1900&"
      "it%5B2%5D=shipment&id%5B2%5D=ship9&pr%5B2%5D=0&no%5B2%5D=1&"
      "de%5B2%5D=Standard+Versand&va%5B2%5D=0&"
      "add_paydata%5Baction%5D=a+b%26c&add_paydata%5Bshop_id%5D=7&"
      "customer_is_present=yes&"
      "successurl=https%3A%2F%2Fyourdomain.dev%2Fsuccess%3Fa%3D1%26b%3D2");
}

TEST(GoldenEncodeTest, OneofAlternativesEmitTheirConstants) {
  auto m = Parse<PaymentRequest>(R"pb(
    reference: "r1"
    amount: -20000
    currency: CURRENCY_EUR
    person { lastname: "Mustermann" country: "DE" }
    secured_debit {
      iban: "DE89370400440532013000"
      device_token: "abc_test-1_xyz"
    }
    three_d_secure: false
    due_time: 0
    sequencenumber: 2
  )pb");
  EXPECT_EQ(Encode(m),
            "reference=r1&amount=-20000&currency=EUR&lastname=Mustermann&"
            "country=DE&clearingtype=fnc&financingtype=PDD&"
            "iban=DE89370400440532013000&"
            "add_paydata%5Bdevice_token%5D=abc_test-1_xyz&threedsecure=0&"
            "due_time=0&sequencenumber=2");
}

TEST(GoldenEncodeTest, ConvertsToLatin1WhenTheRequestSaysSo) {
  auto m = Parse<PaymentRequest>(R"pb(
    account: "a"
    reference: "r"
    currency: CURRENCY_EUR
    person { lastname: "Müller" country: "DE" }
  )pb");
  EXPECT_THAT(Validate(m, Charset::kLatin1), IsEmpty());
  EXPECT_THAT(Encode(m, Charset::kLatin1), HasSubstr("lastname=M%FCller"));
  EXPECT_THAT(Encode(m, Charset::kUtf8), HasSubstr("lastname=M%C3%BCller"));
}

TEST(GoldenValidateTest, ListsEveryViolationWithPathWireNameAndReason) {
  auto m = Parse<PaymentRequest>(R"pb(
    reference: "ref with spaces"
    amount: 2000000000
    person {
      firstname: "Max"
      country: "USA"
      email: "max@"
      birthday: "19821324"
    }
    card { cardpan: "4111111111111112" pseudocardpan: "123" cardcvc2: "12345" }
    items {
      type: ITEM_TYPE_GOODS
      id: "A"
      price: 100
      quantity: 1
      description: "x"
    }
    items {
      id: "B/2"
      price: -2000000000
      quantity: 0
      description: ""
      vat: 10000
    }
    add_paydata { key: "bad key" value: "v" }
    three_d_secure: true
    successurl: "not a url"
    hash: "ABC"
  )pb");
  EXPECT_THAT(
      Validate(m),
      ElementsAre(
          Violation("account", "", "is required"),
          Violation("reference", "reference",
                    "may only contain the characters 0-9 a-z A-Z . - _ /"),
          Violation("amount", "amount", "must be at most 1999999999"),
          Violation("currency", "currency", "is required"),
          Violation("person.country", "country",
                    "must be an ISO 3166-1 alpha-2 country code"),
          Violation("person.email", "email",
                    "must be at least 5 characters long"),
          Violation("person.email", "email", "must be a valid e-mail address"),
          Violation("person.birthday", "birthday",
                    "must be a valid date as YYYYMMDD"),
          Violation("person.lastname", "", "lastname or company is required"),
          Violation("card.cardpan", "cardpan",
                    "must be a card number of 13 to 19 digits with a valid "
                    "Luhn check digit"),
          Violation("card.pseudocardpan", "pseudocardpan",
                    "must be at least 16 characters long"),
          Violation("card.cardcvc2", "cardcvc2",
                    "must be at most 4 characters long"),
          Violation("card.cardpan", "",
                    "at most one of cardpan, pseudocardpan may be set"),
          Violation("items[1].type", "it[2]", "is required"),
          Violation("items[1].price", "pr[2]", "must be at least -1999999999"),
          Violation("items[1].quantity", "no[2]", "must be at least 1"),
          Violation("items[1].description", "de[2]", "is required"),
          Violation("items[1].vat", "va[2]", "must be at most 9999"),
          Violation("add_paydata", "add_paydata",
                    "has a key that is empty, longer than 64 characters or "
                    "not made of 0-9 a-z A-Z _ . -"),
          Violation("successurl", "successurl",
                    "must be an absolute URL (<scheme>://<host>/<path>)"),
          Violation("hash", "hash", "must be at least 32 characters long"),
          Violation("hash", "hash", "may only contain the characters 0-9 a-f"),
          Violation("errorurl", "errorurl",
                    "3-D Secure needs successurl, errorurl and backurl"),
          Violation("backurl", "backurl",
                    "3-D Secure needs successurl, errorurl and backurl")));
}

// No input is unbounded: maps have an entry limit, keys and values a
// length, and text fields the model gives no max_len get a default one.
TEST(GoldenValidateTest, EveryVariableSizeInputIsBounded) {
  auto m = Parse<PaymentRequest>(R"pb(
    account: "a"
    reference: "r"
    currency: CURRENCY_EUR
    person { lastname: "Mustermann" country: "DE" }
  )pb");
  ASSERT_THAT(Validate(m), IsEmpty());
  PaymentRequest many = m;
  for (int i = 0; i < 51; ++i) {
    (*many.mutable_add_paydata())[absl::StrCat("k", i)] = "v";
  }
  EXPECT_THAT(Validate(many),
              ElementsAre(Violation("add_paydata", "add_paydata",
                                    "must have at most 50 entries")));
  PaymentRequest long_entries = m;
  (*long_entries.mutable_add_paydata())[std::string(65, 'k')] = "v";
  (*long_entries.mutable_add_paydata())["payload"] = std::string(2049, 'v');
  (*long_entries.mutable_add_paydata())["fits"] = std::string(2048, 'v');
  EXPECT_THAT(
      Validate(long_entries),
      ElementsAre(Violation("add_paydata", "add_paydata",
                            "has a key that is empty, longer than 64 "
                            "characters or not made of 0-9 a-z A-Z _ . -"),
                  Violation("add_paydata", "add_paydata",
                            "has a value longer than 2048 characters")));
  PaymentRequest long_text = m;
  long_text.mutable_person()->set_ip(std::string(3000000, '1'));
  EXPECT_THAT(Validate(long_text),
              Contains(Violation("person.ip", "ip",
                                 "must be at most 2048 characters long")));
}

TEST(GoldenValidateTest, ConditionalRulesAndMissingParts) {
  EXPECT_THAT(Validate(Parse<PaymentRequest>(R"pb(account: "a"
                                                  reference: "r"
                                                  currency: CURRENCY_EUR)pb")),
              ElementsAre(Violation("person", "", "is required")));
  EXPECT_THAT(Validate(Parse<PaymentRequest>(R"pb(
                account: "a"
                reference: "r"
                currency: CURRENCY_EUR
                person { lastname: "Doe" country: "us" }
                debit { bic: "COBADEFF" }
              )pb")),
              ElementsAre(Violation("person.state", "state",
                                    "is required when country is US or CA"),
                          Violation("debit.iban", "iban", "is required")));
  EXPECT_THAT(Validate(Parse<PaymentRequest>(R"pb(
                account: "a"
                reference: "r"
                currency: CURRENCY_EUR
                person { company: "ACME" country: "CA" state: "ON" }
                card {}
              )pb")),
              ElementsAre(Violation(
                  "card.cardpan", "",
                  "at least one of cardpan, pseudocardpan must be set")));
}

TEST(GoldenValidateTest, MapKeysATypedFieldSpellsAreRefused) {
  EXPECT_THAT(
      Validate(Parse<PaymentRequest>(R"pb(
        account: "a"
        reference: "r"
        currency: CURRENCY_EUR
        person { lastname: "Doe" country: "DE" }
        add_paydata { key: "device_token" value: "t" }
      )pb")),
      ElementsAre(Violation("add_paydata", "add_paydata[device_token]",
                            "has the key device_token, which belongs in "
                            "secured_debit.device_token")));
}

TEST(GoldenValidateTest, NeverEchoesSensitiveValues) {
  std::vector<FieldViolation> violations = Validate(Parse<PaymentRequest>(
      R"pb(card { cardpan: "4111111111111112" cardcvc2: "1x3" })pb"));
  const std::vector<FieldViolation> more =
      Validate(Parse<PaymentRequest>(R"pb(debit { iban: "DE00123456789" })pb"));
  violations.insert(violations.end(), more.begin(), more.end());
  ASSERT_GE(violations.size(), 4u);
  for (const FieldViolation& v : violations) {
    EXPECT_THAT(v.description, Not(HasSubstr("411111")));
    EXPECT_THAT(v.description, Not(HasSubstr("1x3")));
    EXPECT_THAT(v.description, Not(HasSubstr("DE00")));
  }
}

TEST(GoldenValidateTest, RejectsCharactersLatin1CannotCarry) {
  auto m = Parse<PaymentRequest>(R"pb(
    account: "a"
    reference: "r"
    currency: CURRENCY_EUR
    person { lastname: "Price in €" country: "DE" }
    add_paydata { key: "k" value: "日本" }
  )pb");
  EXPECT_THAT(Validate(m, Charset::kUtf8), IsEmpty());
  const std::string reason =
      "contains a character that ISO-8859-1 cannot represent (send "
      "encoding=UTF-8)";
  EXPECT_THAT(Validate(m, Charset::kLatin1),
              ElementsAre(Violation("person.lastname", "lastname", reason),
                          Violation("add_paydata", "add_paydata", reason)));
}

TEST(GoldenValidateTest, ListLimitOfFourHundredArticles) {
  PaymentRequest m = Parse<PaymentRequest>(R"pb(
    account: "a"
    reference: "r"
    currency: CURRENCY_EUR
    person { lastname: "Doe" country: "DE" }
  )pb");
  for (int i = 0; i < 401; ++i) {
    auto* item = m.add_items();
    item->set_type(::codectest::v1::ITEM_TYPE_GOODS);
    item->set_id("x");
    item->set_quantity(1);
    item->set_description("d");
  }
  EXPECT_THAT(Validate(m), ElementsAre(Violation("items", "",
                                                 "must have at most 400 "
                                                 "entries")));
}

TEST(GoldenDecodeTest, ReadsAnApprovedAnswer) {
  PaymentResponse r;
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(
                  "status=APPROVED\ntxid=987654321\nuserid=123456789\n", {}, &r)
                  .ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      r, Parse<PaymentResponse>(
             "status: STATUS_APPROVED txid: 987654321 userid: 123456789")));
}

TEST(GoldenDecodeTest, ReadsWhatPayoneReallySends) {
  PaymentResponse r;
  const absl::Status status = PayoneCodec<PaymentResponse>::Decode(
      "status=REDIRECT\r\n"
      "redirecturl=https://secure.pay1.de/3ds/redirect.php?md=20954722&"
      "txid=262491170\r\n"
      "txid=262491170\r\n"
      "\r\n"
      "settleaccount=no\r\n"
      "add_paydata[workorderid]=WX1\r\n"
      "clearing_bankiban=DE89370400440532013000\r\n"
      "clearing_bankcity=K\xF6ln\r\n"
      "currency=CHF\r\n"
      "errormessage=\r\n"
      "garbage line without equals\r\n"
      "userid=42",
      {}, &r);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      r, Parse<PaymentResponse>(R"pb(
        status: STATUS_REDIRECT
        redirecturl: "https://secure.pay1.de/3ds/redirect.php?md=20954722&txid=262491170"
        txid: 262491170
        settleaccount: false
        add_paydata { key: "workorderid" value: "WX1" }
        clearing_bankiban: "DE89370400440532013000"
        other_parameters { key: "clearing_bankcity" value: "Köln" }
        other_parameters { key: "currency" value: "CHF" }
        userid: 42
      )pb")))
      << r.DebugString();
}

TEST(GoldenDecodeTest, ReadsLatin1AnswersWhenTold) {
  PaymentResponse r;
  DecodeOptions options;
  options.charset = Charset::kLatin1;
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(
                  "status=ERROR\nerrorcode=33\ncustomermessage=Ung\xFCltig",
                  options, &r)
                  .ok());
  EXPECT_EQ(r.customermessage(), "Ungültig");
  EXPECT_EQ(r.errorcode(), 33);
}

// form_url_encoded: PAYONE's encoding inside the answer is undone once, in
// the request charset (UTF-8 here, ISO-8859-1 bytes read as such), and
// EncodeResponse puts it back.
TEST(GoldenDecodeTest, DecodesFormUrlEncodedTextOnce) {
  PaymentResponse r;
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(
                  "status=APPROVED\nmandate_text=%3Cdiv+class%3D%22m%22%3E"
                  "K%C3%B6ln+100%25%3C%2Fdiv%3E\n",
                  {}, &r)
                  .ok());
  EXPECT_EQ(r.mandate_text(), "<div class=\"m\">Köln 100%</div>");
  const std::string lines = PayoneCodec<PaymentResponse>::EncodeResponse(r);
  EXPECT_THAT(lines, HasSubstr("mandate_text=%3Cdiv+class%3D%22m%22%3EK%C3%B6ln"
                               "+100%25%3C%2Fdiv%3E\n"));
  PaymentResponse again;
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(lines, {}, &again).ok());
  EXPECT_EQ(again.mandate_text(), r.mandate_text());

  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(
                  "status=APPROVED\nmandate_text=K%F6ln\n", {}, &r)
                  .ok());
  EXPECT_EQ(r.mandate_text(), "Köln");
  // Not form-URL-encoded after all: kept as it came.
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(
                  "status=APPROVED\nmandate_text=100% sure\n", {}, &r)
                  .ok());
  EXPECT_EQ(r.mandate_text(), "100% sure");
}

TEST(GoldenDecodeTest, RejectsWhatIsNotAnAnswer) {
  PaymentResponse r;
  auto error = [&r](absl::string_view body) {
    return std::string(
        PayoneCodec<PaymentResponse>::Decode(body, {}, &r).message());
  };
  EXPECT_EQ(error("txid=1\nuserid=2\n"),
            "required parameter status is missing");
  EXPECT_EQ(error("<html>502 Bad Gateway</html>"),
            "response holds no name=value line: not a PAYONE answer");
  DecodeOptions small;
  small.max_body_bytes = 10;
  EXPECT_FALSE(
      PayoneCodec<PaymentResponse>::Decode("status=APPROVED\n", small, &r)
          .ok());
}

// PAYONE may be newer than the model: a value a field cannot hold leaves the
// field unset and is kept under its own name; the answer still decodes.
TEST(GoldenDecodeTest, KeepsValuesTheModelCannotHold) {
  PaymentResponse r;
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(
                  "status=MAYBE\ntxid=12ab\nerrorcode=99999999999\n"
                  "settleaccount=maybe\nuserid=7\n",
                  {}, &r)
                  .ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      r, Parse<PaymentResponse>(R"pb(
        userid: 7
        other_parameters { key: "status" value: "MAYBE" }
        other_parameters { key: "txid" value: "12ab" }
        other_parameters { key: "errorcode" value: "99999999999" }
        other_parameters { key: "settleaccount" value: "maybe" }
      )pb")))
      << r.DebugString();
  // Kept values re-encode under their own names.
  PaymentResponse again;
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(
                  PayoneCodec<PaymentResponse>::EncodeResponse(r), {}, &again)
                  .ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(r, again));
}

TEST(GoldenDecodeTest, ReadsCrCrLfAndRejectsNulBytes) {
  PaymentResponse r;
  // A CRLF body converted to CRCRLF on the way: no value ends in CR.
  ASSERT_TRUE(
      PayoneCodec<PaymentResponse>::Decode(
          "status=APPROVED\r\r\ntxid=1\r\r\ncustomermessage=a=b&c\r\r\n", {},
          &r)
          .ok());
  EXPECT_EQ(r.status(), codectest::v1::STATUS_APPROVED);
  EXPECT_EQ(r.txid(), 1);
  EXPECT_EQ(r.customermessage(), "a=b&c");
  const std::string with_nul("status=APPROVED\ntxid=1\0\n", 24);
  EXPECT_EQ(PayoneCodec<PaymentResponse>::Decode(with_nul, {}, &r).message(),
            "response contains a NUL byte");
}

TEST(GoldenDecodeTest, AReusedMessageDecodesAsAFreshOne) {
  // Decode assigns strings in place: nothing of the previous answer stays.
  constexpr absl::string_view kFirst =
      "status=REDIRECT\nredirecturl=https://x/a-long-url-that-needs-memory\n"
      "txid=5\nsettleaccount=yes\nadd_paydata[a]=1\nunknown=1\n"
      "customermessage=long message, long enough not to fit inline\n";
  constexpr absl::string_view kSecond =
      "status=APPROVED\nredirecturl=https://y/\nuserid=7\n";
  PaymentResponse reused;
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(kFirst, {}, &reused).ok());
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(kSecond, {}, &reused).ok());
  PaymentResponse fresh;
  ASSERT_TRUE(PayoneCodec<PaymentResponse>::Decode(kSecond, {}, &fresh).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(reused, fresh))
      << reused.DebugString();
  EXPECT_EQ(reused.redirecturl(), "https://y/");
}

TEST(GoldenDecodeTest, ErrorsNeverEchoValues) {
  PaymentResponse r;
  const absl::Status status = PayoneCodec<PaymentResponse>::Decode(
      "status=APPROVED\ntxid=4111111111111111x\n", {}, &r);
  EXPECT_THAT(std::string(status.message()), Not(HasSubstr("4111")));
}

constexpr char kNotification[] =
    "key=5d41402abc4b2a76b9719d911017c592&txaction=appointed&portalid=2022125&"
    "aid=10001&clearingtype=cc&notify_version=7.4&txtime=1450365542&"
    "currency=EUR&userid=76656077&accessname=&param=&mode=test&price=2000.00&"
    "txid=205387102&reference=1448229771690&sequencenumber=0&company=&"
    "firstname=&lastname=Test+Buyer&street=J%E4gerweg+12&country=DE&"
    "cardexpiredate=1703&cardtype=V&cardpan=411111xxxxxx1111&"
    "transaction_status=completed&balance=0.00&receivable=-12.5&"
    "id%5B1%5D=A-1&pr%5B1%5D=2000&no%5B1%5D=1&de%5B1%5D=T-Shirt&it[1]=goods";

TEST(GoldenNotificationTest, DecodesATransactionStatus) {
  TransactionStatus n;
  const absl::Status status =
      PayoneCodec<TransactionStatus>::Decode(kNotification, {}, &n);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      n, Parse<TransactionStatus>(R"pb(
        key: "5d41402abc4b2a76b9719d911017c592"
        txaction: TX_ACTION_APPOINTED
        txid: 205387102
        price: 200000
        balance: 0
        receivable: -1250
        currency: CURRENCY_EUR
        txtime: 1450365542
        person { lastname: "Test Buyer" country: "DE" }
        cardpan: "411111xxxxxx1111"
        items {
          id: "A-1"
          price: 2000
          quantity: 1
          description: "T-Shirt"
          type: ITEM_TYPE_GOODS
        }
        other_parameters { key: "portalid" value: "2022125" }
        other_parameters { key: "aid" value: "10001" }
        other_parameters { key: "clearingtype" value: "cc" }
        other_parameters { key: "notify_version" value: "7.4" }
        other_parameters { key: "userid" value: "76656077" }
        other_parameters { key: "accessname" value: "" }
        other_parameters { key: "param" value: "" }
        other_parameters { key: "mode" value: "test" }
        other_parameters { key: "reference" value: "1448229771690" }
        other_parameters { key: "sequencenumber" value: "0" }
        other_parameters { key: "street" value: "Jägerweg 12" }
        other_parameters { key: "cardexpiredate" value: "1703" }
        other_parameters { key: "cardtype" value: "V" }
        other_parameters { key: "transaction_status" value: "completed" }
      )pb")))
      << n.DebugString();
}

TEST(GoldenNotificationTest, RejectsBrokenNotifications) {
  TransactionStatus n;
  auto error = [&n](absl::string_view body) {
    return std::string(
        PayoneCodec<TransactionStatus>::Decode(body, {}, &n).message());
  };
  EXPECT_EQ(error("txaction=paid&txid=1"), "required parameter key is missing");
  EXPECT_EQ(error("key=k&txid=1"), "required parameter txaction is missing");
  EXPECT_EQ(error("key=k&txaction=paid"), "required parameter txid is missing");
  EXPECT_EQ(error("key=k&txaction=paid&txid=1&de%ZZ"),
            "malformed percent-escape at offset 2 of a form value");
  // The body's own errors come first, wherever they are: a bad parameter
  // before them does not hide them.
  EXPECT_EQ(error("key=k&txaction=exploded&txid=1&de%ZZ"),
            "malformed percent-escape at offset 2 of a form value");
  std::string many = "key=k&txaction=exploded&txid=1";
  for (int i = 0; i < 4096; ++i) many += "&x=1";
  EXPECT_EQ(error(many), "form body has more than 4096 parameters");
  DecodeOptions small;
  small.max_body_bytes = 8;
  EXPECT_EQ(std::string(PayoneCodec<TransactionStatus>::Decode(
                            "key=k&txaction=paid&txid=1", small, &n)
                            .message()),
            "notification of 26 bytes exceeds the limit of 8 bytes");
}

TEST(GoldenNotificationTest, KeepsValuesTheModelCannotHold) {
  TransactionStatus n;
  ASSERT_TRUE(
      PayoneCodec<TransactionStatus>::Decode(
          "key=k&txaction=exploded&txid=1&price=12.345&de[401]=x", {}, &n)
          .ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      n, Parse<TransactionStatus>(R"pb(
        key: "k"
        txid: 1
        other_parameters { key: "txaction" value: "exploded" }
        other_parameters { key: "price" value: "12.345" }
        other_parameters { key: "de[401]" value: "x" }
      )pb")))
      << n.DebugString();
}

TEST(GoldenRequestDecodeTest, ReadsAFormBodyBackIntoTheRightAlternative) {
  // iban comes before the constants that say which alternative it is in.
  PaymentRequest m;
  ASSERT_TRUE(PayoneCodec<PaymentRequest>::Decode(
                  "request=preauthorization&mid=1&iban=DE89370400440532013000&"
                  "reference=r1&financingtype=PDD&clearingtype=fnc&"
                  "add_paydata%5Bdevice_token%5D=tok&add_paydata%5Bx%5D=y",
                  {}, &m)
                  .ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      m, Parse<PaymentRequest>(R"pb(
        reference: "r1"
        secured_debit { iban: "DE89370400440532013000" device_token: "tok" }
        add_paydata { key: "x" value: "y" }
      )pb")))
      << m.DebugString();
}

TEST(GoldenRedactTest, DebugStringsHideSensitiveFields) {
  auto m = Parse<PaymentRequest>(R"pb(
    account: "shop-1"
    reference: "r1"
    card { cardpan: "4111111111111111" cardcvc2: "123" cardexpiredate: "3012" }
    items { id: "x\"y" price: 5 }
  )pb");
  EXPECT_EQ(PayoneCodec<PaymentRequest>::RedactedDebugString(m),
            "account: \"shop-1\" reference: \"r1\" card { cardpan: "
            "\"<redacted>\" cardexpiredate: \"3012\" cardcvc2: \"<redacted>\" "
            "} items { id: \"x\\\"y\" price: 5 }");
  auto n = Parse<TransactionStatus>(R"pb(
    key: "secret"
    txaction: TX_ACTION_PAID
    other_parameters { key: "iban" value: "DE89370400440532013000" }
    other_parameters { key: "bankaccount" value: "1234" }
  )pb");
  const std::string text =
      PayoneCodec<TransactionStatus>::RedactedDebugString(n);
  EXPECT_THAT(text, Not(HasSubstr("secret")));
  EXPECT_THAT(text, HasSubstr("txaction: TX_ACTION_PAID"));
  EXPECT_THAT(text, HasSubstr("other_parameters { key: \"bankaccount\" value: "
                              "\"1234\" }"));
}

TEST(GoldenRedactTest, SensitiveWireNamesRedactEncodedBodies) {
  EXPECT_THAT(
      PayoneCodec<PaymentRequest>::SensitiveWireNames(),
      ElementsAre("add_paydata[device_token]", "cardcvc2", "cardpan", "iban"));
  auto m = Parse<PaymentRequest>(R"pb(
    reference: "r1"
    secured_debit { iban: "DE89370400440532013000" device_token: "tok-9" }
  )pb");
  const std::string body = absl::StrCat("key=abcdef&", Encode(m));
  const std::string redacted =
      RedactFormBody(body, PayoneCodec<PaymentRequest>::SensitiveWireNames());
  EXPECT_EQ(redacted,
            "key=<redacted>&reference=r1&amount=0&clearingtype=fnc&"
            "financingtype=PDD&iban=<redacted>&"
            "add_paydata%5Bdevice_token%5D=<redacted>");
  EXPECT_EQ(RedactResponseBody(
                "status=APPROVED\nclearing_bankiban=DE89370400440532013000\n",
                PayoneCodec<PaymentResponse>::SensitiveWireNames()),
            "status=APPROVED\nclearing_bankiban=<redacted>\n");
}

TEST(GoldenEnumTest, MapsWireValuesBothWays) {
  using E = PayoneEnum<::codectest::v1::Status>;
  EXPECT_EQ(E::ToWire(::codectest::v1::STATUS_PENDING), "PENDING");
  EXPECT_EQ(E::ToWire(::codectest::v1::STATUS_UNSPECIFIED), "");
  ::codectest::v1::Status s;
  ASSERT_TRUE(E::FromWire("REDIRECT", &s));
  EXPECT_EQ(s, ::codectest::v1::STATUS_REDIRECT);
  EXPECT_FALSE(E::FromWire("redirect", &s));
  EXPECT_EQ(E::Name(::codectest::v1::STATUS_ERROR), "STATUS_ERROR");
}

static_assert(PayoneCodec<PaymentRequest>::kLedgerEffect ==
              LedgerEffect::kNone);
static_assert(!PayoneCodec<PaymentRequest>::kTakesSequenceNumber);
static_assert(PayoneCodec<OpenRequest>::kLedgerEffect ==
              LedgerEffect::kAuthorize);
static_assert(OpensProcess(PayoneCodec<OpenRequest>::kLedgerEffect));
static_assert(!PayoneCodec<OpenRequest>::kTakesSequenceNumber);
static_assert(PayoneCodec<SettleRequest>::kLedgerEffect ==
              LedgerEffect::kCapture);
static_assert(FollowsUp(PayoneCodec<SettleRequest>::kLedgerEffect));
static_assert(PayoneCodec<SettleRequest>::kTakesSequenceNumber);

TEST(GoldenLedgerTest, OpenerGivesReferenceAmountAndCurrency) {
  const auto m = Parse<OpenRequest>(R"pb(account: "shop-1"
                                         reference: "order-7"
                                         amount: 1250
                                         currency: "EUR")pb");
  const LedgerFields fields = PayoneCodec<OpenRequest>::LedgerFieldsOf(m);
  EXPECT_EQ(fields.reference, "order-7");
  EXPECT_EQ(fields.amount, 1250);
  EXPECT_EQ(fields.currency, "EUR");
  EXPECT_EQ(fields.txid, "");
  EXPECT_EQ(fields.capturemode, "");
  EXPECT_FALSE(fields.sequencenumber.has_value());
  // Views into the message, not copies.
  EXPECT_EQ(fields.reference.data(), m.reference().data());
}

TEST(GoldenLedgerTest, FollowUpGivesTxidSequenceNumberAndCaptureMode) {
  auto m = Parse<SettleRequest>(R"pb(
    txid: "700000001"
    amount: 0
    currency: "EUR"
    capturemode: CAPTURE_MODE_COMPLETED
  )pb");
  LedgerFields fields = PayoneCodec<SettleRequest>::LedgerFieldsOf(m);
  EXPECT_EQ(fields.txid, "700000001");
  EXPECT_EQ(fields.amount, 0);
  EXPECT_EQ(fields.currency, "EUR");
  EXPECT_EQ(fields.capturemode, "completed");
  EXPECT_EQ(fields.reference, "");
  // Unset, so the ledger fills it in.
  EXPECT_FALSE(fields.sequencenumber.has_value());

  PayoneCodec<SettleRequest>::SetSequenceNumber(&m, 0);
  EXPECT_TRUE(m.has_sequencenumber());
  EXPECT_EQ(PayoneCodec<SettleRequest>::LedgerFieldsOf(m).sequencenumber, 0);
  PayoneCodec<SettleRequest>::SetSequenceNumber(&m, 3);
  EXPECT_EQ(Encode(m),
            "txid=700000001&sequencenumber=3&amount=0&currency=EUR&"
            "capturemode=completed");

  m.set_capturemode(::codectest::v1::CAPTURE_MODE_UNSPECIFIED);
  EXPECT_EQ(PayoneCodec<SettleRequest>::LedgerFieldsOf(m).capturemode, "");
}

TEST(GoldenLedgerTest, RequestWithoutEffectGivesEmptyFields) {
  const auto m = Parse<PaymentRequest>(kCardRequest);
  const LedgerFields fields = PayoneCodec<PaymentRequest>::LedgerFieldsOf(m);
  EXPECT_EQ(fields.reference, "");
  EXPECT_EQ(fields.amount, 0);
  EXPECT_EQ(fields.currency, "");
  EXPECT_FALSE(fields.sequencenumber.has_value());
}

}  // namespace
}  // namespace payone::codec
