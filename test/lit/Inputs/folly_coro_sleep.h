// Minimal folly::coro::sleep and coroutine transports for corolock fixtures,
// spelled as in folly (folly/coro/Sleep.h, folly/io/coro/Transport.h,
// folly/io/coro/ServerSocket.h): each returns a folly::coro::Task to
// co_await,
//   co_await folly::coro::sleep(std::chrono::milliseconds(10));
//   co_await transport.write(buf);
// Transport implements the TransportIf interface that callers often hold. A
// Task is bound to an executor by scheduleOn.
#pragma once
#include "std_coroutine.h"
#include "std_mutex.h"

#ifndef COROLOCK_MOCK_FOLLY_CORO_TASK
#define COROLOCK_MOCK_FOLLY_CORO_TASK
namespace folly {
class Executor;
} // namespace folly

namespace folly::coro {
// `co_await co_current_executor` in a Task: the promise's await_transform
// turns it into a ready awaitable, as in folly/coro/Task.h.
struct co_current_executor_t {};
inline constexpr co_current_executor_t co_current_executor;
// `co_await co_reschedule_on_current_executor` lets other tasks run first.
struct co_reschedule_on_current_executor_t {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline constexpr co_reschedule_on_current_executor_t
    co_reschedule_on_current_executor;

template <typename T = void> class ready_awaitable {
public:
  explicit ready_awaitable(T value) noexcept : value_(value) {}
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() noexcept { return value_; }

private:
  T value_;
};

struct TaskPromiseBase {
  ready_awaitable<Executor *> await_transform(co_current_executor_t) noexcept {
    return ready_awaitable<Executor *>(nullptr);
  }
  template <typename A> A &&await_transform(A &&a) noexcept {
    return static_cast<A &&>(a);
  }
};

template <typename T = void> class Task {
public:
  struct promise_type : TaskPromiseBase {
    Task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  Task scheduleOn(Executor *executor) &&;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};

template <> class Task<void> {
public:
  struct promise_type : TaskPromiseBase {
    Task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  Task scheduleOn(Executor *executor) &&;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};
} // namespace folly::coro
#endif

namespace folly {
using HighResDuration = std::chrono::milliseconds;
class Timekeeper;
struct Unit {};
struct ByteRange {};
struct MutableByteRange {};
} // namespace folly

namespace folly::coro {
Task<void> sleep(HighResDuration d, Timekeeper *tk = nullptr);
Task<void> sleepReturnEarlyOnCancel(HighResDuration d,
                                    Timekeeper *tk = nullptr);

class TransportIf {
public:
  virtual ~TransportIf() = default;
  virtual Task<decltype(sizeof 0)> read(MutableByteRange buf,
                                        std::chrono::milliseconds timeout) = 0;
  virtual Task<Unit> write(ByteRange buf,
                           std::chrono::milliseconds timeout = 0) = 0;
  virtual void close() = 0;
};

class Transport : public TransportIf {
public:
  Task<decltype(sizeof 0)> read(MutableByteRange buf,
                                std::chrono::milliseconds timeout) override;
  Task<Unit> write(ByteRange buf,
                   std::chrono::milliseconds timeout = 0) override;
  void close() override;
};

class ServerSocket {
public:
  Task<Transport *> accept();
};

// Awaits every task (collectAll) or the first to complete (collectAny).
template <typename... Tasks> Task<void> collectAll(Tasks &&...tasks);
template <typename... Tasks> Task<void> collectAny(Tasks &&...tasks);
} // namespace folly::coro
