// Asio coroutines (asio::awaitable) guard state with std::mutex; a helper
// called under one mutex that takes another counts as an order.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "asio_mock.h"
#include "std_mutex.h"

class Hub {
public:
  void count() {
    std::lock_guard<std::mutex> g(stats_mu_);
    ++n_;
  }
  asio::awaitable<void> join() {
    std::lock_guard<std::mutex> g(members_mu_);
    count();
    co_return;
  }
  asio::awaitable<void> dump() {
    std::lock_guard<std::mutex> s(stats_mu_);
    std::lock_guard<std::mutex> m(members_mu_);
    // CHECK-NOTES: :[[@LINE-1]]:33: warning: mutex 'Hub::members_mu_' is locked while 'Hub::stats_mu_' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
    // CHECK-NOTES: :[[@LINE-2]]:33: note: lock them in one order everywhere, or together with std::scoped_lock
    // CHECK-NOTES: :[[@LINE-9]]:33: note: 'members_mu_' locked here in 'Hub::join'
    // CHECK-NOTES: :[[@LINE-9]]:5: note: 'Hub::join' calls 'Hub::count' here
    // CHECK-NOTES: :[[@LINE-15]]:33: note: then 'stats_mu_' locked here while 'members_mu_' is held
    // CHECK-NOTES: :[[@LINE-7]]:33: note: 'stats_mu_' locked here in 'Hub::dump'
    // CHECK-NOTES: :[[@LINE-7]]:33: note: then 'members_mu_' locked here while 'stats_mu_' is held
    co_return;
  }

private:
  std::mutex members_mu_;
  std::mutex stats_mu_;
  int n_ = 0;
};
