// In a loop, a later iteration's first critical section follows an earlier
// iteration's second one; the pattern needs a suspension between the read
// and the write in the same order as in straight-line code.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

class Poller {
public:
  // Each iteration reads, suspends, and writes what it read.
  task<void> read_suspend_write() {
    for (int i = 0; i < 3; ++i) {
      int cursor;
      {
        std::lock_guard<std::mutex> lk(mu_);
        cursor = cursor_;
      }
      int next = co_await fetch(cursor);
      std::lock_guard<std::mutex> lk(mu_);
      cursor_ = next;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'cursor_' is written under 'mu_' based on 'cursor_'{{.*}} [corolock-read-release-write]
    }
  }

  // The section reads and writes back at once; the suspension after it is
  // followed by a fresh read in the next iteration.
  task<void> one_section_per_iteration() {
    for (int i = 0; i < 3; ++i) {
      {
        std::lock_guard<std::mutex> lk(mu_);
        cursor_ = cursor_ + 1;
      }
      co_await send(i);
    }
  }

  // The value read in one iteration is written in the next, after the
  // suspension at the end of the loop body.
  task<void> carried_to_the_next_iteration() {
    int carried = 0;
    std::unique_lock<std::mutex> lk(mu_);
    for (int i = 0; i < 3; ++i) {
      if (i > 0)
        cursor_ = carried;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'cursor_' is written under 'mu_' based on 'cursor_'{{.*}} [corolock-read-release-write]
      carried = cursor_ + 1;
      lk.unlock();
      co_await send(carried);
      lk.lock();
    }
  }

  // Read and written in one critical section per iteration, with no
  // suspension in the loop: the loop is not the pattern.
  task<void> no_suspension_in_the_loop() {
    int carried = 0;
    co_await send(0);
    for (int i = 0; i < 3; ++i) {
      std::lock_guard<std::mutex> lk(mu_);
      cursor_ = carried;
      carried = cursor_ + 1;
    }
  }

private:
  std::mutex mu_;
  int cursor_ = 0;
};
