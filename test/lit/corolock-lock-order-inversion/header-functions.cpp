// A header's plain functions are followed when called under a lock here, but
// their own orders are not collected: h1 then h2 in the header and h2 then
// h1 here is not reported (run the check on the file that owns the header's
// functions). A header function called here under a lock is followed: a then
// h2 through lock_h2(), h2 then a here, is reported.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks -I %S/Inputs

#include "helpers.h"

void h2_then_h1() {
  std::lock_guard<std::mutex> g(h2);
  std::lock_guard<std::mutex> h(h1);
}

std::mutex local_a;
void a_then_h2() {
  std::lock_guard<std::mutex> g(local_a);
  lock_h2();
}
void h2_then_a() {
  std::lock_guard<std::mutex> g(h2);
  std::lock_guard<std::mutex> h(local_a);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: mutex 'local_a' is locked while 'h2' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
}
