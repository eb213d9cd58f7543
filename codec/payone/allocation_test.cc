// The issue's budget: at most 3 heap allocations per encode. Validating and
// encoding 002's credit-card authorization into a reserved FormBuilder must
// not allocate at all; this test counts every operator new of the process.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>

#include "codec/runtime/codec.h"
#include "codec/testing/codec_testing.h"
#include "gtest/gtest.h"
#include "payone/v1/payment_requests.payone.h"

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace payone::codec {
namespace {

constexpr char kRequest[] = R"pb(
  account: "shop"
  reference: "1234000243"
  amount: 3499
  currency: "EUR"
  param: "session-1|n2ikm4l9ifpds5p1efv6dede76"
  customer_is_present: true
  recurrence: RECURRENCE_ONECLICK
  gender: GENDER_MALE
  personal_data {
    salutation: "Herr"
    firstname: "Maximillian"
    lastname: "Testerei"
    street: "Wegeweg 25"
    zip: "01099"
    city: "Dresden"
    country: "DE"
    email: "test@payone.com"
    telephonenumber: "01752345678"
    language: "de"
    ip: "172.19.0.34"
  }
  delivery_data {
    shipping_firstname: "Maximillian"
    shipping_lastname: "Testerei"
    shipping_street: "Wegeweg 25"
    shipping_zip: "01099"
    shipping_city: "Dresden"
    shipping_country: "DE"
  }
  redirect_urls {
    successurl: "https://yourdomain.dev/mopt_payment_payone/success/"
    errorurl: "https://yourdomain.dev/mopt_payment_payone/failure/"
  }
  items {
    type: ITEM_TYPE_GOODS
    id: "SW10007.3"
    price: 1999
    quantity: 1
    description: "Hauptartikel mit Eigenschaften XL"
    vat_rate: 1900
  }
  items {
    type: ITEM_TYPE_GOODS
    id: "SW10006"
    price: 1500
    quantity: 1
    description: "Hauptartikel mit Kennzeichnung"
    vat_rate: 1900
  }
  items {
    type: ITEM_TYPE_SHIPMENT
    id: "ship9"
    price: 0
    quantity: 1
    description: "Standard Versand"
    vat_rate: 0
  }
  credit_card {
    pseudocardpan: "9410010000167640853"
    cardholder: "max testerei"
  }
)pb";

TEST(AllocationTest, ValidateAndEncodeOfTheCardAuthorizationDoNotAllocate) {
  using Codec = PayoneCodec<payone::v1::AuthorizationRequest>;
  const auto m = testing::Parse<payone::v1::AuthorizationRequest>(kRequest);
  for (Charset charset : {Charset::kUtf8, Charset::kLatin1}) {
    EncodeOptions options;
    options.charset = charset;
    Violations violations;
    FormBuilder form(4096);
    const long before = allocations.load();
    Codec::Validate(m, options, &violations);
    Codec::Encode(m, options, &form);
    const long used = allocations.load() - before;
    EXPECT_TRUE(violations.empty());
    EXPECT_GT(form.body().size(), 1000u);
    EXPECT_EQ(used, 0) << "allocations in Validate + Encode";
  }
}

}  // namespace
}  // namespace payone::codec
