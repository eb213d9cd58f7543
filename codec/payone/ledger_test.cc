// What the real requests mean to the gateway's ledger, as options.proto's
// ledger_effect and ledger tags in payment_requests.proto say it: the five
// requests that open or move money on a payment process, and nothing else.
#include "codec/runtime/ledger.h"

#include <string>

#include "codec/runtime/codec.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "payone/v1/check_requests.payone.h"
#include "payone/v1/management_requests.payone.h"
#include "payone/v1/options.pb.h"
#include "payone/v1/payment_requests.payone.h"

namespace payone::codec {
namespace {

template <typename M>
constexpr LedgerEffect kEffect = PayoneCodec<M>::kLedgerEffect;

static_assert(kEffect<v1::PreauthorizationRequest> == LedgerEffect::kReserve);
static_assert(kEffect<v1::AuthorizationRequest> == LedgerEffect::kAuthorize);
static_assert(kEffect<v1::CaptureRequest> == LedgerEffect::kCapture);
static_assert(kEffect<v1::RefundRequest> == LedgerEffect::kRefund);
static_assert(kEffect<v1::DebitRequest> == LedgerEffect::kDebit);

static_assert(!PayoneCodec<v1::PreauthorizationRequest>::kTakesSequenceNumber);
static_assert(!PayoneCodec<v1::AuthorizationRequest>::kTakesSequenceNumber);
static_assert(PayoneCodec<v1::CaptureRequest>::kTakesSequenceNumber);
static_assert(PayoneCodec<v1::RefundRequest>::kTakesSequenceNumber);
static_assert(PayoneCodec<v1::DebitRequest>::kTakesSequenceNumber);

// vauthorization books on a billing account (vxid), not on a payment
// process (txid); genericpayment is a provider's side call.
static_assert(kEffect<v1::VauthorizationRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::ThreeDSCheckRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::CreditCardCheckRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::BankAccountCheckRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::AddressCheckRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::ConsumerScoreRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::ManageMandateRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::GetFileRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::GetInvoiceRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::GenericPaymentRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::UpdateUserRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::GetUserRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::CreateAccessRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::UpdateAccessRequest> == LedgerEffect::kNone);
static_assert(kEffect<v1::UpdateReminderRequest> == LedgerEffect::kNone);

// The lists above cover every request: a new one must be decided here.
TEST(LedgerTest, EveryRequestIsDecidedAbove) {
  int requests = 0;
  for (const auto* file : {v1::PreauthorizationRequest::descriptor()->file(),
                           v1::ThreeDSCheckRequest::descriptor()->file(),
                           v1::ManageMandateRequest::descriptor()->file()}) {
    for (int i = 0; i < file->message_type_count(); ++i) {
      const auto& rules =
          file->message_type(i)->options().GetExtension(v1::message);
      if (rules.kind() == v1::MESSAGE_KIND_REQUEST) ++requests;
    }
  }
  EXPECT_EQ(requests, 20);
}

TEST(LedgerTest, CaptureGivesItsFields) {
  v1::CaptureRequest capture;
  capture.set_account("demo");
  capture.set_txid("700000001");
  capture.set_sequencenumber(2);
  capture.set_amount(2500);
  capture.set_currency("EUR");
  capture.set_capturemode(v1::CAPTURE_MODE_COMPLETED);
  const LedgerFields fields =
      PayoneCodec<v1::CaptureRequest>::LedgerFieldsOf(capture);
  EXPECT_EQ(fields.txid, "700000001");
  EXPECT_EQ(fields.sequencenumber, 2);
  EXPECT_EQ(fields.amount, 2500);
  EXPECT_EQ(fields.currency, "EUR");
  EXPECT_EQ(fields.capturemode, "completed");
  EXPECT_EQ(fields.reference, "");

  capture.clear_sequencenumber();
  capture.set_capturemode(v1::CAPTURE_MODE_UNSPECIFIED);
  EXPECT_FALSE(PayoneCodec<v1::CaptureRequest>::LedgerFieldsOf(capture)
                   .sequencenumber.has_value());
  EXPECT_EQ(
      PayoneCodec<v1::CaptureRequest>::LedgerFieldsOf(capture).capturemode, "");
  PayoneCodec<v1::CaptureRequest>::SetSequenceNumber(&capture, 1);
  EXPECT_EQ(capture.sequencenumber(), 1);
}

TEST(LedgerTest, OpenersGiveReferenceAmountAndCurrency) {
  v1::PreauthorizationRequest preauthorization;
  preauthorization.set_reference("order-1001");
  preauthorization.set_amount(10000);
  preauthorization.set_currency("EUR");
  const LedgerFields fields =
      PayoneCodec<v1::PreauthorizationRequest>::LedgerFieldsOf(
          preauthorization);
  EXPECT_EQ(fields.reference, "order-1001");
  EXPECT_EQ(fields.amount, 10000);
  EXPECT_EQ(fields.currency, "EUR");
  EXPECT_EQ(fields.txid, "");
  EXPECT_FALSE(fields.sequencenumber.has_value());
}

TEST(LedgerTest, RefundGivesANegativeAmount) {
  v1::RefundRequest refund;
  refund.set_txid("700000001");
  refund.set_amount(-2500);
  const LedgerFields fields =
      PayoneCodec<v1::RefundRequest>::LedgerFieldsOf(refund);
  EXPECT_EQ(fields.txid, "700000001");
  EXPECT_EQ(fields.amount, -2500);
  EXPECT_FALSE(fields.sequencenumber.has_value());
  EXPECT_EQ(fields.capturemode, "");
}

TEST(LedgerTest, RequestsWithoutEffectGiveEmptyFields) {
  v1::VauthorizationRequest vauthorization;
  vauthorization.set_amount(500);
  vauthorization.set_currency("EUR");
  const LedgerFields fields =
      PayoneCodec<v1::VauthorizationRequest>::LedgerFieldsOf(vauthorization);
  EXPECT_EQ(fields.amount, 0);
  EXPECT_EQ(fields.currency, "");
}

}  // namespace
}  // namespace payone::codec
