// A deferred guard locks when lock() is called, and a mutex locked by hand is
// held until unlock(): both take part in orders.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a, b;

task<void> deferred_b_under_a() {
  std::lock_guard<std::mutex> ga(a);
  std::unique_lock<std::mutex> lb(b, std::defer_lock);
  co_await send(1);
  lb.lock();
}
void manual_a_under_b() {
  b.lock();
  a.lock();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: mutex 'a' is locked while 'b' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: lock them in one order everywhere, or together with std::scoped_lock
  // CHECK-NOTES: :[[@LINE-10]]:31: note: 'a' locked here in 'deferred_b_under_a'
  // CHECK-NOTES: :[[@LINE-8]]:6: note: then 'b' locked here while 'a' is held
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'b' locked here in 'manual_a_under_b'
  // CHECK-NOTES: :[[@LINE-6]]:5: note: then 'a' locked here while 'b' is held
  a.unlock();
  b.unlock();
}
