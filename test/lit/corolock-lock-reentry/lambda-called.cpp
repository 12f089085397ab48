// A lambda called in place under the lock runs its locks then: its `this` and
// its by-reference captures are the caller's.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "std_mutex.h"
#include "task.h"

class Counter {
public:
  task<void> bump() {
    std::lock_guard<std::mutex> g(mu_);
    auto add = [this] {
      std::lock_guard<std::mutex> inner(mu_);
      ++n_;
    };
    add();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: a lambda locks sync mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the mutex is not recursive
    // CHECK-NOTES: :[[@LINE-8]]:33: note: 'mu_' locked here
    // CHECK-NOTES: :[[@LINE-7]]:35: note: a lambda locks 'mu_' again here
    co_return;
  }

private:
  std::mutex mu_;
  int n_ = 0;
};

task<void> local_mutex() {
  std::mutex m;
  int n = 0;
  std::lock_guard<std::mutex> g(m);
  [&] {
    std::lock_guard<std::mutex> inner(m);
    ++n;
  }();
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: a lambda locks sync mutex 'm', which this coroutine already holds here [corolock-lock-reentry]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the mutex is not recursive
  // CHECK-NOTES: :[[@LINE-7]]:31: note: 'm' locked here
  // CHECK-NOTES: :[[@LINE-6]]:33: note: a lambda locks 'm' again here
  co_return;
}
