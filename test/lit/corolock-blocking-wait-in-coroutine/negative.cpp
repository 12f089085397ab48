// Code corolock-blocking-wait-in-coroutine must leave alone: a short
// std::mutex section in a coroutine blocks only for the section (the other
// checks judge locks), and plain functions may block.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int value;

task<void> unlocked_before_suspending() {
  {
    std::lock_guard<std::mutex> lk(mu);
    ++value;
  }
  mu.lock();
  ++value;
  mu.unlock();
  co_await std::suspend_always{};
}
