#include "simulator/processor.h"

#include <utility>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"

namespace payone::simulator {
namespace {}  // namespace

Processor::Processor(ProcessorOptions options, NotificationSink* sink)
    : sink_(sink),
      options_(std::move(options)),
      ledger_(options_.first_txid, options_.first_userid) {
  RegisterPayments(&handlers_);
  RegisterBookings(&handlers_);
  RegisterChecks(&handlers_);
  RegisterServices(&handlers_);
}

const Account* Processor::FindAccount(absl::string_view portalid) const {
  for (const Account& account : options_.accounts) {
    if (account.portalid == portalid) return &account;
  }
  return nullptr;
}

// mid (1203, 2003), portalid (1205, 2005), key (1206, 2006) or hash (2007),
// request (1202), mode (1010, 924/925): an empty answer when all pass.
Answer Processor::Standard(const Params& params, Credential credential,
                           const Account** account) {
  const std::string& language = params.Get("language");
  const std::string& mid = params.Get("mid");
  if (!AllDigits(mid)) return Answer::Error(ParamError("mid"), language);
  bool known_mid = false;
  for (const Account& candidate : options_.accounts) {
    known_mid = known_mid || candidate.mid == mid;
  }
  if (!known_mid) return Answer::Error({2003, ""}, language);
  const std::string& portalid = params.Get("portalid");
  if (!AllDigits(portalid)) {
    return Answer::Error(ParamError("portalid"), language);
  }
  *account = FindAccount(portalid);
  if (*account == nullptr || (*account)->mid != mid) {
    return Answer::Error({2005, ""}, language);
  }
  if (credential == Credential::kClientApiHash) {
    if (params.Get("hash").empty()) {
      return Answer::Error(ParamError("hash"), language);
    }
    if (!ClientApiHashMatches(**account, params)) {
      return Answer::Error({2007, ""}, language);
    }
  } else {
    const std::string& key = params.Get("key");
    if (key.empty()) return Answer::Error(ParamError("key"), language);
    if (!KeyMatches(**account, key)) {
      return Answer::Error({2006, ""}, language);
    }
  }
  if (handlers_.find(params.Get("request")) == handlers_.end()) {
    return Answer::Error(ParamError("request"), language);
  }
  const std::string& mode = params.Get("mode");
  if (mode != "test" && mode != "live") {
    return Answer::Error(ParamError("mode"), language);
  }
  if (mode == "test" && !(*account)->test_mode) {
    return Answer::Error({924, ""}, language);
  }
  if (mode == "live" && !(*account)->live_mode) {
    return Answer::Error({925, ""}, language);
  }
  return Answer();
}

Answer Processor::Process(const Params& params) {
  absl::MutexLock lock(&mu_);
  const Account* account = nullptr;
  Answer refused = Standard(params, Credential::kKey, &account);
  if (!refused.fields.empty()) return refused;
  Call call = CallFor(params, *account);
  return handlers_.find(params.Get("request"))->second(call);
}

Answer Processor::ProcessClientApi(const Params& params) {
  absl::MutexLock lock(&mu_);
  const std::string& language = params.Get("language");
  const Account* account = nullptr;
  Answer refused = Standard(params, Credential::kClientApiHash, &account);
  if (!refused.fields.empty()) return refused;
  if (params.Get("request") != "creditcardcheck") {
    return Answer::Error(ParamError("request"), language);
  }
  const std::string& responsetype = params.Get("responsetype");
  if (responsetype != "JSON" && responsetype != "REDIRECT") {
    return Answer::Error(ParamError("responsetype"), language);
  }
  Call call = CallFor(params, *account);
  Answer answer = handlers_.find("creditcardcheck")->second(call);
  const std::string* status = answer.Find("status");
  if (status != nullptr && *status == "VALID") {
    answer.Add("cardtype", params.Get("cardtype"))
        .Add("cardexpiredate", params.Get("cardexpiredate"));
  }
  return answer;
}

std::string Processor::CompleteRedirect(absl::string_view token,
                                        absl::string_view outcome) {
  absl::MutexLock lock(&mu_);
  Transaction* tx = ledger_.FindByToken(token);
  if (tx == nullptr) {
    // PayPal Express: the buyer approved (or left) at "PayPal".
    const auto order = ledger_.workorders.find(std::string(token));
    if (order == ledger_.workorders.end()) return "";
    if (outcome == "back") return order->second.backurl;
    if (outcome == "error") return order->second.errorurl;
    order->second.confirmed = true;
    return order->second.successurl;
  }
  Params none;
  std::optional<Call> call = EventCall(*tx, none);
  if (!call) return "";
  return simulator::CompleteRedirect(*call, *tx, outcome);
}

const std::string& Processor::NotifyUrlFor(const Account& account) const {
  return account.notify_url.empty() ? options_.notify_url : account.notify_url;
}

std::optional<Call> Processor::EventCall(const Transaction& tx,
                                         const Params& none) {
  const Account* account = FindAccount(tx.portalid);
  if (account == nullptr) return std::nullopt;
  return CallFor(none, *account);
}

Call Processor::CallFor(const Params& params, const Account& account) {
  return Call{params,
              account,
              ledger_,
              sink_,
              NotifyUrlFor(account),
              options_.base_url,
              options_.clock()};
}

absl::Status Processor::OnEvent(
    absl::string_view portalid, absl::string_view txid,
    const std::function<absl::Status(Call&, Transaction&)>& event) {
  absl::MutexLock lock(&mu_);
  Transaction* tx = ledger_.Find(portalid, txid);
  if (tx == nullptr) return absl::NotFoundError("no such txid for the portal");
  Params none;
  std::optional<Call> call = EventCall(*tx, none);
  if (!call) return absl::NotFoundError("no such portal");
  return event(*call, *tx);
}

absl::Status Processor::SimulateIncomingPayment(absl::string_view portalid,
                                                absl::string_view txid,
                                                int64_t amount) {
  return OnEvent(portalid, txid, [amount](Call& call, Transaction& tx) {
    return ReceivePayment(call, tx, amount);
  });
}

absl::Status Processor::SimulateChargeback(absl::string_view portalid,
                                           absl::string_view txid,
                                           absl::string_view failedcause) {
  return OnEvent(portalid, txid, [failedcause](Call& call, Transaction& tx) {
    return Chargeback(call, tx, failedcause);
  });
}

void Processor::SetBaseUrl(std::string base_url) {
  absl::MutexLock lock(&mu_);
  options_.base_url = std::move(base_url);
}

void Processor::SetNotifyUrl(std::string notify_url) {
  absl::MutexLock lock(&mu_);
  options_.notify_url = std::move(notify_url);
}

}  // namespace payone::simulator
