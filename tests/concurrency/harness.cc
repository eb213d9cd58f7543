#include "tests/concurrency/harness.h"

#include <signal.h>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/strings/substitute.h"
#include "absl/time/time.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "payone/v1/gateway.grpc.pb.h"
#include "payone/v1/ledger.grpc.pb.h"
#include "service/store/postgres_server.h"
#include "simulator/simulator.h"
#include "simulator/testing.h"
#include "tests/e2e/subprocess.h"

namespace payone::tests::concurrency {

using ::payone::v1::PaymentLedger;
using ::payone::v1::PayoneGateway;

namespace {

constexpr char kAccount[] = "shop";
constexpr char kToken[] = "concurrency-client-token-3c1d";
constexpr char kPan[] = "4111111111111111";
constexpr int64_t kReserved = 10000;  // 100.00 EUR
constexpr int64_t kCapture = 6000;    // 60.00
constexpr int64_t kRefund = -3000;    // -30.00
constexpr int64_t kDebit = -1000;     // -10.00, a credit (GT)
const absl::Duration kCallTimeout = absl::Seconds(30);
const absl::Duration kSettleTimeout = absl::Seconds(30);
// Failing bursts reported in full per check; the rest are counted.
constexpr int kDetailedFailures = 3;

// The ErrorInfo reason of a failed call ("" when none).
std::string Reason(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&info)) return info.reason();
  }
  return "";
}

// "UNAVAILABLE": gRPC's status codes are Abseil's, names included.
std::string CodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

// Minor units of PAYONE's "12.34" / "-0.50".
int64_t MinorUnits(absl::string_view major) {
  const bool negative = absl::ConsumePrefix(&major, "-");
  std::pair<std::string, std::string> parts =
      absl::StrSplit(major, absl::MaxSplits('.', 1));
  int64_t units = 0, cents = 0;
  (void)absl::SimpleAtoi(parts.first, &units);
  if (!parts.second.empty()) {
    std::string fraction = parts.second.substr(0, 2);
    if (fraction.size() == 1) fraction += "0";
    (void)absl::SimpleAtoi(fraction, &cents);
  }
  const int64_t value = units * 100 + cents;
  return negative ? -value : value;
}

// One line of the simulator's request log: "request=capture portalid=...
// reference=... status=APPROVED errorcode=907 txid=...".
struct SimRequest {
  std::string request;
  std::string reference;
  std::string status;
  int errorcode = 0;
  std::string txid;
  std::string line;
};

SimRequest ParseSimLine(const std::string& line) {
  SimRequest parsed;
  parsed.line = line;
  for (absl::string_view field : absl::StrSplit(line, ' ')) {
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(field, absl::MaxSplits('=', 1));
    if (kv.first == "request") parsed.request = std::string(kv.second);
    if (kv.first == "reference") parsed.reference = std::string(kv.second);
    if (kv.first == "status") parsed.status = std::string(kv.second);
    if (kv.first == "txid") parsed.txid = std::string(kv.second);
    if (kv.first == "errorcode") {
      (void)absl::SimpleAtoi(kv.second, &parsed.errorcode);
    }
  }
  return parsed;
}

// What one caller of a burst was answered.
struct Outcome {
  int caller = 0;
  int gateway = 0;
  std::string request_id;
  grpc::Status status;
  std::string reason;         // ErrorInfo reason of an error
  std::string payone_status;  // APPROVED, ERROR, ... of an OK answer
  int errorcode = 0;
  std::string txid;
  std::string response;  // serialized answer
  bool replay = false;   // the gateway's call log says idempotent_replay
  int filled_sequencenumber = -1;  // the gateway's call log, when read

  bool Ok() const { return status.ok(); }
  bool Approved() const { return status.ok() && payone_status == "APPROVED"; }
  std::string Describe() const {
    std::string text = absl::StrCat("caller ", caller, "@gw", gateway, ": ",
                                    CodeName(status.error_code()));
    if (status.ok()) {
      absl::StrAppend(&text, " ", payone_status);
      if (errorcode != 0) absl::StrAppend(&text, " ", errorcode);
      if (replay) absl::StrAppend(&text, " (replay)");
    } else {
      absl::StrAppend(&text, " ", reason.empty() ? "-" : reason, " \"",
                      status.error_message().substr(0, 100), "\"");
    }
    if (filled_sequencenumber >= 0) {
      absl::StrAppend(&text, " seq=", filled_sequencenumber);
    }
    return text;
  }
};

// Status, errorcode and txid of any PAYONE answer message.
void ReadAnswer(const google::protobuf::Message& message, Outcome* outcome) {
  const auto* descriptor = message.GetDescriptor();
  const auto* reflection = message.GetReflection();
  if (const auto* field = descriptor->FindFieldByName("status");
      field != nullptr &&
      field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_ENUM) {
    std::string name = reflection->GetEnum(message, field)->name();
    outcome->payone_status = std::string(absl::StripPrefix(name, "STATUS_"));
  }
  if (const auto* field = descriptor->FindFieldByName("errorcode");
      field != nullptr &&
      field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_INT32) {
    outcome->errorcode = reflection->GetInt32(message, field);
  }
  if (const auto* field = descriptor->FindFieldByName("txid");
      field != nullptr &&
      field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_STRING) {
    outcome->txid = reflection->GetString(message, field);
  }
  outcome->response = message.SerializeAsString();
}

// The simulator's books of one process, from its TransactionStatus log.
struct Books {
  int64_t reserved = 0;
  int64_t captured = 0;
  int64_t refunded = 0;
  std::vector<int> sequencenumbers;  // of capture, refund, debit events
  std::string Describe() const {
    return absl::StrCat("reserved ", reserved, ", captured ", captured,
                        ", refunded ", refunded, ", sequence numbers [",
                        absl::StrJoin(sequencenumbers, ","), "]");
  }
};

std::string Param(const std::vector<simulator::NameValue>& params,
                  absl::string_view name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return "";
}

}  // namespace

class Cluster {
 public:
  struct Gateway {
    std::unique_ptr<Subprocess> process;
    int port = 0;
    int notifications_port = 0;
  };

  ClusterOptions options;
  std::unique_ptr<service::PostgresServer> postgres;
  std::unique_ptr<simulator::testing::Receiver> recorder;
  std::unique_ptr<simulator::Simulator> simulator;
  std::vector<Gateway> gateways;
  // One channel (own TCP connection) per caller, and one for setup and
  // GetPayment.
  std::vector<std::unique_ptr<PayoneGateway::Stub>> callers;
  std::unique_ptr<PayoneGateway::Stub> control;
  std::unique_ptr<PaymentLedger::Stub> ledger;
  int next_id = 0;
  bool broken = false;

  std::mutex log_mu;
  std::vector<std::string> sim_log;  // guarded by log_mu

  size_t SimLogSize() {
    std::lock_guard<std::mutex> lock(log_mu);
    return sim_log.size();
  }
  std::vector<SimRequest> SimLogSince(size_t mark) {
    std::lock_guard<std::mutex> lock(log_mu);
    std::vector<SimRequest> lines;
    for (size_t i = mark; i < sim_log.size(); ++i) {
      lines.push_back(ParseSimLine(sim_log[i]));
    }
    return lines;
  }

  std::string NextName(absl::string_view prefix) {
    return absl::StrCat(prefix, "-", ++next_id);
  }

  // Waits until every TransactionStatus queued so far was answered TSOK.
  bool SettleNotifications() {
    const size_t queued = simulator->notifier().Log().size();
    return simulator->notifier().WaitForDelivered(queued, kSettleTimeout);
  }

  Books BooksOf(const std::string& txid) {
    Books books;
    int64_t receivable = 0;
    for (const simulator::Delivery& d : simulator->notifier().Log()) {
      if (absl::StrCat(d.txid) != txid) continue;
      const std::string action = Param(d.params, "txaction");
      const int64_t now = MinorUnits(Param(d.params, "receivable"));
      const int64_t delta = now - receivable;
      receivable = now;
      int sequence = -1;
      (void)absl::SimpleAtoi(Param(d.params, "sequencenumber"), &sequence);
      if (action == "appointed") {
        books.reserved = MinorUnits(Param(d.params, "price"));
      } else if (action == "capture") {
        books.captured += delta;
        books.sequencenumbers.push_back(sequence);
      } else if (action == "refund") {
        books.refunded -= delta;
        books.sequencenumbers.push_back(sequence);
      } else if (action == "debit") {
        (delta >= 0 ? books.captured : books.refunded) +=
            delta >= 0 ? delta : -delta;
        books.sequencenumbers.push_back(sequence);
      }
    }
    return books;
  }
};

namespace {

std::string ConfigText(const Cluster& cluster, int index) {
  std::string ledger;
  if (cluster.options.backend == Backend::kSqlite) {
    ledger = absl::StrCat("sqlite_path: \"", ::testing::TempDir(),
                          "concurrency-ledger-", index, ".db\"");
  } else {
    ledger = "postgres_conninfo_env: \"CONCURRENCY_PG_CONNINFO\"";
  }
  return absl::Substitute(R"(listen_address: "127.0.0.1:0"
metrics_address: "off"
upstream { url: "$0" }
accounts {
  name: "$1" mid: "10000" aid: "10001" portalid: "2000001"
  mode: "test" key_env: "CONCURRENCY_PORTAL_KEY"
}
clients { name: "bursts" token_env: "CONCURRENCY_TOKEN" accounts: "$1" }
ledger { $2 }
notifications {
  listen_address: "127.0.0.1:0"
  allowed_sources: "127.0.0.1/32"
}
)",
                          cluster.simulator->gateway_url(), kAccount, ledger);
}

std::shared_ptr<grpc::Channel> NewChannel(int port, int caller) {
  grpc::ChannelArguments args;
  // A connection of its own: channels otherwise share subchannels.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetInt("payone.test.caller", caller);
  return grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", port),
                                   grpc::InsecureChannelCredentials(), args);
}

void Prepare(grpc::ClientContext* context, const std::string& request_id,
             const std::string& idempotency_key = "") {
  context->AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
  context->AddMetadata("x-request-id", request_id);
  if (!idempotency_key.empty()) {
    context->AddMetadata("idempotency-key", idempotency_key);
  }
  context->set_deadline(absl::ToChronoTime(absl::Now() + kCallTimeout));
}

template <typename Req, typename Resp>
using StubMethod = grpc::Status (PayoneGateway::Stub::*)(grpc::ClientContext*,
                                                         const Req&, Resp*);

template <typename Req, typename Resp>
Outcome Call(PayoneGateway::Stub* stub, StubMethod<Req, Resp> method,
             const Req& request, const std::string& request_id,
             const std::string& idempotency_key = "") {
  grpc::ClientContext context;
  Prepare(&context, request_id, idempotency_key);
  Resp response;
  Outcome outcome;
  outcome.request_id = request_id;
  outcome.status = (stub->*method)(&context, request, &response);
  if (outcome.status.ok()) {
    ReadAnswer(response, &outcome);
  } else {
    outcome.reason = Reason(outcome.status);
  }
  return outcome;
}

v1::PreauthorizationRequest Preauthorization(const std::string& reference) {
  v1::PreauthorizationRequest request;
  request.set_account(kAccount);
  request.set_reference(reference);
  request.set_amount(kReserved);
  request.set_currency("EUR");
  request.mutable_personal_data()->set_lastname("Parallel");
  request.mutable_personal_data()->set_country("DE");
  request.mutable_credit_card()->set_cardpan(kPan);
  request.mutable_credit_card()->set_cardtype(v1::CARD_TYPE_VISA);
  request.mutable_credit_card()->set_cardexpiredate("3012");
  request.mutable_credit_card()->set_cardcvc2("123");
  return request;
}

// Capture, refund and debit name the same four fields.
template <typename Request>
Request Booking(const std::string& txid, int64_t amount) {
  Request request;
  request.set_account(kAccount);
  request.set_txid(txid);
  request.set_amount(amount);
  request.set_currency("EUR");
  return request;
}

v1::CaptureRequest Capture(const std::string& txid, int64_t amount) {
  return Booking<v1::CaptureRequest>(txid, amount);
}

v1::RefundRequest Refund(const std::string& txid, int64_t amount) {
  return Booking<v1::RefundRequest>(txid, amount);
}

v1::DebitRequest Debit(const std::string& txid, int64_t amount) {
  return Booking<v1::DebitRequest>(txid, amount);
}

// Runs call(caller) on `n` threads released together by a start barrier;
// with $CONCURRENCY_SERIAL=1 one after another instead (a control run: every
// check must hold then, whatever the ledger does under concurrency).
std::vector<Outcome> Simultaneously(
    int n, int gateways, const std::function<Outcome(int caller)>& call) {
  if (const char* serial = std::getenv("CONCURRENCY_SERIAL");
      serial != nullptr && std::string(serial) == "1") {
    std::vector<Outcome> outcomes;
    for (int i = 0; i < n; ++i) {
      outcomes.push_back(call(i));
      outcomes.back().caller = i;
      outcomes.back().gateway = i % gateways;
    }
    return outcomes;
  }
  std::mutex mu;
  std::condition_variable cv;
  int ready = 0;
  bool go = false;
  std::vector<Outcome> outcomes(n);
  std::vector<std::thread> threads;
  threads.reserve(n);
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      {
        std::unique_lock<std::mutex> lock(mu);
        ++ready;
        cv.notify_all();
        cv.wait(lock, [&] { return go; });
      }
      outcomes[i] = call(i);
      outcomes[i].caller = i;
      outcomes[i].gateway = i % gateways;
    });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return ready == n; });
    go = true;
  }
  cv.notify_all();
  for (std::thread& thread : threads) thread.join();
  return outcomes;
}

// The failed checks of one burst.
class Burst {
 public:
  Burst(BurstKind kind, int index) : kind_(kind), index_(index) {}

  void Check(bool ok, const std::string& check, const std::string& detail) {
    if (ok) return;
    failed_.emplace_back(check, detail);
  }
  // Context shown with the burst's failures, if any.
  void Note(std::string detail) { notes_.push_back(std::move(detail)); }
  const std::vector<std::string>& notes() const { return notes_; }
  bool failed() const { return !failed_.empty(); }
  const std::vector<std::pair<std::string, std::string>>& failures() const {
    return failed_;
  }
  std::string Title() const {
    return absl::StrCat(KindName(kind_), " burst ", index_, " (", subject, ")");
  }

  std::string subject;  // txid / reference

 private:
  BurstKind kind_;
  int index_;
  std::vector<std::pair<std::string, std::string>> failed_;
  std::vector<std::string> notes_;
};

std::string DescribeSim(const std::vector<SimRequest>& lines) {
  if (lines.empty()) return "nothing";
  std::vector<std::string> parts;
  for (const SimRequest& line : lines) parts.push_back(line.line);
  return absl::StrCat("[", absl::StrJoin(parts, "; "), "]");
}

std::string DescribeOutcomes(const std::vector<Outcome>& outcomes) {
  std::vector<std::string> parts;
  for (const Outcome& o : outcomes) parts.push_back(o.Describe());
  return absl::StrCat("[", absl::StrJoin(parts, "; "), "]");
}

std::string RequestTypeOf(BurstKind kind) {
  switch (kind) {
    case BurstKind::kCaptures:
    case BurstKind::kRefunds:
    case BurstKind::kDebits:
      return KindName(kind);  // named after their request
    default:
      return "preauthorization";
  }
}

// Reads the gateway's call log line of each caller (idempotent_replay,
// filled_sequencenumber).
void ReadCallLogs(Cluster& cluster, std::vector<Outcome>* outcomes,
                  Burst* burst) {
  for (Outcome& o : *outcomes) {
    const std::string needle =
        absl::StrCat("\"request_id\":\"", o.request_id, "\"");
    auto line = cluster.gateways[o.gateway].process->WaitForLine(
        [&](const std::string& l) { return absl::StrContains(l, needle); },
        absl::Seconds(10));
    burst->Check(line.has_value(), "the gateway logs every call",
                 absl::StrCat("no call log line of ", o.request_id));
    if (!line.has_value()) continue;
    o.replay = absl::StrContains(*line, "\"idempotent_replay\":true");
    const int filled = JsonInt(*line, "filled_sequencenumber");
    if (filled >= 0) o.filled_sequencenumber = filled;
  }
}

// The checks every burst shares: request log against answers, sequence
// numbers, GetPayment against the simulator's books.
void CheckCommon(Cluster& cluster, BurstKind kind, const std::string& txid,
                 const std::vector<SimRequest>& sim,
                 const std::vector<Outcome>& outcomes, Burst* burst) {
  const std::string sim_text =
      absl::StrCat("reached the simulator: ", DescribeSim(sim),
                   "; answers: ", DescribeOutcomes(outcomes));
  // The simulator saw exactly the calls the gateway answered OK from PAYONE.
  std::multiset<std::string> seen, answered;
  for (const SimRequest& line : sim) {
    seen.insert(
        absl::StrCat(line.request, " ", line.status, " ", line.errorcode));
  }
  for (const Outcome& o : outcomes) {
    if (!o.Ok() || o.replay) continue;
    answered.insert(absl::StrCat(RequestTypeOf(kind), " ", o.payone_status, " ",
                                 o.errorcode));
  }
  burst->Check(seen == answered,
               "the simulator's request log holds exactly the calls answered "
               "OK from PAYONE",
               absl::StrCat(sim.size(), " requests ", sim_text));
  for (const SimRequest& line : sim) {
    burst->Check(line.request == RequestTypeOf(kind) &&
                     (line.txid.empty() || txid.empty() || line.txid == txid),
                 "only the burst's own requests reach the simulator",
                 absl::StrCat("unexpected: ", line.line));
  }

  if (!cluster.SettleNotifications()) {
    burst->Check(false, "the simulator's notifications are delivered",
                 absl::StrCat("not all TSOK within ",
                              absl::FormatDuration(kSettleTimeout)));
    cluster.broken = true;
    return;
  }
  if (txid.empty()) return;

  v1::GetPaymentRequest request;
  request.set_account(kAccount);
  request.set_txid(txid);
  v1::GetPaymentResponse payment;
  grpc::ClientContext context;
  Prepare(&context, cluster.NextName("getpayment"));
  const grpc::Status status =
      cluster.ledger->GetPayment(&context, request, &payment);
  burst->Check(
      status.ok(), "GetPayment answers",
      absl::StrCat(CodeName(status.error_code()), " ", status.error_message()));
  if (!status.ok()) return;

  // Sequence numbers the gateway sent on this process are unique.
  std::map<int, int> sent;
  std::vector<std::string> history;
  for (const auto& entry : payment.history()) {
    if (!entry.has_request()) continue;
    const v1::LedgerRequest& r = entry.request();
    history.push_back(absl::StrCat(
        r.request_type(), " seq=",
        r.has_sequencenumber() ? absl::StrCat(r.sequencenumber()) : "-", " ",
        v1::RequestOutcome_Name(r.outcome()), " ", r.status(),
        r.errorcode() != 0 ? absl::StrCat(" ", r.errorcode()) : ""));
    if (r.request_type() == "preauthorization" ||
        r.request_type() == "authorization" || !r.has_sequencenumber() ||
        r.outcome() == v1::REQUEST_OUTCOME_NOT_SENT) {
      continue;
    }
    ++sent[r.sequencenumber()];
  }
  std::vector<std::string> duplicates;
  for (const auto& [number, count] : sent) {
    if (count > 1) duplicates.push_back(absl::StrCat(number, " x", count));
  }
  burst->Note(
      absl::StrCat("gateway history [", absl::StrJoin(history, "; "), "]"));
  burst->Check(
      duplicates.empty(),
      "every sequencenumber the gateway sent is unique per txid",
      absl::StrCat("sent more than once: ", absl::StrJoin(duplicates, ", ")));

  const Books books = cluster.BooksOf(txid);
  burst->Check(payment.reserved_amount() == books.reserved &&
                   payment.captured_amount() == books.captured &&
                   payment.refunded_amount() == books.refunded,
               "GetPayment's amounts equal the simulator's books",
               absl::StrCat("gateway: reserved ", payment.reserved_amount(),
                            ", captured ", payment.captured_amount(),
                            ", refunded ", payment.refunded_amount(),
                            "; simulator: ", books.Describe()));
}

// The payment a follow-up burst works on: preauthorized (and captured).
std::string OpenPayment(Cluster& cluster, bool capture, Burst* burst) {
  const std::string reference = cluster.NextName("p");
  Outcome opened =
      Call(cluster.control.get(), &PayoneGateway::Stub::Preauthorize,
           Preauthorization(reference), cluster.NextName("setup"));
  burst->Check(opened.Approved(), "setup: preauthorization approved",
               opened.Describe());
  if (!opened.Approved()) return "";
  if (capture) {
    Outcome captured =
        Call(cluster.control.get(), &PayoneGateway::Stub::Capture,
             Capture(opened.txid, kReserved), cluster.NextName("setup"));
    burst->Check(captured.Approved(), "setup: capture approved",
                 captured.Describe());
    if (!captured.Approved()) return "";
  }
  // The burst starts on a settled payment.
  const bool settled = cluster.SettleNotifications();
  burst->Check(settled, "setup: notifications delivered", "");
  if (!settled) {
    cluster.broken = true;
    return "";
  }
  return opened.txid;
}

void RunFollowUpBurst(Cluster& cluster, BurstKind kind, Burst* burst) {
  const std::string txid =
      OpenPayment(cluster, kind != BurstKind::kCaptures, burst);
  burst->subject = absl::StrCat("txid ", txid);
  if (txid.empty()) return;
  const size_t mark = cluster.SimLogSize();
  const std::string prefix = cluster.NextName("call");
  std::vector<Outcome> outcomes = Simultaneously(
      cluster.options.callers, static_cast<int>(cluster.gateways.size()),
      [&](int caller) {
        PayoneGateway::Stub* stub = cluster.callers[caller].get();
        const std::string id = absl::StrCat(prefix, "-", caller);
        switch (kind) {
          case BurstKind::kCaptures:
            return Call(stub, &PayoneGateway::Stub::Capture,
                        Capture(txid, kCapture), id);
          case BurstKind::kRefunds:
            return Call(stub, &PayoneGateway::Stub::Refund,
                        Refund(txid, kRefund), id);
          default:
            return Call(stub, &PayoneGateway::Stub::Debit, Debit(txid, kDebit),
                        id);
        }
      });
  const std::vector<SimRequest> sim = cluster.SimLogSince(mark);
  const std::string text =
      absl::StrCat("reached the simulator: ", DescribeSim(sim),
                   "; answers: ", DescribeOutcomes(outcomes));

  int approved = 0;
  for (const Outcome& o : outcomes) {
    if (o.Approved()) ++approved;
    burst->Check(o.Approved() || o.status.error_code() ==
                                     grpc::StatusCode::FAILED_PRECONDITION,
                 "every call is APPROVED or refused by the gateway with "
                 "FAILED_PRECONDITION",
                 text);
    burst->Check(!(o.Ok() && (o.errorcode == 907 || o.errorcode == 908)),
                 "no call gets PAYONE 907/908", text);
  }
  for (const SimRequest& line : sim) {
    burst->Check(line.status == "APPROVED",
                 "every request that reached the simulator is APPROVED", text);
  }
  switch (kind) {
    case BurstKind::kCaptures:
      burst->Check(approved == 1, "exactly one capture is APPROVED", text);
      burst->Check(sim.size() == 1,
                   "only the approved capture reaches the simulator", text);
      break;
    case BurstKind::kRefunds:
      burst->Check(approved * -kRefund <= kReserved,
                   "approved refunds sum to at most 100.00", text);
      burst->Check(approved >= 1, "at least one refund is APPROVED", text);
      break;
    default:
      burst->Check(approved >= 1, "at least one debit is APPROVED", text);
      break;
  }
  CheckCommon(cluster, kind, txid, sim, outcomes, burst);
}

void RunPreauthorizationBurst(Cluster& cluster, BurstKind kind, Burst* burst) {
  const std::string reference = cluster.NextName("r");
  const std::string key = cluster.NextName("idem");
  burst->subject = absl::StrCat("reference ", reference);
  const v1::PreauthorizationRequest request = Preauthorization(reference);
  const size_t mark = cluster.SimLogSize();
  const std::string prefix = cluster.NextName("call");
  std::vector<Outcome> outcomes = Simultaneously(
      cluster.options.callers, static_cast<int>(cluster.gateways.size()),
      [&](int caller) {
        return Call(cluster.callers[caller].get(),
                    &PayoneGateway::Stub::Preauthorize, request,
                    absl::StrCat(prefix, "-", caller),
                    kind == BurstKind::kIdempotencyKey ? key : "");
      });
  if (kind == BurstKind::kIdempotencyKey) {
    ReadCallLogs(cluster, &outcomes, burst);
  }
  const std::vector<SimRequest> sim = cluster.SimLogSince(mark);
  const std::string text =
      absl::StrCat("reached the simulator: ", DescribeSim(sim),
                   "; answers: ", DescribeOutcomes(outcomes));
  burst->Check(sim.size() == 1, "exactly one call reaches the simulator", text);
  for (const SimRequest& line : sim) {
    burst->Check(line.errorcode != 911, "no PAYONE 911", text);
    burst->Check(line.reference == reference,
                 "only the burst's own requests reach the simulator", text);
  }
  std::string txid;
  const Outcome* sent = nullptr;
  int approved = 0;
  for (const Outcome& o : outcomes) {
    burst->Check(!(o.Ok() && o.errorcode == 911), "no PAYONE 911", text);
    if (o.Approved() && !o.replay) {
      ++approved;
      sent = &o;
      txid = o.txid;
    }
  }
  burst->Check(approved == 1,
               "exactly one call is APPROVED from PAYONE (not a replay)", text);
  if (kind == BurstKind::kSharedReference) {
    for (const Outcome& o : outcomes) {
      if (&o == sent) continue;
      burst->Check(o.status.error_code() == grpc::StatusCode::ALREADY_EXISTS &&
                       o.reason == "DUPLICATE_REFERENCE",
                   "the others are ALREADY_EXISTS (DUPLICATE_REFERENCE)", text);
    }
  } else {
    for (const Outcome& o : outcomes) {
      if (&o == sent) continue;
      const bool in_flight =
          o.status.error_code() == grpc::StatusCode::ABORTED &&
          o.reason == "IDEMPOTENCY_KEY_IN_FLIGHT";
      const bool replay =
          o.Ok() && o.replay && sent != nullptr && o.response == sent->response;
      burst->Check(in_flight || replay,
                   "the others are ABORTED (IDEMPOTENCY_KEY_IN_FLIGHT) or "
                   "replay the identical response",
                   text);
    }
  }
  burst->subject = absl::StrCat("reference ", reference, ", txid ",
                                txid.empty() ? "-" : txid);
  CheckCommon(cluster, kind, txid, sim, outcomes, burst);
}

}  // namespace

const char* KindName(BurstKind kind) {
  switch (kind) {
    case BurstKind::kCaptures:
      return "capture";
    case BurstKind::kRefunds:
      return "refund";
    case BurstKind::kDebits:
      return "debit";
    case BurstKind::kSharedReference:
      return "shared-reference";
    case BurstKind::kIdempotencyKey:
      return "idempotency-key";
  }
  return "?";
}

int BurstsPerKind() {
  const char* text = std::getenv("CONCURRENCY_BURSTS");
  int bursts = 0;
  if (text != nullptr && absl::SimpleAtoi(text, &bursts) && bursts > 0) {
    return bursts;
  }
  return 40;
}

std::shared_ptr<Cluster> StartCluster(const ClusterOptions& options) {
  auto cluster = std::make_shared<Cluster>();
  cluster->options = options;
  if (const char* notify = std::getenv("CONCURRENCY_NOTIFICATIONS");
      notify != nullptr && std::string(notify) == "recorder") {
    cluster->options.notifications_to_gateway = false;
  }
  if (options.gateways > 1 && options.backend != Backend::kPostgres) {
    ADD_FAILURE() << "several gateways share only a PostgreSQL ledger";
    return nullptr;
  }
  std::map<std::string, std::string> env = {
      {"CONCURRENCY_PORTAL_KEY", simulator::testing::TestAccount().key},
      {"CONCURRENCY_TOKEN", kToken}};
  if (options.backend == Backend::kPostgres) {
    auto server = service::PostgresServer::Start();
    if (!server.ok()) {
      ADD_FAILURE() << "PostgreSQL: " << server.status();
      return nullptr;
    }
    cluster->postgres = *std::move(server);
    auto conninfo = cluster->postgres->CreateDatabase("concurrency");
    if (!conninfo.ok()) {
      ADD_FAILURE() << "PostgreSQL: " << conninfo.status();
      return nullptr;
    }
    env["CONCURRENCY_PG_CONNINFO"] = *conninfo;
  }

  simulator::SimulatorOptions sim_options = simulator::testing::TestOptions();
  sim_options.threads = 4;
  Cluster* raw = cluster.get();
  sim_options.request_log = [raw](const std::string& line) {
    std::lock_guard<std::mutex> lock(raw->log_mu);
    raw->sim_log.push_back(line);
  };
  auto sim = simulator::Simulator::Start(std::move(sim_options));
  if (!sim.ok()) {
    ADD_FAILURE() << "simulator: " << sim.status();
    return nullptr;
  }
  cluster->simulator = *std::move(sim);

  for (int i = 0; i < options.gateways; ++i) {
    const std::string config = absl::StrCat(
        ::testing::TempDir(), "concurrency-gateway-", i, ".textproto");
    std::ofstream(config) << ConfigText(*cluster, i);
    auto process = Subprocess::Start(
        {Runfile("service/payone_gateway"), "--config=" + config}, env);
    if (!process.ok()) {
      ADD_FAILURE() << "gateway " << i << ": " << process.status();
      return nullptr;
    }
    Cluster::Gateway gateway;
    gateway.process = *std::move(process);
    auto listening = gateway.process->WaitForLine(
        [](const std::string& l) {
          return absl::StrContains(l, "\"event\":\"listening\"");
        },
        absl::Seconds(60));
    if (!listening.has_value()) {
      ADD_FAILURE() << "gateway " << i
                    << " did not start: " << gateway.process->Output();
      return nullptr;
    }
    gateway.port = JsonInt(*listening, "port");
    gateway.notifications_port = JsonInt(*listening, "notifications_port");
    cluster->gateways.push_back(std::move(gateway));
  }

  if (cluster->options.notifications_to_gateway) {
    cluster->simulator->SetNotifyUrl(absl::StrCat(
        "http://127.0.0.1:", cluster->gateways[0].notifications_port,
        "/payone/transaction-status"));
  } else {
    cluster->recorder = std::make_unique<simulator::testing::Receiver>();
    cluster->simulator->SetNotifyUrl(cluster->recorder->url());
  }

  for (int i = 0; i < options.callers; ++i) {
    auto channel = NewChannel(cluster->gateways[i % options.gateways].port, i);
    if (!channel->WaitForConnected(
            absl::ToChronoTime(absl::Now() + absl::Seconds(30)))) {
      ADD_FAILURE() << "caller " << i << " cannot connect";
      return nullptr;
    }
    cluster->callers.push_back(PayoneGateway::NewStub(channel));
  }
  auto control = NewChannel(cluster->gateways[0].port, -1);
  cluster->control = PayoneGateway::NewStub(control);
  cluster->ledger = PaymentLedger::NewStub(control);
  return cluster;
}

void StopCluster(std::shared_ptr<Cluster> cluster) {
  if (cluster == nullptr) return;
  cluster->callers.clear();
  cluster->control.reset();
  cluster->ledger.reset();
  for (Cluster::Gateway& gateway : cluster->gateways) {
    gateway.process->Signal(SIGTERM);
  }
  for (size_t i = 0; i < cluster->gateways.size(); ++i) {
    const int code = cluster->gateways[i].process->Wait();
    EXPECT_EQ(code, 0) << "gateway " << i << " exit code; output:\n"
                       << cluster->gateways[i].process->Output();
  }
  cluster->simulator->Stop();
  cluster->recorder.reset();
  cluster->postgres.reset();
}

void RunBursts(Cluster& cluster, BurstKind kind, int bursts) {
  std::map<std::string, int> failed_bursts;  // per check
  int failing = 0, ran = 0;
  for (int i = 0; i < bursts && !cluster.broken; ++i) {
    Burst burst(kind, i);
    if (kind == BurstKind::kSharedReference ||
        kind == BurstKind::kIdempotencyKey) {
      RunPreauthorizationBurst(cluster, kind, &burst);
    } else {
      RunFollowUpBurst(cluster, kind, &burst);
    }
    ++ran;
    if (!burst.failed()) continue;
    ++failing;
    // One report per burst: its failed checks, then each distinct context.
    std::vector<std::string> checks, details;
    bool detailed = false;
    for (const auto& [check, detail] : burst.failures()) {
      if (std::find(checks.begin(), checks.end(), check) == checks.end()) {
        checks.push_back(check);
        if (++failed_bursts[check] <= kDetailedFailures) detailed = true;
      }
      if (!detail.empty() &&
          std::find(details.begin(), details.end(), detail) == details.end()) {
        details.push_back(detail);
      }
    }
    for (const std::string& note : burst.notes()) details.push_back(note);
    if (detailed) {
      ADD_FAILURE() << burst.Title()
                    << " failed: " << absl::StrJoin(checks, "; ") << "\n  "
                    << absl::StrJoin(details, "\n  ");
    }
  }
  const char* serial = std::getenv("CONCURRENCY_SERIAL");
  std::string summary = absl::StrCat(
      KindName(kind), ": ", ran, " bursts of ", cluster.options.callers,
      " callers on ", cluster.gateways.size(), " gateway(s), notifications to ",
      cluster.options.notifications_to_gateway ? "the gateway" : "a recorder",
      serial != nullptr && std::string(serial) == "1"
          ? ", callers one after another (control run)"
          : "",
      ": ", failing, " failed");
  for (const auto& [check, count] : failed_bursts) {
    absl::StrAppend(&summary, "\n  ", count, "/", ran, " bursts: ", check);
  }
  std::printf("[concurrency] %s\n", summary.c_str());
  std::fflush(stdout);
  EXPECT_EQ(failing, 0) << "failing " << KindName(kind)
                        << " bursts (see the [concurrency] line)";
  EXPECT_FALSE(cluster.broken) << "stopped after burst " << ran;
  EXPECT_EQ(ran, bursts);
}

}  // namespace payone::tests::concurrency
