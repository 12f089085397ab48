// Guards in wrappers (issue 11), over the real standard library: a guard in a
// std::optional holds its lock from emplace() to reset() or the end of its
// scope; a guard returned inside a struct and taken apart by a structured
// binding holds it while the binding lives; a lock-witness temporary holds it
// to the end of its full-expression, the co_await included. Manual locks of an
// array element by a local index pair up while the index is the same
// variable.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s

#include <coroutine>
#include <mutex>
#include <optional>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct yield_now {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 0; }
};
yield_now flush(int);

std::mutex mu;
std::mutex stripes[16];
int witness(const std::lock_guard<std::mutex> &);

struct LockedCount {
  std::unique_lock<std::mutex> lock;
  int count;
};
LockedCount locked_count();

task optional_engaged(bool exclusive) {
  std::optional<std::lock_guard<std::mutex>> g;
  if (exclusive)
    g.emplace(mu);
  co_await flush(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held by 'g' across 'co_await' [corolock-sync-lock-across-suspend]
}

task optional_reset() {
  std::optional<std::lock_guard<std::mutex>> g;
  g.emplace(mu);
  g.reset();
  co_await flush(2);
}

task optional_never_engaged() {
  std::optional<std::lock_guard<std::mutex>> g;
  co_await flush(3);
}

task optional_scope_ends() {
  {
    std::optional<std::unique_lock<std::mutex>> g;
    g.emplace(mu);
  }
  co_await flush(4);
}

task structured_binding() {
  auto [lock, count] = locked_count();
  co_await flush(count);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: a sync lock is possibly held by '[lock, count]' across 'co_await' [corolock-sync-lock-across-suspend]
}

task structured_binding_scope_ends() {
  int n;
  {
    auto [lock, count] = locked_count();
    n = count;
  }
  co_await flush(n);
}

task witness_temporary() {
  co_await flush(witness(std::lock_guard<std::mutex>(mu)));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by a temporary 'std::lock_guard<std::mutex>' across 'co_await' [corolock-sync-lock-across-suspend]
}

task witness_before_await() {
  int n = witness(std::lock_guard<std::mutex>(mu));
  co_await flush(n);
}

task stripe_across(unsigned key) {
  unsigned i = key % 16;
  stripes[i].lock();
  co_await flush(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sync mutex 'stripes[i]' is held across 'co_await' [corolock-sync-lock-across-suspend]
  stripes[i].unlock();
}

task stripe_released(unsigned key) {
  unsigned i = key % 16;
  stripes[i].lock();
  stripes[i].unlock();
  co_await flush(6);
}

task stripe_other_index(unsigned a, unsigned b) {
  stripes[a].lock();
  stripes[b].unlock();
  co_await flush(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sync mutex 'stripes[a]' is held across 'co_await' [corolock-sync-lock-across-suspend]
  stripes[a].unlock();
}
