// Yielding to the scheduler while holding the lock (libcoro's `co_await
// sched.yield()`, Asio's `co_await asio::post(...)`, folly's `co_await
// co_reschedule_on_current_executor`) is not I/O: a mutex
// whose sections only yield is not reported. But a section that yields lets
// every other ready task run before it releases the lock, so it is not a
// short section either: it does not count as waiting behind the I/O (mu has
// only the I/O section and the yielding one, and is not reported; on
// stats_mu the quick section is the one counted; turn_mu only reschedules
// besides its I/O).
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_sleep.h"
#include "libcoro_mutex.h"
#include "libcoro_net.h"

coro::mutex mu;
coro::mutex stats_mu;
coro::mutex fair_mu;
coro::io_scheduler *sched;
coro::net::tcp::client *client;
char buf[256];
int batches = 0;

coro::task<void> upload() {
  auto lk = co_await mu.scoped_lock();
  co_await client->write_all(buf);
}

coro::task<void> drain() {
  auto lk = co_await mu.scoped_lock();
  for (int i = 0; i < 8; ++i) {
    ++batches;
    co_await sched->yield();
  }
}

coro::task<void> report() {
  auto lk = co_await stats_mu.scoped_lock();
  co_await client->write_all(buf);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('coro::net::tcp::client::write_all') while async mutex 'stats_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'stats_mu' without I/O waits for the round trip too: release 'stats_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'stats_mu' locked here
  // CHECK-NOTES: :[[@LINE+9]]:8: note: a critical section on 'stats_mu' without I/O, which waits behind it
}

coro::task<void> compact_stats() {
  auto lk = co_await stats_mu.scoped_lock();
  co_await sched->yield();
}

coro::task<void> count() {
  auto lk = co_await stats_mu.scoped_lock();
  ++batches;
}

asio::awaitable<void> take_turns() {
  auto lk = co_await fair_mu.scoped_lock();
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

coro::task<void> count_fair() {
  auto lk = co_await fair_mu.scoped_lock();
  ++batches;
}

folly::coro::Task<void> share_thread() {
  auto lk = co_await fair_mu.scoped_lock();
  co_await folly::coro::co_reschedule_on_current_executor;
}

coro::mutex turn_mu;

folly::coro::Task<void> send_turn() {
  auto lk = co_await turn_mu.scoped_lock();
  co_await client->write_all(buf);
}

folly::coro::Task<void> pass_turn() {
  auto lk = co_await turn_mu.scoped_lock();
  co_await folly::coro::co_reschedule_on_current_executor;
}
