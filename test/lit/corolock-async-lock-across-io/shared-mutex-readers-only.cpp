// Readers do not wait for readers: when every section of a shared async mutex
// without I/O takes it shared, none of them waits behind a reader doing I/O,
// so nothing should be reported. A writer section would (see
// shared-mutex-reader-writer.cpp).
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "async_simple_mutex.h"
#include "folly_coro_mutex.h"
#include "libcoro_mutex.h"
#include "task.h"

extern asio::io_context io;
asio::ip::tcp::socket sock(io);
char page[4096];
folly::coro::SharedMutex config_mu;

task<void> reload_config() {
  auto lk = co_await config_mu.co_scoped_lock_shared();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
}

task<char> first_byte() {
  auto lk = co_await config_mu.co_scoped_lock_shared();
  co_return page[0];
}

task<char> last_byte() {
  co_await config_mu.co_lock_shared();
  char c = page[4095];
  config_mu.unlock_shared();
  co_return c;
}

// The same with libcoro's and async_simple's shared mutexes, whose shared
// lock and unlock operations are awaited.
coro::shared_mutex<coro::thread_pool> table_mu(nullptr);

task<void> load_table() {
  co_await table_mu.lock_shared();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
  co_await table_mu.unlock_shared();
}

task<char> table_head() {
  co_await table_mu.lock_shared();
  char c = page[1];
  co_await table_mu.unlock_shared();
  co_return c;
}

async_simple::coro::SharedMutex index_mu;

task<void> load_index() {
  co_await index_mu.coLockShared();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
  co_await index_mu.unlockShared();
}

task<char> index_head() {
  co_await index_mu.coLockShared();
  char c = page[2];
  co_await index_mu.unlockShared();
  co_return c;
}
