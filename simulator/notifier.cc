#include "simulator/notifier.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/form.h"
#include "service/net/http_client.h"
#include "service/net/url.h"

namespace payone::simulator {
std::vector<absl::Duration> NotifierOptions::DefaultRetryDelays() {
  // 12 retries, the first after an hour, growing, 48 hours in all.
  std::vector<absl::Duration> delays;
  for (int hours : {1, 1, 2, 2, 3, 4, 4, 5, 6, 6, 7, 7}) {
    delays.push_back(absl::Hours(hours));
  }
  return delays;
}

std::string NotificationBody(const std::vector<NameValue>& params) {
  codec::FormBuilder form;
  for (const auto& [name, value] : params) form.Add(name, ToLatin1Lossy(value));
  return form.Release();
}

Notifier::Notifier(NotifierOptions options)
    : options_(std::move(options)), thread_([this] { Run(); }) {}

Notifier::~Notifier() { Stop(); }

void Notifier::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    if (cancel_in_flight_) cancel_in_flight_();
  }
  if (thread_.joinable()) thread_.join();
}

void Notifier::Send(const std::string& url, int64_t txid,
                    std::vector<NameValue> params) {
  auto item = std::make_shared<Item>();
  item->delivery.url = url;
  item->delivery.txid = txid;
  item->delivery.body = NotificationBody(params);
  item->delivery.params = std::move(params);
  item->due = absl::Now();
  absl::MutexLock lock(&mu_);
  pending_[txid].push_back(item);
  log_.push_back(std::move(item));
  if (log_.size() > options_.max_log) log_.pop_front();
  ++queued_;
}

std::shared_ptr<Notifier::Item> Notifier::NextLocked() const {
  // Only the oldest open notification of each txid may go out; an
  // abandoned one blocks its txid for good, as at PAYONE.
  std::shared_ptr<Item> best;
  for (const auto& [txid, queue] : pending_) {
    const std::shared_ptr<Item>& head = queue.front();
    if (head->delivery.abandoned) continue;
    if (best == nullptr || head->due < best->due) best = head;
  }
  return best;
}

net::HttpResult Notifier::Post(const std::string& url,
                               const std::string& body) {
  net::HttpResult result;
  absl::StatusOr<net::Url> parsed = net::ParseUrl(url);
  if (!parsed.ok()) {
    result.status = parsed.status();
    return result;
  }
  // PAYONE waits 10 s; compressed, but never below 1 s.
  const absl::Duration timeout =
      std::max(absl::Seconds(1), options_.timeout / options_.time_compression);
  const std::string origin =
      absl::StrCat(parsed->tls ? "https://" : "http://", parsed->Authority());
  if (client_ == nullptr || origin != origin_) {
    client_.reset();
    net::HttpClientOptions options;
    options.url = origin;
    options.tls.ca_pem = options_.ca_pem;
    options.max_connections = 1;
    options.io_threads = 1;
    options.connect_timeout = timeout;
    options.max_response_bytes = 64 * 1024;
    options.user_agent = "PAYONE FinanceGate";
    options.label = "notification";
    options.peer_name = "the receiver";
    absl::StatusOr<std::unique_ptr<net::HttpClient>> client =
        net::HttpClient::Create(options);
    if (!client.ok()) {
      result.status = client.status();
      return result;
    }
    client_ = *std::move(client);
    origin_ = origin;
  }
  net::ClientRequest request;
  request.target = parsed->target;
  request.body = body;
  request.deadline = absl::Now() + timeout;
  absl::Notification done;
  std::shared_ptr<net::HttpClient::Call> call =
      client_->Send(std::move(request), [&](net::HttpResult answer) {
        result = std::move(answer);
        done.Notify();
      });
  {
    // Stop() cancels the call from now on; it may have come first.
    absl::MutexLock lock(&mu_);
    if (stopping_) call->Cancel();
    cancel_in_flight_ = [call] { call->Cancel(); };
  }
  done.WaitForNotification();
  absl::MutexLock lock(&mu_);
  cancel_in_flight_ = nullptr;
  return result;
}

void Notifier::Run() {
  while (true) {
    std::shared_ptr<Item> item;
    std::string url, body;
    {
      absl::MutexLock lock(&mu_);
      while (true) {
        if (stopping_) return;
        item = NextLocked();
        if (item != nullptr && item->due <= absl::Now()) break;
        // Wake for new items, Stop(), or the next due time.
        const absl::Time until =
            item != nullptr ? item->due : absl::Now() + absl::Milliseconds(200);
        const size_t queued = queued_;
        auto changed = [this, queued]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
          return stopping_ || queued_ != queued;
        };
        mu_.AwaitWithDeadline(absl::Condition(&changed), until);
      }
      url = item->delivery.url;
      body = item->delivery.body;
    }
    const net::HttpResult answer = Post(url, body);
    absl::MutexLock lock(&mu_);
    // A delivery that Stop() cancelled is no attempt.
    if (stopping_) return;
    Delivery& delivery = item->delivery;
    ++delivery.attempts;
    ++attempts_;
    delivery.last_answer =
        answer.status.ok() ? answer.body : std::string(answer.status.message());
    if (answer.status.ok() && answer.http_status == 200 &&
        answer.body == "TSOK") {
      delivery.delivered = true;
      ++delivered_;
      auto queue = pending_.find(delivery.txid);
      queue->second.pop_front();
      if (queue->second.empty()) pending_.erase(queue);
    } else if (static_cast<size_t>(delivery.attempts) >
               options_.retry_delays.size()) {
      delivery.abandoned = true;
    } else {
      item->due = absl::Now() + options_.retry_delays[delivery.attempts - 1] /
                                    options_.time_compression;
    }
  }
}

size_t Notifier::delivered() const {
  absl::MutexLock lock(&mu_);
  return delivered_;
}

size_t Notifier::attempts() const {
  absl::MutexLock lock(&mu_);
  return attempts_;
}

bool Notifier::WaitForDelivered(size_t count, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto reached = [this, count]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return delivered_ >= count;
  };
  return mu_.AwaitWithTimeout(absl::Condition(&reached), timeout);
}

bool Notifier::WaitForAttempts(size_t count, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto reached = [this, count]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return attempts_ >= count;
  };
  return mu_.AwaitWithTimeout(absl::Condition(&reached), timeout);
}

std::vector<Delivery> Notifier::Log() const {
  absl::MutexLock lock(&mu_);
  std::vector<Delivery> log;
  for (const auto& item : log_) log.push_back(item->delivery);
  return log;
}

}  // namespace payone::simulator
