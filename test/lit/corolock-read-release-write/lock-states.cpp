// Only definite locks count: a read or a write under a lock that is only
// possibly held (an unchecked try_lock, a lock taken on one path) is not
// under the mutex. A guard over two mutexes holds both; a scoped_lock over
// the state mutex and another one serializes through the other one only if
// that one stays held.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

class Table {
public:
  task<void> possibly_held_read(bool lock) {
    int v;
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    if (lock)
      lk.lock();
    v = rows_;
    if (lock)
      lk.unlock();
    co_await send(v);
    std::lock_guard<std::mutex> again(mu_);
    rows_ = v + 1;
  }

  task<void> possibly_held_write() {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = rows_;
    }
    co_await send(v);
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    rows_ = v + 1;
  }

  task<void> two_mutexes_one_guard() {
    int v;
    {
      std::scoped_lock<std::mutex, std::mutex> lk(mu_, other_mu_);
      v = rows_;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu_);
    rows_ = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'rows_' is written under 'mu_' based on 'rows_'{{.*}} [corolock-read-release-write]
  }

  task<void> written_under_the_other_mutex() {
    int v;
    {
      std::scoped_lock<std::mutex, std::mutex> lk(mu_, other_mu_);
      v = rows_;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(other_mu_);
    rows_ = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'rows_' is written under 'other_mu_' based on 'rows_'{{.*}} [corolock-read-release-write]
  }

private:
  std::mutex mu_, other_mu_;
  int rows_ = 0;
};
