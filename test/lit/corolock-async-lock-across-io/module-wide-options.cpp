// The lock-model options apply to every corolock check when given once as
// `corolock.<Option>`; a check's own value wins over the module-wide one.
// RUN: %check_corolock --check-suffix=NONE corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=MODULE --config="{CheckOptions: {corolock.AsyncMutexes: 'my::AsyncMutex'}}" corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=OWN --config="{CheckOptions: {corolock.AsyncMutexes: 'my::AsyncMutex', corolock-async-lock-across-io.AsyncMutexes: 'my::Other'}}" corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=MODULE --tool=standalone --config="{CheckOptions: {corolock.AsyncMutexes: 'my::AsyncMutex'}}" corolock-async-lock-across-io %s -- %mocks
// An invalid module-wide value is reported by the check that reads it.
// RUN: %check_corolock --check-suffix=INVALID --config="{CheckOptions: {corolock.SyncGuards: 'my::(Guard'}}" corolock-async-lock-across-io %s -- %mocks
// CHECK-MESSAGES-INVALID: error: corolock-async-lock-across-io: invalid regular expression 'my::(Guard' in option 'SyncGuards'{{.*}} [clang-tidy-config]

#include "cppcoro_net.h"
#include "task.h"

namespace my {
class AsyncMutex {
public:
  struct LockOp {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  LockOp lock_async();
  void unlock();
};
} // namespace my

my::AsyncMutex mu;
cppcoro::net::socket &sock();
char buf[16];
int n = 0;

task<void> slow() {
  co_await mu.lock_async();
  co_await sock().recv(buf, 16);
  // CHECK-MESSAGES-MODULE: :[[@LINE-1]]:3: warning: {{.*}}'mu'{{.*}} [corolock-async-lock-across-io]
  mu.unlock();
}

task<void> quick() {
  co_await mu.lock_async();
  ++n;
  mu.unlock();
}
