// Coroutine templates are judged per instantiation and reported once per
// call however many instantiations share it; a template never instantiated
// is not judged. Blocking calls through function templates are followed.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <future>

template <typename T> task<T> unwrap(std::future<T> f) {
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::future::get' blocks the coroutine's thread until another thread makes the future ready [corolock-blocking-wait-in-coroutine]
}

template <typename T> T wait_value(std::shared_future<T> &f) {
  f.wait();
  return f.get();
}

template <typename T> struct Channel {
  std::shared_future<T> next;
  task<T> receive() {
    T value = wait_value(next);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'wait_value' blocks the coroutine's thread: it calls 'std::shared_future::wait', which blocks until another thread makes the future ready [corolock-blocking-wait-in-coroutine]
    co_return value;
  }
};

template <typename T> task<T> never_instantiated(std::future<T> f) {
  co_return f.get();
}

void instantiate(std::future<int> a, std::future<long> b, Channel<int> &c) {
  (void)unwrap(std::move(a));
  (void)unwrap(std::move(b));
  (void)c.receive();
}

// A dependent call that resolves to a non-blocking function does not block.
struct Fake {
  int get() { return 1; }
};
template <typename F> task<int> generic(F f) { co_return f.get(); }
void instantiate_fake() { (void)generic(Fake{}); }
