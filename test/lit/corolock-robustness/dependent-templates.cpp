// Templates that are never instantiated, or whose locks and awaitables depend
// on their parameters: no crash under all corolock checks. Uninstantiated
// coroutines are not analysed (their types are unknown); each instantiation
// is, and a finding shared by several instantiations is reported once.
// RUN: %corolock --checks='-*,corolock-*' %s -- %std_cxx20 %mocks 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='error:'

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

std::mutex mu;

// Never instantiated: dependent mutex, guard, awaitable and member names.
template <typename M, typename A> task<void> never(M &m, A a) {
  typename M::guard_type g(m);
  std::lock_guard<M> lk(m);
  co_await a.template get<int>();
  co_await a;
  co_await m.co_scoped_lock();
  auto l = co_await typename M::lock_op{m};
  m.unlock();
  for (auto &x : a.items())
    co_await x;
}

template <typename T> struct Channel {
  typename T::mutex_type mu_;
  T value_;
  task<void> put(T v) {
    auto lk = co_await mu_.co_scoped_lock();
    value_ = v;
    co_await v.flush();
  }
  template <typename U> task<void> convert(U u) {
    std::lock_guard<std::mutex> lk(mu);
    co_await u(value_);
  }
};

// A generic coroutine lambda, never called.
auto generic = [](auto &m, auto &&awaitable) -> task<void> {
  std::lock_guard lk(m);
  co_await awaitable;
};

// CRTP and a variadic pack of mutexes.
template <typename Derived> struct Service {
  task<void> run() {
    std::lock_guard<std::mutex> lk(mu);
    co_await static_cast<Derived *>(this)->step();
  }
};
template <typename... Ms> task<void> lock_all(Ms &...ms) {
  std::scoped_lock lk(ms...);
  co_await send(sizeof...(Ms));
  // CHECK: :[[@LINE-1]]:3: warning: sync mutexes {{.*}} are held by 'lk' across 'co_await'
}

// Instantiated twice: one report at the shared location.
template <typename T> task<void> held(T value) {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(static_cast<int>(value));
  // CHECK: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await'
}
template task<void> held<int>(int);
template task<void> held<long>(long);

// Instantiated below with a pack: the guard holds both mutexes of the pack
// (the message spells each as the pack's name, 'ms').
template task<void> lock_all<std::mutex, std::mutex>(std::mutex &, std::mutex &);

// if constexpr: only the taken branch exists in the instantiation.
template <bool Lock> task<void> maybe_locked() {
  if constexpr (Lock) {
    std::lock_guard<std::mutex> lk(mu);
    co_await send(1);
    // CHECK: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_await'
  } else {
    co_await send(2);
  }
}
template task<void> maybe_locked<true>();
template task<void> maybe_locked<false>();
