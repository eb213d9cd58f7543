// The budget: at most 3 heap allocations per encode. Validating and
// encoding 002's credit-card authorization into a reserved FormBuilder must
// not allocate at all; this test counts every operator new of the process.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>

#include "codec/payone/doc_vectors.h"
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

TEST(AllocationTest, ValidateAndEncodeOfTheCardAuthorizationDoNotAllocate) {
  using Codec = PayoneCodec<payone::v1::AuthorizationRequest>;
  const auto m = testing::Parse<payone::v1::AuthorizationRequest>(
      testing::kCreditCardAuthorization002);
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
