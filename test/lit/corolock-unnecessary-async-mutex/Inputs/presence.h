// A class declared in a header, its async mutex private (issue 12): when
// every member function and friend is defined in the translation unit, no
// other one can lock the mutex. The macros take a user out of sight, or let
// code out of sight name the mutex.
#pragma once
#include "folly_coro_mutex.h"
#include "task.h"

void watch(folly::coro::Mutex *mu);

class Presence {
public:
  Presence();
  Presence(const Presence &) = delete;
  ~Presence() = default;
  bool operator==(const Presence &other) const;
  static Presence &instance();
  task<void> join(int user);
  task<int> count();
  int peek() const { return users_; }
  template <typename F> void visit(F f) const { f(users_); }
#ifdef LOCKING_TEMPLATE
  template <typename A> task<void> joinAfter(A a) {
    auto lk = co_await mu_.co_scoped_lock();
    co_await a;
  }
#endif
#ifdef ESCAPES
  void watched() { watch(&mu_); }
#endif
  friend task<void> evict(Presence &p);
  friend class Auditor;

private:
#ifdef PROTECTED_MUTEX
protected:
#endif
  folly::coro::Mutex mu_;
  int users_ = 0;
};

class Auditor {
public:
  task<void> audit(Presence &p);
};
