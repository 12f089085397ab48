// A timeout that is a constant zero or negative duration polls: the call
// returns at once. Every spelling of one (literal, constructor, zero(),
// value-initialized, a constexpr variable, floating point) is recognized;
// a non-zero constant or a value known only at run time blocks.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <condition_variable>
#include <future>
#include <semaphore>
#include <thread>

using namespace std::chrono_literals;

constexpr std::chrono::milliseconds kPoll{0};
constexpr auto kTick = 1ms;

task<int> polls(std::future<int> &f, std::counting_semaphore<> &sem,
                std::condition_variable &cv, std::mutex &mu) {
  int n = 0;
  n += f.wait_for(0s) == std::future_status::ready;
  n += f.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready;
  n += f.wait_for(std::chrono::seconds{}) == std::future_status::ready;
  n += f.wait_for(std::chrono::nanoseconds::zero()) ==
       std::future_status::ready;
  n += f.wait_for(kPoll) == std::future_status::ready;
  n += f.wait_for(-5ms) == std::future_status::ready;
  n += f.wait_for(std::chrono::duration<double>(0.0)) ==
       std::future_status::ready;
  n += sem.try_acquire_for(0ms);
  std::unique_lock lk(mu);
  n += cv.wait_for(lk, 0s) == std::cv_status::timeout;
  std::this_thread::sleep_for(0ns);
  co_return n;
}

task<int> blocks(std::future<int> &f, std::chrono::milliseconds timeout) {
  int n = 0;
  n += f.wait_for(kTick) == std::future_status::ready;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::future::wait_for' blocks
  n += f.wait_for(timeout) == std::future_status::ready;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::future::wait_for' blocks
  n += f.wait_for(std::chrono::duration<double>(0.5)) ==
       std::future_status::ready;
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'std::future::wait_for' blocks
  co_return n;
}
