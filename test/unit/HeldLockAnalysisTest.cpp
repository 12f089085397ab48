//===--- HeldLockAnalysisTest.cpp - The held-lock dataflow rules ----------===//
//
// Each test is a rule of the dataflow with a snippet that breaks without it.
// Line numbers are relative to the snippet: the empty line after `R"cpp(` is
// line 1.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestSupport.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::AnyOf;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

//===----------------------------------------------------------------------===//
// Guards and their scopes
//===----------------------------------------------------------------------===//

// A guard is held across a co_await in its scope.
TEST(HeldLockAnalysis, GuardHeldAcrossAwait) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::lock_guard<std::mutex> g(m);
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L5: g=held(sync)"));
}

// A suspension point before the guard is constructed sees nothing.
TEST(HeldLockAnalysis, GuardNotYetConstructed) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  co_await send(1);
  std::lock_guard<std::mutex> g(m);
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L4: -", "L6: g=held(sync)"));
}

// A guard's lock ends with its scope.
TEST(HeldLockAnalysis, GuardScopeEnd) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  {
    std::lock_guard<std::mutex> g(m);
    co_await send(1);
  }
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: g=held(sync)", "L8: -"));
}

// A guard declared in an if-statement's condition scope ends with the if.
TEST(HeldLockAnalysis, GuardInIfInitScope) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
bool ready();
task<void> f() {
  if (std::lock_guard<std::mutex> g(m); ready())
    co_await send(1);
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: g=held(sync)", "L7: -"));
}

// A guard temporary holds its lock until the end of its full expression.
TEST(HeldLockAnalysis, TemporaryUntilEndOfFullExpression) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  (std::lock_guard<std::mutex>(m), co_await send(1));
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L4: temp=held(sync)", "L5: -"));
}

// A guard temporary passed to a call inside the awaited expression is held
// while suspended (its destructor runs after the co_await resumes).
TEST(HeldLockAnalysis, TemporaryInsideAwaitedExpression) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
int peek(const std::lock_guard<std::mutex> &);
task<void> f() {
  co_await send(peek(std::lock_guard<std::mutex>(m)));
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L5: temp=held(sync)", "L6: -"));
}

// A guard temporary bound to a reference lives as long as the reference.
TEST(HeldLockAnalysis, LifetimeExtendedTemporary) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  {
    const std::lock_guard<std::mutex> &g = std::lock_guard<std::mutex>(m);
    co_await send(1);
  }
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: g=held(sync)", "L8: -"));
}

// Class template argument deduction and brace initialisation make guards.
TEST(HeldLockAnalysis, DeducedAndBracedGuards) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m1, m2, m3;
task<void> f() {
  std::unique_lock a(m1);
  std::scoped_lock b(m2, m3);
  co_await send(1);
  a.unlock();
  std::lock_guard<std::mutex> c{m1};
  auto d = std::unique_lock<std::mutex>(m2, std::defer_lock);
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: a=held(sync) b=held(sync)",
                          "L10: a=alive(sync) b=held(sync) c=held(sync) "
                          "d=alive(sync)"));
}

// A guard returned by a (non-awaited) call may or may not own its lock.
TEST(HeldLockAnalysis, GuardReturnedByCallIsMaybe) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
std::unique_lock<std::mutex> take(std::mutex &);
task<void> f() {
  auto lk = take(m);
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L6: lk=maybe(sync)"));
}

//===----------------------------------------------------------------------===//
// Guard operations
//===----------------------------------------------------------------------===//

// unlock() ends ownership; the guard stays alive without its lock.
TEST(HeldLockAnalysis, GuardUnlock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  lk.unlock();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L6: lk=alive(sync)"));
}

// lock() after unlock() owns the lock again.
TEST(HeldLockAnalysis, GuardLockAgain) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  lk.unlock();
  co_await send(1);
  lk.lock();
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: lk=alive(sync)", "L8: lk=held(sync)"));
}

// try_lock() on a guard may or may not own the lock.
TEST(HeldLockAnalysis, GuardTryLockIsMaybe) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  lk.try_lock();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L6: lk=maybe(sync)"));
}

// release() with its result discarded leaves the mutex locked by the
// coroutine itself.
TEST(HeldLockAnalysis, ReleaseDiscardedLeavesManualLock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  lk.release();
  co_await send(1);
  m.unlock();
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: manual:m=held(sync)", "L8: -"));
}

// release() with its result used hands the mutex to the caller's variable:
// the guard owns nothing and no manual lock is recorded.
TEST(HeldLockAnalysis, ReleaseUsedDropsTheLock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  std::mutex *p = lk.release();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L6: -"));
}

// A (void) cast still discards release()'s result.
TEST(HeldLockAnalysis, ReleaseCastToVoidIsDiscarded) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  (void)lk.release();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L6: manual:m=held(sync)"));
}

// release() as the body of an if is discarded too: the mutex stays locked
// by the coroutine on that path.
TEST(HeldLockAnalysis, ReleaseDiscardedAsIfBody) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(bool b) {
  std::unique_lock<std::mutex> lk(m);
  if (b)
    lk.release();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L7: lk=maybe(sync) manual:m=maybe(sync)"));
}

// Operations through a reference to a guard act on the guard.
TEST(HeldLockAnalysis, GuardThroughReference) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  std::unique_lock<std::mutex> &ref = lk;
  ref.unlock();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L7: lk=alive(sync)"));
}

// Move-construction transfers the lock to the new guard.
TEST(HeldLockAnalysis, MoveConstructTransfersOwnership) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> a(m);
  std::unique_lock<std::mutex> b(std::move(a));
  co_await send(1);
  b.unlock();
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: b=held(sync)", "L8: b=alive(sync)"));
}

// Move-assignment transfers the lock and drops the target's old one.
TEST(HeldLockAnalysis, MoveAssignTransfersOwnership) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m1, m2;
task<void> f() {
  std::unique_lock<std::mutex> a(m1);
  std::unique_lock<std::mutex> b(m2);
  b = std::move(a);
  co_await send(1);
  b.unlock();
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L7: b=held(sync)", "L9: b=alive(sync)"));
}

// Assigning a fresh guard temporary gives the target its lock.
TEST(HeldLockAnalysis, AssignFromTemporary) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk;
  co_await send(1);
  lk = std::unique_lock<std::mutex>(m);
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L5: -", "L7: lk=held(sync)"));
}

// Member swap() exchanges ownership between two guards.
TEST(HeldLockAnalysis, MemberSwap) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m, n;
task<void> f() {
  std::unique_lock<std::mutex> a(m);
  std::unique_lock<std::mutex> b(n, std::defer_lock);
  a.swap(b);
  co_await send(1);
  b.unlock();
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L7: b=held(sync) a=alive(sync)",
                          "L9: b=alive(sync) a=alive(sync)"));
}

// std::swap exchanges ownership between two guards.
TEST(HeldLockAnalysis, StdSwap) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m, n;
task<void> f() {
  std::unique_lock<std::mutex> a(m);
  std::unique_lock<std::mutex> b(n, std::defer_lock);
  std::swap(a, b);
  b.unlock();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L8: b=alive(sync) a=alive(sync)"));
}

//===----------------------------------------------------------------------===//
// Constructor tags
//===----------------------------------------------------------------------===//

// std::defer_lock: the guard is alive but does not own its lock until
// lock().
TEST(HeldLockAnalysis, DeferLock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  co_await send(1);
  lk.lock();
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L5: lk=alive(sync)", "L7: lk=held(sync)"));
}

// std::try_to_lock and a timeout may or may not acquire the lock.
TEST(HeldLockAnalysis, TryToLockIsMaybe) {
  EXPECT_THAT(
      heldLocks(R"cpp(
std::mutex m, n;
task<void> f() {
  std::unique_lock<std::mutex> a(m, std::try_to_lock);
  co_await send(1);
  std::unique_lock<std::mutex> b(n, std::chrono::milliseconds(5));
  co_await send(2);
}
)cpp",
                "f"),
      ElementsAre("L5: a=maybe(sync)", "L7: a=maybe(sync) b=maybe(sync)"));
}

// std::adopt_lock: the guard takes over the coroutine's manual lock, and
// releases it at its scope end.
TEST(HeldLockAnalysis, AdoptLockTakesOverManualLock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  m.lock();
  {
    std::lock_guard<std::mutex> g(m, std::adopt_lock);
    co_await send(1);
  }
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L7: g=held(sync)", "L9: -"));
}

// std::scoped_lock(std::adopt_lock, ...) takes over all the manual locks.
TEST(HeldLockAnalysis, ScopedLockAdoptsSeveral) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m1, m2;
task<void> f() {
  std::lock(m1, m2);
  {
    std::scoped_lock<std::mutex, std::mutex> g(std::adopt_lock, m1, m2);
    co_await send(1);
  }
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L7: g=held(sync)", "L9: -"));
}

//===----------------------------------------------------------------------===//
// Manual locking
//===----------------------------------------------------------------------===//

// m.lock() ... m.unlock() holds the mutex in between.
TEST(HeldLockAnalysis, ManualLockUnlock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  m.lock();
  co_await send(1);
  m.unlock();
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L5: manual:m=held(sync)", "L7: -"));
}

// An unrefined m.try_lock() may hold the mutex.
TEST(HeldLockAnalysis, ManualTryLockIsMaybe) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  bool locked = m.try_lock();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L5: manual:m=maybe(sync)"));
}

// if (m.try_lock()) holds in the then-branch and not in the else-branch.
TEST(HeldLockAnalysis, TryLockRefinedByIf) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  if (m.try_lock()) {
    co_await send(1);
    m.unlock();
  } else {
    co_await send(2);
  }
  co_await send(3);
}
)cpp",
                        "f"),
              ElementsAre("L5: manual:m=held(sync)", "L8: -", "L10: -"));
}

// while (!m.try_lock()) co_await ...: not held while spinning, held after.
TEST(HeldLockAnalysis, TryLockSpinLoop) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  while (!m.try_lock())
    co_await sleep_for(1);
  co_await send(1);
  m.unlock();
}
)cpp",
                        "f"),
              ElementsAre("L5: -", "L6: manual:m=held(sync)"));
}

// if (m.try_lock() && ready()): held in the then-branch only.
TEST(HeldLockAnalysis, TryLockRefinedThroughLogicalAnd) {
  EXPECT_THAT(
      heldLocks(R"cpp(
std::mutex m;
bool ready();
task<void> f() {
  if (m.try_lock() && ready()) {
    co_await send(1);
    m.unlock();
  } else {
    co_await send(2);
  }
}
)cpp",
                "f"),
      ElementsAre("L6: manual:m=held(sync)", "L9: manual:m=maybe(sync)"));
}

// if (!m.try_lock()) inverts the refinement.
TEST(HeldLockAnalysis, TryLockRefinedByNegation) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  if (!m.try_lock()) {
    co_await send(1);
    co_return;
  }
  co_await send(2);
  m.unlock();
}
)cpp",
                        "f"),
              ElementsAre("L5: -", "L8: manual:m=held(sync)"));
}

// if (lk.try_lock()) refines a deferred guard.
TEST(HeldLockAnalysis, GuardTryLockRefinedByIf) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  if (lk.try_lock())
    co_await send(1);
  else
    co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: lk=held(sync)", "L8: lk=alive(sync)"));
}

// if (lk.owns_lock()) refines a try_to_lock guard.
TEST(HeldLockAnalysis, OwnsLockRefinesGuard) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m, std::try_to_lock);
  if (lk.owns_lock()) {
    co_await send(1);
  } else {
    co_await send(2);
  }
  co_await send(3);
}
)cpp",
                        "f"),
              ElementsAre("L6: lk=held(sync)", "L8: lk=alive(sync)",
                          "L10: lk=maybe(sync)"));
}

// if (lk) (explicit operator bool) refines like owns_lock(), also negated.
TEST(HeldLockAnalysis, BoolConversionRefinesGuard) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m, std::try_to_lock);
  if (lk)
    co_await send(1);
  if (!lk)
    co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: lk=held(sync)", "L8: lk=alive(sync)"));
}

// std::lock(m1, m2) holds both mutexes.
TEST(HeldLockAnalysis, StdLockOfMutexes) {
  EXPECT_THAT(
      heldLocks(R"cpp(
std::mutex m1, m2;
task<void> f() {
  std::lock(m1, m2);
  co_await send(1);
  m1.unlock();
  co_await send(2);
  m2.unlock();
  co_await send(3);
}
)cpp",
                "f"),
      ElementsAre(AnyOf("L5: manual:m1=held(sync) manual:m2=held(sync)",
                        "L5: manual:m2=held(sync) manual:m1=held(sync)"),
                  "L7: manual:m2=held(sync)", "L9: -"));
}

// std::lock(a, b) on deferred guards makes both own their lock.
TEST(HeldLockAnalysis, StdLockOfDeferredGuards) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m1, m2;
task<void> f() {
  std::unique_lock<std::mutex> a(m1, std::defer_lock);
  std::unique_lock<std::mutex> b(m2, std::defer_lock);
  std::lock(a, b);
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre(AnyOf("L7: a=held(sync) b=held(sync)",
                                "L7: b=held(sync) a=held(sync)")));
}

// std::try_lock(m1, m2) may hold them.
TEST(HeldLockAnalysis, StdTryLockIsMaybe) {
  EXPECT_THAT(
      heldLocks(R"cpp(
std::mutex m1;
task<void> f() {
  std::mutex local;
  std::try_lock(m1, local);
  co_await send(1);
}
)cpp",
                "f"),
      ElementsAre(AnyOf("L6: manual:m1=maybe(sync) manual:local=maybe(sync)",
                        "L6: manual:local=maybe(sync) manual:m1=maybe(sync)")));
}

// A mutex of a class derived from std::mutex is locked manually too.
TEST(HeldLockAnalysis, DerivedMutexManualLock) {
  EXPECT_THAT(heldLocks(R"cpp(
struct MyMutex : std::mutex {};
MyMutex m;
task<void> f() {
  m.lock();
  co_await send(1);
  m.unlock();
}
)cpp",
                        "f"),
              ElementsAre("L6: manual:m=held(sync)"));
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

// A lock taken at the end of a loop body reaches the loop head through the
// back edge: maybe held there.
TEST(HeldLockAnalysis, LoopBackEdgeMakesMaybe) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
bool more();
task<void> f() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  while (more()) {
    co_await send(1);
    lk.lock();
  }
}
)cpp",
                        "f"),
              ElementsAre("L7: lk=maybe(sync)"));
}

// A manual lock taken at the end of a loop body is maybe held at the head,
// and after the loop.
TEST(HeldLockAnalysis, LoopBackEdgeManual) {
  EXPECT_THAT(
      heldLocks(R"cpp(
std::mutex m;
task<void> f(int n) {
  for (int i = 0; i < n; ++i) {
    co_await send(i);
    m.lock();
  }
  co_await send(-1);
}
)cpp",
                "f"),
      ElementsAre("L5: manual:m=maybe(sync)", "L8: manual:m=maybe(sync)"));
}

// Locking and unlocking inside a loop body leaves nothing at the head.
TEST(HeldLockAnalysis, BalancedLoopBody) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(int n) {
  for (int i = 0; i < n; ++i) {
    co_await send(i);
    std::lock_guard<std::mutex> g(m);
    compute(i);
  }
}
)cpp",
                        "f"),
              ElementsAre("L5: -"));
}

// An early co_return does not flow to the following statements.
TEST(HeldLockAnalysis, EarlyCoReturn) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(bool b) {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  if (b) {
    lk.lock();
    co_return;
  }
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L9: lk=alive(sync)"));
}

// A return inside a (non-coroutine) lambda is the lambda's, not the
// coroutine's: it neither ends the coroutine nor unlocks its mutex.
TEST(HeldLockAnalysis, ReturnInLambdaIsNotTheCoroutines) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(bool b) {
  m.lock();
  auto g = [&] {
    m.unlock();
    return;
  };
  co_await send(1);
  m.unlock();
}
)cpp",
                        "f"),
              ElementsAre("L9: manual:m=held(sync)"));
}

// break leaves the loop with the lock taken before it.
TEST(HeldLockAnalysis, BreakCarriesTheLock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
bool done();
task<void> f() {
  for (;;) {
    m.lock();
    if (done())
      break;
    m.unlock();
  }
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L11: manual:m=held(sync)"));
}

// break out of a guard's scope destroys the guard.
TEST(HeldLockAnalysis, BreakEndsGuardScope) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
bool done();
task<void> f() {
  while (true) {
    std::lock_guard<std::mutex> g(m);
    if (done())
      break;
    co_await send(1);
  }
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L9: g=held(sync)", "L11: -"));
}

// continue skips the unlock: the lock reaches the loop head.
TEST(HeldLockAnalysis, ContinueCarriesTheLock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(int n) {
  for (int i = 0; i < n; ++i) {
    co_await send(i);
    m.lock();
    if (i % 2)
      continue;
    m.unlock();
  }
}
)cpp",
                        "f"),
              ElementsAre("L5: manual:m=maybe(sync)"));
}

// goto skips the unlock.
TEST(HeldLockAnalysis, GotoCarriesTheLock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(bool b) {
  m.lock();
  if (b)
    goto done;
  m.unlock();
done:
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L9: manual:m=maybe(sync)"));
}

// goto out of a guard's scope destroys the guard.
TEST(HeldLockAnalysis, GotoEndsGuardScope) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(bool b) {
  {
    std::lock_guard<std::mutex> g(m);
    if (b)
      goto out;
    co_await send(1);
  }
out:
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L8: g=held(sync)", "L11: -"));
}

// switch: each case starts from the state before the switch; fallthrough
// carries the previous case's lock.
TEST(HeldLockAnalysis, SwitchCasesAndFallthrough) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(int k) {
  switch (k) {
  case 0:
    co_await send(0);
    m.lock();
    break;
  case 1:
    m.lock();
    [[fallthrough]];
  case 2:
    co_await send(2);
    break;
  default:
    co_await send(3);
    break;
  }
  co_await send(4);
}
)cpp",
                        "f"),
              ElementsAre("L6: -", "L13: manual:m=maybe(sync)", "L16: -",
                          "L19: manual:m=maybe(sync)"));
}

// A switch whose every case (with a default) locks holds the lock after it.
TEST(HeldLockAnalysis, SwitchAllCasesLock) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f(int k) {
  switch (k) {
  case 0:
    m.lock();
    break;
  default:
    m.lock();
    break;
  }
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L12: manual:m=held(sync)"));
}

// if constexpr: an instantiation sees only its own branch.
TEST(HeldLockAnalysis, IfConstexprInInstantiation) {
  const char *Code = R"cpp(
std::mutex m;
template <bool Locked> task<void> f() {
  if constexpr (Locked)
    m.lock();
  co_await send(1);
  if constexpr (Locked)
    m.unlock();
}
template task<void> f<%s>();
)cpp";
  auto With = [&](const char *Arg) {
    std::string Text = Code;
    Text.replace(Text.find("%s"), 2, Arg);
    return heldLocks(Text, "f");
  };
  EXPECT_THAT(With("true"), ElementsAre("L6: manual:m=held(sync)"));
  EXPECT_THAT(With("false"), ElementsAre("L6: -"));
}

// A guard template argument decides the guard's kind in the instantiation.
TEST(HeldLockAnalysis, GuardInTemplateInstantiation) {
  EXPECT_THAT(heldLocks(R"cpp(
namespace folly::coro { struct Mutex { void lock(); void unlock(); }; }
template <typename M> task<void> f(M &m) {
  std::unique_lock<M> lk(m);
  co_await send(1);
}
folly::coro::Mutex am;
task<void> use() { co_await f(am); }
)cpp",
                        "f"),
              ElementsAre("L5: lk=held(async)"));
}

// try/catch: a handler's lock joins the try-block's state after the try.
TEST(HeldLockAnalysis, TryCatchJoinsHandlers) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  try {
    std::lock_guard<std::mutex> g(m);
    co_await send(1);
  } catch (...) {
    m.lock();
  }
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L6: g=held(sync)", "L10: manual:m=maybe(sync)"));
}

//===----------------------------------------------------------------------===//
// Hand-off to the awaited expression
//===----------------------------------------------------------------------===//

const char *const CondVar = R"cpp(
std::mutex m;
struct condvar {
  task<void> wait(std::unique_lock<std::mutex> &lk);
};
condvar cv;
task<void> peek(const std::unique_lock<std::mutex> &lk);
task<void> wait_on(std::mutex &m);
task<void> wait_const(const std::mutex &m);
task<void> consume(std::unique_lock<std::mutex> lk);
)cpp";

// A guard passed by non-const reference to the awaited call is handed off:
// the awaitable unlocks it while suspended.
TEST(HeldLockAnalysis, HandOffByNonConstRef) {
  EXPECT_THAT(heldLocks(std::string(CondVar) + R"cpp(
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  co_await cv.wait(lk);
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L14: -", "L15: lk=held(sync)"));
}

// A guard passed by const reference stays held.
TEST(HeldLockAnalysis, ConstRefIsNotHandOff) {
  EXPECT_THAT(heldLocks(std::string(CondVar) + R"cpp(
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  co_await peek(lk);
}
)cpp",
                        "f"),
              ElementsAre("L14: lk=held(sync)"));
}

// A mutex passed by non-const reference to the awaited call hands off the
// guards on it; by const reference it does not.
TEST(HeldLockAnalysis, HandOffOfMutexExcludesItsGuards) {
  EXPECT_THAT(heldLocks(std::string(CondVar) + R"cpp(
task<void> f() {
  std::lock_guard<std::mutex> g(m);
  co_await wait_on(m);
  co_await wait_const(m);
}
)cpp",
                        "f"),
              ElementsAre("L14: -", "L15: g=held(sync)"));
}

// A mutex passed by reference hands off the coroutine's manual lock too.
TEST(HeldLockAnalysis, HandOffOfManualLock) {
  EXPECT_THAT(heldLocks(std::string(CondVar) + R"cpp(
task<void> f() {
  m.lock();
  co_await wait_on(m);
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L14: -", "L15: manual:m=held(sync)"));
}

// A guard moved into the awaited call is no longer the coroutine's.
TEST(HeldLockAnalysis, HandOffByMove) {
  EXPECT_THAT(heldLocks(std::string(CondVar) + R"cpp(
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  co_await consume(std::move(lk));
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L14: -", "L15: -"));
}

// A guard passed to a nested call whose int result cannot carry it is not
// handed off to the awaitable: it stays held while suspended.
TEST(HeldLockAnalysis, NoHandOffThroughNestedScalarCall) {
  EXPECT_THAT(heldLocks(std::string(CondVar) + R"cpp(
int count(std::unique_lock<std::mutex> &lk);
int size_of(std::mutex &m);
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  co_await send(count(lk));
  co_await send(size_of(m));
}
)cpp",
                        "f"),
              ElementsAre("L16: lk=held(sync)", "L17: lk=held(sync)"));
}

// Passing a guard to a call that is not awaited is no hand-off.
TEST(HeldLockAnalysis, HandOffOnlyIntoTheAwaitedExpression) {
  EXPECT_THAT(heldLocks(std::string(CondVar) + R"cpp(
void touch(std::unique_lock<std::mutex> &lk);
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  touch(lk);
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L16: lk=held(sync)"));
}

//===----------------------------------------------------------------------===//
// Bodies, parameters, kinds and identities
//===----------------------------------------------------------------------===//

// A coroutine lambda is its own body: its suspension points are not the
// enclosing coroutine's, and the enclosing guard is not the lambda's.
TEST(HeldLockAnalysis, CoroutineLambdaIsItsOwnBody) {
  const char *Code = R"cpp(
std::mutex m;
task<void> f() {
  std::lock_guard<std::mutex> g(m);
  auto inner = [&]() -> task<void> {
    co_await send(1);
    std::lock_guard<std::mutex> g2(m);
    co_await send(2);
  };
  co_await send(3);
}
)cpp";
  EXPECT_THAT(heldLocks(Code, "f"), ElementsAre("L10: g=held(sync)"));
  EXPECT_THAT(heldLocks(Code, "operator()"),
              ElementsAre("L6: -", "L8: g2=held(sync)"));
}

// A lock taken in a lambda is not the enclosing coroutine's.
TEST(HeldLockAnalysis, LambdaLocksAreNotEntered) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  auto locker = [&] { m.lock(); };
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L5: -"));
}

// A guard passed by value to the coroutine may own its lock; by reference it
// is the caller's.
TEST(HeldLockAnalysis, GuardByValueParameterIsMaybe) {
  EXPECT_THAT(heldLocks(R"cpp(
task<void> f(std::unique_lock<std::mutex> lk) {
  co_await send(1);
  lk.unlock();
  co_await send(2);
}
)cpp",
                        "f"),
              ElementsAre("L3: lk=maybe(sync)", "L5: -"));
  EXPECT_THAT(heldLocks(R"cpp(
task<void> f(std::unique_lock<std::mutex> &lk) {
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L3: -"));
}

// A guard over an async mutex is an async lock, so are manual locks of it;
// an async lock operation holds the mutex once awaited, not before.
TEST(HeldLockAnalysis, AsyncGuardKind) {
  EXPECT_THAT(heldLocks(R"cpp(
namespace folly::coro {
struct Mutex {
  void lock();
  void unlock();
  sleep_for co_lock();
};
}
folly::coro::Mutex am;
std::mutex m;
task<void> f() {
  std::unique_lock<folly::coro::Mutex> a(am);
  std::unique_lock<std::mutex> s(m);
  co_await send(1);
  s.unlock();
  a.unlock();
  am.co_lock();
  co_await send(2);
  co_await am.co_lock();
  co_await send(3);
}
)cpp",
                        "f"),
              ElementsAre("L14: a=held(async) s=held(sync)",
                          "L18: a=alive(async) s=alive(sync)",
                          "L19: a=alive(async) s=alive(sync)",
                          "L20: a=alive(async) s=alive(sync) "
                          "manual:am=held(async)"));
}

// A guard returned by an awaited async lock operation is held after it.
TEST(HeldLockAnalysis, AwaitedAsyncGuard) {
  EXPECT_THAT(heldLocks(R"cpp(
namespace cppcoro {
struct async_mutex_lock {
  async_mutex_lock(async_mutex_lock &&);
  ~async_mutex_lock();
};
struct async_mutex_scoped_lock_operation {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  async_mutex_lock await_resume() const noexcept;
};
struct async_mutex {
  async_mutex_scoped_lock_operation scoped_lock_async();
};
}
cppcoro::async_mutex am;
task<void> f() {
  auto lk = co_await am.scoped_lock_async();
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L18: -", "L19: lk=held(async)"));
}

// scoped_lock over several mutexes, one of them async, is an async guard.
TEST(HeldLockAnalysis, ScopedLockWithAsyncMutex) {
  EXPECT_THAT(heldLocks(R"cpp(
namespace folly::coro { struct Mutex { void lock(); void unlock(); }; }
folly::coro::Mutex am;
std::mutex m;
task<void> f() {
  std::scoped_lock<std::mutex, folly::coro::Mutex> g(m, am);
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L7: g=held(async)"));
}

// `this->mu_` and `mu_` name the same mutex.
TEST(HeldLockAnalysis, ThisArrowMemberIsTheSameMutex) {
  EXPECT_THAT(heldLocks(R"cpp(
struct S {
  std::mutex mu_;
  std::mutex other_;
  task<void> f() {
    this->mu_.lock();
    other_.lock();
    co_await send(1);
    mu_.unlock();
    this->other_.unlock();
    co_await send(2);
  }
};
)cpp",
                        "f"),
              ElementsAre("L8: manual:this->mu_=held(sync) "
                          "manual:this->other_=held(sync)",
                          "L11: -"));
}

// A mutex through a pointer: `p->lock()` and `(*p).unlock()` agree.
TEST(HeldLockAnalysis, PointerMutexIdentity) {
  EXPECT_THAT(
      heldLocks(R"cpp(
task<void> f(std::mutex *p, std::mutex *q) {
  p->lock();
  (*q).lock();
  co_await send(1);
  (*p).unlock();
  q->unlock();
  co_await send(2);
}
)cpp",
                "f"),
      ElementsAre("L5: manual:p=held(sync) manual:(*q)=held(sync)", "L8: -"));
}

// Array elements with constant indices are distinct mutexes.
TEST(HeldLockAnalysis, ArrayElementMutexes) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex ms[2];
task<void> f() {
  ms[0].lock();
  ms[1].lock();
  ms[0].unlock();
  co_await send(1);
  ms[1].unlock();
}
)cpp",
                        "f"),
              ElementsAre("L7: manual:ms[1]=held(sync)"));
}

// An element by a local index variable is one mutex: the stripe locked is
// the stripe unlocked; another variable or index is another element.
TEST(HeldLockAnalysis, ArrayElementByIndexVariable) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex ms[8];
task<void> f(unsigned i, unsigned j) {
  ms[i].lock();
  co_await send(1);
  ms[i].unlock();
  co_await send(2);
  ms[i].lock();
  ms[j].unlock();
  co_await send(3);
  ms[i].unlock();
}
)cpp",
                        "f"),
              ElementsAre("L5: manual:ms[i]=held(sync)", "L7: -",
                          "L10: manual:ms[i]=held(sync)"));
}

// A local reference, an address taken and dereferenced, and `(*this).`
// name the mutex they reach; an index that is neither a constant nor a
// local variable identifies no element.
TEST(HeldLockAnalysis, MutexSpellingsReachTheSameMutex) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex ms[8];
unsigned pick();
struct S {
  std::mutex mu_;
  task<void> f() {
    auto &m = mu_;
    m.lock();
    co_await send(1);
    (&mu_)->unlock();
    (*this).mu_.lock();
    co_await send(2);
    this->mu_.unlock();
    ms[pick()].lock();
    co_await send(3);
  }
};
)cpp",
                        "f"),
              ElementsAre("L9: manual:m=held(sync)",
                          "L12: manual:(*this).mu_=held(sync)", "L15: -"));
}

// Distinct mutexes are distinct: unlocking one leaves the other held.
TEST(HeldLockAnalysis, DistinctMutexes) {
  EXPECT_THAT(heldLocks(R"cpp(
struct Node { std::mutex mu; Node *next; };
task<void> f(Node &a, Node &b) {
  a.mu.lock();
  b.mu.lock();
  a.mu.unlock();
  co_await send(1);
  b.mu.unlock();
}
)cpp",
                        "f"),
              ElementsAre("L7: manual:b.mu=held(sync)"));
}

//===----------------------------------------------------------------------===//
// Suspension points
//===----------------------------------------------------------------------===//

// Awaiting a never-suspending awaitable is no suspension point.
TEST(HeldLockAnalysis, NonSuspendingAwaitIsNoPoint) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::lock_guard<std::mutex> g(m);
  int v = co_await ready_now{};
  co_await std::suspend_never{};
}
)cpp",
                        "f"),
              IsEmpty());
}

// The NonSuspendingAwaitables option removes points.
TEST(HeldLockAnalysis, NonSuspendingOption) {
  const char *Code = R"cpp(
std::mutex m;
task<void> f() {
  std::lock_guard<std::mutex> g(m);
  co_await sleep_for(1);
  co_await send(1);
}
)cpp";
  EXPECT_THAT(heldLocks(Code, "f", {}, "sleep_for"),
              ElementsAre("L6: g=held(sync)"));
}

// co_yield is a suspension point.
TEST(HeldLockAnalysis, YieldIsAPoint) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::lock_guard<std::mutex> g(m);
  co_yield 1;
}
)cpp",
                        "f"),
              ElementsAre("L5: g=held(sync)"));
}

// User option types are guards and mutexes in the analysis.
TEST(HeldLockAnalysis, UserOptionTypes) {
  const char *Code = R"cpp(
namespace mine {
struct Spin { void lock(); void unlock(); };
struct Hold { explicit Hold(Spin &); ~Hold(); };
}
mine::Spin s;
task<void> f() {
  mine::Hold h(s);
  co_await send(1);
}
)cpp";
  EXPECT_THAT(heldLocks(Code, "f"), ElementsAre("L9: -"));
  LockModelOptions Options;
  Options.SyncGuards = "::mine::Hold";
  EXPECT_THAT(heldLocks(Code, "f", Options), ElementsAre("L9: h=held(sync)"));
  Options.SyncMutexes = "mine::Spin";
  EXPECT_THAT(heldLocks(Code, "f", Options), ElementsAre("L9: h=held(sync)"));
}

// The result has, before each statement, the locks held or possibly held
// there: here before each call to compute().
TEST(HeldLockAnalysis, HeldBeforeEveryStatement) {
  ParsedCode Parsed(R"cpp(
std::mutex a, b;
task<void> f(bool c) {
  compute(0);
  std::unique_lock<std::mutex> g(a);
  compute(1);
  if (c) b.lock();
  compute(2);
  g.unlock();
  compute(3);
  co_await send(4);
}
)cpp");
  ASSERT_FALSE(Parsed.hasErrors());
  auto Model = LockModel::create({});
  auto Suspensions = SuspensionPointClassifier::create("");
  ASSERT_TRUE(Model && Suspensions);
  HeldLockResult Result = analyzeHeldLocks(
      *Parsed.function("f"), Parsed.context(), *Model, *Suspensions);
  std::vector<std::string> Seen;
  for (const clang::Stmt *S : Result.HeldOrder) {
    const auto *Call = llvm::dyn_cast<clang::CallExpr>(S);
    const auto *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Callee->getName() != "compute")
      continue;
    std::vector<std::string> Names;
    for (const LockFact &F : Result.heldBefore(S))
      Names.push_back((F.Owned == Ownership::Held ? "" : "maybe ") +
                      llvm::cast<clang::DeclRefExpr>(
                          F.Mutexes.front()->IgnoreParenImpCasts())
                          ->getDecl()
                          ->getNameAsString());
    llvm::sort(Names);
    std::string Line = "L" + std::to_string(Parsed.line(S->getBeginLoc()));
    for (const std::string &N : Names)
      Line += " " + N;
    Seen.push_back(Line);
  }
  llvm::sort(Seen);
  EXPECT_THAT(Seen, ElementsAre("L10 maybe b", "L6 a", "L8 a maybe b"));
}

//===----------------------------------------------------------------------===//
// Locks held from a previous iteration
//===----------------------------------------------------------------------===//

// A lock possibly held at a suspension point because a loop's back edge (or a
// goto back) brings it from an acquisition later in the source is held from
// the previous iteration; those acquisitions are named.
TEST(HeldLockAnalysis, FromPreviousIteration) {
  const char *Code = R"cpp(
std::mutex m;
bool more();
task<void> guard_at_end() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  while (more()) {
    co_await send(1);
    lk.lock();
  }
}
task<void> manual_in_both(bool b) {
  if (b)
    m.lock();
  for (int i = 0; i < 3; ++i) {
    co_await send(i);
    if (more())
      m.lock();
  }
  m.unlock();
}
task<void> goto_back(int n) {
again:
  co_await send(n);
  m.lock();
  if (--n > 0)
    goto again;
  m.unlock();
}
)cpp";
  EXPECT_THAT(fromPreviousIteration(Code, "guard_at_end"),
              ElementsAre("L7: lk(L8)"));
  EXPECT_THAT(fromPreviousIteration(Code, "manual_in_both"),
              ElementsAre("L15: manual:m(L17)"));
  EXPECT_THAT(fromPreviousIteration(Code, "goto_back"),
              ElementsAre("L23: manual:m(L24)"));
}

// Possibly held for another reason: taken on one branch before the
// suspension point, or by a try_lock() in the awaited expression itself; and
// held on every path, even when retaken later in a loop: not from the
// previous iteration.
TEST(HeldLockAnalysis, NotFromPreviousIteration) {
  const char *Code = R"cpp(
std::mutex m;
bool more();
task<void> branch(bool b) {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  if (b)
    lk.lock();
  co_await send(1);
}
task<void> in_operand() {
  co_await send((m.try_lock(), 1));
  m.unlock();
}
task<void> held_throughout() {
  m.lock();
  while (more()) {
    co_await send(1);
    m.unlock();
    m.lock();
  }
  m.unlock();
}
)cpp";
  EXPECT_THAT(fromPreviousIteration(Code, "branch"), ElementsAre("L8: -"));
  EXPECT_THAT(fromPreviousIteration(Code, "in_operand"), ElementsAre("L11: -"));
  EXPECT_THAT(fromPreviousIteration(Code, "held_throughout"),
              ElementsAre("L17: -"));
}

// A lock taken and awaited in one macro expansion is ordered as the macro
// spells them: taken after the co_await, it comes from the previous
// iteration; taken (possibly, by try_lock) before it, not.
TEST(HeldLockAnalysis, FromPreviousIterationInMacro) {
  const char *Code = R"cpp(
std::mutex m;
bool more();
#define SEND_THEN_LOCK(x) co_await send(x); m.lock()
#define TRY_THEN_SEND(x) m.try_lock(); co_await send(x)
task<void> send_then_lock() {
  while (more()) {
    SEND_THEN_LOCK(1);
  }
  m.unlock();
}
task<void> try_then_send() {
  TRY_THEN_SEND(1);
  m.unlock();
}
)cpp";
  EXPECT_THAT(fromPreviousIteration(Code, "send_then_lock"),
              ElementsAre("L8: manual:m(L8)"));
  EXPECT_THAT(fromPreviousIteration(Code, "try_then_send"),
              ElementsAre("L13: -"));
}

} // namespace
} // namespace corolock::test
