// Shared async mutexes: a reader holding the lock across I/O makes a short
// writer wait, and a writer holding it across I/O makes a short reader wait.
// folly::coro::SharedMutex through its scoped locks (std::shared_lock for
// readers, std::unique_lock for the writer) and manually; libcoro's
// coro::shared_mutex, whose lock and unlock operations are all awaited.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"
#include "libcoro_mutex.h"
#include "task.h"

extern asio::io_context io;
asio::ip::tcp::socket sock(io);
char page[4096];
int version = 0;

folly::coro::SharedMutex config_mu;

task<void> reload_config() {
  auto lk = co_await config_mu.co_scoped_lock_shared();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'config_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'config_mu' without I/O waits for the round trip too: release 'config_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'config_mu' locked here
  // CHECK-NOTES: :[[@LINE+4]]:8: note: a critical section on 'config_mu' without I/O, which waits behind it
}

task<void> bump_version() {
  auto lk = co_await config_mu.co_scoped_lock();
  ++version;
}

folly::coro::SharedMutex cache_mu;

task<void> fill_cache() {
  co_await cache_mu.co_lock();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'cache_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'cache_mu' without I/O waits for the round trip too: release 'cache_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:21: note: async mutex 'cache_mu' locked here
  // CHECK-NOTES: :[[@LINE+5]]:21: note: a critical section on 'cache_mu' without I/O, which waits behind it
  cache_mu.unlock();
}

task<void> read_cache() {
  co_await cache_mu.co_lock_shared();
  version = page[0];
  cache_mu.unlock_shared();
}

coro::shared_mutex<coro::thread_pool> table_mu(nullptr);

task<void> load_table() {
  co_await table_mu.lock_shared();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'table_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'table_mu' without I/O waits for the round trip too: release 'table_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:21: note: async mutex 'table_mu' locked here
  // CHECK-NOTES: :[[@LINE+5]]:21: note: a critical section on 'table_mu' without I/O, which waits behind it
  co_await table_mu.unlock_shared();
}

task<void> clear_table() {
  co_await table_mu.lock();
  page[0] = 0;
  co_await table_mu.unlock();
}
