//===--- CallAcquisitionsTest.cpp - Which mutexes a call acquires ---------===//
//
// The re-entry search on its own: which calls of a body it follows, which
// locks a call reaches and through which calls, which object the mutex is
// on as the caller names it, and that each function is summarised once
// within the depth bound, recursion included.
//
//===----------------------------------------------------------------------===//

#include "CallAcquisitions.h"
#include "AnalysisTestSupport.h"
#include "StmtParents.h"
#include "clang/AST/ExprCXX.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <memory>

namespace corolock::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

struct Search {
  explicit Search(const std::string &Code) : Parsed(Code) {
    auto Created = Shared.get({});
    EXPECT_TRUE(bool(Created));
    Analyses = *Created;
    Calls = std::make_unique<CallAcquisitions>(*Analyses, Parsed.context());
  }

  /// One line per reached lock of each followed call of \p Function with a
  /// lock held or not: "<callee> -> <function>:<mutex>@L<line> via <n>
  /// calls, <same|other> object".
  std::vector<std::string> reached(llvm::StringRef Function) {
    std::vector<std::string> Out;
    const clang::FunctionDecl *F = Parsed.function(Function);
    EXPECT_NE(F, nullptr);
    if (!F)
      return Out;
    for (const auto &[Call, Callee] : Calls->callsOf(*F))
      for (const ReachedLock &R : Calls->acquiredBy(*Call, *Callee))
        Out.push_back(Callee->getNameAsString() + " -> " +
                      R.Function->getNameAsString() + ":" +
                      R.Lock.Mutex->getNameAsString() + "@L" +
                      std::to_string(Parsed.line(R.Lock.Loc)) + " via " +
                      std::to_string(R.Calls.size()) + " calls, " +
                      (R.CallerPath ? "same" : "other") + " object");
    return Out;
  }

  /// The own locks of \p Function: "<mutex>@L<line> <waits|tries>[ joint]".
  std::vector<std::string> locks(llvm::StringRef Function) {
    std::vector<std::string> Out;
    for (const BodyLock &L : Calls->locksOf(*Parsed.function(Function)))
      Out.push_back(L.Mutex->getNameAsString() + "@L" +
                    std::to_string(Parsed.line(L.Loc)) +
                    (L.Waits ? " waits" : " tries") +
                    (L.Joint ? " joint" : ""));
    return Out;
  }

  ParsedCode Parsed;
  AnalysisContexts Shared;
  AnalysisContext *Analyses = nullptr;
  std::unique_ptr<CallAcquisitions> Calls;
};

TEST(CallAcquisitions, OwnLocksWaitOrTry) {
  Search S(R"cpp(
std::mutex a, b;
void f() {
  std::lock_guard<std::mutex> g(a);
  if (b.try_lock())
    b.unlock();
  std::scoped_lock<std::mutex, std::mutex> both(a, b);
}
)cpp");
  EXPECT_THAT(S.locks("f"),
              ElementsAre("a@L4 waits", "b@L5 tries", "a@L7 waits joint",
                          "b@L7 waits joint"));
}

TEST(CallAcquisitions, FollowsPlainCallsAndAwaitedCoroutines) {
  Search S(R"cpp(
std::mutex m;
void store() { std::lock_guard<std::mutex> g(m); }
void record() { store(); }
task<void> put() { std::lock_guard<std::mutex> g(m); co_return; }
void spawn(task<void>);
task<void> caller() {
  record();
  co_await put();
  spawn(put());
  auto later = put();
  co_return;
}
)cpp");
  EXPECT_THAT(S.reached("caller"),
              ElementsAre("record -> store:m@L3 via 2 calls, same object",
                          "put -> put:m@L5 via 1 calls, same object"));
}

TEST(CallAcquisitions, ObjectsAcrossCalls) {
  Search S(R"cpp(
std::mutex g_mu;
struct Box {
  std::mutex mu;
  void lock_own() { std::lock_guard<std::mutex> g(mu); }
  void lock_global() { std::lock_guard<std::mutex> g(g_mu); }
  void lock_param(std::mutex &p) { std::lock_guard<std::mutex> g(p); }
  void caller(Box &other) {
    lock_own();
    other.lock_own();
    other.lock_global();
    lock_param(mu);
    std::mutex local;
    [&] { std::lock_guard<std::mutex> g(local); }();
    [this] { std::lock_guard<std::mutex> g(mu); }();
  }
};
)cpp");
  EXPECT_THAT(
      S.reached("caller"),
      ElementsAre("lock_own -> lock_own:mu@L5 via 1 calls, same object",
                  "lock_own -> lock_own:mu@L5 via 1 calls, other object",
                  "lock_global -> lock_global:g_mu@L6 via 1 calls, same object",
                  "lock_param -> lock_param:p@L7 via 1 calls, other object",
                  "operator() -> operator():local@L14 via 1 calls, same object",
                  "operator() -> operator():mu@L15 via 1 calls, same object"));
}

TEST(CallAcquisitions, DepthIsBounded) {
  Search S(R"cpp(
std::mutex m;
void l4() { std::lock_guard<std::mutex> g(m); }
void l3() { l4(); }
void l2() { l3(); }
void l1() { l2(); }
void l0() { l1(); }
void four() { l1(); }
void five() { l0(); }
)cpp");
  EXPECT_THAT(S.reached("four"),
              ElementsAre("l1 -> l4:m@L3 via 4 calls, same object"));
  EXPECT_THAT(S.reached("five"), IsEmpty());
}

TEST(CallAcquisitions, RecursionEndsAndEachFunctionIsSummarisedOnce) {
  Search S(R"cpp(
std::mutex m;
void ping(int n);
void pong(int n) { if (n) ping(n - 1); }
void ping(int n) { std::lock_guard<std::mutex> g(m); pong(n); }
void self(int n) { if (n) self(n - 1); }
void caller() {
  pong(3);
  pong(4);
  self(2);
}
)cpp");
  EXPECT_THAT(S.reached("caller"),
              ElementsAre("pong -> ping:m@L5 via 2 calls, same object",
                          "pong -> ping:m@L5 via 2 calls, same object"));
  EXPECT_EQ(S.Calls->summaries(), 3u); // pong, ping, self
}

TEST(CallAcquisitions, InvisibleAndLockOperationCalleesAreNotFollowed) {
  Search S(R"cpp(
std::mutex m;
void declared_only();
void caller() {
  std::lock_guard<std::mutex> g(m);
  declared_only();
  m.unlock();
}
)cpp");
  EXPECT_THAT(S.reached("caller"), IsEmpty());
}

TEST(CallAcquisitions, MutexPaths) {
  ParsedCode Parsed(R"cpp(
std::mutex g_mu;
struct Inner { std::mutex mu; };
struct S {
  Inner in;
  static std::mutex s_mu;
  void f(std::mutex &p) {
    in.mu.lock();
    this->in.mu.lock();
    g_mu.lock();
    s_mu.lock();
    p.lock();
    auto &r = in.mu;
    r.lock();
  }
};
)cpp");
  ASSERT_FALSE(Parsed.hasErrors());
  std::vector<std::string> Paths;
  auto Describe = [](const std::optional<MutexPath> &P) -> std::string {
    if (!P)
      return "none";
    std::string S = P->From == MutexPath::Root::This     ? "this"
                    : P->From == MutexPath::Root::Global ? "global "
                                                         : "local ";
    if (P->Variable)
      S += P->Variable->getNameAsString();
    for (const clang::ValueDecl *F : P->Fields)
      S += "." + F->getNameAsString();
    return S;
  };
  forEachStmtOnce(Parsed.function("f")->getBody(), [&](const clang::Stmt *St) {
    if (const auto *Call = llvm::dyn_cast<clang::CXXMemberCallExpr>(St))
      Paths.push_back(Describe(mutexPath(Call->getImplicitObjectArgument())));
    return true;
  });
  EXPECT_THAT(Paths,
              UnorderedElementsAre("this.in.mu", "this.in.mu", "global g_mu",
                                   "global s_mu", "local p", "this.in.mu"));
}

} // namespace
} // namespace corolock::test
