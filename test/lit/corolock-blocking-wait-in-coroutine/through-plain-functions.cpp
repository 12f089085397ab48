// A blocking call reached through plain functions defined in the
// translation unit that the coroutine calls: reported at the call in the
// coroutine, with a note at each step down to the blocking call, up to four
// functions deep. The first blocking path of a function is the one shown.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <condition_variable>
#include <future>

class Queue {
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<int> items_;

public:
  int pop() {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return !items_.empty(); });
    int v = items_.back();
    items_.pop_back();
    return v;
  }
  int pop_or_zero() {
    std::lock_guard lk(mu_);
    if (items_.empty())
      return 0;
    int v = items_.back();
    items_.pop_back();
    return v;
  }
};

int level3(std::future<int> &f) { return f.get(); }
int level2(std::future<int> &f) { return level3(f) + 1; }
int level1(std::future<int> &f) { return level2(f) * 2; }

task<int> consume(Queue &q, std::future<int> &f) {
  int a = q.pop();
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Queue::pop' blocks the coroutine's thread: it calls 'std::condition_variable::wait', which blocks until another thread notifies the condition variable [corolock-blocking-wait-in-coroutine]
  // CHECK-NOTES: :[[@LINE-2]]:13: note: no other task on this executor thread runs until it returns, and if one of them is what it waits for, a single-threaded executor deadlocks; wait for an async event with 'co_await' instead (the coroutine library's async condition variable, event or baton); see docs/checks/corolock-blocking-wait-in-coroutine.md
  // CHECK-NOTES: :19:9: note: 'Queue::pop' calls 'std::condition_variable::wait' here
  int b = q.pop_or_zero();
  int c = level1(f);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'level1' blocks the coroutine's thread: it calls 'std::future::get', which blocks until another thread makes the future ready [corolock-blocking-wait-in-coroutine]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: no other task
  // CHECK-NOTES: :36:42: note: 'level1' calls 'level2' here
  // CHECK-NOTES: :35:42: note: 'level2' calls 'level3' here
  // CHECK-NOTES: :34:44: note: 'level3' calls 'std::future::get' here
  co_return a + b + c;
}

// Five functions deep is beyond the search.
int deep5(std::future<int> &f) { return f.get(); }
int deep4(std::future<int> &f) { return deep5(f); }
int deep3(std::future<int> &f) { return deep4(f); }
int deep2(std::future<int> &f) { return deep3(f); }
int deep1(std::future<int> &f) { return deep2(f); }

task<int> too_deep(std::future<int> &f) { co_return deep1(f); }

// Four deep is found.
task<int> deep_enough(std::future<int> &f) { co_return deep2(f); }
// CHECK-NOTES: :[[@LINE-1]]:56: warning: 'deep2' blocks the coroutine's thread: it calls 'std::future::get'
// CHECK-NOTES: :[[@LINE-2]]:56: note: no other task
// CHECK-NOTES: :57:41: note: 'deep2' calls 'deep3' here
// CHECK-NOTES: :56:41: note: 'deep3' calls 'deep4' here
// CHECK-NOTES: :55:41: note: 'deep4' calls 'deep5' here
// CHECK-NOTES: :54:43: note: 'deep5' calls 'std::future::get' here
