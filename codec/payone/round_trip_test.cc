// decode(encode(m)) == m for every request, response and the notification
// of the real model, on messages filled at random from the model's own
// options (the test uses reflection; the codec does not), decoded into a
// fresh message and into one full of other values.
#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "codec/runtime/codec.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "payone/v1/check_requests.payone.h"
#include "payone/v1/management_requests.payone.h"
#include "payone/v1/notification.payone.h"
#include "payone/v1/options.pb.h"
#include "payone/v1/payment_requests.payone.h"
#include "payone/v1/responses.payone.h"

namespace payone::codec {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;

constexpr int kIterations = 300;

// (wire name, value) pairs that would select another oneof alternative.
using Constants = std::set<std::pair<std::string, std::string>>;

class Filler {
 public:
  Filler(uint32_t seed, bool line_safe, bool gateway_only_too = false)
      : engine_(seed),
        line_safe_(line_safe),
        gateway_only_too_(gateway_only_too) {}

  void Fill(Message* m, const Constants& avoid = {}) {
    const Descriptor* d = m->GetDescriptor();
    const Reflection* r = m->GetReflection();
    for (int i = 0; i < d->oneof_decl_count(); ++i) {
      const auto* oneof = d->oneof_decl(i);
      if (oneof->is_synthetic() || Int(0, 3) == 0) continue;
      Constants others;
      for (int j = 0; j < oneof->field_count(); ++j) {
        const auto* f = oneof->field(j);
        if (f->message_type() == nullptr) continue;
        for (const auto& [k, v] : f->message_type()
                                      ->options()
                                      .GetExtension(payone::v1::message)
                                      .constants()) {
          others.emplace(k, v);
        }
      }
      const FieldDescriptor* chosen =
          oneof->field(Int(0, oneof->field_count() - 1));
      FillField(m, chosen, others);
    }
    for (int i = 0; i < d->field_count(); ++i) {
      const FieldDescriptor* f = d->field(i);
      if (f->real_containing_oneof() != nullptr) continue;
      if (Int(0, 2) == 0) continue;
      FillField(m, f, avoid);
    }
    (void)r;
  }

 private:
  int64_t Int(int64_t low, int64_t high) {
    return std::uniform_int_distribution<int64_t>(low, high)(engine_);
  }

  std::string Text(const payone::v1::FieldRules& rules) {
    std::string out;
    const int length = static_cast<int>(Int(1, 10));
    for (int i = 0; i < length; ++i) {
      if (rules.text().letter_case() == payone::v1::LETTER_CASE_UPPER) {
        out.push_back(static_cast<char>('A' + Int(0, 25)));
      } else if (rules.text().letter_case() == payone::v1::LETTER_CASE_LOWER) {
        out.push_back(static_cast<char>('a' + Int(0, 25)));
      } else {
        static const char* const kPieces[] = {"a",
                                              "Z",
                                              "7",
                                              " ",
                                              "&",
                                              "=",
                                              "+",
                                              "%",
                                              "[",
                                              "]",
                                              "?",
                                              "\xC3\xBC",
                                              "\xE2\x82\xAC",
                                              "\n",
                                              "\r"};
        out += kPieces[Int(0, line_safe_ ? 12 : 14)];
      }
    }
    return out;
  }

  void FillField(Message* m, const FieldDescriptor* f, const Constants& avoid) {
    const auto rules = f->options().GetExtension(payone::v1::field);
    const Reflection* r = m->GetReflection();
    if (rules.gateway_only() && !gateway_only_too_) return;
    if (f->is_map()) {
      const Descriptor* entry = f->message_type();
      const int n = static_cast<int>(Int(1, 2));
      for (int i = 0; i < n; ++i) {
        Message* e = r->AddMessage(m, f);
        // Keys no typed field spells (add_paydata[device_token] ...).
        const std::string key = absl::StrCat(
            rules.map().unknown_parameters() ? "x_" : "k_", Int(0, 99));
        e->GetReflection()->SetString(e, entry->map_key(), key);
        e->GetReflection()->SetString(e, entry->map_value(), Text(rules));
      }
      return;
    }
    if (f->is_repeated()) {
      const int n = static_cast<int>(Int(0, 3));
      for (int i = 0; i < n; ++i) {
        Message* element = r->AddMessage(m, f);
        while (element->ByteSizeLong() == 0) Fill(element);
      }
      return;
    }
    const std::string wire = rules.wire_name();
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        Message* part = r->MutableMessage(m, f);
        Fill(part, avoid);
        const bool has_constants = !f->message_type()
                                        ->options()
                                        .GetExtension(payone::v1::message)
                                        .constants()
                                        .empty();
        if (part->ByteSizeLong() == 0 && !has_constants) r->ClearField(m, f);
        return;
      }
      case FieldDescriptor::CPPTYPE_STRING:
        r->SetString(m, f, Text(rules));
        return;
      case FieldDescriptor::CPPTYPE_BOOL:
        r->SetBool(m, f, Int(0, 1) == 1);
        return;
      case FieldDescriptor::CPPTYPE_INT32:
        r->SetInt32(m, f, static_cast<int32_t>(Int(-999999, 999999)));
        return;
      case FieldDescriptor::CPPTYPE_INT64:
        r->SetInt64(m, f, Int(-99999999999, 99999999999));
        return;
      case FieldDescriptor::CPPTYPE_UINT32:
        r->SetUInt32(m, f, static_cast<uint32_t>(Int(0, 999999)));
        return;
      case FieldDescriptor::CPPTYPE_UINT64:
        r->SetUInt64(m, f, static_cast<uint64_t>(Int(0, 99999999999)));
        return;
      case FieldDescriptor::CPPTYPE_ENUM: {
        const auto* e = f->enum_type();
        for (int attempt = 0; attempt < 10; ++attempt) {
          const auto* value = e->value(Int(1, e->value_count() - 1));
          const std::string text = value->options()
                                       .GetExtension(payone::v1::enum_value)
                                       .wire_value();
          if (avoid.count({wire, text}) != 0) continue;
          r->SetEnum(m, f, value);
          return;
        }
        return;
      }
      default:
        return;
    }
  }

  std::mt19937 engine_;
  bool line_safe_;
  bool gateway_only_too_;
};

// What a caller may hand Decode to fill: a message already full of other
// values, gateway-only fields and fields of a newer schema included.
// Decode leaves none of it behind.
class Leftovers {
 public:
  explicit Leftovers(uint32_t seed)
      : filler_(seed, /*line_safe=*/false, /*gateway_only_too=*/true) {}

  template <typename M>
  M Next() {
    M m;
    filler_.Fill(&m);
    m.GetReflection()->MutableUnknownFields(&m)->AddVarint(9999, 1);
    return m;
  }

 private:
  Filler filler_;
};

template <typename M>
void ExpectSame(const M& want, const M& got, const std::string& wire) {
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(want, got))
      << M::descriptor()->name() << "\nwant: " << want.ShortDebugString()
      << "\ngot:  " << got.ShortDebugString() << "\nwire: " << wire;
}

// Decodes `body` into a fresh message and into one full of leftovers:
// both must be `want`.
template <typename M>
void ExpectDecodes(const M& want, const std::string& body,
                   Leftovers* leftovers) {
  M fresh;
  const absl::Status status = PayoneCodec<M>::Decode(body, {}, &fresh);
  ASSERT_TRUE(status.ok()) << status << "\n" << body;
  ExpectSame(want, fresh, body);
  M reused = leftovers->Next<M>();
  ASSERT_TRUE(PayoneCodec<M>::Decode(body, {}, &reused).ok());
  ExpectSame(want, reused, body);
}

// What a decoded request reads as where the wire cannot tell: Unzer's and
// Ratepay's calculation are one action (add_paydata[action]=calculation)
// told apart by the payment method's financingtype alone, and the decoder
// picks an action by its constants, so an empty UnzerCalculation comes
// back as an empty RatepayCalculation. Only tests decode requests (the
// simulator dispatches on financingtype).
void AsDecoded(payone::v1::GenericPaymentRequest* m) {
  if (m->has_unzer_calculation()) m->mutable_ratepay_calculation();
}
template <typename M>
void AsDecoded(M*) {}

template <typename M>
void RequestRoundTrips() {
  Filler filler(1, /*line_safe=*/false);
  Leftovers leftovers(4);
  size_t longest = 0;
  for (int i = 0; i < kIterations && !::testing::Test::HasFailure(); ++i) {
    M m;
    filler.Fill(&m);
    m.clear_account();
    FormBuilder form;
    PayoneCodec<M>::Encode(m, {}, &form);
    AsDecoded(&m);
    ExpectDecodes(m, form.body(), &leftovers);
    longest = std::max(longest, form.body().size());
  }
  // The filler reaches deep: parts, oneofs, articles and maps.
  EXPECT_GT(longest, 50u) << M::descriptor()->name();
}

template <typename M>
void ResponseRoundTrips() {
  Filler filler(2, /*line_safe=*/true);
  Leftovers leftovers(5);
  for (int i = 0; i < kIterations && !::testing::Test::HasFailure(); ++i) {
    M m;
    filler.Fill(&m);
    if (m.status() == 0) m.set_status(payone::v1::STATUS_APPROVED);
    ExpectDecodes(m, PayoneCodec<M>::EncodeResponse(m), &leftovers);
  }
}

TEST(RoundTripTest, EveryRequestType) {
  RequestRoundTrips<payone::v1::PreauthorizationRequest>();
  RequestRoundTrips<payone::v1::AuthorizationRequest>();
  RequestRoundTrips<payone::v1::CaptureRequest>();
  RequestRoundTrips<payone::v1::DebitRequest>();
  RequestRoundTrips<payone::v1::RefundRequest>();
  RequestRoundTrips<payone::v1::VauthorizationRequest>();
  RequestRoundTrips<payone::v1::ThreeDSCheckRequest>();
  RequestRoundTrips<payone::v1::CreditCardCheckRequest>();
  RequestRoundTrips<payone::v1::BankAccountCheckRequest>();
  RequestRoundTrips<payone::v1::AddressCheckRequest>();
  RequestRoundTrips<payone::v1::ConsumerScoreRequest>();
  RequestRoundTrips<payone::v1::ManageMandateRequest>();
  RequestRoundTrips<payone::v1::GetFileRequest>();
  RequestRoundTrips<payone::v1::GetInvoiceRequest>();
  RequestRoundTrips<payone::v1::GenericPaymentRequest>();
  RequestRoundTrips<payone::v1::UpdateUserRequest>();
  RequestRoundTrips<payone::v1::GetUserRequest>();
  RequestRoundTrips<payone::v1::CreateAccessRequest>();
  RequestRoundTrips<payone::v1::UpdateAccessRequest>();
  RequestRoundTrips<payone::v1::UpdateReminderRequest>();
}

// getuser reads one of two ways, and PAYONE's documents ask for one
// parameter or the other: the request carries only the chosen way's.
TEST(RequestEncodingTest, GetUserSendsOnlyTheChosenWay) {
  const auto encode = [](const payone::v1::GetUserRequest& request) {
    FormBuilder form;
    PayoneCodec<payone::v1::GetUserRequest>::Encode(request, {}, &form);
    return form.body();
  };
  payone::v1::GetUserRequest request;
  request.set_customerid("C-1");
  request.mutable_usertoken();
  const std::string token = encode(request);
  EXPECT_NE(token.find("getusertoken=yes"), std::string::npos) << token;
  EXPECT_EQ(token.find("type="), std::string::npos) << token;
  request.mutable_userdata();
  const std::string userdata = encode(request);
  EXPECT_NE(userdata.find("type=userdata"), std::string::npos) << userdata;
  EXPECT_EQ(userdata.find("getusertoken"), std::string::npos) << userdata;
}

TEST(RoundTripTest, EveryResponseType) {
  ResponseRoundTrips<payone::v1::PreauthorizationResponse>();
  ResponseRoundTrips<payone::v1::AuthorizationResponse>();
  ResponseRoundTrips<payone::v1::CaptureResponse>();
  ResponseRoundTrips<payone::v1::DebitResponse>();
  ResponseRoundTrips<payone::v1::RefundResponse>();
  ResponseRoundTrips<payone::v1::VauthorizationResponse>();
  ResponseRoundTrips<payone::v1::ThreeDSCheckResponse>();
  ResponseRoundTrips<payone::v1::CreditCardCheckResponse>();
  ResponseRoundTrips<payone::v1::BankAccountCheckResponse>();
  ResponseRoundTrips<payone::v1::AddressCheckResponse>();
  ResponseRoundTrips<payone::v1::ConsumerScoreResponse>();
  ResponseRoundTrips<payone::v1::ManageMandateResponse>();
  ResponseRoundTrips<payone::v1::GetFileResponse>();
  ResponseRoundTrips<payone::v1::GetInvoiceResponse>();
  ResponseRoundTrips<payone::v1::GenericPaymentResponse>();
  ResponseRoundTrips<payone::v1::UpdateUserResponse>();
  ResponseRoundTrips<payone::v1::GetUserResponse>();
  ResponseRoundTrips<payone::v1::CreateAccessResponse>();
  ResponseRoundTrips<payone::v1::UpdateAccessResponse>();
  ResponseRoundTrips<payone::v1::UpdateReminderResponse>();
}

TEST(RoundTripTest, TheNotification) {
  using N = payone::v1::TransactionStatusNotification;
  Filler filler(3, /*line_safe=*/false);
  Leftovers leftovers(6);
  for (int i = 0; i < kIterations && !HasFailure(); ++i) {
    N m;
    filler.Fill(&m);
    FormBuilder form;
    PayoneCodec<N>::Encode(m, {}, &form);
    if (m.key().empty() || m.txaction() == 0) {
      N back;  // key and txaction are required
      EXPECT_FALSE(PayoneCodec<N>::Decode(form.body(), {}, &back).ok());
      continue;
    }
    ExpectDecodes(m, form.body(), &leftovers);
  }
}

}  // namespace
}  // namespace payone::codec
