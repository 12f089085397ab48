// A mutex handed to coroutines by reference or pointer is one mutex with the
// sections of every coroutine that locks it under a parameter's name, also
// when passed on through another coroutine's parameter: the short section in
// read_status() waits behind sync_all()'s I/O on the same g_mu.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"
#include "task.h"

extern asio::io_context io;
asio::ip::tcp::socket sock(io);
char page[4096];
int status = 0;

task<void> sync_all(folly::coro::Mutex &m) {
  auto lk = co_await m.co_scoped_lock();
  co_await asio::async_read(sock, asio::buffer(page, 4096), asio::use_awaitable);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'g_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'g_mu' without I/O waits for the round trip too: release 'g_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'g_mu' locked here through parameter 'm'
  // CHECK-NOTES: :[[@LINE+16]]:21: note: 'g_mu' is passed here to parameter 'm' of 'sync_all'
  // CHECK-NOTES: :[[@LINE+6]]:8: note: a critical section on 'g_mu' through parameter 'm' without I/O, which waits behind it
  // CHECK-NOTES: :[[@LINE+9]]:72: note: '&m' is passed here to parameter 'm' of 'read_status'
  // CHECK-NOTES: :[[@LINE+14]]:17: note: 'g_mu' is passed here to parameter 'm' of 'poll'
}

task<int> read_status(folly::coro::Mutex *m) {
  auto lk = co_await m->co_scoped_lock();
  co_return status;
}

task<int> poll(folly::coro::Mutex &m) { co_return co_await read_status(&m); }

folly::coro::Mutex g_mu;

task<void> run() {
  co_await sync_all(g_mu);
  co_await poll(g_mu);
}

// Bound to different mutexes: each parameter's sections are its caller's
// mutex's, and neither has a short section.
task<void> upload(folly::coro::Mutex &m) {
  auto lk = co_await m.co_scoped_lock();
  co_await asio::async_write(sock, asio::buffer(page, 4096), asio::use_awaitable);
}

task<int> peek(folly::coro::Mutex &m) {
  auto lk = co_await m.co_scoped_lock();
  co_return status;
}

folly::coro::Mutex upload_mu, peek_mu;

task<void> run_separately() {
  co_await upload(upload_mu);
  co_await peek(peek_mu);
}
