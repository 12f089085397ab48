// An upgrade lock shares the mutex with readers but not with writers or
// another upgrader: readers do not wait behind an upgrader's I/O, a writer
// does, and a short upgrader does not wait behind a reader's I/O.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"
#include "task.h"

extern asio::io_context io;
asio::ip::tcp::socket sock(io);
char page[4096];
int version = 0;

// Only readers besides the upgrader doing I/O: nobody waits.
folly::coro::SharedMutex cache_mu;

task<void> refresh_cache() {
  co_await cache_mu.co_lock_upgrade();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
  cache_mu.unlock_upgrade();
}

task<char> cache_head() {
  auto lk = co_await cache_mu.co_scoped_lock_shared();
  co_return page[0];
}

// A writer waits behind the upgrader's I/O.
folly::coro::SharedMutex state_mu;

task<void> refresh_state() {
  co_await state_mu.co_lock_upgrade();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'state_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'state_mu' without I/O waits for the round trip too: release 'state_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:21: note: async mutex 'state_mu' locked here
  // CHECK-NOTES: :[[@LINE+10]]:8: note: a critical section on 'state_mu' without I/O, which waits behind it
  state_mu.unlock_upgrade();
}

task<char> state_head() {
  auto lk = co_await state_mu.co_scoped_lock_shared();
  co_return page[0];
}

task<void> bump_state() {
  auto lk = co_await state_mu.co_scoped_lock();
  ++version;
}

// A reader doing I/O makes neither a short upgrader nor a short reader wait.
folly::coro::SharedMutex log_mu;

task<void> read_log() {
  auto lk = co_await log_mu.co_scoped_lock_shared();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
}

task<void> check_log() {
  co_await log_mu.co_lock_upgrade();
  ++version;
  log_mu.unlock_upgrade();
}
