#include "std_mutex.h"
#include "task.h"

std::mutex legacy_mu;

task<void> legacy() {
  std::lock_guard<std::mutex> guard(legacy_mu);
  co_await send(0);
}
