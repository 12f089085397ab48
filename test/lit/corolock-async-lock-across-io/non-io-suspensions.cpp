// Suspending is not waiting for I/O: sections that await other tasks,
// generic awaitables, executor hops (asio::post, cppcoro io_service::
// schedule, libcoro io_scheduler::schedule) or other mutexes are all short.
// A mutex whose sections suspend, but never on I/O, is not reported: no
// section holds it across a round trip.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "cppcoro_async_mutex.h"
#include "cppcoro_net.h"
#include "libcoro_net.h"
#include "task.h"

cppcoro::async_mutex mu;
cppcoro::async_mutex other;
cppcoro::io_service io_svc;
coro::io_scheduler *sched;
int n = 0;

task<void> awaits_task() {
  auto lk = co_await mu.scoped_lock_async();
  n = co_await fetch(1);
  co_await send(n);
}

task<void> awaits_awaitable() {
  auto lk = co_await mu.scoped_lock_async();
  co_await sleep_for(10);
}

asio::awaitable<void> hops() {
  auto lk = co_await mu.scoped_lock_async();
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  co_await io_svc.schedule();
  co_await sched->schedule();
}

task<void> takes_other() {
  auto lk = co_await mu.scoped_lock_async();
  auto lk2 = co_await other.scoped_lock_async();
  ++n;
}
