// Minimal concurrencpp::timer_queue for corolock fixtures, spelled as in
// concurrencpp: make_delay_object returns a lazy_result<void> to co_await,
//   co_await timer_queue->make_delay_object(100ms, executor);
#pragma once
#include "concurrencpp_async_lock.h" // lazy_result, executor, shared_ptr

namespace concurrencpp {
class timer_queue {
public:
  lazy_result<void> make_delay_object(std::chrono::milliseconds due_time,
                                      std::shared_ptr<executor> executor);
};
} // namespace concurrencpp
