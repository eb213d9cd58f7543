#include "service/ledger/work_queue.h"

#include <atomic>
#include <thread>

#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace payone::service {
namespace {

TEST(WorkQueueTest, RunsEveryTaskOnItsOwnThreads) {
  std::atomic<int> ran{0};
  std::atomic<int> on_caller_thread{0};
  const std::thread::id caller = std::this_thread::get_id();
  {
    WorkQueue queue(3);
    for (int i = 0; i < 100; ++i) {
      queue.Schedule([&] {
        if (std::this_thread::get_id() == caller) ++on_caller_thread;
        ++ran;
      });
    }
  }  // the destructor drains the queue
  EXPECT_EQ(ran, 100);
  EXPECT_EQ(on_caller_thread, 0);
}

TEST(WorkQueueTest, TasksRunConcurrently) {
  // Two tasks that each wait for the other can only finish on two threads.
  absl::Notification first_started, second_started;
  WorkQueue queue(2);
  queue.Schedule([&] {
    first_started.Notify();
    second_started.WaitForNotification();
  });
  queue.Schedule([&] {
    second_started.Notify();
    first_started.WaitForNotification();
  });
  EXPECT_TRUE(first_started.WaitForNotificationWithTimeout(absl::Seconds(30)));
  EXPECT_TRUE(second_started.WaitForNotificationWithTimeout(absl::Seconds(30)));
}

}  // namespace
}  // namespace payone::service
