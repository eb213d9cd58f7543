#ifndef PAYONE_SIMULATOR_PROCESSOR_H_
#define PAYONE_SIMULATOR_PROCESSOR_H_

// The post-gateway without HTTP: standard parameter checks in PAYONE's
// order, then the request's handler, all under one mutex so that state
// changes are atomic per request.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "simulator/accounts.h"
#include "simulator/handler.h"
#include "simulator/ledger.h"
#include "simulator/wire.h"

namespace payone::simulator {

struct ProcessorOptions {
  std::vector<Account> accounts;
  // Default TransactionStatus URL (an account's own URL wins); "" : none.
  std::string notify_url;
  // Where redirect URLs point, e.g. "http://127.0.0.1:8080".
  std::string base_url;
  int64_t first_txid = 700000001;
  int64_t first_userid = 400000001;
  std::function<absl::Time()> clock = [] { return absl::Now(); };
};

class Processor {
 public:
  // `sink` (may be null) must outlive the processor.
  Processor(ProcessorOptions options, NotificationSink* sink);

  // One POST /post-gateway/ with its parameters.
  Answer Process(const Params& params);

  // One browser call of the Client API (/client-api/): the standard checks
  // with `hash` instead of `key` (2007 when wrong), responsetype JSON or
  // REDIRECT, then request=creditcardcheck (the only Client API request
  // simulated; others 1202), whose VALID answer also carries cardtype and
  // cardexpiredate.
  Answer ProcessClientApi(const Params& params);

  // A browser following a redirect URL: the query's md token and optional
  // outcome ("error", "back"). Returns where to send it; "" if unknown.
  std::string CompleteRedirect(absl::string_view token,
                               absl::string_view outcome);

  // Events that are no request: money arriving by bank transfer (paid or
  // underpaid) and a payment coming back (failed with `failedcause`).
  absl::Status SimulateIncomingPayment(absl::string_view portalid,
                                       absl::string_view txid, int64_t amount);
  absl::Status SimulateChargeback(absl::string_view portalid,
                                  absl::string_view txid,
                                  absl::string_view failedcause);

  void SetBaseUrl(std::string base_url);
  void SetNotifyUrl(std::string notify_url);

 private:
  const Account* FindAccount(absl::string_view portalid) const
      ABSL_NO_THREAD_SAFETY_ANALYSIS;
  // The Server API checks `key`, the Client API `hash`.
  enum class Credential { kKey, kClientApiHash };
  Answer Standard(const Params& params, Credential credential,
                  const Account** account) ABSL_SHARED_LOCKS_REQUIRED(mu_);
  const std::string& NotifyUrlFor(const Account& account) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::Status OnEvent(
      absl::string_view portalid, absl::string_view txid,
      const std::function<absl::Status(Call&, Transaction&)>& event);
  Call CallFor(const Params& params, const Account& account)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // A call on behalf of `tx`'s portal, for events that are no request.
  std::optional<Call> EventCall(const Transaction& tx, const Params& none)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  HandlerTable handlers_;
  NotificationSink* const sink_;
  absl::Mutex mu_;
  ProcessorOptions options_ ABSL_GUARDED_BY(mu_);
  Ledger ledger_ ABSL_GUARDED_BY(mu_);
};

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_PROCESSOR_H_
