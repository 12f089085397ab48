// Only coroutines defined in the translation unit are followed: awaiting a
// coroutine declared here but defined elsewhere (remote_flush), or a plain
// function that returns a task without being a coroutine itself
// (start_flush, whose body only calls one), tells nothing about I/O, so
// those sections are short. Once the declared coroutine's definition
// appears further down, it is followed: the definition need not come first.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "cppcoro_net.h"
#include "task.h"

cppcoro::async_mutex mu;
cppcoro::net::socket &sock();
char buf[64];

task<void> remote_flush();
task<void> local_flush();

task<void> flush_impl() { co_await sock().send(buf, 64); }
task<void> start_flush() { return flush_impl(); }

task<void> via_declaration() {
  auto lk = co_await mu.scoped_lock_async();
  co_await remote_flush();
}

task<void> via_plain_function() {
  auto lk = co_await mu.scoped_lock_async();
  co_await start_flush();
}

task<void> via_later_definition() {
  auto lk = co_await mu.scoped_lock_async();
  co_await local_flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::send') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 2 critical sections on 'mu' without I/O wait for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE+5]]:28: note: 'local_flush' awaits 'cppcoro::net::socket::send' here
  // CHECK-NOTES: :[[@LINE-5]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-16]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> local_flush() { co_await sock().send(buf, 64); }
