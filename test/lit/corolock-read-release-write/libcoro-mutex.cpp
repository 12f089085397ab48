// libcoro: coro::mutex through scoped_lock() and lock()/unlock(), and
// coro::shared_mutex, whose lock and unlock operations are all awaited: a
// shared lock for the read and an exclusive one for the write are the same
// mutex.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "libcoro_mutex.h"

coro::task<int> fetch_page(int cursor);

class Feed {
public:
  coro::task<void> scoped() {
    int cursor;
    {
      auto lk = co_await mu_.scoped_lock();
      cursor = cursor_;
    }
    int next = co_await fetch_page(cursor);
    auto lk = co_await mu_.scoped_lock();
    cursor_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cursor_' is written under 'mu_' based on 'cursor_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
  }

  coro::task<void> manual() {
    co_await mu_.lock();
    int cursor = cursor_;
    mu_.unlock();
    int next = co_await fetch_page(cursor);
    co_await mu_.lock();
    cursor_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cursor_' is written under 'mu_'{{.*}} [corolock-read-release-write]
    mu_.unlock();
  }

  coro::task<void> shared_then_exclusive() {
    co_await rw_.lock_shared();
    int cursor = shared_cursor_;
    co_await rw_.unlock_shared();
    int next = co_await fetch_page(cursor);
    co_await rw_.lock();
    shared_cursor_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'shared_cursor_' is written under 'rw_' based on 'shared_cursor_' read before a 'co_await' that ran without 'rw_' [corolock-read-release-write]
    co_await rw_.unlock();
  }

  // Fixed: the cursor is replaced only if nobody moved it meanwhile.
  coro::task<void> shared_then_exclusive_checked() {
    co_await rw_.lock_shared();
    int cursor = shared_cursor_;
    co_await rw_.unlock_shared();
    int next = co_await fetch_page(cursor);
    co_await rw_.lock();
    if (shared_cursor_ == cursor)
      shared_cursor_ = next;
    co_await rw_.unlock();
  }

private:
  coro::mutex mu_;
  coro::shared_mutex<coro::thread_pool> rw_{nullptr};
  int cursor_ = 0;
  int shared_cursor_ = 0;
};
