// What the search through plain functions does not enter: a function whose
// body is not in the translation unit, a virtual function (another override
// may run), a coroutine (its body runs when it is awaited, and is judged on
// its own), and library functions in system headers.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <algorithm>
#include <future>

int elsewhere(std::future<int> &f);

struct Source {
  virtual ~Source() = default;
  virtual int next(std::future<int> &f) { return f.get(); }
};

task<int> child(std::future<int> &f) {
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::future::get' blocks the coroutine's thread
}

task<int> parent(Source &s, std::future<int> &f, std::vector<int> &v) {
  int a = elsewhere(f);
  int b = s.next(f);
  auto pending = child(f);
  int c = co_await child(f);
  std::sort(v.begin(), v.end());
  co_return a + b + c;
}
