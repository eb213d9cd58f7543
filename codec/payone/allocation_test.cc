// The budget: at most 3 heap allocations per encode. Validating and
// encoding 002's credit-card authorization into a reserved FormBuilder must
// not allocate at all, and neither must decoding answers into a reused
// message; this test counts every operator new of the process.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>

#include "absl/strings/string_view.h"
#include "codec/payone/doc_vectors.h"
#include "codec/runtime/codec.h"
#include "codec/testing/codec_testing.h"
#include "gtest/gtest.h"
#include "payone/v1/payment_requests.payone.h"
#include "payone/v1/responses.payone.h"

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

TEST(AllocationTest, DecodingAnswersIntoAReusedMessageDoesNotAllocate) {
  // 002's answer, then answers of other lengths: once the message's strings
  // have grown, decoding assigns in place and reads the body where it is.
  using Codec = PayoneCodec<payone::v1::AuthorizationResponse>;
  payone::v1::AuthorizationResponse r;
  constexpr absl::string_view kAnswers[] = {
      "status=APPROVED\ntxid=987654321\nuserid=123456789\n",
      "status=REDIRECT\r\ntxid=987654322\r\nuserid=12345\r\n"
      "redirecturl=https://secure.pay1.de/3ds/redirect.php?md=1&txid=2\r\n",
      "status=ERROR\nerrorcode=33\nerrormessage=Expiry date invalid\n"
      "customermessage=Ung\xFCltiges Ablaufdatum",
  };
  for (absl::string_view answer : kAnswers) {
    ASSERT_TRUE(Codec::Decode(answer, {}, &r).ok()) << answer;
  }
  for (absl::string_view answer : kAnswers) {
    const long before = allocations.load();
    const absl::Status status = Codec::Decode(answer, {}, &r);
    const long used = allocations.load() - before;
    EXPECT_TRUE(status.ok()) << status;
    EXPECT_EQ(used, 0) << "allocations decoding " << answer;
  }
}

}  // namespace
}  // namespace payone::codec
