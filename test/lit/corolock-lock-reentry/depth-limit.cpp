// Calls are followed four levels deep: a lock five calls down is not
// reported (the search stays bounded on large call graphs); four is.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int value;

void level4() { std::lock_guard<std::mutex> g(mu); ++value; }
void level3() { level4(); }
void level2() { level3(); }
void level1() { level2(); }
void level0() { level1(); }

task<void> four_deep() {
  std::lock_guard<std::mutex> g(mu);
  level1();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'level1' locks sync mutex 'mu', which this coroutine already holds here [corolock-lock-reentry]
  co_return;
}

task<void> five_deep() {
  std::lock_guard<std::mutex> g(mu);
  level0();
  co_return;
}
