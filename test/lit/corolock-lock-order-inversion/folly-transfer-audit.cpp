// The example: transfer() holds a_ across the await of b_'s lock,
// audit() takes them the other way round. Two tasks running one each can
// hold one mutex and wait for the other forever.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Bank {
public:
  task<void> transfer() {
    co_await a_.co_lock();
    co_await b_.co_lock();
    b_.unlock();
    a_.unlock();
  }
  task<void> audit() {
    co_await b_.co_lock();
    co_await a_.co_lock();
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: mutex 'Bank::a_' is locked while 'Bank::b_' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
    // CHECK-NOTES: :[[@LINE-2]]:17: note: lock them in one order everywhere, or together with std::scoped_lock
    // CHECK-NOTES: :[[@LINE-10]]:17: note: 'a_' locked here in 'Bank::transfer'
    // CHECK-NOTES: :[[@LINE-10]]:17: note: then 'b_' locked here while 'a_' is held
    // CHECK-NOTES: :[[@LINE-6]]:17: note: 'b_' locked here in 'Bank::audit'
    // CHECK-NOTES: :[[@LINE-6]]:17: note: then 'a_' locked here while 'b_' is held
    a_.unlock();
    b_.unlock();
  }
  task<void> audit_again() {
    auto lb = co_await b_.co_scoped_lock();
    auto la = co_await a_.co_scoped_lock();
  }

private:
  folly::coro::Mutex a_;
  folly::coro::Mutex b_;
};
