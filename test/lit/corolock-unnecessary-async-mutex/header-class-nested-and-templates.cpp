// A private async mutex of a class declared in a header whose member
// functions are defined in the class or here, and whose nested class's
// members are too, is judged without IncludeHeaderMutexes.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs
//
// Not when a nested class has a member defined elsewhere, or is only
// declared here (a pimpl, defined in another translation unit); nor the
// mutex of a class template (Store), whose instantiations in other
// translation units this one does not see, although all its members are
// defined here.
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DHIDDEN_NESTED_MEMBER
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DPIMPL

#include "registry.h"

task<void> Registry::clear() {
  auto lk = co_await mu_.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: its 2 critical sections in this translation unit never suspend while holding it, and each only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES: registry.h:{{[0-9]+}}:24: note: 'mu_' declared here
  // CHECK-NOTES: registry.h:{{[0-9]+}}:10: note: async mutex 'mu_' locked here and released without suspending
  ids_ = 0;
}

template <typename T> task<void> Store<T>::clear() {
  auto lk = co_await mu_.scoped_lock_async();
  value_ = T{};
}

task<void> run(Registry &r, Store<int> &s) {
  co_await r.add(1);
  co_await r.clear();
  co_await s.put(1);
  co_await s.clear();
}
