// A recursive mutex may be locked again by its holder: not reported, directly
// or through a call.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::recursive_mutex rmu;
int value;

void helper() {
  std::lock_guard<std::recursive_mutex> g(rmu);
  ++value;
}

task<void> relocks() {
  std::lock_guard<std::recursive_mutex> outer(rmu);
  std::lock_guard<std::recursive_mutex> inner(rmu);
  helper();
  co_return;
}
