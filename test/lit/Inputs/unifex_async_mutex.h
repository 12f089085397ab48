// Minimal libunifex unifex::async_mutex for corolock fixtures. As in
// libunifex, async_lock() returns a sender; a unifex::task awaits it through
// its promise's await_transform, and the caller unlocks with unlock():
//   co_await m.async_lock(); ... m.unlock();
#pragma once
#include "std_coroutine.h"

namespace unifex {
class async_mutex {
  class lock_sender;

public:
  async_mutex() noexcept;
  async_mutex(const async_mutex &) = delete;
  ~async_mutex();
  [[nodiscard]] bool try_lock() noexcept;
  [[nodiscard]] lock_sender async_lock() noexcept;
  void unlock() noexcept;

private:
  class lock_sender {
  public:
    template <template <typename...> class Variant,
              template <typename...> class Tuple>
    using value_types = Variant<Tuple<>>;
    lock_sender(const lock_sender &) = delete;
    lock_sender(lock_sender &&) = default;

  private:
    friend async_mutex;
    explicit lock_sender(async_mutex &mutex) noexcept : mutex_(mutex) {}
    async_mutex &mutex_;
  };
};

inline async_mutex::lock_sender async_mutex::async_lock() noexcept {
  return lock_sender{*this};
}

// The awaitable a unifex::task makes of a sender.
template <typename Sender> struct sender_awaiter {
  Sender sender;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

template <typename T = void> struct task {
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    template <typename Sender>
    sender_awaiter<Sender> await_transform(Sender &&s) noexcept {
      return {static_cast<Sender &&>(s)};
    }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
} // namespace unifex
