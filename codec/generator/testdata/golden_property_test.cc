// Property: for random messages, decode(encode(m)) == m, through every path
// the generated code has: request form bodies, response key=value lines and
// notification form bodies.
#include <cstdint>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "codec/runtime/codec.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "testpb/codec_test.payone.h"

namespace payone::codec {
namespace {

using ::codectest::v1::Item;
using ::codectest::v1::PaymentRequest;
using ::codectest::v1::PaymentResponse;
using ::codectest::v1::Person;
using ::codectest::v1::TransactionStatus;

constexpr int kIterations = 2000;

class Random {
 public:
  explicit Random(uint32_t seed) : engine_(seed) {}

  bool Chance(int percent) { return Int(0, 99) < percent; }
  int64_t Int(int64_t low, int64_t high) {
    return std::uniform_int_distribution<int64_t>(low, high)(engine_);
  }

  // Non-empty text over characters that stress the encodings: reserved
  // form characters, Latin-1 letters, an emoji. `line_safe` leaves out
  // what cannot appear in a key=value line.
  std::string Text(bool line_safe = false) {
    static const char* const kPieces[] = {"a",
                                          "Z",
                                          "0",
                                          " ",
                                          "&",
                                          "=",
                                          "+",
                                          "%",
                                          "[",
                                          "]",
                                          "/",
                                          "?",
                                          ".",
                                          "\xC3\xBC",
                                          "\xC3\x9F",
                                          "\t",
                                          "\n",
                                          "\r",
                                          "\xE2\x82\xAC",
                                          "\xF0\x9F\x98\x80"};
    std::string out;
    const int length = static_cast<int>(Int(1, 12));
    while (static_cast<int>(out.size()) < length) {
      const absl::string_view piece = kPieces[Int(0, 19)];
      if (line_safe && (piece == "\n" || piece == "\r")) continue;
      if (latin1_only && piece.size() > 2) continue;
      out.append(piece.data(), piece.size());
    }
    return out;
  }
  // Text stays within ISO-8859-1.
  bool latin1_only = false;

  std::string Key() {
    std::string out;
    const int length = static_cast<int>(Int(1, 8));
    for (int i = 0; i < length; ++i) out.push_back("abcxyz_09"[Int(0, 8)]);
    return out;
  }

 private:
  std::mt19937 engine_;
};

Person RandomPerson(Random& r) {
  Person p;
  // Never empty, so the part stays present; upper case, which the encoder
  // would otherwise normalise.
  static const char* const kCountries[] = {"DE", "AT", "US", "\xC3\x9C"};
  p.set_country(kCountries[r.Int(0, 3)]);
  if (r.Chance(50)) p.set_firstname(r.Text());
  if (r.Chance(50)) p.set_lastname(r.Text());
  if (r.Chance(50)) p.set_company(r.Text());
  if (r.Chance(30)) p.set_email(r.Text());
  if (r.Chance(30)) p.set_zip(r.Text());
  return p;
}

Item RandomItem(Random& r) {
  Item item;
  if (r.Chance(80)) {
    item.set_type(static_cast<::codectest::v1::ItemType>(r.Int(1, 3)));
  }
  if (r.Chance(80)) item.set_id(r.Text());
  item.set_price(r.Int(-1999999999, 1999999999));
  item.set_quantity(static_cast<int32_t>(r.Int(-5, 999999)));
  if (r.Chance(80)) item.set_description(r.Text());
  if (r.Chance(50)) item.set_vat(static_cast<int32_t>(r.Int(0, 9999)));
  if (r.Chance(30)) item.set_delivery_date(r.Text());
  return item;
}

PaymentRequest RandomRequest(Random& r) {
  PaymentRequest m;
  if (r.Chance(80)) m.set_reference(r.Text());
  m.set_amount(r.Int(INT64_MIN, INT64_MAX));
  if (r.Chance(80)) {
    m.set_currency(static_cast<::codectest::v1::Currency>(r.Int(1, 2)));
  }
  if (r.Chance(80)) *m.mutable_person() = RandomPerson(r);
  switch (r.Int(0, 3)) {
    case 0:
      break;
    case 1:
      if (r.Chance(70)) m.mutable_card()->set_cardpan(r.Text());
      if (r.Chance(70)) m.mutable_card()->set_cardcvc2(r.Text());
      m.mutable_card();
      break;
    case 2:
      m.mutable_debit()->set_iban(r.Text());
      if (r.Chance(50)) m.mutable_debit()->set_bic(r.Text());
      break;
    case 3:
      m.mutable_secured_debit()->set_iban(r.Text());
      if (r.Chance(50)) m.mutable_secured_debit()->set_device_token(r.Text());
      break;
  }
  const int items = static_cast<int>(r.Int(0, 5));
  for (int i = 0; i < items; ++i) *m.add_items() = RandomItem(r);
  const int entries = static_cast<int>(r.Int(0, 3));
  for (int i = 0; i < entries; ++i) {
    (*m.mutable_add_paydata())[r.Key()] = r.Chance(80) ? r.Text() : "";
  }
  m.set_customer_is_present(r.Chance(50));
  if (r.Chance(50)) m.set_three_d_secure(r.Chance(50));
  if (r.Chance(30)) m.set_successurl(r.Text());
  if (r.Chance(30)) m.set_narrative_text(r.Text());
  if (r.Chance(50)) m.set_due_time(r.Int(INT64_MIN, INT64_MAX));
  m.set_sequencenumber(static_cast<uint32_t>(r.Int(0, UINT32_MAX)));
  return m;
}

PaymentResponse RandomResponse(Random& r) {
  PaymentResponse m;
  m.set_status(static_cast<::codectest::v1::Status>(r.Int(1, 4)));
  if (r.Chance(70)) m.set_txid(r.Int(INT64_MIN, INT64_MAX));
  if (r.Chance(70)) m.set_userid(r.Int(0, 999999999999));
  if (r.Chance(30)) m.set_redirecturl(r.Text(/*line_safe=*/true));
  if (r.Chance(30)) m.set_errorcode(static_cast<int32_t>(r.Int(-5, 999999)));
  if (r.Chance(30)) m.set_errormessage(r.Text(true));
  if (r.Chance(50)) m.set_settleaccount(r.Chance(50));
  if (r.Chance(30)) m.set_clearing_bankiban(r.Text(true));
  if (r.Chance(30)) {
    m.set_currency(static_cast<::codectest::v1::Currency>(r.Int(1, 2)));
  }
  const int entries = static_cast<int>(r.Int(0, 3));
  for (int i = 0; i < entries; ++i) {
    (*m.mutable_add_paydata())[r.Key()] = r.Text(true);
    (*m.mutable_other_parameters())["x_" + r.Key()] = r.Text(true);
  }
  return m;
}

TransactionStatus RandomNotification(Random& r) {
  TransactionStatus m;
  m.set_key(r.Text());
  m.set_txaction(static_cast<::codectest::v1::TxAction>(r.Int(1, 3)));
  m.set_txid(r.Int(INT64_MIN, INT64_MAX));
  // Decimal amounts: the text form must not overflow on the way back.
  m.set_price(r.Int(-99999999999, 99999999999));
  if (r.Chance(50)) m.set_balance(r.Int(-99999999999, 99999999999));
  m.set_receivable(r.Int(-99999999999, 99999999999));
  m.set_txtime(static_cast<uint64_t>(r.Int(0, INT64_MAX)));
  if (r.Chance(70)) *m.mutable_person() = RandomPerson(r);
  if (r.Chance(50)) m.set_cardpan(r.Text());
  const int items = static_cast<int>(r.Int(0, 3));
  for (int i = 0; i < items; ++i) *m.add_items() = RandomItem(r);
  if (r.Chance(50)) (*m.mutable_other_parameters())["x_" + r.Key()] = r.Text();
  return m;
}

template <typename M>
void ExpectEqual(const M& want, const M& got, const std::string& wire) {
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(want, got))
      << "want: " << want.ShortDebugString()
      << "\ngot:  " << got.ShortDebugString() << "\nwire: " << wire;
}

TEST(PropertyTest, RequestsRoundTripThroughFormBodies) {
  Random r(20261125);
  for (int i = 0; i < kIterations; ++i) {
    const PaymentRequest m = RandomRequest(r);
    FormBuilder form;
    PayoneCodec<PaymentRequest>::Encode(m, {}, &form);
    PaymentRequest back;
    ASSERT_TRUE(
        PayoneCodec<PaymentRequest>::Decode(form.body(), {}, &back).ok());
    ExpectEqual(m, back, form.body());
    if (HasFailure()) return;
  }
}

TEST(PropertyTest, RequestsRoundTripThroughLatin1) {
  Random r(7);
  r.latin1_only = true;
  EncodeOptions latin1;
  latin1.charset = Charset::kLatin1;
  DecodeOptions decode_latin1;
  decode_latin1.charset = Charset::kLatin1;
  int checked = 0;
  for (int i = 0; i < kIterations; ++i) {
    const PaymentRequest m = RandomRequest(r);
    Violations violations;
    PayoneCodec<PaymentRequest>::Validate(m, latin1, &violations);
    bool representable = true;
    for (const FieldViolation& v : violations.list()) {
      representable = representable &&
                      v.description.find("ISO-8859-1") == std::string::npos;
    }
    if (!representable) continue;
    FormBuilder form;
    PayoneCodec<PaymentRequest>::Encode(m, latin1, &form);
    PaymentRequest back;
    ASSERT_TRUE(
        PayoneCodec<PaymentRequest>::Decode(form.body(), decode_latin1, &back)
            .ok());
    ExpectEqual(m, back, form.body());
    if (HasFailure()) return;
    ++checked;
  }
  EXPECT_GT(checked, kIterations / 2);
}

TEST(PropertyTest, ResponsesRoundTripThroughKeyValueLines) {
  Random r(42);
  for (int i = 0; i < kIterations; ++i) {
    const PaymentResponse m = RandomResponse(r);
    const std::string lines = PayoneCodec<PaymentResponse>::EncodeResponse(m);
    PaymentResponse back;
    const absl::Status status =
        PayoneCodec<PaymentResponse>::Decode(lines, {}, &back);
    ASSERT_TRUE(status.ok()) << status << "\n" << lines;
    ExpectEqual(m, back, lines);
    if (HasFailure()) return;
  }
}

TEST(PropertyTest, NotificationsRoundTripThroughFormBodies) {
  Random r(4711);
  for (int i = 0; i < kIterations; ++i) {
    const TransactionStatus m = RandomNotification(r);
    FormBuilder form;
    PayoneCodec<TransactionStatus>::Encode(m, {}, &form);
    TransactionStatus back;
    const absl::Status status =
        PayoneCodec<TransactionStatus>::Decode(form.body(), {}, &back);
    ASSERT_TRUE(status.ok()) << status << "\n" << form.body();
    ExpectEqual(m, back, form.body());
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace payone::codec
