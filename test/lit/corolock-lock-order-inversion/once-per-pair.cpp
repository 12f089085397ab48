// However many functions take a pair in each order, it is reported once, at
// a second-order acquisition; its notes show one place per order.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a, b;

task<void> ab1() {
  std::lock_guard<std::mutex> x(a);
  std::lock_guard<std::mutex> y(b);
  co_return;
}
task<void> ab2() {
  std::lock_guard<std::mutex> x(a);
  std::lock_guard<std::mutex> y(b);
  co_return;
}
task<void> ba1() {
  std::lock_guard<std::mutex> y(b);
  std::lock_guard<std::mutex> x(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: mutex 'a' is locked while 'b' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  co_return;
}
task<void> ba2() {
  std::lock_guard<std::mutex> y(b);
  std::lock_guard<std::mutex> x(a);
  co_return;
}
