// TEMPORARY stand-in for the SQLite store until //service/store lands: an
// in-memory store per path (kept across Open calls, like a file).
#include <map>
#include <memory>
#include <string>

#include "absl/synchronization/mutex.h"
#include "service/store/store.h"

namespace payone::service {
namespace {

struct State {
  absl::Mutex mu;
  std::vector<StoredNotification> notifications;
  std::map<std::string, int64_t> dedupe;
  std::vector<ForwardTask> forwards;
  std::map<int64_t, bool> delivered;
};

State& StateFor(const std::string& path) {
  static auto* states = new std::map<std::string, std::unique_ptr<State>>();
  static absl::Mutex mu;
  absl::MutexLock lock(&mu);
  auto& state = (*states)[path];
  if (!state) state = std::make_unique<State>();
  return *state;
}

class InterimStore : public Store {
 public:
  explicit InterimStore(State* state) : s_(state) {}
  absl::StatusOr<AppendedNotification> AppendNotification(
      const StoredNotification& notification, absl::string_view dedupe_key,
      absl::string_view raw_body,
      absl::Span<const std::string> forward_urls) override {
    absl::MutexLock lock(&s_->mu);
    auto it = s_->dedupe.find(std::string(dedupe_key));
    if (it != s_->dedupe.end()) return AppendedNotification{it->second, true};
    StoredNotification copy = notification;
    copy.cursor = s_->notifications.size() + 1;
    s_->notifications.push_back(copy);
    s_->dedupe[std::string(dedupe_key)] = copy.cursor;
    for (const std::string& url : forward_urls) {
      ForwardTask task;
      task.id = s_->forwards.size() + 1;
      task.cursor = copy.cursor;
      task.url = url;
      task.body = std::string(raw_body);
      task.next_attempt = absl::InfinitePast();
      s_->forwards.push_back(task);
    }
    return AppendedNotification{copy.cursor, false};
  }
  absl::StatusOr<std::vector<StoredNotification>> ListNotifications(
      const NotificationQuery& query) override {
    absl::MutexLock lock(&s_->mu);
    std::vector<StoredNotification> out;
    for (const auto& n : s_->notifications) {
      if (n.cursor <= query.after_cursor) continue;
      if (!query.account.empty() && n.account != query.account) continue;
      if (!query.txid.empty() && n.notification.txid() != query.txid) continue;
      if (static_cast<int>(out.size()) >= query.limit) break;
      out.push_back(n);
    }
    return out;
  }
  absl::StatusOr<int64_t> BeginRequest(const RequestRecord&) override {
    return absl::UnimplementedError("interim");
  }
  absl::Status FinishRequest(int64_t, RequestRecord::Outcome, absl::string_view,
                             int32_t, absl::string_view) override {
    return absl::UnimplementedError("interim");
  }
  absl::StatusOr<std::vector<RequestRecord>> ListRequests(
      absl::string_view, absl::string_view) override {
    return absl::UnimplementedError("interim");
  }
  absl::StatusOr<bool> ReferenceUsed(absl::string_view,
                                     absl::string_view) override {
    return absl::UnimplementedError("interim");
  }
  absl::StatusOr<IdempotencyClaim> ClaimIdempotencyKey(
      absl::string_view, absl::string_view, absl::string_view) override {
    return absl::UnimplementedError("interim");
  }
  absl::Status CompleteIdempotencyKey(absl::string_view, absl::string_view,
                                      absl::string_view) override {
    return absl::UnimplementedError("interim");
  }
  absl::Status ReleaseIdempotencyKey(absl::string_view,
                                     absl::string_view) override {
    return absl::UnimplementedError("interim");
  }
  absl::StatusOr<std::vector<ForwardTask>> DueForwards(absl::Time now,
                                                       int limit) override {
    absl::MutexLock lock(&s_->mu);
    std::vector<ForwardTask> out;
    for (const auto& t : s_->forwards) {
      if (s_->delivered[t.id] || t.next_attempt > now) continue;
      if (static_cast<int>(out.size()) >= limit) break;
      out.push_back(t);
    }
    return out;
  }
  absl::Status ForwardDelivered(int64_t id) override {
    absl::MutexLock lock(&s_->mu);
    s_->delivered[id] = true;
    return absl::OkStatus();
  }
  absl::Status ForwardFailed(int64_t id, absl::Time next_attempt,
                             absl::string_view) override {
    absl::MutexLock lock(&s_->mu);
    auto& t = s_->forwards[id - 1];
    t.attempts++;
    t.next_attempt = next_attempt;
    return absl::OkStatus();
  }

 private:
  State* s_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(
    const std::string& path) {
  return std::unique_ptr<Store>(new InterimStore(&StateFor(path)));
}

}  // namespace payone::service
