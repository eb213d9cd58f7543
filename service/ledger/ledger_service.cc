#include "service/ledger/ledger_service.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "codec/runtime/malformed_request.h"
#include "service/gateway/call_metadata.h"
#include "service/gateway/grpc_errors.h"

namespace payone::service {
namespace {

using payone::v1::TransactionStatusEvent;

constexpr int kWatchPageSize = 100;
constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

grpc::ServerUnaryReactor* FinishNow(grpc::CallbackServerContext* ctx,
                                    const grpc::Status& status) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  reactor->Finish(status);
  return reactor;
}

}  // namespace

namespace ledger_internal {

// One WatchTransactionStatus stream: pages of stored notifications are read
// on the ledger's threads and written one at a time. Everything that touches
// the stream happens under mu_, and nothing does after Finish.
class WatchReactor final
    : public grpc::ServerWriteReactor<TransactionStatusEvent> {
 public:
  WatchReactor(LedgerService* service, NotificationQuery query)
      : service_(service), query_(std::move(query)) {}

  void Start() {
    absl::MutexLock lock(&mu_);
    FetchLocked();
  }

  // New notifications may exist.
  void Wake() {
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    if (fetching_ || writing_ || !pending_.empty()) {
      wake_pending_ = true;
    } else {
      FetchLocked();
    }
  }

  void End(const grpc::Status& status) {
    absl::MutexLock lock(&mu_);
    FinishLocked(status);
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok) {
      FinishLocked(grpc::Status(grpc::StatusCode::CANCELLED,
                                "the stream broke; resume from the cursor"));
      return;
    }
    if (!WriteNextLocked() && wake_pending_) FetchLocked();
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    FinishLocked(grpc::Status::CANCELLED);
  }

  void OnDone() override {
    service_->Unregister(this);
    // Tasks on the ledger's threads hold the reactor alive until they ran.
    bool last;
    {
      absl::MutexLock lock(&mu_);
      done_ = true;
      last = tasks_ == 0;
    }
    if (last) delete this;
  }

 private:
  void FetchLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_ || fetching_) return;
    fetching_ = true;
    wake_pending_ = false;
    ++tasks_;
    NotificationQuery query = query_;
    service_->ledger_->Schedule([this, query] {
      auto page = service_->ledger_->notifications()->List(query);
      bool last;
      {
        absl::MutexLock lock(&mu_);
        fetching_ = false;
        --tasks_;
        if (!page.ok()) {
          FinishLocked(ToGrpcStatus(
              LedgerUnavailable(page.status(), "resume from the last cursor")));
        } else {
          for (const StoredNotification& stored : *page) {
            pending_.push_back(ToEvent(stored));
            query_.after_cursor = stored.cursor;
          }
          // A full page: there may be more right away.
          if (static_cast<int>(page->size()) == query.limit) {
            wake_pending_ = true;
          }
          if (!WriteNextLocked() && wake_pending_) FetchLocked();
        }
        last = done_ && tasks_ == 0;
      }
      if (last) delete this;
    });
  }

  // Starts writing the next pending event; false when there is none.
  bool WriteNextLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_ || writing_) return writing_;
    if (pending_.empty()) return false;
    current_ = std::move(pending_.front());
    pending_.pop_front();
    writing_ = true;
    StartWrite(&current_);
    return true;
  }

  void FinishLocked(const grpc::Status& status)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) return;
    finished_ = true;
    Finish(status);
  }

  LedgerService* service_;
  absl::Mutex mu_;
  NotificationQuery query_ ABSL_GUARDED_BY(mu_);
  std::deque<TransactionStatusEvent> pending_ ABSL_GUARDED_BY(mu_);
  TransactionStatusEvent current_ ABSL_GUARDED_BY(mu_);
  bool fetching_ ABSL_GUARDED_BY(mu_) = false;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool wake_pending_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  int tasks_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace ledger_internal

using ledger_internal::WatchReactor;

LedgerService::LedgerService(const LiveConfig& config, Ledger* ledger)
    : authorizer_(config),
      ledger_(ledger),
      // Read once: a reload cannot change the ledger's settings.
      poll_interval_(ConfigDuration(
          config.Get()->file.ledger(),
          payone::gateway::v1::Ledger::kWatchPollIntervalFieldNumber)),
      max_watches_per_client_(static_cast<int>(std::min<uint32_t>(
          config.Get()->file.ledger().max_watches_per_client(), 1 << 20))) {
  // Malformed request messages reach the methods marked (INVALID_ARGUMENT).
  const char* service = payone::v1::PaymentLedger::service_full_name();
  MarkMethodCallback(
      codec::MethodIndex(service, "ListTransactionStatus"),
      codec::TolerantHandler(this, &LedgerService::ListTransactionStatus));
  MarkMethodCallback(codec::MethodIndex(service, "GetPayment"),
                     codec::TolerantHandler(this, &LedgerService::GetPayment));
  if (ledger_ == nullptr) return;
  poller_ = std::thread([this] {
    absl::MutexLock lock(&mu_);
    while (!shutting_down_) {
      // Wakes early only to stop.
      mu_.AwaitWithTimeout(absl::Condition(&shutting_down_), poll_interval_);
      if (shutting_down_) break;
      for (const auto& [watcher, client] : watchers_) watcher->Wake();
    }
  });
}

LedgerService::~LedgerService() {
  Shutdown();
  if (poller_.joinable()) poller_.join();
}

void LedgerService::Shutdown() {
  absl::MutexLock lock(&mu_);
  shutting_down_ = true;
  for (const auto& [watcher, client] : watchers_) {
    watcher->End(grpc::Status(
        grpc::StatusCode::UNAVAILABLE,
        "the gateway is shutting down; resume from the last cursor"));
  }
}

void LedgerService::NotifyStored() { WakeWatchers(); }

void LedgerService::WakeWatchers() {
  absl::MutexLock lock(&mu_);
  for (const auto& [watcher, client] : watchers_) watcher->Wake();
}

void LedgerService::Unregister(WatchReactor* watcher) {
  absl::MutexLock lock(&mu_);
  const auto found = watchers_.find(watcher);
  if (found == watchers_.end()) return;
  if (--watches_by_client_[found->second] == 0) {
    watches_by_client_.erase(found->second);
  }
  watchers_.erase(found);
}

absl::Status LedgerService::Admit(grpc::CallbackServerContext* ctx,
                                  const std::string& account,
                                  std::string* client) {
  if (ledger_ == nullptr) {
    return absl::FailedPreconditionError(
        "this gateway runs without a payment ledger (configure `ledger`)");
  }
  if (account.empty()) {
    return absl::InvalidArgumentError("account is required");
  }
  absl::StatusOr<Authorized> authorized =
      authorizer_.Authorize(ClientMetadata(ctx, "authorization"), account);
  if (authorized.ok() && client != nullptr) *client = authorized->client;
  return authorized.status();
}

grpc::ServerWriteReactor<TransactionStatusEvent>*
LedgerService::WatchTransactionStatus(
    grpc::CallbackServerContext* ctx,
    const payone::v1::WatchTransactionStatusRequest* request) {
  NotificationQuery query;
  query.account = request->account();
  query.txid = request->txid();
  query.after_cursor = request->after_cursor();
  query.limit = kWatchPageSize;
  auto* watcher = new WatchReactor(this, std::move(query));
  std::string client;
  absl::Status admitted = Admit(ctx, request->account(), &client);
  {
    absl::MutexLock lock(&mu_);
    if (admitted.ok() && shutting_down_) {
      admitted = absl::UnavailableError("the gateway is shutting down");
    }
    int& open = watches_by_client_[client];
    if (admitted.ok() && open >= max_watches_per_client_) {
      admitted = absl::ResourceExhaustedError(absl::StrCat(
          "client '", client, "' has ", open,
          " watches open, the most it may (ledger.max_watches_per_client); "
          "end one, or watch the whole account in one stream"));
    }
    if (admitted.ok()) {
      ++open;
      watchers_.emplace(watcher, client);
    } else if (open == 0) {
      watches_by_client_.erase(client);
    }
  }
  if (!admitted.ok()) {
    watcher->End(ToGrpcStatus(admitted));
  } else {
    watcher->Start();
  }
  return watcher;
}

grpc::ServerUnaryReactor* LedgerService::ListTransactionStatus(
    grpc::CallbackServerContext* ctx,
    const payone::v1::ListTransactionStatusRequest* request,
    payone::v1::ListTransactionStatusResponse* response) {
  if (grpc::Status malformed = codec::TakeMalformedRequest(request);
      !malformed.ok()) {
    return FinishNow(ctx, malformed);
  }
  absl::Status admitted = Admit(ctx, request->account());
  if (!admitted.ok()) return FinishNow(ctx, ToGrpcStatus(admitted));
  if (request->page_size() < 0 || request->page_size() > kMaxPageSize) {
    return FinishNow(
        ctx, grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          absl::StrCat("page_size must be 0..", kMaxPageSize)));
  }
  NotificationQuery query;
  query.account = request->account();
  query.txid = request->txid();
  query.after_cursor = request->after_cursor();
  query.limit =
      request->page_size() == 0 ? kDefaultPageSize : request->page_size();
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  ledger_->Schedule([this, reactor, query, response] {
    auto page = ledger_->notifications()->List(query);
    if (!page.ok()) {
      reactor->Finish(ToGrpcStatus(LedgerUnavailable(page.status(), "retry")));
      return;
    }
    response->set_next_cursor(query.after_cursor);
    for (const StoredNotification& stored : *page) {
      *response->add_events() = ToEvent(stored);
      response->set_next_cursor(stored.cursor);
    }
    reactor->Finish(grpc::Status::OK);
  });
  return reactor;
}

grpc::ServerUnaryReactor* LedgerService::GetPayment(
    grpc::CallbackServerContext* ctx,
    const payone::v1::GetPaymentRequest* request,
    payone::v1::GetPaymentResponse* response) {
  if (grpc::Status malformed = codec::TakeMalformedRequest(request);
      !malformed.ok()) {
    return FinishNow(ctx, malformed);
  }
  absl::Status admitted = Admit(ctx, request->account());
  if (!admitted.ok()) return FinishNow(ctx, ToGrpcStatus(admitted));
  if (request->txid().empty()) {
    return FinishNow(ctx, grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                       "txid is required"));
  }
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  ledger_->Schedule([this, reactor, request, response] {
    auto facts = ledger_->Facts(request->account(), request->txid());
    if (!facts.ok()) {
      reactor->Finish(ToGrpcStatus(LedgerUnavailable(facts.status(), "retry")));
      return;
    }
    if (facts->view.history().empty()) {
      reactor->Finish(grpc::Status(
          grpc::StatusCode::NOT_FOUND,
          absl::StrCat("the ledger knows no payment process with txid ",
                       request->txid(), " for account ", request->account())));
      return;
    }
    *response = std::move(facts->view);
    reactor->Finish(grpc::Status::OK);
  });
  return reactor;
}

}  // namespace payone::service
