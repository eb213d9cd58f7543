#ifndef PAYONE_SIMULATOR_NOTIFIER_H_
#define PAYONE_SIMULATOR_NOTIFIER_H_

// Delivers TransactionStatus notifications like PAYONE: an ISO-8859-1 form
// POST per event, answered with exactly "TSOK"; anything else is retried on
// PAYONE's schedule (12 retries within 48 hours, the first after an hour)
// divided by the time compression factor. Events of one txid go out in
// order: a later one waits until the earlier one got its TSOK.

#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "simulator/handler.h"
#include "simulator/http_client.h"

namespace payone::simulator {

struct NotifierOptions {
  // 3600 turns PAYONE's hour into a second.
  double time_compression = 1.0;
  // Delays before retries 1..n (uncompressed); the default is PAYONE's.
  std::vector<absl::Duration> retry_delays = DefaultRetryDelays();
  // PAYONE waits 10 s for an answer; compressed, but never below 1 s.
  absl::Duration timeout = absl::Seconds(10);
  // Trusted CAs for https notification URLs.
  std::string ca_pem;

  static std::vector<absl::Duration> DefaultRetryDelays();
};

// One notification and what became of it.
struct Delivery {
  std::string url;
  int64_t txid = 0;
  std::vector<NameValue> params;  // UTF-8
  std::string body;               // the form body sent (ISO-8859-1)
  int attempts = 0;
  bool delivered = false;
  bool abandoned = false;   // retries exhausted
  std::string last_answer;  // body or transport error of the last attempt
};

class Notifier : public NotificationSink {
 public:
  explicit Notifier(NotifierOptions options);
  ~Notifier() override;

  void Send(const std::string& url, int64_t txid,
            std::vector<NameValue> params) override;

  // Stops the delivery thread; pending notifications stay undelivered.
  void Stop();

  size_t delivered() const;
  size_t attempts() const;
  // Waits until `count` notifications were acknowledged with TSOK (or
  // attempted, TSOK or not); false on timeout.
  bool WaitForDelivered(size_t count, absl::Duration timeout) const;
  bool WaitForAttempts(size_t count, absl::Duration timeout) const;
  // Every notification so far, in the order they were queued.
  std::vector<Delivery> Log() const;

 private:
  struct Item {
    Delivery delivery;
    absl::Time due;
  };
  void Run();
  // Index of the next item to deliver, or -1; sets `*due`.
  int NextLocked(absl::Time* due) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const NotifierOptions options_;
  mutable absl::Mutex mu_;
  std::vector<Item> items_ ABSL_GUARDED_BY(mu_);
  size_t delivered_ ABSL_GUARDED_BY(mu_) = 0;
  size_t attempts_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

// name=value&... with values converted to ISO-8859-1 and form-encoded.
std::string NotificationBody(const std::vector<NameValue>& params);

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_NOTIFIER_H_
