// A library, included as a system header by the fixture that uses it, whose
// inline function keeps a pointer to the mutex it is given, to lock it later.
#pragma once
#include "cppcoro_async_mutex.h"

namespace waitlib {
inline cppcoro::async_mutex *watched = nullptr;
inline void watch(cppcoro::async_mutex &m) { watched = &m; }
} // namespace waitlib
