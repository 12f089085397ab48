//===--- CriticalSectionsTest.cpp - Critical sections of coroutines -------===//
//
// findCriticalSections, mutexDeclaration, CriticalSectionsByMutex and
// analyzeMutexFlow. The async mutexes are minimal mocks written into each
// snippet, spelled as in their libraries. Line numbers are relative to the
// snippet: the empty line after `R"cpp(` is line 1.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestSupport.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

//===----------------------------------------------------------------------===//
// findCriticalSections
//===----------------------------------------------------------------------===//

// One section per acquisition: two scopes locking the same mutex are two
// sections, and the other mutex's is a third, in source order.
TEST(CriticalSections, OnePerAcquisition) {
  EXPECT_THAT(criticalSections(R"cpp(
std::mutex a, b;
task<void> f() {
  {
    std::lock_guard<std::mutex> g1(a);
    std::lock_guard<std::mutex> g2(b);
  }
  std::lock_guard<std::mutex> g3(a);
  co_await send(1);
}
)cpp",
                               "f"),
              ElementsAre("L5: g1 a (sync) -> -", "L6: g2 b (sync) -> -",
                          "L8: g3 a (sync) -> L9"));
}

// One section per mutex: a guard over two mutexes, and std::lock, give one
// section for each mutex at the same acquisition.
TEST(CriticalSections, OnePerMutex) {
  EXPECT_THAT(criticalSections(R"cpp(
std::mutex a, b, c, d;
task<void> f() {
  std::scoped_lock g(a, b);
  std::lock(c, d);
  co_await send(1);
  c.unlock();
  d.unlock();
}
)cpp",
                               "f"),
              ElementsAre("L4: g a (sync) -> L6", "L4: g b (sync) -> L6",
                          "L5: manual c (sync) -> L6",
                          "L5: manual d (sync) -> L6"));
}

// Guards (named and temporary) and manual locks; a manual lock's section
// ends at unlock().
TEST(CriticalSections, GuardsAndManualLocks) {
  EXPECT_THAT(criticalSections(R"cpp(
std::mutex m;
int peek(const std::lock_guard<std::mutex> &);
task<void> f() {
  co_await send(peek(std::lock_guard<std::mutex>(m)));
  m.lock();
  co_await send(2);
  m.unlock();
  co_await send(3);
  std::unique_lock<std::mutex> lk(m);
  co_await send(4);
}
)cpp",
                               "f"),
              ElementsAre("L5: temp m (sync) -> L5",
                          "L6: manual m (sync) -> L7",
                          "L10: lk m (sync) -> L11"));
}

// Every suspension point where the lock is or may be held belongs to the
// section, in source order; none after its release.
TEST(CriticalSections, SuspensionsInside) {
  EXPECT_THAT(criticalSections(R"cpp(
std::mutex m;
bool ready();
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  co_await send(1);
  int v = co_await fetch(2);
  if (ready())
    lk.unlock();
  co_await send(3);
  if (lk.owns_lock())
    lk.unlock();
  co_await send(4);
}
)cpp",
                               "f"),
              ElementsAre("L5: lk m (sync) -> L6 L7 L10"));
}

// Re-locking a guard is a new acquisition with its own section.
TEST(CriticalSections, RelockIsANewSection) {
  EXPECT_THAT(criticalSections(R"cpp(
std::mutex m;
task<void> f() {
  std::unique_lock<std::mutex> lk(m);
  co_await send(1);
  lk.unlock();
  co_await send(2);
  lk.lock();
  co_await send(3);
}
)cpp",
                               "f"),
              ElementsAre("L4: lk m (sync) -> L5", "L8: lk m (sync) -> L9"));
}

// A guard produced by an awaited lock operation holds the mutex from when
// the operation completes: the acquisition's own co_await is not in the
// section, later ones are.
TEST(CriticalSections, OwnAcquisitionExcluded) {
  EXPECT_THAT(criticalSections(R"cpp(
namespace folly::coro {
struct Mutex {
  struct ScopedLockOperation {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    std::unique_lock<Mutex> await_resume() noexcept;
  };
  ScopedLockOperation co_scoped_lock() noexcept;
  bool try_lock() noexcept;
  void unlock() noexcept;
};
}
folly::coro::Mutex am;
task<void> f() {
  auto lk = co_await am.co_scoped_lock();
  co_await send(1);
}
task<void> g() {
  auto lk = co_await am.co_scoped_lock();
}
)cpp",
                               "f"),
              ElementsAre("L16: lk am (async) -> L17"));
  EXPECT_THAT(criticalSections(R"cpp(
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
task<void> g() {
  auto lk = co_await am.scoped_lock_async();
  int n = 1;
}
)cpp",
                               "g"),
              ElementsAre("L18: lk am (async) -> -"));
}

// An async manual lock: `co_await m.lock_async()` acquires, `m.unlock()`
// releases; the lock's co_await is not in the section.
TEST(CriticalSections, AsyncManualLock) {
  EXPECT_THAT(criticalSections(R"cpp(
namespace cppcoro {
struct async_mutex {
  struct lock_operation {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() const noexcept {}
  };
  lock_operation lock_async() noexcept;
  void unlock();
};
}
cppcoro::async_mutex am;
int counter;
task<void> f() {
  co_await am.lock_async();
  ++counter;
  am.unlock();
  co_await send(1);
  co_await am.lock_async();
  co_await send(counter);
  am.unlock();
}
)cpp",
                               "f"),
              ElementsAre("L16: manual am (async) -> -",
                          "L20: manual am (async) -> L21"));
}

// A section records whether it holds its mutex exclusively, shared or as an
// upgrader: from the guard type (std::shared_lock, also when an awaited
// scoped lock returns it), from the lock operation's name, from a
// scoped capability's shared constructor; an upgrade-to-unique guard and a
// guard that only mentions sharing elsewhere in its name are exclusive.
TEST(CriticalSections, LockModes) {
  EXPECT_THAT(
      criticalSections(R"cpp(
namespace folly::coro {
struct SharedMutex {
  struct Op {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  struct ScopedShared : Op { std::shared_lock<SharedMutex> await_resume(); };
  Op co_lock(); Op co_lock_shared(); Op co_lock_upgrade();
  ScopedShared co_scoped_lock_shared();
  void unlock(); void unlock_shared(); void unlock_upgrade();
};
}
struct __attribute__((capability("mutex"))) Spin {};
struct __attribute__((scoped_lockable)) ReadHold {
  explicit ReadHold(Spin &s) __attribute__((acquire_shared_capability(s)));
  ~ReadHold() __attribute__((release_capability()));
};
struct __attribute__((scoped_lockable)) SharedStateLock {
  explicit SharedStateLock(std::mutex &m) __attribute__((acquire_capability(m)));
};
folly::coro::SharedMutex fm;
std::shared_mutex sm;
Spin spin; std::mutex m;
task<void> f() {
  { auto lk = co_await fm.co_scoped_lock_shared(); }
  co_await fm.co_lock_shared(); fm.unlock_shared();
  co_await fm.co_lock_upgrade(); fm.unlock_upgrade();
  co_await fm.co_lock(); fm.unlock();
  { std::shared_lock<std::shared_mutex> r(sm); }
  { std::unique_lock<std::shared_mutex> w(sm); }
  sm.lock_shared(); sm.unlock_shared();
  { ReadHold h(spin); }
  { SharedStateLock s(m); }
}
)cpp",
                       "f"),
      ElementsAre("L27: lk fm (async, shared) -> -",
                  "L28: manual fm (async, shared) -> -",
                  "L29: manual fm (async, upgrade) -> -",
                  "L30: manual fm (async) -> -",
                  "L31: r sm (sync, shared) -> -", "L32: w sm (sync) -> -",
                  "L33: manual sm (sync, shared) -> -",
                  "L34: h spin (sync, shared) -> -", "L35: s m (sync) -> -"));
}

// A suspension whose awaited expression is handed the section's lock (an
// async condition variable's `co_await cv.wait(lk)`) is not a suspension
// with the lock held, but a hand-off: the awaitable releases the lock and
// retakes it while the coroutine is suspended.
TEST(CriticalSections, HandOffToAwaitable) {
  EXPECT_THAT(criticalSections(R"cpp(
namespace coro {
class scoped_lock {
public:
  scoped_lock(scoped_lock &&) noexcept;
  ~scoped_lock();
  void unlock();
};
struct lock_operation {
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<>) noexcept;
  coro::scoped_lock await_resume() noexcept;
};
class mutex {
public:
  lock_operation scoped_lock();
  void unlock();
};
class condition_variable {
public:
  sleep_for wait(coro::scoped_lock &lock);
};
}
coro::mutex m;
coro::condition_variable cv;
int items;
task<int> pop() {
  auto lk = co_await m.scoped_lock();
  co_await cv.wait(lk);
  co_await send(items);
  co_return --items;
}
task<void> push() {
  auto lk = co_await m.scoped_lock();
  ++items;
}
)cpp",
                               "pop"),
              ElementsAre("L28: lk m (async) -> L30; handed off at L29"));
}

// A manual lock left locked when the coroutine ends, on every path or on
// some (`co_return` before its unlock()), is held at the end; one unlocked
// before each `co_return`, and a guard, are not.
TEST(CriticalSections, HeldAtEnd) {
  EXPECT_THAT(criticalSections(R"cpp(
namespace cppcoro {
struct async_mutex {
  struct lock_operation {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() const noexcept {}
  };
  lock_operation lock_async() noexcept;
  void unlock();
};
}
cppcoro::async_mutex a, b, c;
std::mutex s;
task<void> f(bool busy) {
  co_await a.lock_async();
  co_await b.lock_async();
  if (busy) {
    b.unlock();
    co_return;
  }
  co_await c.lock_async();
  if (busy) {
    c.unlock();
    co_return;
  }
  c.unlock();
  std::lock_guard<std::mutex> g(s);
}
)cpp",
                               "f"),
              ElementsAre("L16: manual a (async) -> L17 L22; held at end",
                          "L17: manual b (async) -> L22; held at end",
                          "L22: manual c (async) -> -",
                          "L28: g s (sync) -> -"));
}

// A try-lock stored in a variable that is only read (`bool ok =
// m.try_lock(); if (ok)`) refines like the call itself: the lock is held
// where `ok` is true only. Written again, the variable says nothing.
TEST(CriticalSections, StoredTryLock) {
  EXPECT_THAT(criticalSections(R"cpp(
std::mutex m, n;
task<void> f(bool ready) {
  bool ok = m.try_lock();
  if (ok) {
    co_await send(1);
    m.unlock();
  }
  co_await send(2);
  bool maybe = n.try_lock();
  maybe = maybe && ready;
  if (maybe)
    n.unlock();
  co_await send(3);
}
)cpp",
                               "f"),
              ElementsAre("L4: manual m (sync) -> L6",
                          "L10: manual n (sync) -> L14; held at end"));
}

// A mutex expression that names no declaration still has a section, with
// no mutex.
TEST(CriticalSections, MutexWithoutDeclaration) {
  EXPECT_THAT(criticalSections(R"cpp(
std::mutex &registry_mutex();
task<void> f() {
  std::lock_guard<std::mutex> g(registry_mutex());
  co_await send(1);
}
)cpp",
                               "f"),
              ElementsAre("L4: g ? (sync) -> L5"));
}

// A lambda's body is its own: its locks are not the enclosing coroutine's.
TEST(CriticalSections, LambdaBodiesAreNotEntered) {
  EXPECT_THAT(criticalSections(R"cpp(
std::mutex m;
task<void> f() {
  auto touch = [] { std::lock_guard<std::mutex> g(m); };
  touch();
  co_await send(1);
}
)cpp",
                               "f"),
              IsEmpty());
}

//===----------------------------------------------------------------------===//
// mutexDeclaration
//===----------------------------------------------------------------------===//

// `mu_`, `this->mu_`, `&g`, `*p` and `p` name declarations; redeclared
// variables and static members name their first declaration.
TEST(MutexDeclaration, Spellings) {
  EXPECT_THAT(mutexDeclarations(R"cpp(
void touch(const std::mutex &);
void touch(const std::mutex *);
extern std::mutex h;
std::mutex g;
std::mutex h;
struct S {
  std::mutex mu_;
  static std::mutex smu;
  void f(std::mutex *p) {
    touch(mu_);
    touch(this->mu_);
    touch(&g);
    touch(*p);
    touch(p);
    touch((mu_));
    touch(&(*p));
    touch(h);
    touch(smu);
    touch(S::smu);
  }
};
std::mutex S::smu;
)cpp",
                                "touch"),
              ElementsAre("S::mu_@L8", "S::mu_@L8", "g@L5", "p@L10", "p@L10",
                          "S::mu_@L8", "p@L10", "h@L4", "S::smu@L9",
                          "S::smu@L9"));
}

// Members of other objects name the member's declaration; expressions
// without a declaration (calls) name none.
TEST(MutexDeclaration, MembersAndNone) {
  EXPECT_THAT(mutexDeclarations(R"cpp(
void touch(const std::mutex &);
struct Node { std::mutex mu; Node *next; };
std::mutex &get();
void f(Node &a, Node *b, int i) {
  touch(a.mu);
  touch(b->mu);
  touch(a.next->mu);
  touch(get());
  auto &r = a.mu;
  touch(r);
}
)cpp",
                                "touch"),
              ElementsAre("Node::mu@L3", "Node::mu@L3", "Node::mu@L3", "null",
                          "Node::mu@L3"));
}

// Lock striping: an element of an array or container of mutexes names the
// array or container, whatever the index; a subscript of a call's result
// names none.
TEST(MutexDeclaration, ArrayAndContainerElements) {
  EXPECT_THAT(mutexDeclarations(R"cpp(
void touch(const std::mutex &);
template <typename T> struct Stripes { T &operator[](unsigned long); };
std::mutex ms[2];
Stripes<std::mutex> &get();
struct Cache {
  Stripes<std::mutex> stripes_;
  void f(int i, std::mutex *p) {
    touch(ms[i]);
    touch(ms[i % 2]);
    touch(stripes_[i * 7 % 16]);
    touch(this->stripes_[0]);
    touch(p[i]);
    touch(get()[i]);
  }
};
)cpp",
                                "touch"),
              ElementsAre("ms@L4", "ms@L4", "Cache::stripes_@L7",
                          "Cache::stripes_@L7", "p@L8", "null"));
}

//===----------------------------------------------------------------------===//
// CriticalSectionsByMutex
//===----------------------------------------------------------------------===//

// Sections are grouped by mutex, mutexes in the order first seen, sections
// in the order added; `mu_` and `this->mu_` are one mutex.
TEST(CriticalSectionsByMutex, GroupsInOrder) {
  EXPECT_THAT(sectionsByMutex(R"cpp(
std::mutex a;
struct S {
  std::mutex mu_;
  task<void> f() {
    std::lock_guard<std::mutex> g1(mu_);
    co_await send(1);
  }
  task<void> g() {
    std::lock_guard<std::mutex> g2(a);
    this->mu_.lock();
    co_await send(2);
    mu_.unlock();
  }
};
task<void> h() {
  std::lock_guard<std::mutex> g3(a);
  co_await send(3);
}
)cpp"),
              ElementsAre("S::mu_: L6 L11", "a: L10 L17"));
}

// A mutex parameter's sections join each mutex its callers pass, through
// parameters passed on and recursion; a parameter no call binds stays a
// mutex of its own, and a non-mutex or by-value parameter binds nothing.
TEST(CriticalSectionsByMutex, BindsParametersToCallersMutexes) {
  const char *Code = R"cpp(
task<void> lock_ref(std::mutex &m) {
  std::lock_guard<std::mutex> g(m);
  co_await send(1);
}
task<void> lock_ptr(std::mutex *p, int depth) {
  std::lock_guard<std::mutex> g(*p);
  if (depth)
    co_await lock_ptr(p, depth - 1);
}
task<void> pass_on(std::mutex &m) { co_await lock_ptr(&m, 1); }
task<void> unbound(std::mutex &m) {
  std::lock_guard<std::mutex> g(m);
  co_await send(2);
}
std::mutex a, b;
struct S {
  std::mutex mu_;
  task<void> run() {
    std::lock_guard<std::mutex> g(a);
    co_await lock_ref(a);
    co_await lock_ref(mu_);
    co_await pass_on(b);
  }
};
)cpp";
  EXPECT_THAT(sectionsByMutex(Code),
              ElementsAre("m: L3", "p: L7", "m: L13", "a: L20"));
  EXPECT_THAT(sectionsByMutex(Code, {}, /*BindParameters=*/true),
              ElementsAre("m: L13", "a: L20 L3", "S::mu_: L3", "b: L7"));
}

// A section counted for a caller's mutex records the arguments that bind
// it, the parameter's own first; a section of the mutex itself none.
TEST(CriticalSectionsByMutex, RecordsBindingArguments) {
  EXPECT_THAT(boundSections(R"cpp(
task<void> lock_ref(std::mutex &m) {
  std::lock_guard<std::mutex> g(m);
  co_await send(1);
}
task<void> lock_ptr(std::mutex *p, int depth) {
  std::lock_guard<std::mutex> g(*p);
  if (depth)
    co_await lock_ptr(p, depth - 1);
}
task<void> pass_on(std::mutex &m) { co_await lock_ptr(&m, 1); }
std::mutex a, b;
struct S {
  std::mutex mu_;
  task<void> run() {
    std::lock_guard<std::mutex> g(a);
    co_await lock_ref(a);
    co_await lock_ref(mu_);
    co_await pass_on(b);
  }
};
)cpp"),
              ElementsAre("a: L3 via 'a'@L17->m",
                          "S::mu_: L3 via 'this->mu_'@L18->m",
                          "b: L7 via '&m'@L11->p 'b'@L19->m"));
}

// A coroutine template instantiated twice yields the same acquisitions
// twice; each is added once.
TEST(CriticalSectionsByMutex, DedupesTemplateInstantiations) {
  EXPECT_THAT(sectionsByMutex(R"cpp(
std::mutex m;
template <typename T> task<void> put(T v) {
  std::lock_guard<std::mutex> g(m);
  co_await send(1);
}
task<void> use() {
  co_await put(1);
  co_await put(2L);
}
)cpp"),
              ElementsAre("m: L4"));
}

// The instantiations of a coroutine template share their acquisitions but
// not always their suspension points (`co_await a` never suspends for some
// awaitables): the section keeps the suspension points of every one.
TEST(CriticalSectionsByMutex, MergesInstantiationSuspensions) {
  const char *Code = R"cpp(
std::mutex m;
template <typename Awaitable> task<void> run(Awaitable a) {
  std::lock_guard<std::mutex> g(m);
  co_await a;
  co_await send(1);
}
task<void> use() {
  co_await run(ready_now{});
  co_await run(sleep_for(1));
}
)cpp";
  ParsedCode Parsed(Code);
  ASSERT_FALSE(Parsed.hasErrors());
  auto Model = llvm::cantFail(LockModel::create({}));
  auto Suspensions = llvm::cantFail(SuspensionPointClassifier::create(""));
  CriticalSectionsByMutex ByMutex;
  std::vector<size_t> PerInstantiation;
  for (const clang::FunctionDecl *F : Parsed.coroutines()) {
    if (F->getName() != "run")
      continue;
    for (CriticalSection &S :
         findCriticalSections(*F, Parsed.context(), Model, Suspensions)) {
      PerInstantiation.push_back(S.Suspensions.size());
      ByMutex.add(std::move(S));
    }
  }
  EXPECT_THAT(PerInstantiation, ElementsAre(1u, 2u));
  ASSERT_EQ(ByMutex.mutexes().size(), 1u);
  llvm::ArrayRef<CriticalSection> Merged =
      ByMutex.sections(ByMutex.mutexes()[0]);
  ASSERT_EQ(Merged.size(), 1u);
  std::vector<unsigned> Lines;
  for (const clang::CoroutineSuspendExpr *S : Merged[0].Suspensions)
    Lines.push_back(Parsed.line(S->getBeginLoc()));
  EXPECT_THAT(Lines, ElementsAre(5u, 6u));
}

// Sections whose mutex names no declaration are not added; clear() forgets
// everything.
TEST(CriticalSectionsByMutex, IgnoresUnknownMutexesAndClears) {
  ParsedCode Parsed(R"cpp(
std::mutex &registry_mutex();
std::mutex m;
task<void> f() {
  std::lock_guard<std::mutex> g1(registry_mutex());
  std::lock_guard<std::mutex> g2(m);
  co_await send(1);
}
)cpp");
  ASSERT_FALSE(Parsed.hasErrors());
  auto Model = llvm::cantFail(LockModel::create({}));
  auto Suspensions = llvm::cantFail(SuspensionPointClassifier::create(""));
  std::vector<CriticalSection> Found = findCriticalSections(
      *Parsed.function("f"), Parsed.context(), Model, Suspensions);
  ASSERT_EQ(Found.size(), 2u);
  EXPECT_EQ(Found[0].Mutex, nullptr);
  CriticalSectionsByMutex ByMutex;
  for (const CriticalSection &S : Found)
    ByMutex.add(S);
  ByMutex.add(Found[1]); // The same acquisition again.
  ASSERT_EQ(ByMutex.mutexes().size(), 1u);
  EXPECT_EQ(ByMutex.mutexes()[0], Found[1].Mutex);
  EXPECT_EQ(ByMutex.sections(Found[1].Mutex).size(), 1u);
  EXPECT_TRUE(ByMutex.sections(nullptr).empty());
  ByMutex.clear();
  EXPECT_TRUE(ByMutex.mutexes().empty());
  EXPECT_TRUE(ByMutex.sections(Found[1].Mutex).empty());
}

//===----------------------------------------------------------------------===//
// analyzeMutexFlow
//===----------------------------------------------------------------------===//

// A mutex passed by non-const reference or pointer to a call or to a
// constructor escapes: the callee may lock it, or wait on it, out of sight.
TEST(EscapingMutexes, NonConstReferenceOrPointer) {
  EXPECT_THAT(
      escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex { bool try_lock(); void unlock(); };
}
struct Waiter {
  explicit Waiter(folly::coro::Mutex &);
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
void lock_later(folly::coro::Mutex *);
struct Registry {
  void add(folly::coro::Mutex &);
  void operator()(folly::coro::Mutex &);
};
folly::coro::Mutex by_ref, by_ptr, by_ctor, by_member, by_operator, kept;
Registry registry;
task<void> f() {
  lock_later(&by_ptr);
  registry.add(by_member);
  registry(by_operator);
  co_await Waiter(by_ctor);
  kept.try_lock();
  kept.unlock();
}
void g(folly::coro::Mutex &m);
void h() { g(by_ref); }
)cpp"),
      ElementsAre("by_ctor", "by_member", "by_operator", "by_ptr", "by_ref"));
}

// A mutex stored in a non-const pointer or reference (a variable, a member
// initialised by a constructor, an assignment) can be locked under another
// name, and escapes too: here also the constructor's parameter `m`.
TEST(EscapingMutexes, StoredPointersAndReferences) {
  EXPECT_THAT(
      escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex { bool try_lock(); void unlock(); };
}
folly::coro::Mutex by_var, by_ref_var, by_member_init, by_assign, by_const;
struct Holder {
  explicit Holder(folly::coro::Mutex &m) : m_(m) {}
  folly::coro::Mutex &m_;
};
folly::coro::Mutex *current;
void f() {
  folly::coro::Mutex *p = &by_var;
  folly::coro::Mutex &r = by_ref_var;
  Holder h(by_member_init);
  current = &by_assign;
  const folly::coro::Mutex *c = &by_const;
  std::unique_lock<folly::coro::Mutex> lk(by_const, std::defer_lock);
}
)cpp"),
      ElementsAre("by_assign", "by_member_init", "by_ref_var", "by_var", "m"));
}

// A class template's constructor that stores a reference or pointer member
// from a dependent argument (`: r_(t)`, kept as a ParenListExpr without a
// type until instantiation) is skipped; its instantiations are judged.
// A template's dependent member initializers have no type yet; they once
// crashed analyzeMutexFlow in every TU including libstdc++'s <string>.
TEST(EscapingMutexes, DependentMemberInitializers) {
  EXPECT_THAT(escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex { bool try_lock(); void unlock(); };
}
template <typename T> struct Ref {
  explicit Ref(T &t) : r_(t) {}
  T &r_;
};
template <typename T> struct Ptr {
  explicit Ptr(T &t) : p_(&t) {}
  T *p_;
};
folly::coro::Mutex m;
Ref<folly::coro::Mutex> r(m);
Ptr<int> unused_instantiation_of_int(*new int);
)cpp"),
              ElementsAre("m", "t"));
}

// A mutex returned by non-const reference or pointer can be locked by the
// caller under another name (`co_await s.mutex().co_scoped_lock()`, whose
// section has no mutex declaration), so it escapes.
TEST(EscapingMutexes, ReturnedByReferenceOrPointer) {
  EXPECT_THAT(escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex { bool try_lock(); void unlock(); };
}
class Session {
  folly::coro::Mutex by_ref_, by_ptr_, by_const_;
public:
  folly::coro::Mutex &mutex() { return by_ref_; }
  folly::coro::Mutex *mutex_ptr() { return &by_ptr_; }
  const folly::coro::Mutex &inspect() const { return by_const_; }
};
)cpp"),
              ElementsAre("Session::by_ptr_", "Session::by_ref_"));
}

// Aggregate initialisation of a reference or pointer member hands the
// mutex over like a constructor does (`co_await Waiter{mu}`, C++20's
// `Waiter(mu)`), also after an aggregate's bases; a const pointer does not.
TEST(EscapingMutexes, AggregateInitialization) {
  EXPECT_THAT(escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex { bool try_lock(); void unlock(); };
}
struct Waiter {
  folly::coro::Mutex &m;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct Peek { const folly::coro::Mutex *m; };
struct Base { int id; };
struct Held : Base { int n; folly::coro::Mutex *m; };
folly::coro::Mutex waited, peeked, paren, derived;
task<void> f() {
  co_await Waiter{waited};
  Peek p{&peeked};
  co_await Waiter(paren);
  Held h{{1}, 2, &derived};
}
)cpp"),
              ElementsAre("derived", "paren", "waited"));
}

// A mutex passed to a parameter of a function defined here is locked in
// sight and does not escape, unless the parameter escapes in turn (passed on
// to an unknown function, also through another parameter, or stored): the
// escaping parameter lets out every mutex passed to it.
TEST(EscapingMutexes, ThroughDefinedFunctions) {
  EXPECT_THAT(escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex { bool try_lock(); void unlock(); };
}
void unknown(folly::coro::Mutex &);
folly::coro::Mutex *kept;
task<void> locks(folly::coro::Mutex &m) { co_return; }
task<void> leaks(folly::coro::Mutex &m) { unknown(m); co_return; }
task<void> forwards(folly::coro::Mutex *p) { co_await leaks(*p); }
task<void> stores(folly::coro::Mutex &m) { kept = &m; co_return; }
task<void> recurses(folly::coro::Mutex &m, int n) {
  if (n)
    co_await recurses(m, n - 1);
}
folly::coro::Mutex in_sight, recursive, leaked, forwarded, stored;
task<void> f() {
  co_await locks(in_sight);
  co_await recurses(recursive, 3);
  co_await leaks(leaked);
  co_await forwards(&forwarded);
  co_await stores(stored);
}
)cpp"),
              ElementsAre("forwarded", "leaked", "m", "m", "p", "stored"));
}

// A mutex passed to a function declared here and defined elsewhere is not
// lost: the project index may say what that function does with it. Through
// a parameter of a function defined here, the mutex passed to it is passed
// on too. A virtual function may be overridden anywhere: an escape.
TEST(MutexFlow, CallsOutOfSight) {
  const char *Code = R"cpp(
namespace folly::coro {
struct Mutex { bool try_lock(); void unlock(); };
}
task<void> elsewhere(int n, folly::coro::Mutex &m);
void peek(const folly::coro::Mutex &m);
struct Base { virtual void use(folly::coro::Mutex &); };
task<void> relay(folly::coro::Mutex &m) { co_await elsewhere(1, m); }
task<void> defined(folly::coro::Mutex &m) { co_return; }
folly::coro::Mutex direct, relayed, virt, constant, local_only;
task<void> f(Base &b) {
  co_await elsewhere(0, direct);
  co_await relay(relayed);
  b.use(virt);
  peek(constant);
  co_await defined(local_only);
}
)cpp";
  EXPECT_THAT(callsOutOfSight(Code),
              ElementsAre("direct -> elsewhere#1", "m -> elsewhere#1",
                          "relayed -> elsewhere#1"));
  EXPECT_THAT(escapingMutexes(Code),
              ElementsAre("direct", "m", "relayed", "virt"));
}

// Passing by const reference or const pointer, to a lock guard's
// constructor, or to std::lock, is not an escape.
TEST(EscapingMutexes, ConstGuardsAndStdLock) {
  EXPECT_THAT(escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex { bool try_lock(); void lock(); void unlock(); };
}
void inspect(const folly::coro::Mutex &);
void inspect_ptr(const folly::coro::Mutex *);
folly::coro::Mutex a, b, c, d, e;
std::mutex s;
task<void> f() {
  inspect(a);
  inspect_ptr(&b);
  std::unique_lock<folly::coro::Mutex> lk(c, std::adopt_lock);
  std::lock(d, e);
  std::lock_guard<std::mutex> g(s);
  co_await send(1);
}
)cpp"),
              IsEmpty());
}

// Outside a coroutine: a blocking lock, a try_lock() the function does not
// undo, and a guard over an async mutex (taken by a blocking wait, or
// try-locked) hold the mutex out of sight, and escape; a try_lock() the
// same function unlocks is a probe, and does not. A coroutine's own
// try_lock() does not escape either.
TEST(EscapingMutexes, LockedOutsideCoroutines) {
  EXPECT_THAT(escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex {
  struct Awaiter {
    bool await_ready();
    void await_suspend(std::coroutine_handle<>);
    std::unique_lock<Mutex> await_resume();
  };
  bool try_lock();
  Awaiter co_lock();
  Awaiter co_scoped_lock();
  void unlock();
};
template <typename A> auto blockingWait(A &&a) { return a.await_resume(); }
}
folly::coro::Mutex blocked, kept, probed, waited, tried, in_coroutine;
void f() {
  folly::coro::blockingWait(blocked.co_lock());
  kept.try_lock();
  if (probed.try_lock())
    probed.unlock();
  auto lk = folly::coro::blockingWait(waited.co_scoped_lock());
  std::unique_lock<folly::coro::Mutex> lk2(tried, std::try_to_lock);
}
task<void> g() {
  if (in_coroutine.try_lock())
    co_await send(1);
}
)cpp"),
              ElementsAre("blocked", "kept", "tried", "waited"));
}

// A lock operation handed to other code to await (`collectAll(mu.co_lock(),
// ...)`) is taken in the middle of that suspension: the mutex escapes. An
// unlock() or a try_lock() passed on is not a lock operation.
TEST(EscapingMutexes, LockOperationsAwaitedElsewhere) {
  EXPECT_THAT(escapingMutexes(R"cpp(
namespace folly::coro {
struct Mutex {
  struct Awaiter {
    bool await_ready();
    void await_suspend(std::coroutine_handle<>);
    void await_resume();
  };
  bool try_lock();
  Awaiter co_lock();
  void unlock();
};
template <typename... A> task<void> collectAll(A &&...);
}
void check(bool);
folly::coro::Mutex composed, awaited, tried;
task<void> f() {
  co_await folly::coro::collectAll(composed.co_lock(), send(1));
  co_await awaited.co_lock();
  check(tried.try_lock());
  tried.unlock();
  awaited.unlock();
  composed.unlock();
}
)cpp"),
              ElementsAre("composed"));
}

// Only mutexes escape: other objects passed by reference do not, and a
// sync mutex escapes like an async one.
TEST(EscapingMutexes, OnlyMutexes) {
  EXPECT_THAT(escapingMutexes(R"cpp(
struct Plain { int n; };
void mutate(Plain &);
void wait_on(std::mutex &);
Plain p;
std::mutex m;
void f() {
  mutate(p);
  wait_on(m);
}
)cpp"),
              ElementsAre("m"));
}

// A user-listed mutex type escapes too.
TEST(EscapingMutexes, UserMutexTypes) {
  const char *Code = R"cpp(
namespace acme { struct CoLock { void unlock(); }; }
void park(acme::CoLock &);
acme::CoLock lock;
void f() { park(lock); }
)cpp";
  EXPECT_THAT(escapingMutexes(Code), IsEmpty());
  LockModelOptions Options;
  Options.AsyncMutexes = "acme::CoLock";
  EXPECT_THAT(escapingMutexes(Code, Options), ElementsAre("lock"));
}

} // namespace
} // namespace corolock::test
