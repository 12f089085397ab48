#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int counter;

task<void> publish() {
  std::lock_guard<std::mutex> guard(mu);
  /* Größe */ co_await send(++counter);
}
