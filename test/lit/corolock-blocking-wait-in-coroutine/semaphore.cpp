// std::counting_semaphore and std::binary_semaphore in a coroutine, against
// libstdc++'s <semaphore>: acquire() and the timed acquires block until
// another thread releases; try_acquire() and a zero timeout poll, release()
// never blocks.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <semaphore>

using namespace std::chrono_literals;

std::counting_semaphore<8> slots(8);
std::binary_semaphore signal(0);

task<void> limited() {
  slots.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::counting_semaphore::acquire' blocks the coroutine's thread until another thread releases the semaphore [corolock-blocking-wait-in-coroutine]
  signal.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::counting_semaphore::acquire' blocks
  if (slots.try_acquire_for(20ms))
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::counting_semaphore::try_acquire_for' blocks
    slots.release();
  if (signal.try_acquire_until(std::chrono::steady_clock::now() + 1s))
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'std::counting_semaphore::try_acquire_until' blocks
    signal.release();
  co_return;
}

task<bool> polled() {
  bool got = slots.try_acquire();
  got = got || signal.try_acquire_for(0ms);
  slots.release(2);
  co_return got;
}

void in_plain_function() { slots.acquire(); }
