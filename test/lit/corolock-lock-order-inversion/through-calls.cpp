// An order also happens when the second mutex is locked in a function called,
// or a coroutine awaited, while the first is held; the notes show each call
// on the way.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Service {
public:
  task<void> update_index() {
    auto li = co_await index_mu_.co_scoped_lock();
    ++entries_;
  }
  task<void> store() {
    auto ls = co_await store_mu_.co_scoped_lock();
    co_await update_index();
  }
  void touch_store() { flush_store(); }
  task<void> reindex() {
    auto li = co_await index_mu_.co_scoped_lock();
    co_await rewrite();
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: mutex 'Service::store_mu_' is locked while 'Service::index_mu_' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
    // CHECK-NOTES: :[[@LINE-2]]:14: note: lock them in one order everywhere, or together with std::scoped_lock
    // CHECK-NOTES: :[[@LINE-9]]:10: note: 'store_mu_' locked here in 'Service::store'
    // CHECK-NOTES: :[[@LINE-9]]:14: note: 'Service::store' calls 'Service::update_index' here
    // CHECK-NOTES: :[[@LINE-15]]:10: note: then 'index_mu_' locked here while 'store_mu_' is held
    // CHECK-NOTES: :[[@LINE-7]]:10: note: 'index_mu_' locked here in 'Service::reindex'
    // CHECK-NOTES: :[[@LINE-7]]:14: note: 'Service::reindex' calls 'Service::rewrite' here
    // CHECK-NOTES: :[[@LINE+6]]:10: note: then 'store_mu_' locked here while 'index_mu_' is held
  }

private:
  void flush_store();
  task<void> rewrite() {
    auto ls = co_await store_mu_.co_scoped_lock();
    ++entries_;
  }
  folly::coro::Mutex index_mu_;
  folly::coro::Mutex store_mu_;
  int entries_ = 0;
};
