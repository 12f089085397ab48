// Minimal <coroutine> for corolock fixtures.
#pragma once
namespace std {
template <typename R, typename... Args> struct coroutine_traits {
  using promise_type = typename R::promise_type;
};
template <typename Promise = void> struct coroutine_handle;
template <> struct coroutine_handle<void> {
  static coroutine_handle from_address(void *) noexcept { return {}; }
  void *address() const noexcept { return nullptr; }
  void resume() const {}
};
template <typename Promise> struct coroutine_handle {
  static coroutine_handle from_address(void *) noexcept { return {}; }
  static coroutine_handle from_promise(Promise &) noexcept { return {}; }
  void *address() const noexcept { return nullptr; }
  operator coroutine_handle<void>() const noexcept { return {}; }
};
struct suspend_always {
  constexpr bool await_ready() const noexcept { return false; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};
struct suspend_never {
  constexpr bool await_ready() const noexcept { return true; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};
} // namespace std
