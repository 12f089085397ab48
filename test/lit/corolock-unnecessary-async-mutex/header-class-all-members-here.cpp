// A private async mutex of a class declared in a header (Inputs/presence.h),
// locked briefly, is judged without IncludeHeaderMutexes when every member
// function (constructor, operator, static member, member template) and every
// friend (a function, a class's members) is defined in this translation unit:
// no other one can lock it. The warning is at the first critical section,
// with a note at the declaration.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs
//
// Not judged when one of them is defined elsewhere (issue 12's example:
// count() in another translation unit may hold the mutex across a co_await),
// when a member template names the mutex (another translation unit may
// instantiate it with an awaitable that suspends), when the mutex is
// protected (derived classes elsewhere), or when its address escapes.
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DOMIT_COUNT
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DOMIT_CONSTRUCTOR
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DOMIT_OPERATOR
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DOMIT_STATIC
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DOMIT_FRIEND_FUNCTION
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DOMIT_FRIEND_CLASS_MEMBER
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DLOCKING_TEMPLATE
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DPROTECTED_MUTEX
// RUN: %check_corolock --check-suffix=OUT-OF-SIGHT corolock-unnecessary-async-mutex %s -- %mocks -I %S/Inputs -DESCAPES

#include "presence.h"

#ifndef OMIT_CONSTRUCTOR
Presence::Presence() = default;
#endif

#ifndef OMIT_OPERATOR
bool Presence::operator==(const Presence &other) const {
  return users_ == other.users_;
}
#endif

#ifndef OMIT_STATIC
Presence &Presence::instance() {
  static Presence p;
  return p;
}
#endif

task<void> Presence::join(int user) {
  auto lk = co_await mu_.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: its 4 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES: presence.h:{{[0-9]+}}:22: note: 'mu_' declared here
  // CHECK-NOTES: :[[@LINE+14]]:10: note: async mutex 'mu_' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE+23]]:8: note: async mutex 'mu_' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE+29]]:8: note: async mutex 'mu_' locked here and released without suspending
  users_ += user;
  if (users_ > 100)
    users_ = 100;
}

task<void> use(int n);

#ifndef OMIT_COUNT
task<int> Presence::count() {
  int n;
  {
    auto lk = co_await mu_.co_scoped_lock();
    n = users_;
  }
  co_await use(n);
  co_return n;
}
#endif

#ifndef OMIT_FRIEND_FUNCTION
task<void> evict(Presence &p) {
  auto lk = co_await p.mu_.co_scoped_lock();
  p.users_ = p.users_ > 0 ? p.users_ - 1 : 0;
}
#endif

#ifndef OMIT_FRIEND_CLASS_MEMBER
task<void> Auditor::audit(Presence &p) {
  auto lk = co_await p.mu_.co_scoped_lock();
  p.users_ = p.users_ * 2 / 2;
}
#endif

task<void> run() {
  co_await Presence::instance().join(1);
  co_await Presence::instance().count();
  Presence::instance().visit([](int) {});
#ifdef LOCKING_TEMPLATE
  co_await Presence::instance().joinAfter(std::suspend_never{});
#endif
}
