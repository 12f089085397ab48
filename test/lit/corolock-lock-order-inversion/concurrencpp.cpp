// concurrencpp's async_lock: scoped_async_lock guards from lock(executor) in
// opposite orders; a try_lock() second acquisition is not an order.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "concurrencpp_async_lock.h"

using namespace concurrencpp;

class Book {
public:
  lazy_result<void> buy(std::shared_ptr<executor> ex) {
    auto o = co_await orders_.lock(ex);
    auto p = co_await positions_.lock(ex);
  }
  lazy_result<void> settle(std::shared_ptr<executor> ex) {
    auto p = co_await positions_.lock(ex);
    auto o = co_await orders_.lock(ex);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: mutex 'Book::orders_' is locked while 'Book::positions_' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  }
  lazy_result<void> peek(std::shared_ptr<executor> ex) {
    auto p = co_await positions_.lock(ex);
    if (co_await orders_.try_lock())
      orders_.unlock();
  }

private:
  async_lock orders_;
  async_lock positions_;
};
