#include "std_mutex.h"
#include "task.h"

std::mutex m;

task<void> held() {
  std::lock_guard<std::mutex> g(m);
  co_await send(1);
}

task<void> unlocked() {
  std::unique_lock<std::mutex> u(m);
  u.unlock();
  co_await send(2);
}
