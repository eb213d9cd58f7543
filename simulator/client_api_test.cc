// The Client API over HTTP: the hash (HMAC-SHA384 and legacy MD5, computed
// independently with `openssl dgst -sha384 -hmac` and `md5sum`), JSON,
// JSONP and REDIRECT answers, the pseudo card number paying like its card,
// the hosted iFrame stand-in's files and the 3-D Secure ACS page.

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "codec/runtime/form.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "simulator/testing.h"

namespace payone::simulator {
namespace {

using testing::Client;
using testing::Fields;
using ::testing::HasSubstr;
using testing::LineValue;
using ::testing::Not;
using ::testing::StartsWith;

// aid..storecarddata of TestAccount() with responsetype JSON, and their
// hashes with the key "test-portal-key".
constexpr char kHmac[] =
    "a1e10ae40394e2e66f5a1ca429813634ec1af148ab28757b59c6cb09331705a48de09bc0"
    "3590dd0f97dc499b77a9e91f";
constexpr char kMd5[] = "b78421c91fad70a38655c9464597e94c";

Fields BrowserCall(const std::string& hash) {
  return {{"request", "creditcardcheck"},
          {"responsetype", "JSON"},
          {"mode", "test"},
          {"mid", "10000"},
          {"aid", "10001"},
          {"portalid", "2000001"},
          {"encoding", "UTF-8"},
          {"storecarddata", "yes"},
          {"hash", hash},
          {"cardpan", "4012001037141112"},
          {"cardtype", "V"},
          {"cardexpiredate", "3012"},
          {"cardcvc2", "123"}};
}

std::string Query(const Fields& fields) {
  codec::FormBuilder form(512);
  for (const auto& [name, value] : fields) form.Add(name, value);
  return form.Release();
}

class ClientApiTest : public testing::SimulatorTest {
 protected:
  absl::StatusOr<ClientResponse> Get(const Fields& fields) {
    return client_.Get(absl::StrCat("/client-api/?", Query(fields)));
  }
};

TEST_F(ClientApiTest, CreditCardCheckAnswersJsonWithTheCardsTokens) {
  auto answer = Get(BrowserCall(kHmac));
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(answer->status, 200);
  EXPECT_THAT(answer->Header("content-type"), StartsWith("application/json"));
  EXPECT_EQ(answer->body,
            "{\"status\":\"VALID\",\"pseudocardpan\":\"9410010000000000001\","
            "\"truncatedcardpan\":\"401200XXXXXX1112\",\"cardtype\":\"V\","
            "\"cardexpiredate\":\"3012\"}");
  // POSTed like the hosted iFrame's field does, with the legacy MD5 hash.
  auto posted = testing::HttpPostForm(
      absl::StrCat(sim_->base_url(), "/client-api/"), BrowserCall(kMd5));
  ASSERT_TRUE(posted.ok());
  // The same card keeps its pseudo card number.
  EXPECT_THAT(posted->body, HasSubstr("\"9410010000000000001\""));
}

TEST_F(ClientApiTest, JsonpWrapsTheAnswerInTheCallback) {
  Fields call = BrowserCall(kHmac);
  call.push_back({"callback_method", "PayoneGlobals.callback"});
  auto answer = Get(call);
  ASSERT_TRUE(answer.ok());
  EXPECT_THAT(answer->Header("content-type"),
              StartsWith("application/javascript"));
  EXPECT_THAT(answer->body, StartsWith("PayoneGlobals.callback({\"status\":"
                                       "\"VALID\""));
  EXPECT_THAT(answer->body, ::testing::EndsWith("});"));
  call.back().second = "alert(1)//";
  EXPECT_EQ(Get(call)->status, 400);
}

TEST_F(ClientApiTest, WrongHashIsError2007AndNoCardIsChecked) {
  Fields call = BrowserCall(kHmac);
  call.push_back({"amount", "100"});  // hashed, so the hash no longer fits
  auto answer = Get(call);
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->body,
            "{\"status\":\"ERROR\",\"errorcode\":\"2007\",\"errormessage\":"
            "\"Hash incorrect\",\"customermessage\":\"An error occured while "
            "processing this transaction (wrong parameters).\"}");
  Fields no_hash = BrowserCall("");
  EXPECT_THAT(Get(no_hash)->body, HasSubstr("\"status\":\"ERROR\""));
  // The Server API's key is no substitute.
  Fields server_key = BrowserCall(kHmac);
  server_key[0].second = "preauthorization";
  EXPECT_THAT(Get(server_key)->body, HasSubstr("\"errorcode\":\"2007\""));
}

TEST_F(ClientApiTest, RedirectSendsTheBrowserToSuccessUrl) {
  Fields call = BrowserCall(
      "ac2bedb1c135b97304804369d277ba92df14962b430296c3d9adb920e75ae5dc6c26e2"
      "34bc303adf9e4e05738b4e6eaf");
  call[1].second = "REDIRECT";
  call.push_back({"successurl", "http://shop.test/ok"});
  call.push_back({"errorurl", "http://shop.test/fail"});
  auto answer = Get(call);
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->status, 302);
  EXPECT_EQ(answer->Header("location"),
            "http://shop.test/ok?status=VALID&pseudocardpan=9410010000000000001"
            "&truncatedcardpan=401200XXXXXX1112&cardtype=V&cardexpiredate="
            "3012");
}

TEST_F(ClientApiTest, PseudoCardPanPaysLikeItsCardThroughThreeDSecure) {
  const std::string pseudo = LineValue(
      client_.Call("creditcardcheck", {{"aid", "10001"},
                                       {"cardpan", "4012001037141112"},
                                       {"cardtype", "V"},
                                       {"cardexpiredate", "3012"}}),
      "pseudocardpan");
  ASSERT_FALSE(pseudo.empty());
  const std::string preauthorized =
      client_.Call("preauthorization",
                   testing::Payment("cc", "saq-1", "1000",
                                    {{"pseudocardpan", pseudo},
                                     {"cardtype", "V"},
                                     {"successurl", "http://shop.test/ok"},
                                     {"errorurl", "http://shop.test/fail"}}));
  ASSERT_EQ(LineValue(preauthorized, "status"), "REDIRECT") << preauthorized;
  const std::string url = LineValue(preauthorized, "redirecturl");
  const std::string target = url.substr(url.find("/3ds/"));
  // A browser sees the ACS page first; nothing is decided yet.
  auto page = client_.Get(target, {{"Accept", "text/html,*/*"}});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->status, 200);
  EXPECT_THAT(page->body, HasSubstr("Confirm payment"));
  EXPECT_EQ(sim_->notifier().delivered(), 0u);
  // Its confirm button.
  auto confirmed = client_.Get(absl::StrCat(target, "&outcome=authenticated"),
                               {{"Accept", "text/html"}});
  ASSERT_TRUE(confirmed.ok());
  EXPECT_EQ(confirmed->status, 302);
  EXPECT_EQ(confirmed->Header("location"), "http://shop.test/ok");
}

TEST_F(ClientApiTest, ServesTheHostedIframeStandIn) {
  auto script = client_.Get("/client-api/js/v1/payone_hosted_min.js");
  ASSERT_TRUE(script.ok());
  EXPECT_THAT(script->Header("content-type"),
              StartsWith("application/javascript"));
  EXPECT_THAT(script->body, HasSubstr("Payone.ClientApi.HostedIFrames ="));
  auto field = client_.Get("/client-api/hosted-field?field=cardpan");
  ASSERT_TRUE(field.ok());
  EXPECT_THAT(field->Header("content-type"), StartsWith("text/html"));
  EXPECT_THAT(field->body, HasSubstr("postMessage"));
  EXPECT_THAT(field->body, Not(HasSubstr(")asset")));
}

}  // namespace
}  // namespace payone::simulator
