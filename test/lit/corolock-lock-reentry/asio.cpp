// Asio has no async mutex: asio::awaitable coroutines guard state with a
// std::mutex. A helper called under the guard that takes it again deadlocks
// the io_context's thread.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "asio_mock.h"
#include "std_mutex.h"

class Sessions {
public:
  void add(int id) {
    std::lock_guard<std::mutex> g(mu_);
    count_ += id;
  }
  asio::awaitable<void> accept(int id) {
    std::lock_guard<std::mutex> g(mu_);
    add(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Sessions::add' locks sync mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
    co_return;
  }
  asio::awaitable<void> accept_unlocked(int id) {
    {
      std::lock_guard<std::mutex> g(mu_);
      ++count_;
    }
    add(id);
    co_return;
  }

private:
  std::mutex mu_;
  int count_ = 0;
};
