#pragma once
#include "std_mutex.h"
#include "task.h"

inline std::mutex shared_mu;

inline task<void> flush_shared() {
  std::lock_guard<std::mutex> guard(shared_mu);
  co_await send(0);
}
