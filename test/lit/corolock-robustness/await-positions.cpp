// co_await in every expression position, each while a lock is held, under
// all corolock checks: every one is reported (one warning per suspension
// point), whatever the expression around it.
// RUN: %corolock --checks='-*,corolock-*' %s -- %std_cxx20 %mocks 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='error:'

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
struct Point {
  int x, y;
};
struct Box {
  int v;
  int get() const { return v; }
};
task<Box> box();
task<int *> pointer();
int take(int, int);
void *operator new(decltype(sizeof 0), int);

task<int> positions(int n, bool b) {
  std::lock_guard<std::mutex> lk(mu);
  int a = -co_await fetch(1);
  // CHECK: :[[@LINE-1]]:12: warning: sync mutex 'mu' is held by 'lk' across 'co_await'
  a = co_await fetch(2) + co_await fetch(3) * 2;
  // CHECK: :[[@LINE-1]]:7: warning: sync mutex 'mu'
  // CHECK: :[[@LINE-2]]:27: warning: sync mutex 'mu'
  a = b ? co_await fetch(4) : n;
  // CHECK: :[[@LINE-1]]:11: warning: sync mutex 'mu'
  a = b && co_await fetch(5);
  // CHECK: :[[@LINE-1]]:12: warning: sync mutex 'mu'
  a = (co_await fetch(6), n);
  // CHECK: :[[@LINE-1]]:8: warning: sync mutex 'mu'
  a = take(co_await fetch(7), n);
  // CHECK: :[[@LINE-1]]:12: warning: sync mutex 'mu'
  int arr[4] = {co_await fetch(8), 0, 0, 0};
  // CHECK: :[[@LINE-1]]:17: warning: sync mutex 'mu'
  a = arr[co_await fetch(9) & 3];
  // CHECK: :[[@LINE-1]]:11: warning: sync mutex 'mu'
  a = (co_await box()).get();
  // CHECK: :[[@LINE-1]]:8: warning: sync mutex 'mu'
  a = *co_await pointer();
  // CHECK: :[[@LINE-1]]:8: warning: sync mutex 'mu'
  a = static_cast<long>(co_await fetch(10));
  // CHECK: :[[@LINE-1]]:25: warning: sync mutex 'mu'
  Point p{co_await fetch(11), a};
  // CHECK: :[[@LINE-1]]:11: warning: sync mutex 'mu'
  a += p.x + (int)(long)new (co_await fetch(12)) int(1);
  // CHECK: :[[@LINE-1]]:30: warning: sync mutex 'mu'
  auto f = [v = co_await fetch(13)] { return v; };
  // CHECK: :[[@LINE-1]]:17: warning: sync mutex 'mu'
  if (co_await fetch(14))
    // CHECK: :[[@LINE-1]]:7: warning: sync mutex 'mu'
    a = f();
  while (co_await fetch(15) > a)
    // CHECK: :[[@LINE-1]]:10: warning: sync mutex 'mu'
    ++a;
  for (int i = co_await fetch(16); i < co_await fetch(17); i += co_await fetch(18))
    // CHECK: :[[@LINE-1]]:16: warning: sync mutex 'mu'
    // CHECK: :[[@LINE-2]]:40: warning: sync mutex 'mu'
    // CHECK: :[[@LINE-3]]:65: warning: sync mutex 'mu'
    a += i;
  switch (co_await fetch(19)) {
    // CHECK: :[[@LINE-1]]:11: warning: sync mutex 'mu'
  default:
    break;
  }
  a = ({ int t = co_await fetch(20); t; });
  // CHECK: :[[@LINE-1]]:18: warning: sync mutex 'mu'
  if (a < 0)
    throw co_await fetch(21);
  // CHECK: :[[@LINE-1]]:11: warning: sync mutex 'mu'
  co_yield co_await fetch(22);
  // CHECK: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_yield'
  // CHECK: :[[@LINE-2]]:12: warning: sync mutex 'mu'
  co_return co_await fetch(23);
  // CHECK: :[[@LINE-1]]:13: warning: sync mutex 'mu'
}
