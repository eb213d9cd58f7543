// PrepareCreditCardCheck against hashes computed independently (openssl
// dgst -sha384 -hmac / md5sum over the concatenated values).

#include "service/gateway/client_api_service.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/gateway/testing.h"

namespace payone::service {
namespace {

using ::payone::v1::PrepareCreditCardCheckRequest;
using ::payone::v1::PrepareCreditCardCheckResponse;
using ::testing::ElementsAre;

AccountSettings Demo() {
  return SimulatorTestAccount("demo", "demo-portal-key");
}

constexpr char kClientApi[] = "https://secure.pay1.de/client-api/";

TEST(PrepareCreditCardCheckTest, HostedIframeRequestWithHmacSha384) {
  PrepareCreditCardCheckRequest request;
  request.set_account("demo");
  request.set_language("de");
  PrepareCreditCardCheckResponse response;
  codec::Violations violations;
  PrepareCreditCardCheck(Demo(), kClientApi, request, &response, &violations);
  ASSERT_TRUE(violations.empty());
  const auto& call = response.request();
  EXPECT_EQ(call.request(), "creditcardcheck");
  EXPECT_EQ(call.responsetype(), "JSON");
  EXPECT_EQ(call.mode(), "test");
  EXPECT_EQ(call.mid(), "10000");
  EXPECT_EQ(call.aid(), "10001");
  EXPECT_EQ(call.portalid(), "2000001");
  EXPECT_EQ(call.encoding(), "UTF-8");
  EXPECT_EQ(call.storecarddata(), "yes");
  EXPECT_EQ(call.language(), "de");
  // language is not hashed.
  EXPECT_THAT(response.hashed_parameters(),
              ElementsAre("aid", "encoding", "mid", "mode", "portalid",
                          "request", "responsetype", "storecarddata"));
  EXPECT_EQ(call.hash(),
            "7410725441b2b021d9546afaaaa15249afe45f665a9b40fb88c0343237c2a0f7"
            "af224cea0323af972ddfd27beacb8692");
  EXPECT_EQ(response.hash_algorithm(),
            payone::v1::CLIENT_API_HASH_ALGORITHM_HMAC_SHA384);
  EXPECT_EQ(response.client_api_url(), kClientApi);
  EXPECT_EQ(response.hosted_iframe_script_url(),
            "https://secure.pay1.de/client-api/js/v1/payone_hosted_min.js");
}

TEST(PrepareCreditCardCheckTest, LegacyMd5Hash) {
  AccountSettings account = Demo();
  account.file.set_legacy_md5_client_api_hash(true);
  PrepareCreditCardCheckRequest request;
  request.set_account("demo");
  PrepareCreditCardCheckResponse response;
  codec::Violations violations;
  PrepareCreditCardCheck(account, kClientApi, request, &response, &violations);
  ASSERT_TRUE(violations.empty());
  EXPECT_EQ(response.request().hash(), "096e28eb862e19924dc11fd6962d92fb");
  EXPECT_EQ(response.hash_algorithm(),
            payone::v1::CLIENT_API_HASH_ALGORITHM_MD5);
}

TEST(PrepareCreditCardCheckTest, RedirectHashesItsUrls) {
  PrepareCreditCardCheckRequest request;
  request.set_account("demo");
  request.set_responsetype(payone::v1::CLIENT_API_RESPONSE_TYPE_REDIRECT);
  request.set_storecarddata(false);
  request.set_successurl("https://shop.example/ok");
  request.set_errorurl("https://shop.example/fail");
  PrepareCreditCardCheckResponse response;
  codec::Violations violations;
  PrepareCreditCardCheck(Demo(), kClientApi, request, &response, &violations);
  ASSERT_TRUE(violations.empty());
  EXPECT_EQ(response.request().storecarddata(), "no");
  EXPECT_THAT(
      response.hashed_parameters(),
      ElementsAre("aid", "encoding", "errorurl", "mid", "mode", "portalid",
                  "request", "responsetype", "storecarddata", "successurl"));
  EXPECT_EQ(response.request().hash(),
            "e9abfefe78f7a0fa26014a33975d6cd2a6089bc19304d8eea380fee5667ef979"
            "1e2a6adcaf52496b397427ef501aceda");
}

TEST(PrepareCreditCardCheckTest, ListsEveryViolation) {
  PrepareCreditCardCheckRequest request;
  request.set_account("demo");
  request.set_responsetype(payone::v1::CLIENT_API_RESPONSE_TYPE_REDIRECT);
  request.set_errorurl("ftp://shop.example/fail");
  request.set_language("DE");
  PrepareCreditCardCheckResponse response;
  codec::Violations violations;
  PrepareCreditCardCheck(Demo(), kClientApi, request, &response, &violations);
  std::vector<std::string> fields;
  for (const auto& violation : violations.list()) {
    fields.push_back(violation.field);
  }
  EXPECT_THAT(fields, ElementsAre("successurl", "errorurl", "language"));
  EXPECT_FALSE(response.has_request());
}

TEST(ClientApiHashTest, IgnoresParametersPayoneDoesNotHash) {
  EXPECT_EQ(ClientApiHash({{"mid", "1"}, {"language", "de"}, {"aid", "2"}},
                          "key", /*legacy_md5=*/false, nullptr),
            ClientApiHash({{"aid", "2"}, {"mid", "1"}}, "key", false, nullptr));
}

}  // namespace
}  // namespace payone::service
