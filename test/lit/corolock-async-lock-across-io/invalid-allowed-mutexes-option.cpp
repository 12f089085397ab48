// An invalid regular expression in AllowedMutexes is a configuration error
// that names the check, the option and the pattern; clang-tidy then fails
// and the check does not run (the I/O under the lock below is not reported).
// A valid pattern next to it does not save the list.
// RUN: %check_corolock --check-suffix=PAREN --config="{CheckOptions: {corolock-async-lock-across-io.AllowedMutexes: 'Session::(mu_'}}" corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=RANGE --config="{CheckOptions: {corolock-async-lock-across-io.AllowedMutexes: 'Session::mu_;[z-a]_mu'}}" corolock-async-lock-across-io %s -- %mocks
// RUN: not %tidy --checks=-*,corolock-async-lock-across-io --config="{CheckOptions: {corolock-async-lock-across-io.AllowedMutexes: 'Session::(mu_'}}" %s -- %std_cxx20 %mocks
// CHECK-MESSAGES-PAREN: error: corolock-async-lock-across-io: invalid regular expression 'Session::(mu_' in option 'AllowedMutexes': parentheses not balanced (expected a semicolon-separated list of regular expressions over qualified names) [clang-tidy-config]
// CHECK-MESSAGES-RANGE: error: corolock-async-lock-across-io: invalid regular expression '[z-a]_mu' in option 'AllowedMutexes': invalid character range (expected a semicolon-separated list of regular expressions over qualified names) [clang-tidy-config]

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"

folly::coro::Mutex mu;
int n = 0;

folly::coro::Task<void> slow() {
  auto lk = co_await mu.co_scoped_lock();
  co_await folly::coro::sleep(std::chrono::milliseconds(1));
}

folly::coro::Task<void> fast() {
  auto lk = co_await mu.co_scoped_lock();
  ++n;
}
