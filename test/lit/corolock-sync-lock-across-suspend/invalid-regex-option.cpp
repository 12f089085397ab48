// An invalid regular expression in an option is a configuration error that
// names the check, the option and the pattern; clang-tidy then fails and the
// check does not run (the held lock below is not reported).
// RUN: %check_corolock --check-suffix=SYNC --config="{CheckOptions: {corolock-sync-lock-across-suspend.SyncMutexes: 'my::(mutex'}}" corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --check-suffix=AWAITABLES --config="{CheckOptions: {corolock-sync-lock-across-suspend.NonSuspendingAwaitables: 'my::ready;[z-a]'}}" corolock-sync-lock-across-suspend %s -- %mocks
// RUN: not %tidy --checks=-*,corolock-sync-lock-across-suspend --config="{CheckOptions: {corolock-sync-lock-across-suspend.SyncMutexes: 'my::(mutex'}}" %s -- %std_cxx20 %mocks
// CHECK-MESSAGES-SYNC: error: corolock-sync-lock-across-suspend: invalid regular expression 'my::(mutex' in option 'SyncMutexes': parentheses not balanced (expected a semicolon-separated list of regular expressions over qualified names) [clang-tidy-config]
// CHECK-MESSAGES-AWAITABLES: error: corolock-sync-lock-across-suspend: invalid regular expression '[z-a]' in option 'NonSuspendingAwaitables': invalid character range (expected a semicolon-separated list of regular expressions over qualified names) [clang-tidy-config]

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
}
