// Built against the real standard library (libstdc++'s <mutex>,
// <shared_mutex> and <coroutine>): its guards, its recursive mutex and its
// shared mutex behave as the mocks do, and calls into libstdc++'s own inline
// functions (system headers) are not followed.
// RUN: %check_corolock corolock-lock-reentry %s -- -isystem %S/../Inputs/real-libstdcxx

#include "async_prelude.h"

class Index {
public:
  void insert(int k) {
    std::lock_guard<std::mutex> g(mu_);
    keys_.push_back(k);
  }
  int size() {
    std::shared_lock<std::shared_mutex> r(smu_);
    return static_cast<int>(keys_.size());
  }
  void log() {
    std::lock_guard<std::recursive_mutex> g(rmu_);
  }
  task<void> rebuild() {
    std::unique_lock<std::mutex> lk(mu_);
    keys_.clear();
    insert(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Index::insert' locks sync mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
    lk.unlock();
    insert(2);
    co_return;
  }
  task<int> count() {
    std::shared_lock<std::shared_mutex> r(smu_);
    co_return size();
  }
  task<void> resize() {
    std::unique_lock<std::shared_mutex> w(smu_);
    size();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Index::size' locks sync mutex 'smu_', which this coroutine already holds here [corolock-lock-reentry]
    co_return;
  }
  task<void> logs() {
    std::scoped_lock g(rmu_);
    log();
    co_return;
  }

private:
  std::mutex mu_;
  std::shared_mutex smu_;
  std::recursive_mutex rmu_;
  std::vector<int> keys_;
};
