// Member coroutines (defined in the class or out of line, const with a
// mutable mutex) lock members: the diagnostic names the mutex as written
// ('mu_', 'this->mu_'), and unlocking the member through another spelling
// releases it.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

class Service {
public:
  task<void> inline_member() {
    std::lock_guard<std::mutex> lk(mu_);
    co_await send(value_);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu_' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-4]]:33: note: sync mutex 'mu_' locked here
  }
  task<void> out_of_line();
  task<int> read() const;
  task<void> respelled();

private:
  mutable std::mutex mu_;
  int value_ = 0;
};

task<void> Service::out_of_line() {
  std::unique_lock<std::mutex> lk(this->mu_);
  co_await send(value_);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'this->mu_' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'this->mu_' locked here
}

task<int> Service::read() const {
  std::lock_guard<std::mutex> lk(mu_);
  co_return co_await fetch(value_);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: sync mutex 'mu_' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:13: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu_' locked here
}

task<void> Service::respelled() {
  mu_.lock();
  this->mu_.unlock();
  co_await send(value_);
}
