// The bridges' purpose: entering coroutine code from plain code. main(), a
// test body, a thread's lambda and a callback registered from a coroutine
// may all block; nothing is reported.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks

#include "cppcoro_sync_wait.h"
#include "folly_coro_blocking_wait.h"
#include "libcoro_sync_wait.h"

cppcoro::task<int> run_server();
folly::coro::Task<int> serve();
coro::task<int> serve_libcoro();

#define TEST_CASE(name) void name()

TEST_CASE(server_starts) {
  int status = cppcoro::sync_wait(run_server());
  (void)status;
}

void on_thread(void (*start)(void *), void *arg);

cppcoro::task<void> spawn() {
  on_thread([](void *) { (void)folly::coro::blockingWait(serve()); }, nullptr);
  auto later = [] { return coro::sync_wait(serve_libcoro()); };
  (void)later;
  co_return;
}

int main() {
  return cppcoro::sync_wait(run_server()) + folly::coro::blockingWait(serve()) +
         coro::sync_wait(serve_libcoro());
}
