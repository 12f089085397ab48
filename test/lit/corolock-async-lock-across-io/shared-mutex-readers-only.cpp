// Readers do not wait for readers: when every section of a shared async mutex
// without I/O takes it shared, none of them waits behind a reader doing I/O,
// so nothing should be reported. A writer section would (see
// shared-mutex-reader-writer.cpp).
// XFAIL: *
// Expected to fail until critical sections record whether they hold the mutex
// shared or exclusive: today the analysis (CriticalSection) has no such mode,
// and the short readers below are counted as waiting.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"
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
