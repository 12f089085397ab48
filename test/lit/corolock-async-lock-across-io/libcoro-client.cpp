// libcoro's tcp client operations that return tasks are I/O: connect, poll,
// write_all, read_exact and write_some are reported while a coro::mutex is
// held by the coro::scoped_lock from scoped_lock() or manually. recv() and
// send() are non-blocking calls, not awaited, so a section that polls
// nothing and only calls send() is short; so is one that only awaits
// io_scheduler::schedule(). The scheduler's timed waits are I/O under both
// its names (io_scheduler, and scheduler in newer libcoro).
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "libcoro_net.h"

struct Upstream {
  coro::io_scheduler &io;
  coro::scheduler &sched;
  coro::net::tcp::client client;
  coro::mutex mu;
  char frame[64];

  coro::task<void> open() {
    auto lk = co_await mu.scoped_lock();
    co_await client.connect();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('coro::net::tcp::client::connect') while async mutex 'mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 2 critical sections on 'mu' without I/O wait for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu' locked here
    // CHECK-NOTES: :[[@LINE+38]]:10: note: a critical section on 'mu' without I/O, which waits behind it
  }

  coro::task<void> exchange() {
    auto lk = co_await mu.scoped_lock();
    co_await client.write_all(frame);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('coro::net::tcp::client::write_all') while async mutex 'mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 2 critical sections on 'mu' without I/O wait for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu' locked here
    // CHECK-NOTES: :[[@LINE+29]]:10: note: a critical section on 'mu' without I/O, which waits behind it
    co_await client.poll(coro::poll_op::read);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'co_await' also waits for I/O ('coro::net::tcp::client::poll') while async mutex 'mu' is held
    co_await client.read_exact(frame);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'co_await' also waits for I/O ('coro::net::tcp::client::read_exact') while async mutex 'mu' is held
  }

  coro::task<void> nudge() {
    co_await mu.lock();
    co_await client.write_some(frame);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('coro::net::tcp::client::write_some') while async mutex 'mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 2 critical sections on 'mu' without I/O wait for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:17: note: async mutex 'mu' locked here
    // CHECK-NOTES: :[[@LINE+16]]:10: note: a critical section on 'mu' without I/O, which waits behind it
    mu.unlock();
  }

  coro::task<void> pace() {
    auto lk = co_await mu.scoped_lock();
    co_await io.yield_for(std::chrono::milliseconds(5));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('coro::io_scheduler::yield_for') while async mutex 'mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 2 critical sections on 'mu' without I/O wait for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu' locked here
    // CHECK-NOTES: :[[@LINE+6]]:10: note: a critical section on 'mu' without I/O, which waits behind it
    co_await sched.schedule_after(std::chrono::milliseconds(5));
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'co_await' also waits for I/O ('coro::scheduler::schedule_after') while async mutex 'mu' is held
  }

  coro::task<void> try_send() {
    auto lk = co_await mu.scoped_lock();
    client.send(frame);
  }

  coro::task<void> hop() {
    co_await mu.lock();
    co_await io.schedule();
    mu.unlock();
  }
};
