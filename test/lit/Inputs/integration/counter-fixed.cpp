#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int counter;

task<void> publish() {
  int value;
  {
    std::lock_guard<std::mutex> guard(mu);
    value = ++counter;
  }
  co_await send(value);
}
