// The readers alone, for instruction counts (valgrind --tool=callgrind
// --toggle-collect='*ReadAllParameters*'): what a decoder pays to read a
// body before it looks at any parameter.
//
//   bazel run -c opt //codec/runtime:parameter_reader_benchmark
#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "benchmark/benchmark.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/parameter_reader.h"
#include "codec/testing/sample_bodies.h"

namespace payone::codec {
namespace {

// A long answer (about 3 KB): a SEPA mandate text line and many short ones.
std::string LongAnswer() {
  std::string body = testing::kApprovedAnswer;
  body += "mandate_status=pending\nmandate_identification=PO-12345678\n";
  body += "mandate_text=";
  for (int i = 0; i < 20; ++i) {
    body +=
        "Ich ermaechtige die Testfirma GmbH, Zahlungen von meinem Konto "
        "mittels Lastschrift einzuziehen. ";
  }
  body += "\n";
  for (int i = 1; i <= 40; ++i) {
    body += "add_paydata[key" + std::to_string(i) + "]=value " +
            std::to_string(i * 7919) + "\r\n";
  }
  return body;
}

// Out of line, so that callgrind can count it.
template <BodyFormat kFormat>
ABSL_ATTRIBUTE_NOINLINE size_t ReadAllParameters(absl::string_view body,
                                                 const DecodeOptions& options) {
  ParameterReader<kFormat> reader(body, options);
  size_t bytes = 0;
  while (reader.Next()) bytes += reader.name().size() + reader.value().size();
  return reader.status().ok() ? bytes : 0;
}

template <BodyFormat kFormat>
void BM_Read(benchmark::State& state, absl::string_view body,
             const DecodeOptions& options) {
  for (auto _ : state) {
    size_t bytes = ReadAllParameters<kFormat>(body, options);
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(body.size()));
}

void BM_ResponseLinesApproved(benchmark::State& state) {
  BM_Read<BodyFormat::kResponseLines>(state, testing::kApprovedAnswer, {});
}
void BM_ResponseLinesLong(benchmark::State& state) {
  static const std::string* const body = new std::string(LongAnswer());
  BM_Read<BodyFormat::kResponseLines>(state, *body, {});
}
void BM_FormNotification(benchmark::State& state) {
  DecodeOptions latin1;
  latin1.charset = Charset::kLatin1;
  BM_Read<BodyFormat::kForm>(state, testing::kAppointedNotification, latin1);
}

BENCHMARK(BM_ResponseLinesApproved)->Name("ResponseLines/approved");
BENCHMARK(BM_ResponseLinesLong)->Name("ResponseLines/long");
BENCHMARK(BM_FormNotification)->Name("Form/notification");

}  // namespace
}  // namespace payone::codec

BENCHMARK_MAIN();
