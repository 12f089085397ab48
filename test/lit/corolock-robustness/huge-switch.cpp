// A switch of 2000 cases in a loop, each suspending, 200 of them releasing
// and retaking a manually locked mutex, under all corolock checks: the
// dataflow joins 2000 predecessors carrying 201 acquisitions without hanging
// (`timeout` fails the test after 120 s) and reports what it should.
// RUN: timeout 120 %corolock --checks='-*,corolock-*' %s -- %std_cxx20 %mocks 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='error:'

#include "std_mutex.h"
#include "task.h"

std::mutex mu, other;

#define CASE(n)                                                                \
  case n:                                                                      \
    co_await send(n);                                                          \
    break;
// Cases ending in 7 release the lock first.
#define CASE_UNLOCK(n)                                                         \
  case n:                                                                      \
    mu.unlock();                                                               \
    co_await send(n);                                                          \
    mu.lock();                                                                 \
    break;
#define D10(p)                                                                 \
  CASE(p##0) CASE(p##1) CASE(p##2) CASE(p##3) CASE(p##4) CASE(p##5)            \
  CASE(p##6) CASE_UNLOCK(p##7) CASE(p##8) CASE(p##9)
#define D100(p)                                                                \
  D10(p##0) D10(p##1) D10(p##2) D10(p##3) D10(p##4) D10(p##5) D10(p##6)        \
  D10(p##7) D10(p##8) D10(p##9)
#define D1000(p)                                                               \
  D100(p##0) D100(p##1) D100(p##2) D100(p##3) D100(p##4) D100(p##5)            \
  D100(p##6) D100(p##7) D100(p##8) D100(p##9)

task<void> dispatch(int n) {
  for (int round = 0; round < n; ++round) {
    switch (compute(round)) {
      D1000(1) D1000(2)
    // CHECK: :[[@LINE-1]]:7: warning: sync mutex 'mu' is possibly held across 'co_await' (held from the previous iteration)
    // CHECK: :[[@LINE-2]]:7: note: sync mutex 'mu' locked here, then held into the next iteration and at 197 other places
    // CHECK: :[[@LINE-3]]:7: note: sync mutex 'mu' is also possibly held across this 'co_await' (held from the previous iteration), and across 1796 more suspension points
    default:
      mu.lock();
      break;
    }
  }
  // After the loop the lock may be held (the default case takes it; the
  // 200 cases ending in 7 retake it): one of the suspension points counted
  // above.
  co_await send(0);
  mu.unlock();
}

// In the switch, the 1800 cases that do not unlock suspend while the default
// case's lock from an earlier round may be held: with the co_await after the
// loop, 1801 suspension points of one lock holder, one finding. Its notes
// name three of the 201 places that lock and three of the other suspension
// points, and count the rest.
