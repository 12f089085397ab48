// A lock that may have been taken at many places (retaken in many branches)
// gets a note at each of its first three acquisitions and one more that
// counts the rest, so that a large switch does not repeat hundreds of notes
// at every suspension point. Up to four acquisitions are all noted.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> six_places(int n) {
  switch (n) {
  case 0:
    mu.lock();
    break;
  case 1:
    mu.lock();
    break;
  case 2:
    mu.lock();
    break;
  case 3:
    mu.lock();
    break;
  case 4:
    mu.lock();
    break;
  default:
    mu.lock();
    break;
  }
  co_await send(n);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held across 'co_await'{{.*}} [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-21]]:8: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-19]]:8: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-17]]:8: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-15]]:8: note: sync mutex 'mu' locked here and at 2 other places
  mu.unlock();
}

task<void> four_places(int n) {
  switch (n) {
  case 0:
    mu.lock();
    break;
  case 1:
    mu.lock();
    break;
  case 2:
    mu.lock();
    break;
  default:
    mu.lock();
    break;
  }
  co_await send(n);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held across 'co_await'{{.*}} [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-15]]:8: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-13]]:8: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-11]]:8: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-9]]:8: note: sync mutex 'mu' locked here{{$}}
  mu.unlock();
}
