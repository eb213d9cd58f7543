// PayoneCodec<GenericPaymentResponse>::DecodeResult: the typed result of
// the request's action from PAYONE's answer (options.proto result_oneof).

#include <string>

#include "absl/status/status.h"
#include "codec/runtime/codec.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "payone/v1/management_requests.pb.h"
#include "payone/v1/responses.payone.h"

namespace payone::codec {
namespace {

using ::payone::v1::GenericPaymentRequest;
using ::payone::v1::GenericPaymentResponse;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using Codec = PayoneCodec<GenericPaymentResponse>;

GenericPaymentResponse DecodeWithResult(int action, const std::string& body) {
  GenericPaymentResponse response;
  EXPECT_TRUE(Codec::Decode(body, DecodeOptions(), &response).ok());
  EXPECT_TRUE(
      Codec::DecodeResult(action, body, DecodeOptions(), &response).ok());
  return response;
}

TEST(DecodeResultTest, NumberedPlansBecomeElementsInTheOrderOfTheirNumbers) {
  // Numbered from 1 with a gap, out of order: three plans, by number.
  const GenericPaymentResponse response = DecodeWithResult(
      GenericPaymentRequest::kSecuredInstallmentOptionsFieldNumber,
      "status=OK\n"
      "workorderid=WO1\n"
      "add_paydata[installment_option_id_4]=IOP_c\n"
      "add_paydata[installment_option_id_1]=IOP_a\n"
      "add_paydata[number_of_payments_1]=3\n"
      "add_paydata[installment_option_id_2]=IOP_b\n"
      "add_paydata[monthly_amount_value_4]=4634\n"
      "add_paydata[amount_value]=51050\n"
      "add_paydata[partner_hint_1]=kept\n");
  ASSERT_TRUE(response.has_secured_installment_options());
  const auto& result = response.secured_installment_options();
  EXPECT_EQ(result.workorderid(), "WO1");
  EXPECT_EQ(result.amount_value(), 51050);
  ASSERT_EQ(result.options_size(), 3);
  EXPECT_EQ(result.options(0).installment_option_id(), "IOP_a");
  EXPECT_EQ(result.options(0).number_of_payments(), 3);
  EXPECT_EQ(result.options(1).installment_option_id(), "IOP_b");
  EXPECT_EQ(result.options(2).installment_option_id(), "IOP_c");
  EXPECT_EQ(result.options(2).monthly_amount_value(), 4634);
  // A key PAYONE does not define for the action stays in the free map.
  EXPECT_THAT(response.add_paydata(),
              ElementsAre(Pair("partner_hint_1", "kept")));
  EXPECT_EQ(response.workorderid(), "WO1");  // the answer's own field too
}

TEST(DecodeResultTest, PlansNumberedInsideTheKeyBecomeElements) {
  // Unzer numbers its plans inside the key; the rates of a plan are
  // numbered twice and stay in the free map.
  const GenericPaymentResponse response = DecodeWithResult(
      GenericPaymentRequest::kUnzerCalculationFieldNumber,
      "status=OK\n"
      "workorderid=WO3\n"
      "add_paydata[PaymentDetails_2_Duration]=6\n"
      "add_paydata[PaymentDetails_1_Duration]=3\n"
      "add_paydata[PaymentDetails_1_TotalAmount]=103.00\n"
      "add_paydata[PaymentDetails_2_Currency]=EUR\n"
      "add_paydata[PaymentDetails_1_Installment_1_Amount]=34.34\n");
  ASSERT_TRUE(response.has_unzer_calculation());
  const auto& result = response.unzer_calculation();
  EXPECT_EQ(result.workorderid(), "WO3");
  ASSERT_EQ(result.plans_size(), 2);
  EXPECT_EQ(result.plans(0).duration(), 3);
  EXPECT_EQ(result.plans(0).total_amount(), "103.00");
  EXPECT_EQ(result.plans(1).duration(), 6);
  EXPECT_EQ(result.plans(1).currency(), "EUR");
  EXPECT_THAT(
      response.add_paydata(),
      ElementsAre(Pair("PaymentDetails_1_Installment_1_Amount", "34.34")));
}

TEST(DecodeResultTest, AValueTheFieldCannotHoldStaysInTheFreeMap) {
  const GenericPaymentResponse response = DecodeWithResult(
      GenericPaymentRequest::kSecuredInstallmentOptionsFieldNumber,
      "status=OK\nadd_paydata[amount_value]=lots\n");
  ASSERT_TRUE(response.has_secured_installment_options());
  EXPECT_FALSE(response.secured_installment_options().amount_value());
  EXPECT_THAT(response.add_paydata(),
              ElementsAre(Pair("amount_value", "lots")));
}

TEST(DecodeResultTest, TheActionSelectsTheAlternative) {
  const std::string body =
      "status=OK\nworkorderid=WO2\nadd_paydata[email]=a@example.com\n"
      "add_paydata[shipping_city]=Berlin\n";
  const GenericPaymentResponse paypal = DecodeWithResult(
      GenericPaymentRequest::kPaypalExpressGetCheckoutDetailsFieldNumber, body);
  EXPECT_EQ(paypal.paypal_express_get_checkout_details().shipping().city(),
            "Berlin");
  EXPECT_THAT(paypal.add_paydata(), IsEmpty());
  const GenericPaymentResponse klarna = DecodeWithResult(
      GenericPaymentRequest::kKlarnaStartSessionFieldNumber, body);
  EXPECT_EQ(klarna.klarna_start_session().workorderid(), "WO2");
  // Klarna's result has no address: it stays in the free map.
  EXPECT_THAT(klarna.add_paydata(),
              ElementsAre(Pair("shipping_city", "Berlin")));
  const GenericPaymentResponse none = DecodeWithResult(0, body);
  EXPECT_EQ(none.result_case(), GenericPaymentResponse::RESULT_NOT_SET);
}

TEST(DecodeResultTest, ResultNumbersMirrorTheActions) {
  const auto* actions =
      GenericPaymentRequest::descriptor()->FindOneofByName("generic_action");
  const auto* results =
      GenericPaymentResponse::descriptor()->FindOneofByName("result");
  ASSERT_NE(actions, nullptr);
  ASSERT_NE(results, nullptr);
  EXPECT_EQ(actions->field_count(), results->field_count());
  for (int i = 0; i < actions->field_count(); ++i) {
    const auto* action = actions->field(i);
    const auto* result =
        GenericPaymentResponse::descriptor()->FindFieldByNumber(
            action->number());
    ASSERT_NE(result, nullptr) << action->name() << " has no result";
    EXPECT_EQ(result->containing_oneof(), results) << action->name();
    EXPECT_EQ(result->name(), action->name());
  }
}

}  // namespace
}  // namespace payone::codec
