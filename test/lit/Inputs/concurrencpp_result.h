// Minimal concurrencpp::result and shared_result for corolock fixtures,
// spelled as in concurrencpp (concurrencpp/results/result.h): a result is
// awaited (`co_await r`) or blocked on (`r.get()`, `r.wait()`,
// `r.wait_for(d)`, which wait on the calling thread).
#pragma once
#include "concurrencpp_async_lock.h" // lazy_result, executor, std mocks

namespace concurrencpp {
enum class result_status { idle, value, exception };

template <typename type> class result {
public:
  struct awaitable {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    type await_resume();
  };
  awaitable operator co_await();
  type get();
  void wait();
  template <typename Rep, typename Period>
  result_status wait_for(std::chrono::duration<Rep, Period> duration);
  result_status status() const;
};

template <typename type> class shared_result {
public:
  struct awaitable {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    type await_resume();
  };
  awaitable operator co_await();
  type get();
  void wait();
};
} // namespace concurrencpp
