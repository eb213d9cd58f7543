// Codec speed: the generated codec (//codec/payone:payone_codec) against a
// protobuf-reflection implementation of the same job (reflection_codec.h),
// in the same binary and the same run. Every benchmark reports, besides
// ns/op, heap allocations/op and heap bytes/op, counted by the replaced
// global operator new below.
//
// Before running, main() checks that both implementations agree on every
// input (same body, same violations count, same decoded message) and exits
// non-zero if they do not, so the comparison stays one of equals. Both
// decoders read the body with the same codec::ParameterReader (one
// parameter at a time, in UTF-8): the decode benchmarks compare finding and
// setting the field (generated switch vs descriptor index + reflection),
// not two ways of splitting the body.
//
//   bazel run -c opt //bench:codec_benchmark
//   bazel run -c opt //bench:codec_benchmark -- --benchmark_filter=002
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "bench/reflection_codec.h"
#include "benchmark/benchmark.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "codec/testing/sample_bodies.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "payone/v1/notification.payone.h"
#include "payone/v1/payment_requests.payone.h"
#include "payone/v1/responses.payone.h"

// ---------------------------------------------------------------------------
// Heap accounting: every operator new of the process is counted.

namespace {
std::atomic<uint64_t> g_allocations{0};
std::atomic<uint64_t> g_allocated_bytes{0};

void* CountedAlloc(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  g_allocated_bytes.fetch_add(size, std::memory_order_relaxed);
  if (size == 0) size = 1;
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}

void* CountedAlignedAlloc(std::size_t size, std::align_val_t align) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  g_allocated_bytes.fetch_add(size, std::memory_order_relaxed);
  const std::size_t a = static_cast<std::size_t>(align);
  const std::size_t rounded = (size + a - 1) / a * a;
  if (void* p = std::aligned_alloc(a, rounded == 0 ? a : rounded)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return CountedAlloc(size); }
void* operator new[](std::size_t size) { return CountedAlloc(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return CountedAlloc(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return CountedAlloc(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(std::size_t size, std::align_val_t align) {
  return CountedAlignedAlloc(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return CountedAlignedAlloc(size, align);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}

namespace payone::bench {
namespace {

using ::payone::codec::DecodeOptions;
using ::payone::codec::EncodeOptions;
using ::payone::codec::FormBuilder;
using ::payone::codec::PayoneCodec;
using ::payone::codec::Violations;
using ::payone::v1::AuthorizationRequest;
using ::payone::v1::AuthorizationResponse;
using ::payone::v1::TransactionStatusNotification;

// Counts the heap allocations between construction and Report().
class HeapMeter {
 public:
  explicit HeapMeter(benchmark::State& state)
      : state_(state),
        allocations_(g_allocations.load(std::memory_order_relaxed)),
        bytes_(g_allocated_bytes.load(std::memory_order_relaxed)) {}
  void Report() {
    const double n = static_cast<double>(state_.iterations());
    if (n == 0) return;
    state_.counters["allocs/op"] =
        (g_allocations.load(std::memory_order_relaxed) - allocations_) / n;
    state_.counters["heap_B/op"] =
        (g_allocated_bytes.load(std::memory_order_relaxed) - bytes_) / n;
  }

 private:
  benchmark::State& state_;
  uint64_t allocations_;
  uint64_t bytes_;
};

// ---------------------------------------------------------------------------
// Inputs

// PAYONE document 002: the credit-card authorization (pseudocardpan from the
// hosted iFrame), as codec/payone/vectors_test.cc builds it.
constexpr char kCreditCardAuthorization[] = R"pb(
  account: "shop"
  reference: "1234000243"
  amount: 3499
  currency: "EUR"
  param: "session-1|n2ikm4l9ifpds5p1efv6dede76|f8222c6f3c6999ce98f5198078522be4"
  customer_is_present: true
  recurrence: RECURRENCE_ONECLICK
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
  gender: GENDER_MALE
  delivery_data {
    shipping_firstname: "Maximillian"
    shipping_lastname: "Testerei"
    shipping_street: "Wegeweg 25"
    shipping_zip: "01099"
    shipping_city: "Dresden"
    shipping_country: "DE"
  }
  redirect_urls {
    successurl: "https://yourdomain.dev/mopt_payment_payone/success/swPaymentToken/WQXEBlwaY9jx9lZFQyxocKc5Cj86rsU3/appendSession/"
    errorurl: "https://yourdomain.dev/mopt_payment_payone/failure/appendSession/"
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

const AuthorizationRequest& CreditCard002() {
  static const AuthorizationRequest* m = [] {
    auto* out = new AuthorizationRequest();
    if (!google::protobuf::TextFormat::ParseFromString(kCreditCardAuthorization,
                                                       out)) {
      std::fprintf(stderr, "bad 002 textproto\n");
      std::abort();
    }
    return out;
  }();
  return *m;
}

// An invoice (rec) authorization with PAYONE's maximum of 400 articles.
const AuthorizationRequest& Invoice400() {
  static const AuthorizationRequest* m = [] {
    auto* out = new AuthorizationRequest(CreditCard002());
    out->clear_credit_card();
    out->mutable_invoice();
    out->clear_items();
    int64_t total = 0;
    for (int i = 1; i <= 400; ++i) {
      auto* item = out->add_items();
      item->set_type(v1::ITEM_TYPE_GOODS);
      item->set_id(absl::StrCat("SKU-", 100000 + i));
      item->set_price(100 + i);
      item->set_quantity(1 + i % 3);
      item->set_description(absl::StrCat("Artikel Nr. ", i, " Größe XL"));
      item->set_vat_rate(1900);
      total += (100 + i) * (1 + i % 3);
    }
    out->set_amount(total);
    return out;
  }();
  return *m;
}

// The gateway's sizing of the body (service/gateway/payment_forwarder.h).
constexpr size_t kFormReserve = 2048;

template <typename M>
std::string GeneratedEncode(const M& m, size_t* violations) {
  Violations v;
  PayoneCodec<M>::Validate(m, {}, &v);
  *violations = v.size();
  FormBuilder form(kFormReserve);
  PayoneCodec<M>::Encode(m, {}, &form);
  return form.Release();
}

std::string ReflectionEncode(const google::protobuf::Message& m,
                             size_t* violations) {
  Violations v;
  ReflectValidate(m, {}, &v);
  *violations = v.size();
  FormBuilder form(kFormReserve);
  ReflectEncode(m, {}, &form);
  return form.Release();
}

// ---------------------------------------------------------------------------
// Benchmarks. Each encode op is what the gateway does per call: a fresh
// violation list and a fresh body of the forwarder's size. Decoders reuse one
// message, whose Decode clears it first.

template <const AuthorizationRequest& (*Input)()>
void BM_EncodeValidate_Generated(benchmark::State& state) {
  const AuthorizationRequest& m = Input();
  HeapMeter meter(state);
  size_t bytes = 0;
  for (auto _ : state) {
    Violations v;
    PayoneCodec<AuthorizationRequest>::Validate(m, {}, &v);
    FormBuilder form(kFormReserve);
    PayoneCodec<AuthorizationRequest>::Encode(m, {}, &form);
    bytes = form.body().size();
    benchmark::DoNotOptimize(v);
    benchmark::DoNotOptimize(form);
  }
  meter.Report();
  state.counters["body_B"] = bytes;
}

template <const AuthorizationRequest& (*Input)()>
void BM_EncodeValidate_Reflection(benchmark::State& state) {
  const AuthorizationRequest& m = Input();
  HeapMeter meter(state);
  size_t bytes = 0;
  for (auto _ : state) {
    Violations v;
    ReflectValidate(m, {}, &v);
    FormBuilder form(kFormReserve);
    ReflectEncode(m, {}, &form);
    bytes = form.body().size();
    benchmark::DoNotOptimize(v);
    benchmark::DoNotOptimize(form);
  }
  meter.Report();
  state.counters["body_B"] = bytes;
}

void BM_Validate002_Generated(benchmark::State& state) {
  const AuthorizationRequest& m = CreditCard002();
  HeapMeter meter(state);
  for (auto _ : state) {
    Violations v;
    PayoneCodec<AuthorizationRequest>::Validate(m, {}, &v);
    benchmark::DoNotOptimize(v);
  }
  meter.Report();
}

void BM_Encode002_Generated(benchmark::State& state) {
  const AuthorizationRequest& m = CreditCard002();
  HeapMeter meter(state);
  for (auto _ : state) {
    FormBuilder form(kFormReserve);
    PayoneCodec<AuthorizationRequest>::Encode(m, {}, &form);
    benchmark::DoNotOptimize(form);
  }
  meter.Report();
}

void BM_DecodeAnswer002_Generated(benchmark::State& state) {
  AuthorizationResponse r;
  HeapMeter meter(state);
  for (auto _ : state) {
    absl::Status s = PayoneCodec<AuthorizationResponse>::Decode(
        codec::testing::kApprovedAnswer, {}, &r);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(r);
  }
  meter.Report();
}

void BM_DecodeAnswer002_Reflection(benchmark::State& state) {
  AuthorizationResponse r;
  HeapMeter meter(state);
  for (auto _ : state) {
    absl::Status s =
        ReflectDecodeResponse(codec::testing::kApprovedAnswer, {}, &r);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(r);
  }
  meter.Report();
}

DecodeOptions Latin1() {
  DecodeOptions o;
  o.charset = codec::Charset::kLatin1;
  return o;
}

void BM_DecodeNotification_Generated(benchmark::State& state) {
  TransactionStatusNotification n;
  const DecodeOptions options = Latin1();
  HeapMeter meter(state);
  for (auto _ : state) {
    absl::Status s = PayoneCodec<TransactionStatusNotification>::Decode(
        codec::testing::kAppointedNotification, options, &n);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(n);
  }
  meter.Report();
}

void BM_DecodeNotification_Reflection(benchmark::State& state) {
  TransactionStatusNotification n;
  const DecodeOptions options = Latin1();
  HeapMeter meter(state);
  for (auto _ : state) {
    absl::Status s = ReflectDecodeNotification(
        codec::testing::kAppointedNotification, options, &n);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(n);
  }
  meter.Report();
}

// The form-encoding primitive alone: 002's parameters, as the generated
// encoder produced them, added again through the runtime's FormBuilder.

const std::vector<codec::NameValue>& Parameters002() {
  static const auto* parameters = [] {
    size_t violations = 0;
    const std::string body = GeneratedEncode(CreditCard002(), &violations);
    return new std::vector<codec::NameValue>(codec::ParseForm(body).value());
  }();
  return *parameters;
}

std::string RuntimeBody(const std::vector<codec::NameValue>& parameters) {
  FormBuilder form(kFormReserve);
  for (const codec::NameValue& p : parameters) form.Add(p.first, p.second);
  return form.Release();
}

void BM_FormEncode002_Runtime(benchmark::State& state) {
  const auto& parameters = Parameters002();
  HeapMeter meter(state);
  for (auto _ : state) {
    std::string body = RuntimeBody(parameters);
    benchmark::DoNotOptimize(body);
  }
  meter.Report();
}

BENCHMARK(BM_FormEncode002_Runtime)->Name("FormEncode002/runtime");

BENCHMARK_TEMPLATE(BM_EncodeValidate_Generated, CreditCard002)
    ->Name("EncodeValidate002/generated");
BENCHMARK_TEMPLATE(BM_EncodeValidate_Reflection, CreditCard002)
    ->Name("EncodeValidate002/reflection");
BENCHMARK(BM_Validate002_Generated)->Name("Validate002/generated");
BENCHMARK(BM_Encode002_Generated)->Name("Encode002/generated");
BENCHMARK(BM_DecodeAnswer002_Generated)->Name("DecodeAnswer002/generated");
BENCHMARK(BM_DecodeAnswer002_Reflection)->Name("DecodeAnswer002/reflection");
BENCHMARK(BM_DecodeNotification_Generated)
    ->Name("DecodeNotification/generated");
BENCHMARK(BM_DecodeNotification_Reflection)
    ->Name("DecodeNotification/reflection");
BENCHMARK_TEMPLATE(BM_EncodeValidate_Generated, Invoice400)
    ->Name("EncodeValidateInvoice400/generated");
BENCHMARK_TEMPLATE(BM_EncodeValidate_Reflection, Invoice400)
    ->Name("EncodeValidateInvoice400/reflection");

// ---------------------------------------------------------------------------
// Both implementations must do the same job.

bool SameMessage(const google::protobuf::Message& a,
                 const google::protobuf::Message& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

bool CheckEquivalence() {
  bool ok = true;
  for (const AuthorizationRequest* m : {&CreditCard002(), &Invoice400()}) {
    size_t generated_violations = 0;
    size_t reflection_violations = 0;
    const std::string generated = GeneratedEncode(*m, &generated_violations);
    const std::string reflection = ReflectionEncode(*m, &reflection_violations);
    if (generated != reflection) {
      std::fprintf(stderr,
                   "encode mismatch (%zu items):\n generated:  %s\n "
                   "reflection: %s\n",
                   static_cast<size_t>(m->items_size()), generated.c_str(),
                   reflection.c_str());
      ok = false;
    }
    if (generated_violations != 0 || reflection_violations != 0) {
      std::fprintf(stderr,
                   "the input should be valid: %zu generated / %zu reflection "
                   "violations\n",
                   generated_violations, reflection_violations);
      ok = false;
    }
  }
  // An invalid request: both must find violations (counts may differ in
  // how rules are split, so only "some" is required of both).
  {
    AuthorizationRequest bad = CreditCard002();
    bad.set_currency("EURO");
    bad.mutable_personal_data()->set_email("not-an-email");
    bad.clear_account();
    size_t g = 0;
    size_t r = 0;
    GeneratedEncode(bad, &g);
    ReflectionEncode(bad, &r);
    if (g == 0 || r == 0 || g != r) {
      std::fprintf(stderr, "violations differ: generated %zu reflection %zu\n",
                   g, r);
      ok = false;
    }
  }
  size_t violations_002 = 0;
  if (RuntimeBody(Parameters002()) !=
      GeneratedEncode(CreditCard002(), &violations_002)) {
    std::fprintf(stderr, "FormBuilder differs from the generated encoder\n");
    ok = false;
  }
  {
    AuthorizationResponse g;
    AuthorizationResponse r;
    const absl::Status gs = PayoneCodec<AuthorizationResponse>::Decode(
        codec::testing::kApprovedAnswer, {}, &g);
    const absl::Status rs =
        ReflectDecodeResponse(codec::testing::kApprovedAnswer, {}, &r);
    if (!gs.ok() || !rs.ok() || !SameMessage(g, r)) {
      std::fprintf(stderr, "answer decode mismatch: %s / %s\n%s\n%s\n",
                   gs.ToString().c_str(), rs.ToString().c_str(),
                   g.DebugString().c_str(), r.DebugString().c_str());
      ok = false;
    }
  }
  {
    TransactionStatusNotification g;
    TransactionStatusNotification r;
    const absl::Status gs = PayoneCodec<TransactionStatusNotification>::Decode(
        codec::testing::kAppointedNotification, Latin1(), &g);
    const absl::Status rs = ReflectDecodeNotification(
        codec::testing::kAppointedNotification, Latin1(), &r);
    if (!gs.ok() || !rs.ok() || !SameMessage(g, r)) {
      std::fprintf(stderr, "notification decode mismatch: %s / %s\n%s\n%s\n",
                   gs.ToString().c_str(), rs.ToString().c_str(),
                   g.DebugString().c_str(), r.DebugString().c_str());
      ok = false;
    }
  }
  return ok;
}

}  // namespace
}  // namespace payone::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (!payone::bench::CheckEquivalence()) {
    std::fprintf(stderr,
                 "codec_benchmark: generated and reflection codecs disagree\n");
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
