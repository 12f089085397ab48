// A longer cycle: a then b, b then c, c then a. No pair is inverted, but
// three tasks can each hold one and wait for the next. Reported once, with
// the cycle in the message and each order in the notes.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a, b, c;

task<void> ab() {
  std::lock_guard<std::mutex> ga(a);
  std::lock_guard<std::mutex> gb(b);
  co_return;
}
task<void> bc() {
  std::lock_guard<std::mutex> gb(b);
  std::lock_guard<std::mutex> gc(c);
  co_return;
}
task<void> ca() {
  std::lock_guard<std::mutex> gc(c);
  std::lock_guard<std::mutex> ga(a);
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: mutex 'a' is locked while 'c' is held, closing the lock-order cycle 'a' -> 'b' -> 'c' -> 'a': tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: lock them in one order everywhere, or together with std::scoped_lock
  // CHECK-NOTES: :[[@LINE-14]]:31: note: 'a' locked here in 'ab'
  // CHECK-NOTES: :[[@LINE-14]]:31: note: then 'b' locked here while 'a' is held
  // CHECK-NOTES: :[[@LINE-11]]:31: note: 'b' locked here in 'bc'
  // CHECK-NOTES: :[[@LINE-11]]:31: note: then 'c' locked here while 'b' is held
  // CHECK-NOTES: :[[@LINE-8]]:31: note: 'c' locked here in 'ca'
  // CHECK-NOTES: :[[@LINE-8]]:31: note: then 'a' locked here while 'c' is held
  co_return;
}
