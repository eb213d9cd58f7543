// Prints the PAYONE form body the gateway sends for a PreauthorizationRequest
// given as JSON (bench/preauthorization.json), with the standard parameters
// of an account in front. bench/run.sh sends this body straight to the
// simulator with wrk: the direct baseline of the end-to-end benchmark.
//
//   form_body <request.json> <mid> <aid> <portalid> <key-hex> <mode>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "google/protobuf/util/json_util.h"
#include "payone/v1/payment_requests.payone.h"

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr,
                 "usage: %s <request.json> <mid> <aid> <portalid> <key-hex> "
                 "<mode>\n",
                 argv[0]);
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream json;
  json << in.rdbuf();
  payone::v1::PreauthorizationRequest request;
  const auto parsed =
      google::protobuf::util::JsonStringToMessage(json.str(), &request);
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s: %s\n", argv[1], parsed.ToString().c_str());
    return 1;
  }
  using Codec = payone::codec::PayoneCodec<payone::v1::PreauthorizationRequest>;
  payone::codec::Violations violations;
  Codec::Validate(request, {}, &violations);
  for (const auto& v : violations.list()) {
    std::fprintf(stderr, "violation: %s: %s\n", v.field.c_str(),
                 v.description.c_str());
  }
  if (!violations.empty()) return 1;
  payone::codec::FormBuilder form(1024);
  form.Add("mid", argv[2]);
  form.Add("portalid", argv[4]);
  form.Add("key", argv[5]);
  form.Add("mode", argv[6]);
  form.Add("request", Codec::kRequestType);
  form.Add("api_version", "3.11");
  form.Add("encoding", "UTF-8");
  form.Add("aid", argv[3]);
  Codec::Encode(request, {}, &form);
  std::fwrite(form.body().data(), 1, form.body().size(), stdout);
  return 0;
}
