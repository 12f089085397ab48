// Calls are followed four levels deep: an order through five calls is not
// seen, one through four is.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"

std::mutex a, b, c, d;
void lock_b() { std::lock_guard<std::mutex> g(b); }
void l3() { lock_b(); }
void l2() { l3(); }
void l1() { l2(); }
void l0() { l1(); }
void a_then_b_four_deep() {
  std::lock_guard<std::mutex> g(a);
  l1();
}
void b_then_a() {
  std::lock_guard<std::mutex> g(b);
  std::lock_guard<std::mutex> h(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: mutex 'a' is locked while 'b' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
}

void lock_d() { std::lock_guard<std::mutex> g(d); }
void m3() { lock_d(); }
void m2() { m3(); }
void m1() { m2(); }
void m0() { m1(); }
void c_then_d_five_deep() {
  std::lock_guard<std::mutex> g(c);
  m0();
}
void d_then_c() {
  std::lock_guard<std::mutex> g(d);
  std::lock_guard<std::mutex> h(c);
}
