// A lock operation handed to a composition (folly's collectAll, cppcoro's
// and libcoro's when_all, async_simple's collectAll) is awaited by it: the
// lock is taken in the middle of that suspension, while the other
// arguments are still running, and is held across the rest of it. Those
// mutexes are not judged. Composing other awaitables after the section is
// released makes nothing of the kind ('index_mu_' is reported).
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks -isystem %S/Inputs

#include <compose.h>

task<void> warm(int key);

class Shard {
  folly::coro::Mutex shard_mu_;
  cppcoro::async_mutex log_mu_;
  coro::mutex peers_mu_;
  async_simple::coro::Mutex table_mu_;
  folly::coro::Mutex index_mu_;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'index_mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:22: note: its 2 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  int entries_ = 0;

public:
  // The lock and the warm-up run together; the shard is updated under the
  // lock once both are done.
  task<void> reload(int key) {
    co_await folly::coro::collectAll(shard_mu_.co_lock(), warm(key));
    entries_ = key;
    shard_mu_.unlock();
  }
  task<void> size() {
    auto lk = co_await shard_mu_.co_scoped_lock();
    compute(entries_);
  }

  task<void> append(int key) {
    co_await cppcoro::when_all(log_mu_.lock_async(), warm(key));
    compute(key);
    log_mu_.unlock();
  }
  task<void> flush() {
    auto lk = co_await log_mu_.scoped_lock_async();
    compute(entries_);
  }

  coro::task<void> connect(int key) {
    co_await coro::when_all(peers_mu_.lock(), warm(key));
    compute(key);
    peers_mu_.unlock();
  }
  coro::task<void> peers() {
    auto lk = co_await peers_mu_.scoped_lock();
    compute(entries_);
  }

  async_simple::coro::Lazy<void> load(int key) {
    co_await async_simple::coro::collectAll(table_mu_.coLock(), warm(key));
    compute(key);
    table_mu_.unlock();
  }
  async_simple::coro::Lazy<void> scan() {
    auto lk = co_await table_mu_.coScopedLock();
    compute(entries_);
  }

  task<void> reindex(int key) {
    {
      auto lk = co_await index_mu_.co_scoped_lock();
      // CHECK-NOTES: :[[@LINE-1]]:12: note: async mutex 'index_mu_' locked here and released without suspending
      compute(entries_);
    }
    co_await folly::coro::collectAll(warm(key), warm(key + 1));
  }
  task<void> lookup() {
    auto lk = co_await index_mu_.co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'index_mu_' locked here and released without suspending
    compute(entries_);
  }
};
