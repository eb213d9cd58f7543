// The fault soak: a real gateway process (SQLite ledger, notification
// receiver) in front of an in-process simulator that injects every fault
// kind it has at random, while clients run full payment flows (preauthorize
// 100.00, capture 30.00 and 20.00, refund 25.00), each call with its own
// idempotency key, retried only when the error says retry_safe. The
// simulator's TransactionStatus POSTs pass a relay that drops some, loses
// the answer of others and resets connections, so PAYONE retries them.
// Afterwards, with faults off and every notification delivered: the ledger
// agrees with the simulator's books for every payment, no request reached
// the simulator twice, every notification the gateway answered TSOK is in
// its log, the gateway's memory stayed flat, and a reconciliation summary
// is printed. SOAK_SECONDS (default 20), SOAK_WORKERS (4) and
// SOAK_FAULT_RATE (per kind, 0.03) make the long run (tests/README.md).
#include <signal.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "absl/random/random.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/strings/substitute.h"
#include "absl/time/clock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "payone/v1/ledger.grpc.pb.h"
#include "payone/v1/notification.payone.h"
#include "simulator/http_client.h"
#include "simulator/http_server.h"
#include "simulator/simulator.h"
#include "simulator/testing.h"
#include "tests/e2e/subprocess.h"

namespace payone::tests::soak {
namespace {

using ::payone::v1::PaymentLedger;
using ::payone::v1::PayoneGateway;

constexpr char kAccount[] = "soak";
constexpr char kToken[] = "soak-client-token-5b81";

double EnvNumber(const char* name, double fallback) {
  const char* text = std::getenv(name);
  double value = 0;
  return text != nullptr && absl::SimpleAtod(text, &value) ? value : fallback;
}

// The gateway's resident memory in KiB, from /proc.
int64_t ResidentKib(pid_t pid) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    int64_t kib = 0;
    if (absl::StartsWith(line, "VmRSS:") &&
        absl::SimpleAtoi(absl::StripSuffix(
                             absl::StripAsciiWhitespace(line.substr(6)), " kB"),
                         &kib)) {
      return kib;
    }
  }
  return -1;
}

// Between PAYONE (the simulator's notifier) and the gateway's receiver: while
// faults are on, drops some POSTs (503), forwards some and then loses the
// answer (500) or resets the connection. Records every body the gateway
// answered TSOK.
class FaultyRelay {
 public:
  explicit FaultyRelay(std::string target) : target_(std::move(target)) {
    auto server = simulator::HttpServer::Start(
        {}, [this](const simulator::HttpRequest& r) { return Handle(r); });
    EXPECT_TRUE(server.ok()) << server.status();
    if (server.ok()) server_ = *std::move(server);
  }
  std::string url() const {
    return absl::StrCat("http://127.0.0.1:", server_->port(), "/relay");
  }
  void StopFaults() { faults_on_ = false; }
  std::set<std::string> Acknowledged() {
    std::lock_guard<std::mutex> lock(mu_);
    return acknowledged_;
  }
  std::string Summary() const {
    return absl::StrCat("relay dropped ", dropped_.load(),
                        ", lost the TSOK of ", lost_.load(), ", reset ",
                        reset_.load());
  }

 private:
  simulator::HttpResponse Handle(const simulator::HttpRequest& request) {
    int choice = 100;
    if (faults_on_) {
      std::lock_guard<std::mutex> lock(mu_);
      choice = absl::Uniform(random_, 0, 100);
    }
    simulator::HttpResponse response;
    if (choice < 8) {
      ++dropped_;
      response.status = 503;
      return response;
    }
    auto answer =
        simulator::HttpPost(target_, request.body,
                            {{"Content-Type", request.Header("content-type")}});
    if (!answer.ok()) {
      response.status = 502;
      return response;
    }
    if (answer->status == 200 && answer->body == "TSOK") {
      std::lock_guard<std::mutex> lock(mu_);
      acknowledged_.insert(request.body);
    }
    if (choice < 16) {
      ++lost_;
      response.status = 500;
      return response;
    }
    if (choice < 24) {
      ++reset_;
      response.transport = simulator::Transport::kReset;
      return response;
    }
    response.status = answer->status;
    response.body = answer->body;
    return response;
  }

  const std::string target_;
  std::unique_ptr<simulator::HttpServer> server_;
  std::atomic<bool> faults_on_{true};
  std::atomic<int> dropped_{0}, lost_{0}, reset_{0};
  std::mutex mu_;
  absl::BitGen random_;
  std::set<std::string> acknowledged_;
};

// What became of one call, after the retries its errors allowed.
enum class Result { kApproved, kDeclined, kUnknown, kRefused };

struct Call {
  Result result = Result::kRefused;
  std::string txid;
  int retries = 0;  // resends after a retry_safe error
  std::string detail;
};

Call Finish(const grpc::Status& status,
            const google::protobuf::Message& response) {
  Call call;
  if (status.ok()) {
    const auto* d = response.GetDescriptor();
    const auto* r = response.GetReflection();
    const bool approved =
        r->GetEnum(response, d->FindFieldByName("status"))->name() ==
        "STATUS_APPROVED";
    call.result = approved ? Result::kApproved : Result::kDeclined;
    call.txid = r->GetString(response, d->FindFieldByName("txid"));
    return call;
  }
  call.detail = absl::StrCat(status.error_code(), " ", status.error_message());
  google::rpc::Status details;
  details.ParseFromString(status.error_details());
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    if (!any.UnpackTo(&info)) continue;
    if (info.reason() == "PAYONE_OUTCOME_UNKNOWN")
      call.result = Result::kUnknown;
    if (info.metadata().count("retry_safe") &&
        info.metadata().at("retry_safe") == "true") {
      call.retries = -1;  // the caller may send it again
    }
  }
  return call;
}

// Sends `request` with `key` until it is answered or fails in a way that
// is not retry_safe (at most 8 times).
template <typename Req, typename Resp>
Call Send(PayoneGateway::Stub* stub,
          grpc::Status (PayoneGateway::Stub::*method)(grpc::ClientContext*,
                                                      const Req&, Resp*),
          const Req& request, const std::string& key) {
  Call call;
  for (int attempt = 0; attempt < 8; ++attempt) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
    context.AddMetadata("idempotency-key", key);
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    Resp response;
    const int retries = call.retries;
    call = Finish((stub->*method)(&context, request, &response), response);
    if (call.retries != -1) {
      call.retries = retries;
      return call;
    }
    call.retries = retries + 1;
  }
  return call;
}

struct Tally {
  std::mutex mu;
  int payments = 0;
  std::map<Result, int> results;
  int retries = 0;
  std::map<std::string, std::string> txid_of;  // reference -> txid
  // (txid or reference, request, amount) of every call answered APPROVED.
  std::multiset<std::tuple<std::string, std::string, int64_t>> approved;

  void Add(const std::string& subject, const std::string& request,
           int64_t amount, const Call& call) {
    std::lock_guard<std::mutex> lock(mu);
    ++results[call.result];
    retries += call.retries;
    if (call.result == Result::kApproved) {
      approved.insert({subject, request, amount});
    }
  }
};

// One payment: preauthorization, two partial captures, a refund; stops at
// the first call that is not APPROVED (after an unknown outcome the caller
// does not resend: the reconciliation below settles it).
void RunPayment(PayoneGateway::Stub* stub, const std::string& reference,
                Tally* tally) {
  v1::PreauthorizationRequest preauth;
  preauth.set_account(kAccount);
  preauth.set_reference(reference);
  preauth.set_amount(10000);
  preauth.set_currency("EUR");
  preauth.mutable_personal_data()->set_lastname("Soak");
  preauth.mutable_personal_data()->set_country("DE");
  preauth.mutable_credit_card()->set_cardpan("4111111111111111");
  preauth.mutable_credit_card()->set_cardtype(v1::CARD_TYPE_VISA);
  preauth.mutable_credit_card()->set_cardexpiredate("3012");
  preauth.mutable_credit_card()->set_cardcvc2("123");
  const Call authorized = Send(stub, &PayoneGateway::Stub::Preauthorize,
                               preauth, "pa-" + reference);
  tally->Add(reference, "preauthorization", 10000, authorized);
  {
    std::lock_guard<std::mutex> lock(tally->mu);
    ++tally->payments;
  }
  if (authorized.result != Result::kApproved) return;
  const std::string& txid = authorized.txid;

  for (const auto& [amount, mode] :
       {std::pair{int64_t{3000}, v1::CAPTURE_MODE_NOTCOMPLETED},
        std::pair{int64_t{2000}, v1::CAPTURE_MODE_COMPLETED}}) {
    v1::CaptureRequest capture;
    capture.set_account(kAccount);
    capture.set_txid(txid);
    capture.set_amount(amount);
    capture.set_currency("EUR");
    capture.set_capturemode(mode);
    const Call captured = Send(stub, &PayoneGateway::Stub::Capture, capture,
                               absl::StrCat("c", amount, "-", reference));
    tally->Add(txid, "capture", amount, captured);
    if (captured.result != Result::kApproved) return;
  }
  v1::RefundRequest refund;
  refund.set_account(kAccount);
  refund.set_txid(txid);
  refund.set_amount(-2500);
  refund.set_currency("EUR");
  tally->Add(
      txid, "refund", -2500,
      Send(stub, &PayoneGateway::Stub::Refund, refund, "r-" + reference));
}

// One processed request of the simulator's log.
struct Processed {
  std::string request, reference, txid, status;
  int64_t amount = 0;
};

Processed ParseLine(const std::string& line) {
  Processed p;
  for (absl::string_view field : absl::StrSplit(line, ' ')) {
    std::pair<std::string, std::string> kv =
        absl::StrSplit(field, absl::MaxSplits('=', 1));
    if (kv.first == "request") p.request = kv.second;
    if (kv.first == "reference") p.reference = kv.second;
    if (kv.first == "txid") p.txid = kv.second;
    if (kv.first == "status") p.status = kv.second;
    if (kv.first == "amount") (void)absl::SimpleAtoi(kv.second, &p.amount);
  }
  return p;
}

TEST(FaultSoak, LedgerAgreesNothingSentTwiceNoNotificationLost) {
  const absl::Duration duration = absl::Seconds(EnvNumber("SOAK_SECONDS", 20));
  const int workers = static_cast<int>(EnvNumber("SOAK_WORKERS", 4));
  const double rate = EnvNumber("SOAK_FAULT_RATE", 0.03);

  // The simulator, every fault kind at `rate`.
  std::mutex log_mu;
  std::vector<std::string> sim_log;
  simulator::SimulatorOptions sim_options = simulator::testing::TestOptions();
  sim_options.threads = 4;
  sim_options.request_log = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mu);
    sim_log.push_back(line);
  };
  std::vector<simulator::FaultRule> rules;
  for (const char* spec :
       {"latency=5ms..200ms", "reset_before", "reset_after", "http500",
        "http502", "http503", "truncate", "garbage", "hang"}) {
    auto rule = simulator::ParseFault(absl::StrCat(spec, ",rate=", rate));
    ASSERT_TRUE(rule.ok()) << rule.status();
    rules.push_back(*rule);
  }
  sim_options.faults = rules;
  std::unique_ptr<simulator::Simulator> sim =
      simulator::testing::StartSimulator(std::move(sim_options));

  // The gateway; a hung answer ends after its 2 s request timeout.
  const std::string config =
      absl::StrCat(::testing::TempDir(), "soak.textproto");
  std::ofstream(config) << absl::Substitute(
      R"(listen_address: "127.0.0.1:0"
metrics_address: "off"
upstream { url: "$0" request_timeout { seconds: 2 } }
accounts {
  name: "$1" mid: "10000" aid: "10001" portalid: "2000001"
  mode: "test" key_env: "SOAK_PORTAL_KEY"
}
clients { name: "soak" token_env: "SOAK_TOKEN" accounts: "$1" }
ledger { sqlite_path: "$2/soak-ledger.db" }
notifications { listen_address: "127.0.0.1:0" allowed_sources: "127.0.0.1/32" }
)",
      sim->gateway_url(), kAccount, ::testing::TempDir());
  auto gateway = Subprocess::Start(
      {Runfile("service/payone_gateway"), "--config=" + config},
      {{"SOAK_PORTAL_KEY", simulator::testing::TestAccount().key},
       {"SOAK_TOKEN", kToken}});
  ASSERT_TRUE(gateway.ok()) << gateway.status();
  auto listening = (*gateway)->WaitForLine(
      [](const std::string& l) {
        return absl::StrContains(l, "\"event\":\"listening\"");
      },
      absl::Seconds(60));
  ASSERT_TRUE(listening.has_value()) << (*gateway)->Output();
  const int port = JsonInt(*listening, "port");
  FaultyRelay relay(absl::StrCat(
      "http://127.0.0.1:", JsonInt(*listening, "notifications_port"),
      "/payone/transaction-status"));
  sim->SetNotifyUrl(relay.url());
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                     grpc::InsecureChannelCredentials());
  auto stub = PayoneGateway::NewStub(channel);
  auto ledger = PaymentLedger::NewStub(channel);

  // The run, with the gateway's memory sampled every 250 ms.
  Tally tally;
  std::vector<int64_t> rss;
  std::atomic<bool> running{true};
  std::thread sampler([&] {
    while (running) {
      rss.push_back(ResidentKib((*gateway)->pid()));
      absl::SleepFor(absl::Milliseconds(250));
    }
  });
  const absl::Time end = absl::Now() + duration;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (int n = 0; absl::Now() < end; ++n) {
        RunPayment(stub.get(), absl::StrCat("SOAK-", w, "-", n), &tally);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  running = false;
  sampler.join();

  // Faults off; PAYONE delivers everything still pending.
  const std::vector<simulator::FaultRule> fired = sim->FaultRules();
  sim->ClearFaults();
  relay.StopFaults();
  const size_t queued = sim->notifier().Log().size();
  EXPECT_TRUE(sim->notifier().WaitForDelivered(queued, absl::Seconds(60)))
      << "notifications not delivered after the run";
  std::vector<Processed> processed;
  {
    std::lock_guard<std::mutex> lock(log_mu);
    for (const std::string& line : sim_log)
      processed.push_back(ParseLine(line));
  }

  // No request reached the simulator twice (the caller never resent after
  // an unknown outcome); every APPROVED answer was a request it processed.
  std::map<std::tuple<std::string, std::string, int64_t>, int> reached;
  std::map<std::string, int64_t> reserved, captured, refunded;  // by txid
  for (const Processed& p : processed) {
    const std::string subject =
        p.request == "preauthorization" ? p.reference : p.txid;
    ++reached[{subject, p.request, p.amount}];
    if (p.status != "APPROVED") continue;
    if (p.request == "preauthorization") reserved[p.txid] = p.amount;
    if (p.request == "capture") captured[p.txid] += p.amount;
    if (p.request == "refund") refunded[p.txid] -= p.amount;
  }
  for (const auto& [request, count] : reached) {
    EXPECT_EQ(count, 1) << std::get<1>(request) << " of "
                        << std::get<0>(request) << " reached PAYONE " << count
                        << " times";
  }
  for (const auto& call : tally.approved) {
    EXPECT_EQ(reached.count(call), 1u)
        << std::get<1>(call) << " of " << std::get<0>(call)
        << " answered APPROVED but not processed by the simulator";
  }

  // The ledger agrees with the simulator's books, payment by payment.
  int agreeing = 0;
  for (const auto& [txid, amount] : reserved) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
    v1::GetPaymentRequest request;
    request.set_account(kAccount);
    request.set_txid(txid);
    v1::GetPaymentResponse payment;
    const grpc::Status status = ledger->GetPayment(&context, request, &payment);
    ASSERT_TRUE(status.ok()) << txid << ": " << status.error_message();
    const bool agrees = payment.reserved_amount() == amount &&
                        payment.captured_amount() == captured[txid] &&
                        payment.refunded_amount() == refunded[txid];
    EXPECT_TRUE(agrees) << "payment " << txid << ": ledger reserved "
                        << payment.reserved_amount() << " captured "
                        << payment.captured_amount() << " refunded "
                        << payment.refunded_amount() << "; simulator " << amount
                        << " / " << captured[txid] << " / " << refunded[txid];
    agreeing += agrees;
  }

  // Every notification the gateway answered TSOK (and every one PAYONE
  // counts as delivered) is in its log.
  std::set<std::tuple<std::string, std::string, std::string>> stored;
  for (int64_t cursor = 0;;) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
    v1::ListTransactionStatusRequest request;
    request.set_account(kAccount);
    request.set_after_cursor(cursor);
    request.set_page_size(500);
    v1::ListTransactionStatusResponse page;
    const grpc::Status status =
        ledger->ListTransactionStatus(&context, request, &page);
    ASSERT_TRUE(status.ok()) << status.error_message();
    for (const auto& event : page.events()) {
      const auto& n = event.notification();
      stored.insert(
          {n.txid(),
           std::string(
               codec::PayoneEnum<v1::TransactionAction>::ToWire(n.txaction())),
           absl::StrCat(n.sequencenumber())});
    }
    if (page.events().empty() || page.next_cursor() == cursor) break;
    cursor = page.next_cursor();
  }
  const auto identity = [](const simulator::testing::Fields& fields) {
    std::string sequence =
        simulator::testing::FieldValue(fields, "sequencenumber");
    return std::tuple<std::string, std::string, std::string>{
        simulator::testing::FieldValue(fields, "txid"),
        simulator::testing::FieldValue(fields, "txaction"),
        sequence.empty() ? "0" : sequence};
  };
  const std::set<std::string> acknowledged = relay.Acknowledged();
  for (const std::string& body : acknowledged) {
    EXPECT_EQ(stored.count(identity(simulator::testing::ParseBody(body))), 1u)
        << "answered TSOK but not in the gateway's log: " << body.substr(0, 80);
  }
  size_t delivered = 0;
  for (const simulator::Delivery& d : sim->notifier().Log()) {
    delivered += d.delivered;
    EXPECT_TRUE(d.delivered) << "notification of " << d.txid << " lost";
  }

  // Memory: flat after warming up (the first quarter of the run).
  ASSERT_GE(rss.size(), 4u);
  const int64_t warm = rss[rss.size() / 4];
  const int64_t last = rss.back();
  EXPECT_LE(last, warm + warm / 4 + 16 * 1024)
      << "gateway RSS grew from " << warm << " KiB to " << last << " KiB";

  (*gateway)->Signal(SIGTERM);
  EXPECT_EQ((*gateway)->Wait(), 0);

  std::vector<std::string> faults;
  int faulted = 0;
  for (const simulator::FaultRule& rule : fired) {
    faults.push_back(
        absl::StrCat(simulator::FaultKindName(rule.kind), " ", rule.fired));
    faulted += rule.fired;
  }
  std::cout << "[soak] " << absl::FormatDuration(duration) << ", " << workers
            << " workers, fault rate " << rate << " per kind\n"
            << "[soak] payments " << tally.payments << "; calls approved "
            << tally.results[Result::kApproved] << ", declined "
            << tally.results[Result::kDeclined] << ", outcome unknown "
            << tally.results[Result::kUnknown] << ", refused or given up "
            << tally.results[Result::kRefused] << "; resent after retry_safe "
            << tally.retries << "\n"
            << "[soak] simulator processed " << processed.size()
            << " requests, faults fired " << faulted << " ("
            << absl::StrJoin(faults, ", ") << ")\n"
            << "[soak] notifications " << delivered << " delivered in "
            << sim->notifier().attempts() << " attempts; " << relay.Summary()
            << "; " << acknowledged.size() << " bodies answered TSOK, "
            << stored.size() << " in the gateway's log\n"
            << "[soak] ledger agrees with the simulator on " << agreeing
            << " of " << reserved.size() << " payments; gateway RSS "
            << warm / 1024 << " MiB after warm-up, " << last / 1024
            << " MiB at the end\n";
}

}  // namespace
}  // namespace payone::tests::soak
