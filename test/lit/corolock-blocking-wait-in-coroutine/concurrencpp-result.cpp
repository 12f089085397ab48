// concurrencpp's result<T> and shared_result<T>: get(), wait() and the timed
// waits block the calling thread until the result is ready; in a coroutine
// (a concurrencpp::result coroutine or another task) `co_await` the result
// instead. status() does not block.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks

#include "concurrencpp_result.h"
#include "task.h"

concurrencpp::result<int> compute_async(int n);
concurrencpp::shared_result<int> shared_config();

task<int> consume(int n) {
  int value = compute_async(n).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'concurrencpp::result::get' blocks the coroutine's thread until the result is ready [corolock-blocking-wait-in-coroutine]
  auto pending = compute_async(n + 1);
  pending.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'concurrencpp::result::wait' blocks
  pending.wait_for(std::chrono::milliseconds(100));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'concurrencpp::result::wait_for' blocks
  auto config = shared_config();
  value += config.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'concurrencpp::shared_result::get' blocks
  co_return value;
}

task<int> awaited(int n) {
  auto pending = compute_async(n);
  if (pending.status() == concurrencpp::result_status::idle)
    co_return co_await pending;
  auto config = shared_config();
  co_return co_await config;
}

int plain(int n) { return compute_async(n).get(); }
