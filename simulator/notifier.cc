#include "simulator/notifier.h"

#include <algorithm>
#include <utility>

#include "codec/runtime/charset.h"
#include "codec/runtime/form.h"

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

void Notifier::Run() {
  ClientOptions client;
  client.ca_pem = options_.ca_pem;
  client.timeout =
      std::max(absl::Seconds(1), options_.timeout / options_.time_compression);
  client.max_body_bytes = 64 * 1024;
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
    auto answer =
        HttpPost(url, body,
                 {{"Content-Type", "application/x-www-form-urlencoded"},
                  {"User-Agent", "PAYONE FinanceGate"}},
                 client);
    absl::MutexLock lock(&mu_);
    Delivery& delivery = item->delivery;
    ++delivery.attempts;
    ++attempts_;
    delivery.last_answer =
        answer.ok() ? answer->body : std::string(answer.status().message());
    if (answer.ok() && answer->status == 200 && answer->body == "TSOK") {
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
