// A try_lock() in a plain function that the same function undoes with
// unlock() is a probe: it cannot wait for anything, so it is no escape, and
// the mutex is judged by its coroutines' sections ('pool_mu' probed as in
// folly's tests, 'conn_mu' with async_simple's stored tryLock()). A plain
// function that keeps what it try-locked ('lease_mu'), or waits for the lock
// ('boot_mu', through libcoro's sync_wait), holds it out of sight: neither is
// judged.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks -isystem %S/Inputs

#include <compose.h>

folly::coro::Mutex pool_mu;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: async mutex 'pool_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:20: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int pooled;

task<void> release_to_pool() {
  auto lk = co_await pool_mu.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'pool_mu' locked here and released without suspending
  ++pooled;
}

// TEST(PoolTest, IdleWhenUnlocked)
bool pool_idle() {
  if (!pool_mu.try_lock())
    return false;
  pool_mu.unlock();
  return true;
}

async_simple::coro::Mutex conn_mu;
// CHECK-NOTES: :[[@LINE-1]]:27: warning: async mutex 'conn_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:27: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int conns;

async_simple::coro::Lazy<void> open_conn() {
  auto lk = co_await conn_mu.coScopedLock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'conn_mu' locked here and released without suspending
  compute(conns);
}

int conns_if_free() {
  auto ok = conn_mu.tryLock();
  if (ok) {
    int n = conns;
    conn_mu.unlock();
    return n;
  }
  return -1;
}

folly::coro::Mutex lease_mu;
int leases;

task<void> renew_lease() {
  auto lk = co_await lease_mu.co_scoped_lock();
  ++leases;
}

// The lease is released by end_lease(), after whatever the caller does.
bool try_begin_lease() { return lease_mu.try_lock(); }
void end_lease() { lease_mu.unlock(); }

coro::mutex boot_mu;
int boots;

coro::task<void> boot() {
  auto lk = co_await boot_mu.scoped_lock();
  ++boots;
}

void boot_blocking() {
  coro::sync_wait(boot_mu.lock());
  compute(boots);
  boot_mu.unlock();
}
