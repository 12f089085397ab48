// libcoro's coro::mutex with coro::task: scoped locks in opposite orders,
// the second taken in an awaited task.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "libcoro_mutex.h"

struct Scheduler {
  coro::mutex queue_mu;
  coro::mutex stats_mu;
  int n = 0;
  coro::task<void> bump_stats() {
    auto lk = co_await stats_mu.scoped_lock();
    ++n;
  }
  coro::task<void> enqueue() {
    auto lk = co_await queue_mu.scoped_lock();
    co_await bump_stats();
  }
  coro::task<void> report() {
    auto ls = co_await stats_mu.scoped_lock();
    auto lq = co_await queue_mu.scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: mutex 'Scheduler::queue_mu' is locked while 'Scheduler::stats_mu' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
    // CHECK-NOTES: :[[@LINE-2]]:10: note: lock them in one order everywhere, or together with std::scoped_lock
    // CHECK-NOTES: :[[@LINE-8]]:10: note: 'queue_mu' locked here in 'Scheduler::enqueue'
    // CHECK-NOTES: :[[@LINE-8]]:14: note: 'Scheduler::enqueue' calls 'Scheduler::bump_stats' here
    // CHECK-NOTES: :[[@LINE-14]]:10: note: then 'stats_mu' locked here while 'queue_mu' is held
    // CHECK-NOTES: :[[@LINE-7]]:10: note: 'stats_mu' locked here in 'Scheduler::report'
    // CHECK-NOTES: :[[@LINE-7]]:10: note: then 'queue_mu' locked here while 'stats_mu' is held
  }
};
