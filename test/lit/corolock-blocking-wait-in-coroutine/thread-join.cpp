// std::thread::join and std::jthread::join in a coroutine, against
// libstdc++'s <thread>: they block until the thread finishes; detach() and
// joinable() do not.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <thread>

void crunch(int);

task<void> offload(int n) {
  std::thread worker(crunch, n);
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::thread::join' blocks the coroutine's thread until the thread finishes [corolock-blocking-wait-in-coroutine]
  std::jthread other(crunch, n + 1);
  if (other.joinable())
    other.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::jthread::join' blocks
  std::thread *p = new std::thread(crunch, 2);
  p->join();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::thread::join' blocks
  delete p;
  co_return;
}

task<void> fire_and_forget(int n) {
  std::thread worker(crunch, n);
  worker.detach();
  co_return;
}

void run_in_plain_function() {
  std::thread worker(crunch, 1);
  worker.join();
}
