// co_await in every expression position, each while a lock is held, under
// all corolock checks: every one is reported, whatever the expression around
// it. Each statement holds a guard of its own, so that each is a finding of
// its own (one warning per guard), and a statement with several awaits gets a
// note at each after the first.
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
  int a = 0;
  {
    std::lock_guard<std::mutex> lk(mu);
    int x = -co_await fetch(1);
    // CHECK: :[[@LINE-1]]:14: warning: sync mutex 'mu' is held by 'lk' across 'co_await'
    a = x;
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = co_await fetch(2) + co_await fetch(3) * 2;
    // CHECK: :[[@LINE-1]]:9: warning: sync mutex 'mu'
    // CHECK: :[[@LINE-2]]:29: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = b ? co_await fetch(4) : n;
    // CHECK: :[[@LINE-1]]:13: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = b && co_await fetch(5);
    // CHECK: :[[@LINE-1]]:14: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = (co_await fetch(6), n);
    // CHECK: :[[@LINE-1]]:10: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = take(co_await fetch(7), n);
    // CHECK: :[[@LINE-1]]:14: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    int arr[4] = {co_await fetch(8), 0, 0, 0};
    // CHECK: :[[@LINE-1]]:19: warning: sync mutex 'mu'
    a = arr[0];
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    int arr[4] = {a, 0, 0, 0};
    a = arr[co_await fetch(9) & 3];
    // CHECK: :[[@LINE-1]]:13: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = (co_await box()).get();
    // CHECK: :[[@LINE-1]]:10: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = *co_await pointer();
    // CHECK: :[[@LINE-1]]:10: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = static_cast<long>(co_await fetch(10));
    // CHECK: :[[@LINE-1]]:27: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    Point p{co_await fetch(11), a};
    // CHECK: :[[@LINE-1]]:13: warning: sync mutex 'mu'
    a += p.x;
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a += (int)(long)new (co_await fetch(12)) int(1);
    // CHECK: :[[@LINE-1]]:26: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    auto f = [v = co_await fetch(13)] { return v; };
    // CHECK: :[[@LINE-1]]:19: warning: sync mutex 'mu'
    a += f();
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    if (co_await fetch(14))
      // CHECK: :[[@LINE-1]]:9: warning: sync mutex 'mu'
      ++a;
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    while (co_await fetch(15) > a)
      // CHECK: :[[@LINE-1]]:12: warning: sync mutex 'mu'
      ++a;
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    for (int i = co_await fetch(16); i < co_await fetch(17); i += co_await fetch(18))
      // CHECK: :[[@LINE-1]]:18: warning: sync mutex 'mu'
      // CHECK: :[[@LINE-2]]:42: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
      // CHECK: :[[@LINE-3]]:67: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
      a += i;
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    switch (co_await fetch(19)) {
      // CHECK: :[[@LINE-1]]:13: warning: sync mutex 'mu'
    default:
      break;
    }
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    a = ({ int t = co_await fetch(20); t; });
    // CHECK: :[[@LINE-1]]:20: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    if (a < 0)
      throw co_await fetch(21);
    // CHECK: :[[@LINE-1]]:13: warning: sync mutex 'mu'
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    co_yield co_await fetch(22);
    // CHECK: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_yield'
    // CHECK: :[[@LINE-2]]:14: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
  }
  std::lock_guard<std::mutex> lk(mu);
  co_return co_await fetch(23);
  // CHECK: :[[@LINE-1]]:13: warning: sync mutex 'mu'
}
