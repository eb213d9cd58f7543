#ifndef PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_FORWARDER_H_
#define PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_FORWARDER_H_

// Re-POSTs stored TransactionStatus notifications to the merchant's own URLs
// exactly as PAYONE sent them (what PAYONE's shop plugins call forwarding).
// The queue is the store's (ForwardQueue), so undelivered notifications
// survive restarts. HTTP 200 with the body "TSOK" is delivered; anything else
// is retried with exponential backoff up to a cap, forever.
//
// One background thread delivers one notification at a time; Notify() wakes
// it when the receiver stored something, otherwise it polls.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "service/notifications/form_poster.h"
#include "service/store/forward_queue.h"

namespace payone::service {

struct NotificationForwarderOptions {
  // Looks for due tasks this often when not woken by Notify().
  absl::Duration poll_interval = absl::Seconds(5);
  // One POST (connect, send, answer) gives up after this.
  absl::Duration timeout = absl::Seconds(10);
  // The delay after the n-th failed attempt: initial_backoff * 2^(n-1),
  // at most max_backoff.
  absl::Duration initial_backoff = absl::Seconds(10);
  absl::Duration max_backoff = absl::Hours(1);
  int batch_size = 32;
  // Trusted CAs (PEM file) for https URLs; empty: the system store.
  std::string ca_file;
  std::string user_agent = "PAYONE FinanceGate";
  // One JSON line per attempt (URL without its query, never the body).
  // Unset: stderr.
  std::function<void(const std::string&)> log_sink;
  std::function<absl::Time()> clock = [] { return absl::Now(); };
};

// What one delivery attempt came to (for logs, metrics and tests).
struct ForwardAttempt {
  int64_t task_id = 0;
  int64_t cursor = 0;
  std::string url;
  int attempt = 0;     // 1 for the first
  absl::Time started;  // by the options' clock
  bool delivered = false;
  std::string error;        // why not delivered
  absl::Time next_attempt;  // when not delivered
};

struct ForwarderStats {
  uint64_t delivered = 0;
  uint64_t failed_attempts = 0;
  uint64_t store_errors = 0;
};

class NotificationForwarder {
 public:
  // Starts the delivery thread. `store` must outlive the forwarder.
  // `on_attempt` (optional) runs on that thread after every attempt.
  static absl::StatusOr<std::unique_ptr<NotificationForwarder>> Start(
      NotificationForwarderOptions options, ForwardQueue* store,
      std::function<void(const ForwardAttempt&)> on_attempt = nullptr);
  // Stop().
  ~NotificationForwarder();

  NotificationForwarder(const NotificationForwarder&) = delete;
  NotificationForwarder& operator=(const NotificationForwarder&) = delete;

  // Something new may be due: look now instead of at the next poll.
  void Notify();
  // Aborts a POST in flight (it stays queued) and joins the thread.
  // Idempotent.
  void Stop();

  ForwarderStats Stats() const;

  // The delay after `failed_attempts` failures (>= 1).
  static absl::Duration Backoff(const NotificationForwarderOptions& options,
                                int failed_attempts);

 private:
  NotificationForwarder(NotificationForwarderOptions options,
                        ForwardQueue* store,
                        std::function<void(const ForwardAttempt&)> on_attempt);
  void Run();
  // Delivers every due task; false when the store failed or it is stopping.
  bool DeliverDue();
  void Deliver(const ForwardTask& task);
  void Log(const ForwardAttempt& attempt);

  const NotificationForwarderOptions options_;
  ForwardQueue* const store_;
  const std::function<void(const ForwardAttempt&)> on_attempt_;
  FormPoster poster_;

  mutable absl::Mutex mu_;
  bool woken_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  ForwarderStats stats_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_NOTIFICATIONS_NOTIFICATION_FORWARDER_H_
