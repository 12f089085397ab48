// Minimal async_simple::coro::syncAwait for corolock fixtures, spelled as in
// async_simple (async_simple/coro/SyncAwait.h): it starts a Lazy and blocks
// the calling thread until it completes,
//   auto value = async_simple::coro::syncAwait(fetch());
#pragma once
#include "async_simple_mutex.h" // async_simple::coro::Lazy

namespace async_simple {
class Executor;
namespace coro {
template <typename LazyType>
auto syncAwait(LazyType &&lazy) -> decltype(lazy.await_resume());
template <typename LazyType>
auto syncAwait(LazyType &&lazy, Executor *ex) -> decltype(lazy.await_resume());
} // namespace coro
} // namespace async_simple
