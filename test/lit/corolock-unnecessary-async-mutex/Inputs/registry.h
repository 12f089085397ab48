// Classes declared in a header whose members are defined in the class (and
// clear() in the fixture): nested classes and class templates.
#pragma once
#include "cppcoro_async_mutex.h"
#include "task.h"

class Registry {
public:
  task<void> add(int id) {
    auto lk = co_await mu_.scoped_lock_async();
    ids_ += id;
  }
  task<void> clear();

private:
  // A nested class's members may name the mutex too.
  struct Entry {
    void touch(Registry &r) { r.ids_ = 0; }
#ifdef HIDDEN_NESTED_MEMBER
    void drop(Registry &r);
#endif
  };
#ifdef PIMPL
  class Impl;
#endif
  cppcoro::async_mutex mu_;
  int ids_ = 0;
};

// Other translation units may instantiate Store with other arguments.
template <typename T> class Store {
public:
  task<void> put(T v) {
    auto lk = co_await mu_.scoped_lock_async();
    value_ = v;
  }
  task<void> clear();

private:
  cppcoro::async_mutex mu_;
  T value_{};
};
