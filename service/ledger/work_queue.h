#ifndef PAYONE_SERVICE_LEDGER_WORK_QUEUE_H_
#define PAYONE_SERVICE_LEDGER_WORK_QUEUE_H_

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"

namespace payone::service {

// A fixed set of threads running queued tasks in order of arrival. The
// ledger's store calls block on disk or on the database, so they run here
// rather than on gRPC's or the upstream client's threads.
class WorkQueue {
 public:
  explicit WorkQueue(int threads);
  // Runs every task already queued, then joins the threads.
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  void Schedule(std::function<void()> task);

 private:
  void Work();

  absl::Mutex mu_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_LEDGER_WORK_QUEUE_H_
