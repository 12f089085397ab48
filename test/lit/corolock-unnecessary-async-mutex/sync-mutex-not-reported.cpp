// This check judges async mutexes only: a std::mutex, std::shared_mutex,
// absl::Mutex or boost::mutex locked in a coroutine and released before any
// suspension point is the intended use, and never reported. The async mutex
// next to them is.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "absl_mutex.h"
#include "boost_mutex.h"
#include "cppcoro_async_mutex.h"
#include "std_mutex.h"
#include "task.h"

std::mutex smu;
std::shared_mutex rw;
absl::Mutex amu;
boost::mutex bmu;
cppcoro::async_mutex async_mu;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'async_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int n;

task<void> sync_sections() {
  {
    std::lock_guard<std::mutex> lk(smu);
    ++n;
  }
  {
    std::shared_lock<std::shared_mutex> lk(rw);
    n = n + 1;
  }
  {
    absl::MutexLock lk(&amu);
    ++n;
  }
  {
    boost::lock_guard<boost::mutex> lk(bmu);
    ++n;
  }
  smu.lock();
  ++n;
  smu.unlock();
  co_await send(n);
}

task<void> async_section() {
  auto lk = co_await async_mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'async_mu' locked here and released without suspending
  ++n;
  n = 0;
}
