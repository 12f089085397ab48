// Built against the real standard library (libstdc++'s <mutex> and
// <shared_mutex>): its guards, std::lock and std::scoped_lock behave as the
// mocks do.
// RUN: %check_corolock corolock-lock-order-inversion %s -- -isystem %S/../Inputs/real-libstdcxx

#include "async_prelude.h"

class Registry {
public:
  void add(int k) {
    std::lock_guard<std::mutex> a(names_mu_);
    std::unique_lock<std::shared_mutex> b(index_mu_);
    keys_.push_back(k);
  }
  task<void> rebuild() {
    std::unique_lock<std::shared_mutex> b(index_mu_);
    std::lock_guard<std::mutex> a(names_mu_);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: mutex 'Registry::names_mu_' is locked while 'Registry::index_mu_' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
    co_return;
  }
  task<void> together() {
    std::scoped_lock both(index_mu_, names_mu_);
    co_return;
  }
  void with_std_lock() {
    std::unique_lock<std::mutex> a(names_mu_, std::defer_lock);
    std::unique_lock<std::shared_mutex> b(index_mu_, std::defer_lock);
    std::lock(b, a);
  }

private:
  std::mutex names_mu_;
  std::shared_mutex index_mu_;
  std::vector<int> keys_;
};
