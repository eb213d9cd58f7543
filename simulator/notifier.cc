#include "simulator/notifier.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
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
  Item item;
  item.delivery.url = url;
  item.delivery.txid = txid;
  item.delivery.body = NotificationBody(params);
  item.delivery.params = std::move(params);
  item.due = absl::Now();
  absl::MutexLock lock(&mu_);
  items_.push_back(std::move(item));
}

int Notifier::NextLocked(absl::Time* due) const {
  // Only the oldest open notification of each txid may go out.
  absl::flat_hash_set<int64_t> blocked;
  int best = -1;
  for (size_t i = 0; i < items_.size(); ++i) {
    const Item& item = items_[i];
    if (item.delivery.delivered) continue;
    if (!blocked.insert(item.delivery.txid).second) continue;
    if (item.delivery.abandoned) continue;
    if (best < 0 || item.due < items_[best].due) best = static_cast<int>(i);
  }
  if (best >= 0) *due = items_[best].due;
  return best;
}

void Notifier::Run() {
  ClientOptions client;
  client.ca_pem = options_.ca_pem;
  client.timeout =
      std::max(absl::Seconds(1), options_.timeout / options_.time_compression);
  client.max_body_bytes = 64 * 1024;
  while (true) {
    int index = -1;
    std::string url, body;
    {
      absl::MutexLock lock(&mu_);
      while (true) {
        if (stopping_) return;
        absl::Time due;
        index = NextLocked(&due);
        if (index >= 0 && due <= absl::Now()) break;
        // Wake for new items, Stop(), or the next due time.
        const absl::Time until =
            index >= 0 ? due : absl::Now() + absl::Milliseconds(200);
        const size_t size = items_.size();
        auto changed = [this, size]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
          return stopping_ || items_.size() != size;
        };
        mu_.AwaitWithDeadline(absl::Condition(&changed), until);
      }
      url = items_[index].delivery.url;
      body = items_[index].delivery.body;
    }
    auto answer =
        HttpPost(url, body,
                 {{"Content-Type", "application/x-www-form-urlencoded"},
                  {"User-Agent", "PAYONE FinanceGate"}},
                 client);
    absl::MutexLock lock(&mu_);
    Item& item = items_[index];
    Delivery& delivery = item.delivery;
    ++delivery.attempts;
    ++attempts_;
    delivery.last_answer =
        answer.ok() ? answer->body : std::string(answer.status().message());
    if (answer.ok() && answer->status == 200 && answer->body == "TSOK") {
      delivery.delivered = true;
      ++delivered_;
    } else if (static_cast<size_t>(delivery.attempts) >
               options_.retry_delays.size()) {
      delivery.abandoned = true;
    } else {
      item.due = absl::Now() + options_.retry_delays[delivery.attempts - 1] /
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
  for (const Item& item : items_) log.push_back(item.delivery);
  return log;
}

}  // namespace payone::simulator
