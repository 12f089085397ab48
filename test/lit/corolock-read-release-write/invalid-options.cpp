// The check reads the options every corolock check shares; an invalid value
// is a configuration error that names the check, the option and the value,
// and the check does not run (the stale write below is not reported).
// RUN: %check_corolock --check-suffix=MUTEXES --config="{CheckOptions: {corolock-read-release-write.AsyncMutexes: 'my::(mutex'}}" corolock-read-release-write %s -- %mocks
// RUN: %check_corolock --check-suffix=AWAITABLES --config="{CheckOptions: {corolock-read-release-write.NonSuspendingAwaitables: '[z-a]'}}" corolock-read-release-write %s -- %mocks
// RUN: not %tidy --checks=-*,corolock-read-release-write --config="{CheckOptions: {corolock-read-release-write.AsyncMutexes: 'my::(mutex'}}" %s -- %std_cxx20 %mocks
// CHECK-MESSAGES-MUTEXES: error: corolock-read-release-write: invalid regular expression 'my::(mutex' in option 'AsyncMutexes': parentheses not balanced (expected a semicolon-separated list of regular expressions over qualified names) [clang-tidy-config]
// CHECK-MESSAGES-AWAITABLES: error: corolock-read-release-write: invalid regular expression '[z-a]' in option 'NonSuspendingAwaitables': invalid character range (expected a semicolon-separated list of regular expressions over qualified names) [clang-tidy-config]

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int value;

task<void> stale() {
  int v;
  {
    std::lock_guard<std::mutex> lk(mu);
    v = value;
  }
  co_await send(v);
  std::lock_guard<std::mutex> lk(mu);
  value = v + 1;
}
