// Mutexes declared in a header that other translation units may include:
// one translation unit does not see all of their critical sections.
#pragma once
#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "task.h"

inline cppcoro::async_mutex header_mu;
extern folly::coro::Mutex extern_mu;

class Cache {
public:
  task<void> put(int v);

private:
  folly::coro::Mutex mu_;
  int value_ = 0;
};
