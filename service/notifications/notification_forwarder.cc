#include "service/notifications/notification_forwarder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace payone::service {
namespace {

// The URL for logs: a query may carry a secret token.
absl::string_view WithoutQuery(absl::string_view url) {
  return url.substr(0, url.find('?'));
}

}  // namespace

absl::StatusOr<std::unique_ptr<NotificationForwarder>>
NotificationForwarder::Start(
    NotificationForwarderOptions options, ForwardQueue* store,
    std::function<void(const ForwardAttempt&)> on_attempt) {
  if (options.initial_backoff <= absl::ZeroDuration() ||
      options.max_backoff < options.initial_backoff ||
      options.poll_interval <= absl::ZeroDuration() ||
      options.timeout <= absl::ZeroDuration() || options.batch_size < 1) {
    return absl::InvalidArgumentError(
        "forwarder: backoff, poll interval, timeout and batch size must be "
        "positive (and max_backoff >= initial_backoff)");
  }
  std::unique_ptr<NotificationForwarder> forwarder(new NotificationForwarder(
      std::move(options), store, std::move(on_attempt)));
  forwarder->thread_ = std::thread([f = forwarder.get()] { f->Run(); });
  return forwarder;
}

NotificationForwarder::NotificationForwarder(
    NotificationForwarderOptions options, ForwardQueue* store,
    std::function<void(const ForwardAttempt&)> on_attempt)
    : options_(std::move(options)),
      store_(store),
      on_attempt_(std::move(on_attempt)),
      poster_(FormPosterOptions{options_.ca_file, options_.user_agent}) {}

NotificationForwarder::~NotificationForwarder() { Stop(); }

void NotificationForwarder::Notify() {
  absl::MutexLock lock(&mu_);
  woken_ = true;
}

void NotificationForwarder::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  poster_.Cancel();
  if (thread_.joinable()) thread_.join();
}

ForwarderStats NotificationForwarder::Stats() const {
  absl::MutexLock lock(&mu_);
  return stats_;
}

absl::Duration NotificationForwarder::Backoff(
    const NotificationForwarderOptions& options, int failed_attempts) {
  // 2^62 seconds overflow absl::Duration's range: cap the exponent first.
  const int exponent = std::min(std::max(failed_attempts, 1) - 1, 40);
  return std::min(options.initial_backoff * std::ldexp(1.0, exponent),
                  options.max_backoff);
}

void NotificationForwarder::Run() {
  while (true) {
    DeliverDue();
    absl::MutexLock lock(&mu_);
    const auto woken_or_stopping = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return woken_ || stopping_;
    };
    mu_.AwaitWithTimeout(absl::Condition(&woken_or_stopping),
                         options_.poll_interval);
    if (stopping_) return;
    woken_ = false;
  }
}

bool NotificationForwarder::DeliverDue() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      if (stopping_) return false;
    }
    // Leased, so that replicas sharing the queue do not post the same
    // tasks; a replica that dies leaves them to the others once the lease
    // ends.
    absl::StatusOr<std::vector<ForwardTask>> due = store_->Lease(
        options_.clock(), 2 * options_.timeout, options_.batch_size);
    if (!due.ok()) {
      absl::MutexLock lock(&mu_);
      ++stats_.store_errors;
      return false;  // try again at the next poll
    }
    for (const ForwardTask& task : *due) {
      {
        absl::MutexLock lock(&mu_);
        if (stopping_) return false;
      }
      Deliver(task);
    }
    if (static_cast<int>(due->size()) < options_.batch_size) return true;
  }
}

void NotificationForwarder::Deliver(const ForwardTask& task) {
  ForwardAttempt attempt;
  attempt.task_id = task.id;
  attempt.cursor = task.cursor;
  attempt.url = task.url;
  attempt.attempt = task.attempts + 1;
  attempt.started = options_.clock();
  const absl::StatusOr<FormPostAnswer> answer =
      poster_.Post(task.url, task.body, options_.timeout);
  if (!answer.ok() && absl::IsCancelled(answer.status())) {
    return;  // stopping: the task stays due for the next start
  }
  if (answer.ok() && answer->status == 200 && answer->body == "TSOK") {
    attempt.delivered = true;
  } else if (answer.ok()) {
    // The status and a hint of the body; the body itself may echo data.
    attempt.error = absl::StrCat("HTTP ", answer->status, " with ",
                                 answer->body.size(), " bytes, not TSOK");
  } else {
    attempt.error = std::string(answer.status().message());
  }
  absl::Status recorded;
  if (attempt.delivered) {
    recorded = store_->Delivered(task.id);
  } else {
    attempt.next_attempt =
        options_.clock() + Backoff(options_, attempt.attempt);
    recorded = store_->Failed(task.id, attempt.next_attempt, attempt.error);
  }
  {
    absl::MutexLock lock(&mu_);
    if (attempt.delivered) {
      ++stats_.delivered;
    } else {
      ++stats_.failed_attempts;
    }
    if (!recorded.ok()) ++stats_.store_errors;
  }
  Log(attempt);
  if (on_attempt_) on_attempt_(attempt);
}

void NotificationForwarder::Log(const ForwardAttempt& attempt) {
  std::string line = absl::StrFormat(
      "{\"event\":\"notification_forward\",\"result\":\"%s\",\"task\":%d,"
      "\"cursor\":%d,\"attempt\":%d,\"url\":\"%s\"",
      attempt.delivered ? "delivered" : "failed", attempt.task_id,
      attempt.cursor, attempt.attempt,
      absl::CHexEscape(WithoutQuery(attempt.url)));
  if (!attempt.delivered) {
    absl::StrAppendFormat(
        &line, ",\"error\":\"%s\",\"retry_in_s\":%.0f",
        absl::CHexEscape(attempt.error),
        absl::ToDoubleSeconds(attempt.next_attempt - options_.clock()));
  }
  line += "}";
  if (options_.log_sink) {
    options_.log_sink(line);
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

}  // namespace payone::service
