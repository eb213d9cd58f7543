#ifndef PAYONE_SERVICE_LEDGER_LEDGER_SERVICE_H_
#define PAYONE_SERVICE_LEDGER_LEDGER_SERVICE_H_

// payone.v1.PaymentLedger: stored notifications (listed, or streamed as they
// arrive) and the ledger view of a payment process.

#include <memory>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "payone/v1/ledger.grpc.pb.h"
#include "service/config/live_config.h"
#include "service/gateway/authorizer.h"
#include "service/ledger/ledger.h"

namespace payone::service {

namespace ledger_internal {
class WatchReactor;
}

class LedgerService final : public payone::v1::PaymentLedger::CallbackService {
 public:
  // Without a ledger (nullptr) every call is FAILED_PRECONDITION. Watchers
  // look for new notifications when NotifyStored is called and at least
  // every ledger.watch_poll_interval (notifications stored by other
  // replicas). `config` must outlive the service.
  LedgerService(const LiveConfig& config, Ledger* ledger);
  ~LedgerService() override;

  // A notification was stored (by this process's receiver): wakes watchers.
  void NotifyStored();
  // Ends every watch (UNAVAILABLE: resume from the last cursor elsewhere or
  // later) and refuses new ones; for a draining server.
  void Shutdown();

  grpc::ServerWriteReactor<payone::v1::TransactionStatusEvent>*
  WatchTransactionStatus(
      grpc::CallbackServerContext* ctx,
      const payone::v1::WatchTransactionStatusRequest* request) override;
  grpc::ServerUnaryReactor* ListTransactionStatus(
      grpc::CallbackServerContext* ctx,
      const payone::v1::ListTransactionStatusRequest* request,
      payone::v1::ListTransactionStatusResponse* response) override;
  grpc::ServerUnaryReactor* GetPayment(
      grpc::CallbackServerContext* ctx,
      const payone::v1::GetPaymentRequest* request,
      payone::v1::GetPaymentResponse* response) override;

 private:
  friend class ledger_internal::WatchReactor;

  // OK when the call may read `account`; sets `client` (the caller's
  // configured name) if given.
  absl::Status Admit(grpc::CallbackServerContext* ctx,
                     const std::string& account, std::string* client = nullptr);
  void WakeWatchers();
  void Unregister(ledger_internal::WatchReactor* watcher);

  Authorizer authorizer_;
  Ledger* ledger_;
  const absl::Duration poll_interval_;

  absl::Mutex mu_;
  // Each open watch and the client that opened it.
  absl::flat_hash_map<ledger_internal::WatchReactor*, std::string> watchers_
      ABSL_GUARDED_BY(mu_);
  // Open watches per client, held below max_watches_per_client_.
  absl::flat_hash_map<std::string, int> watches_by_client_ ABSL_GUARDED_BY(mu_);
  const int max_watches_per_client_;
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
  std::thread poller_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_LEDGER_LEDGER_SERVICE_H_
