// Only async mutexes are this check's concern: a std::mutex, a
// std::shared_mutex or a user type listed as a sync mutex, held across I/O
// next to short sections, is left to corolock-sync-lock-across-suspend,
// which reports holding it across any suspension (the SYNC run, warnings
// only). This check reports nothing.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=SYNC corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --config="{CheckOptions: {corolock-async-lock-across-io.SyncMutexes: 'my::SpinLock'}}" corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "std_mutex.h"
#include "task.h"

namespace my {
struct SpinLock {
  void lock();
  void unlock();
};
} // namespace my

extern asio::io_context io;
asio::ip::tcp::socket sock(io);
char buf[64];
int n = 0;
std::mutex mu;
std::shared_mutex rw;
my::SpinLock spin;

task<void> write_locked() {
  std::lock_guard<std::mutex> lk(mu);
  co_await asio::async_write(sock, asio::buffer(buf, 64), asio::use_awaitable);
  // CHECK-MESSAGES-SYNC: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

task<void> bump() {
  std::lock_guard<std::mutex> lk(mu);
  ++n;
}

task<void> read_shared() {
  std::shared_lock<std::shared_mutex> lk(rw);
  co_await asio::async_read(sock, asio::buffer(buf, 64), asio::use_awaitable);
  // CHECK-MESSAGES-SYNC: :[[@LINE-1]]:3: warning: sync mutex 'rw' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

task<void> write_exclusive() {
  std::unique_lock<std::shared_mutex> lk(rw);
  ++n;
}

task<void> spin_io() {
  std::lock_guard<my::SpinLock> lk(spin);
  co_await asio::async_read(sock, asio::buffer(buf, 64), asio::use_awaitable);
  // CHECK-MESSAGES-SYNC: :[[@LINE-1]]:3: warning: sync mutex 'spin' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

task<void> spin_short() {
  spin.lock();
  ++n;
  spin.unlock();
}
