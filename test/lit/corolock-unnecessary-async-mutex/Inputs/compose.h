// The composition and blocking waits of folly::coro, cppcoro, libcoro and
// async_simple, declared as those libraries spell them, for the fixtures
// that hand a lock operation to one or lock outside a coroutine. Included as
// a system header.
#pragma once
#include "async_simple_mutex.h"
#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "libcoro_mutex.h"
#include "task.h"

namespace folly::coro {
// Awaits every argument concurrently.
template <typename... SemiAwaitables>
task<void> collectAll(SemiAwaitables &&...awaitables);
// Runs an awaitable to completion on the calling thread.
template <typename Awaitable> auto blockingWait(Awaitable &&awaitable) {
  return awaitable.await_resume();
}
} // namespace folly::coro

namespace cppcoro {
template <typename... Awaitables> task<void> when_all(Awaitables &&...);
template <typename Awaitable> auto sync_wait(Awaitable &&awaitable) {
  return awaitable.await_resume();
}
} // namespace cppcoro

namespace coro {
template <typename... Awaitables> task<void> when_all(Awaitables &&...);
template <typename Awaitable> auto sync_wait(Awaitable &&awaitable) {
  return awaitable.await_resume();
}
} // namespace coro

namespace async_simple::coro {
template <typename... Lazies> Lazy<void> collectAll(Lazies &&...);
template <typename LazyType> auto syncAwait(LazyType &&lazy) {
  return lazy.await_resume();
}
} // namespace async_simple::coro
