// The IoFunctions option adds regexes over qualified names of functions whose
// awaited result waits for I/O, on top of the presets. By default the RPC
// stub's call is not I/O and the mutex is silent; once listed, awaiting it
// (directly, or through a coroutine defined here) is reported. Patterns are
// separated by ';', anchored, and a leading '::' is ignored: 'Stub::call'
// alone matches nothing, the namespace is part of the name.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=LISTED --config="{CheckOptions: {corolock-async-lock-across-io.IoFunctions: '::rpc::Stub::call;rpc::Legacy::.*'}}" corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=UNQUALIFIED --config="{CheckOptions: {corolock-async-lock-across-io.IoFunctions: 'Stub::call'}}" corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

namespace rpc {
struct Reply {};
class Stub {
public:
  task<Reply> call(int method);
  task<void> cancel();
};
} // namespace rpc

rpc::Stub stub;
folly::coro::Mutex mu;
int calls = 0;

task<rpc::Reply> call_and_count(int method) {
  ++calls;
  co_return co_await stub.call(method);
}

task<void> refresh() {
  auto lk = co_await mu.co_scoped_lock();
  co_await stub.call(1);
  // CHECK-NOTES-LISTED: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('rpc::Stub::call') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES-LISTED: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES-LISTED: :[[@LINE-4]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES-LISTED: :[[@LINE+14]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> refresh_counted() {
  auto lk = co_await mu.co_scoped_lock();
  co_await call_and_count(2);
  // CHECK-NOTES-LISTED: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('rpc::Stub::call') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES-LISTED: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES-LISTED: :[[@LINE-17]]:13: note: 'call_and_count' awaits 'rpc::Stub::call' here
  // CHECK-NOTES-LISTED: :[[@LINE-5]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES-LISTED: :[[@LINE+4]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> reset() {
  auto lk = co_await mu.co_scoped_lock();
  calls = 0;
}
