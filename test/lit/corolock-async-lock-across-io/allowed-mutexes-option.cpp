// The AllowedMutexes option lists mutexes (regexes over their qualified
// names) never reported: a data member is named with its class
// ('Session::mu_'), a global with its namespace ('net::g_io_mu'; an
// anonymous namespace is not part of the name), a static data member like a
// data member ('Session::registry_mu_', here matched by 'Session::.*'), and a
// function's static local by its name alone ('local_mu'). Mutexes not
// listed are still reported.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=SESSION --config="{CheckOptions: {corolock-async-lock-across-io.AllowedMutexes: 'Session::mu_'}}" corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=ALL --config="{CheckOptions: {corolock-async-lock-across-io.AllowedMutexes: 'Session::.*;net::g_io_mu;local_mu'}}" corolock-async-lock-across-io %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_sleep.h"
#include "task.h"

struct Session {
  cppcoro::async_mutex mu_;
  static cppcoro::async_mutex registry_mu_;
  int n_ = 0;

  task<void> slow() {
    auto lk = co_await mu_.scoped_lock_async();
    co_await folly::coro::sleep(std::chrono::milliseconds(5));
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES-DEFAULT: :[[@LINE+3]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }
  task<void> fast() {
    auto lk = co_await mu_.scoped_lock_async();
    ++n_;
  }
  static task<void> slow_registry() {
    auto lk = co_await registry_mu_.scoped_lock_async();
    co_await folly::coro::sleep(std::chrono::milliseconds(5));
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'registry_mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:5: note: 1 critical section on 'registry_mu_' without I/O waits for the round trip too: release 'registry_mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:10: note: async mutex 'registry_mu_' locked here
    // CHECK-NOTES-DEFAULT: :[[@LINE+7]]:10: note: a critical section on 'registry_mu_' without I/O, which waits behind it
    // CHECK-NOTES-SESSION: :[[@LINE-5]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'registry_mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-SESSION: :[[@LINE-6]]:5: note: 1 critical section on 'registry_mu_' without I/O waits for the round trip too: release 'registry_mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-SESSION: :[[@LINE-8]]:10: note: async mutex 'registry_mu_' locked here
    // CHECK-NOTES-SESSION: :[[@LINE+3]]:10: note: a critical section on 'registry_mu_' without I/O, which waits behind it
  }
  static task<void> fast_registry() {
    auto lk = co_await registry_mu_.scoped_lock_async();
  }
};

namespace net {
namespace {
cppcoro::async_mutex g_io_mu;
} // namespace

task<void> slow_global() {
  auto lk = co_await g_io_mu.scoped_lock_async();
  co_await folly::coro::sleep(std::chrono::milliseconds(5));
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'g_io_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: 1 critical section on 'g_io_mu' without I/O waits for the round trip too: release 'g_io_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:8: note: async mutex 'g_io_mu' locked here
  // CHECK-NOTES-DEFAULT: :[[@LINE+7]]:8: note: a critical section on 'g_io_mu' without I/O, which waits behind it
  // CHECK-NOTES-SESSION: :[[@LINE-5]]:3: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'g_io_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES-SESSION: :[[@LINE-6]]:3: note: 1 critical section on 'g_io_mu' without I/O waits for the round trip too: release 'g_io_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES-SESSION: :[[@LINE-8]]:8: note: async mutex 'g_io_mu' locked here
  // CHECK-NOTES-SESSION: :[[@LINE+3]]:8: note: a critical section on 'g_io_mu' without I/O, which waits behind it
}
task<void> fast_global() {
  auto lk = co_await g_io_mu.scoped_lock_async();
}
} // namespace net

task<void> poll_once() {
  static cppcoro::async_mutex local_mu;
  {
    auto lk = co_await local_mu.scoped_lock_async();
    co_await folly::coro::sleep(std::chrono::milliseconds(5));
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'local_mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:5: note: 1 critical section on 'local_mu' without I/O waits for the round trip too: release 'local_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:10: note: async mutex 'local_mu' locked here
    // CHECK-NOTES-DEFAULT: :[[@LINE+6]]:8: note: a critical section on 'local_mu' without I/O, which waits behind it
    // CHECK-NOTES-SESSION: :[[@LINE-5]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'local_mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-SESSION: :[[@LINE-6]]:5: note: 1 critical section on 'local_mu' without I/O waits for the round trip too: release 'local_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-SESSION: :[[@LINE-8]]:10: note: async mutex 'local_mu' locked here
    // CHECK-NOTES-SESSION: :[[@LINE+2]]:8: note: a critical section on 'local_mu' without I/O, which waits behind it
  }
  auto lk = co_await local_mu.scoped_lock_async();
}
