// Orders that only happen under a common third lock are serialized by it and
// cannot deadlock; an order outside the gate can.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex gate, a, b, c, d;

task<void> gated_ab() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> ga(a);
  std::lock_guard<std::mutex> gb(b);
  co_return;
}
task<void> gated_ba() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> gb(b);
  std::lock_guard<std::mutex> ga(a);
  co_return;
}
task<void> gated_cd() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> gc(c);
  std::lock_guard<std::mutex> gd(d);
  co_return;
}
task<void> ungated_dc() {
  std::lock_guard<std::mutex> gd(d);
  std::lock_guard<std::mutex> gc(c);
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: mutex 'c' is locked while 'd' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: lock them in one order everywhere, or together with std::scoped_lock
  // CHECK-NOTES: :[[@LINE-9]]:31: note: 'c' locked here in 'gated_cd'
  // CHECK-NOTES: :[[@LINE-9]]:31: note: then 'd' locked here while 'c' is held
  // CHECK-NOTES: :[[@LINE-6]]:31: note: 'd' locked here in 'ungated_dc'
  // CHECK-NOTES: :[[@LINE-6]]:31: note: then 'c' locked here while 'd' is held
  co_return;
}
