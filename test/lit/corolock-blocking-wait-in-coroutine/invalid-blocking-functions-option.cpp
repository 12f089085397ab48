// An invalid regular expression in BlockingFunctions is a configuration
// error that names the check, the option and the pattern; clang-tidy then
// fails and the check does not run (the blocking call below is not
// reported). An invalid shared option is reported too.
// RUN: %check_corolock --check-suffix=PAREN --config="{CheckOptions: {corolock-blocking-wait-in-coroutine.BlockingFunctions: 'acme::(wait'}}" corolock-blocking-wait-in-coroutine %s -- %mocks
// RUN: %check_corolock --check-suffix=BOTH --config="{CheckOptions: {corolock-blocking-wait-in-coroutine.BlockingFunctions: 'acme::[z-a]', corolock.AsyncMutexes: 'my::(Mutex'}}" corolock-blocking-wait-in-coroutine %s -- %mocks
// RUN: not %tidy --checks=-*,corolock-blocking-wait-in-coroutine --config="{CheckOptions: {corolock-blocking-wait-in-coroutine.BlockingFunctions: 'acme::(wait'}}" %s -- %std_cxx20 %mocks
// CHECK-MESSAGES-PAREN: error: corolock-blocking-wait-in-coroutine: invalid regular expression 'acme::(wait' in option 'BlockingFunctions': parentheses not balanced (expected a semicolon-separated list of regular expressions over qualified names) [clang-tidy-config]
// CHECK-MESSAGES-BOTH: error: corolock-blocking-wait-in-coroutine: invalid regular expression 'acme::[z-a]' in option 'BlockingFunctions': invalid character range (expected a semicolon-separated list of regular expressions over qualified names) [clang-tidy-config]
// CHECK-MESSAGES-BOTH: error: corolock-blocking-wait-in-coroutine: invalid regular expression 'my::(Mutex' in option 'AsyncMutexes'{{.*}} [clang-tidy-config]

#include "cppcoro_sync_wait.h"

cppcoro::task<int> fetch();

cppcoro::task<int> handle() { co_return cppcoro::sync_wait(fetch()); }
