#ifndef PAYONE_SIMULATOR_NOTIFIER_H_
#define PAYONE_SIMULATOR_NOTIFIER_H_

// Delivers TransactionStatus notifications like PAYONE: an ISO-8859-1 form
// POST per event, answered with exactly "TSOK"; anything else is retried on
// PAYONE's schedule (12 retries within 48 hours, the first after an hour)
// divided by the time compression factor. Events of one txid go out in
// order: a later one waits until the earlier one got its TSOK.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "simulator/handler.h"

namespace payone::net {
// service/net/http_client.h, kept out of this header (Asio's TLS headers).
class HttpClient;
struct HttpResult;
}  // namespace payone::net

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
  // Log() keeps the latest this many notifications.
  size_t max_log = 100000;

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

  // Stops the delivery thread, cancelling a delivery in flight; pending
  // notifications stay undelivered.
  void Stop();

  size_t delivered() const;
  size_t attempts() const;
  // Waits until `count` notifications were acknowledged with TSOK (or
  // attempted, TSOK or not); false on timeout.
  bool WaitForDelivered(size_t count, absl::Duration timeout) const;
  bool WaitForAttempts(size_t count, absl::Duration timeout) const;
  // The notifications so far (the latest max_log), in the order queued.
  std::vector<Delivery> Log() const;

 private:
  struct Item {
    Delivery delivery;
    absl::Time due;
  };
  void Run();
  // One POST of `body` to `url`: the answer, or why there is none.
  net::HttpResult Post(const std::string& url, const std::string& body);
  // The next notification to deliver (maybe not yet due), or null.
  std::shared_ptr<Item> NextLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const NotifierOptions options_;
  mutable absl::Mutex mu_;
  // Undelivered notifications per txid, oldest first.
  absl::flat_hash_map<int64_t, std::deque<std::shared_ptr<Item>>> pending_
      ABSL_GUARDED_BY(mu_);
  std::deque<std::shared_ptr<Item>> log_ ABSL_GUARDED_BY(mu_);
  size_t queued_ ABSL_GUARDED_BY(mu_) = 0;
  size_t delivered_ ABSL_GUARDED_BY(mu_) = 0;
  size_t attempts_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Cancels the delivery in flight, if any.
  std::function<void()> cancel_in_flight_ ABSL_GUARDED_BY(mu_);
  // Used by the delivery thread only: a keep-alive client for the origin
  // (scheme, host, port) of the latest URL; URLs rarely change.
  std::string origin_;
  std::unique_ptr<net::HttpClient> client_;
  std::thread thread_;
};

// name=value&... with values converted to ISO-8859-1 and form-encoded.
std::string NotificationBody(const std::vector<NameValue>& params);

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_NOTIFIER_H_
