// A guard temporary holds its mutex only from its construction to the end of
// its full expression: a co_await evaluated before it in the same call (an
// earlier argument) or in a later statement is not reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
void use(int, const std::lock_guard<std::mutex> &);
int peek(const std::lock_guard<std::mutex> &);

task<void> awaited_first() {
  use(co_await fetch(1), std::lock_guard<std::mutex>{mu});
}

task<void> later_statement() {
  int v = peek(std::lock_guard<std::mutex>{mu});
  co_await send(v);
}
