// Minimal async_simple::coro::sleep for corolock fixtures, spelled as in
// async_simple/coro/Sleep.h: a Lazy<void> to co_await,
//   co_await async_simple::coro::sleep(std::chrono::milliseconds(10));
#pragma once
#include "async_simple_mutex.h" // async_simple::coro::Lazy

namespace async_simple::coro {
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur);
} // namespace async_simple::coro
