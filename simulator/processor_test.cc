// The post-gateway without HTTP: notifications as the processor emits them,
// and hostile input straight into the parser and the handlers.

#include "simulator/processor.h"

#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace payone::simulator {
namespace {

struct Recorded {
  std::string url;
  int64_t txid;
  std::vector<NameValue> params;
};

class RecordingSink : public NotificationSink {
 public:
  void Send(const std::string& url, int64_t txid,
            std::vector<NameValue> params) override {
    sent.push_back({url, txid, std::move(params)});
  }
  std::vector<Recorded> sent;
};

std::string Value(const Recorded& recorded, const std::string& name) {
  for (const auto& [key, value] : recorded.params) {
    if (key == name) return value;
  }
  return "";
}

class ProcessorTest : public ::testing::Test {
 protected:
  ProcessorTest() {
    ProcessorOptions options;
    Account account;
    account.mid = "10000";
    account.aid = "10001";
    account.portalid = "2000001";
    account.key = "k";
    options.accounts = {account};
    options.notify_url = "http://127.0.0.1:1/status";
    options.base_url = "http://sim";
    processor_ = std::make_unique<Processor>(options, &sink_);
  }

  Answer Run(const std::string& body) {
    Params params;
    if (auto error = Params::Parse(body, &params)) {
      return Answer::Error(*error, "");
    }
    return processor_->Process(params);
  }

  std::string Standard() const {
    return absl::StrCat("mid=10000&portalid=2000001&key=", Md5Hex("k"),
                        "&mode=test");
  }

  RecordingSink sink_;
  std::unique_ptr<Processor> processor_;
};

TEST_F(ProcessorTest, PendingCardSendsPendingThenCompleted) {
  const Answer answer = Run(absl::StrCat(
      Standard(),
      "&request=authorization&aid=10001&clearingtype=cc&reference=P-1"
      "&amount=111&currency=EUR&lastname=T&country=DE&api_version=3.11"
      "&cardpan=4000000000000093&cardtype=V&cardexpiredate=3012"));
  EXPECT_EQ(RenderLines(answer, false),
            "status=PENDING\ntxid=700000001\nuserid=400000001\n"
            "reasoncode=903\n");
  ASSERT_EQ(sink_.sent.size(), 3u);
  EXPECT_EQ(Value(sink_.sent[0], "transaction_status"), "pending");
  EXPECT_EQ(Value(sink_.sent[0], "reasoncode"), "903");
  EXPECT_EQ(Value(sink_.sent[0], "balance"), "0.00");
  EXPECT_EQ(Value(sink_.sent[1], "transaction_status"), "completed");
  EXPECT_EQ(Value(sink_.sent[1], "balance"), "1.11");
  EXPECT_EQ(Value(sink_.sent[2], "txaction"), "paid");
  EXPECT_EQ(sink_.sent[2].url, "http://127.0.0.1:1/status");
}

TEST_F(ProcessorTest, RedirectCompletionIsIdempotent) {
  Run(absl::StrCat(Standard(),
                   "&request=preauthorization&aid=10001&clearingtype=sb"
                   "&onlinebanktransfertype=PNT&bankcountry=DE&reference=R-1"
                   "&amount=100&currency=EUR&lastname=T&country=DE"
                   "&successurl=https://s/ok&errorurl=https://s/err"
                   "&backurl=https://s/back"));
  EXPECT_EQ(processor_->CompleteRedirect("700000001x1", ""), "https://s/ok");
  // A reload neither books twice nor changes the outcome.
  EXPECT_EQ(processor_->CompleteRedirect("700000001x1", "back"),
            "https://s/ok");
  EXPECT_EQ(sink_.sent.size(), 1u);
  EXPECT_EQ(processor_->CompleteRedirect("nope", ""), "");
}

// Random bytes and mutated valid requests: every input gets an answer with
// a status, and nothing crashes (run under --config=asan/ubsan too).
TEST_F(ProcessorTest, HostileInputAlwaysAnswers) {
  const std::vector<std::string> seeds = {
      absl::StrCat(Standard(),
                   "&request=preauthorization&aid=10001&clearingtype=cc"
                   "&reference=H-0&amount=100&currency=EUR&lastname=T"
                   "&country=DE&cardpan=4111111111111111&cardtype=V"
                   "&cardexpiredate=3012"),
      absl::StrCat(Standard(),
                   "&request=capture&txid=700000001&amount=100&currency=EUR"
                   "&sequencenumber=1"),
      absl::StrCat(Standard(),
                   "&request=debit&txid=700000001&amount=-9999999999"
                   "&currency=EUR&sequencenumber=2"),
      absl::StrCat(Standard(),
                   "&request=genericpayment&aid=10001&clearingtype=wlt"
                   "&add_paydata%5Baction%5D=setexpresscheckout"),
      absl::StrCat(Standard(), "&request=managemandate&aid=10001"),
      absl::StrCat(Standard(), "&request=getfile&file_reference=%00"),
  };
  const std::string alphabet = "=&%[]+-0123456789abcdefxyzAZ\xe4\xff\n\r ";
  std::mt19937 random(20260115);
  for (int i = 0; i < 20000; ++i) {
    std::string body = seeds[random() % seeds.size()];
    const int edits = 1 + random() % 8;
    for (int e = 0; e < edits && !body.empty(); ++e) {
      const size_t at = random() % body.size();
      switch (random() % 3) {
        case 0:
          body[at] = alphabet[random() % alphabet.size()];
          break;
        case 1:
          body.erase(at, 1 + random() % 5);
          break;
        default:
          body.insert(at, 1, static_cast<char>(random() % 256));
      }
    }
    const Answer answer = Run(body);
    ASSERT_TRUE(answer.Find("status") != nullptr || !answer.binary.empty())
        << body;
  }
}

}  // namespace
}  // namespace payone::simulator
