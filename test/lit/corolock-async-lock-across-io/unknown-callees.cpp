// Awaiting a function whose body is not visible here (remote_flush, declared
// here and defined in another file), or a coroutine that awaits one (relay),
// may or may not wait for I/O: such a section is neither I/O nor short. It
// does not make the mutex reported, and is not counted among the sections
// that wait behind the I/O. A plain function that returns a task without
// being a coroutine itself (start_flush) is followed to what it returns, and
// a coroutine whose definition comes further down (local_flush) is followed
// too.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "cppcoro_net.h"
#include "task.h"

cppcoro::async_mutex mu;
cppcoro::async_mutex stats_mu;
cppcoro::net::socket &sock();
char buf[64];
int flushes = 0;

task<void> remote_flush();
task<void> local_flush();

task<void> relay() { co_await remote_flush(); }
task<void> flush_impl() { co_await sock().send(buf, 64); }
task<void> start_flush() { return flush_impl(); }

task<void> via_declaration() {
  auto lk = co_await mu.scoped_lock_async();
  co_await remote_flush();
}

task<void> via_relay() {
  auto lk = co_await mu.scoped_lock_async();
  co_await relay();
}

task<void> via_later_definition() {
  auto lk = co_await mu.scoped_lock_async();
  co_await local_flush();
}

task<void> via_plain_function() {
  auto lk = co_await stats_mu.scoped_lock_async();
  co_await start_flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::send') while async mutex 'stats_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'stats_mu' without I/O waits for the round trip too: release 'stats_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'stats_mu' locked here
  // CHECK-NOTES: :[[@LINE+9]]:8: note: a critical section on 'stats_mu' without I/O, which waits behind it
}

task<void> stats_via_declaration() {
  auto lk = co_await stats_mu.scoped_lock_async();
  co_await remote_flush();
}

task<void> count() {
  auto lk = co_await stats_mu.scoped_lock_async();
  ++flushes;
}

task<void> local_flush() { co_await sock().send(buf, 64); }
