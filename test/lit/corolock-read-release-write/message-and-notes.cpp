// The warning is at the write, naming the written location as written, the
// mutex as locked at the read, the read the write depends on and the
// suspension's keyword; notes at that read (and how the write depends on
// it), at the read of the written location when that is another one, and at
// the first suspension without the mutex. Each write is reported once, with
// its first stale read, and each read once, with its first write.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

#define WRITE_UNDER_LOCK(m, target, value)                                     \
  do {                                                                         \
    std::lock_guard<std::mutex> guard(m);                                      \
    target = value;                                                            \
  } while (0)

struct Range {
  int lo;
  int hi;
};

class Window {
public:
  task<void> spelled_with_this() {
    int lo;
    {
      std::lock_guard<std::mutex> lk(this->mu_);
      lo = this->range_.lo;
    }
    co_await send(lo);
    co_await send(lo + 1);
    std::lock_guard<std::mutex> lk(mu_);
    this->range_.lo = lo + 1;
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'this->range_.lo' is written under 'this->mu_' based on 'this->range_.lo' read before a 'co_await' that ran without 'this->mu_' [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:18: note: another coroutine may have changed 'this->range_.lo' while this one was suspended: re-check it under 'this->mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-8]]:25: note: 'this->range_.lo' read here under 'this->mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-7]]:5: note: 'co_await' suspends without 'this->mu_'; another coroutine may lock it and change 'this->range_.lo' here
  }

  // Based on another read than that of the written location.
  task<void> based_on_another_read() {
    int hi;
    {
      std::lock_guard<std::mutex> lk(mu_);
      hi = range_.hi;
      log_ = range_.lo;
    }
    co_await send(hi);
    std::lock_guard<std::mutex> lk(mu_);
    range_.lo = hi - 1;
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'range_.lo' is written under 'mu_' based on 'range_.hi'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: another coroutine may have changed 'range_.lo' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-8]]:19: note: 'range_.hi' read here under 'mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-8]]:21: note: 'range_.lo' read here under 'mu_'
    // CHECK-NOTES: :[[@LINE-7]]:5: note: 'co_await' suspends without 'mu_'{{.*}}
  }

  // Two reads of the written location: one warning, at the first.
  task<void> two_reads() {
    int lo, again;
    {
      std::lock_guard<std::mutex> lk(mu_);
      lo = range_.lo;
      again = range_.lo;
    }
    co_await send(lo);
    std::lock_guard<std::mutex> lk(mu_);
    range_.lo = lo + again;
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'range_.lo' is written under 'mu_' based on 'range_.lo'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: another coroutine may have changed 'range_.lo' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-8]]:19: note: 'range_.lo' read here under 'mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-6]]:5: note: 'co_await'{{.*}}
  }

  // Two writes of the location read: each is judged on its own, so that a
  // suppression of one cannot hide the other.
  task<void> two_writes() {
    int lo;
    {
      std::lock_guard<std::mutex> lk(mu_);
      lo = range_.lo;
    }
    co_await send(lo);
    std::lock_guard<std::mutex> lk(mu_);
    range_.lo = lo + 1;
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'range_.lo' is written under 'mu_' based on 'range_.lo'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: another coroutine may have changed 'range_.lo' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-7]]:19: note: 'range_.lo' read here under 'mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-6]]:5: note: 'co_await'{{.*}}
    range_.lo = lo + 2;
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'range_.lo' is written under 'mu_' based on 'range_.lo'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: another coroutine{{.*}}
    // CHECK-NOTES: :[[@LINE-12]]:19: note: 'range_.lo' read here under 'mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-11]]:5: note: 'co_await'{{.*}}
  }

  // A write in a macro is reported where the macro is used.
  task<void> in_a_macro() {
    int hi;
    {
      std::lock_guard<std::mutex> lk(mu_);
      hi = range_.hi;
    }
    co_await send(hi);
    WRITE_UNDER_LOCK(mu_, range_.hi, hi + 1);
    // CHECK-NOTES: :[[@LINE-1]]:34: warning: 'range_.hi' is written under 'mu_' based on 'range_.hi'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:34: note: another coroutine may have changed 'range_.hi' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-6]]:19: note: 'range_.hi' read here under 'mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-5]]:5: note: 'co_await'{{.*}}
  }

private:
  std::mutex mu_;
  Range range_;
  int log_ = 0;
};
