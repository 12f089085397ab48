// Cycles of three and four mutexes are reported once each; a cycle whose
// every order is taken under one gate is not; a cycle of five mutexes is
// longer than the search looks.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"

std::mutex a, b, c, d;
void ab() { std::lock_guard<std::mutex> x(a); std::lock_guard<std::mutex> y(b); }
void bc() { std::lock_guard<std::mutex> x(b); std::lock_guard<std::mutex> y(c); }
void cd() { std::lock_guard<std::mutex> x(c); std::lock_guard<std::mutex> y(d); }
void da() { std::lock_guard<std::mutex> x(d); std::lock_guard<std::mutex> y(a); }
// CHECK-MESSAGES: :[[@LINE-1]]:75: warning: mutex 'a' is locked while 'd' is held, closing the lock-order cycle 'a' -> 'b' -> 'c' -> 'd' -> 'a': tasks that take them concurrently can deadlock [corolock-lock-order-inversion]

std::mutex gate, p, q, r;
void pq() { std::lock_guard<std::mutex> g(gate); std::lock_guard<std::mutex> x(p); std::lock_guard<std::mutex> y(q); }
void qr() { std::lock_guard<std::mutex> g(gate); std::lock_guard<std::mutex> x(q); std::lock_guard<std::mutex> y(r); }
void rp() { std::lock_guard<std::mutex> g(gate); std::lock_guard<std::mutex> x(r); std::lock_guard<std::mutex> y(p); }

std::mutex v1, v2, v3, v4, v5;
void f12() { std::lock_guard<std::mutex> x(v1); std::lock_guard<std::mutex> y(v2); }
void f23() { std::lock_guard<std::mutex> x(v2); std::lock_guard<std::mutex> y(v3); }
void f34() { std::lock_guard<std::mutex> x(v3); std::lock_guard<std::mutex> y(v4); }
void f45() { std::lock_guard<std::mutex> x(v4); std::lock_guard<std::mutex> y(v5); }
void f51() { std::lock_guard<std::mutex> x(v5); std::lock_guard<std::mutex> y(v1); }
