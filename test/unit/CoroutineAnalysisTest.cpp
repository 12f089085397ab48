//===--- CoroutineAnalysisTest.cpp - One analysis per coroutine -----------===//
//
// What the checks share: asked for by every check, a coroutine's CFG,
// parents and held-lock dataflow are built once, and the mutex flow once per
// AST; checks configured alike share one context, checks configured
// differently do not.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestSupport.h"
#include "ReadReleaseWrite.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <map>

namespace corolock::test {
namespace {

const char *const TwoCoroutines = R"cpp(
std::mutex a;
int shared_value;
task<void> f() {
  a.lock();
  int r = shared_value;
  a.unlock();
  co_await send(r);
  a.lock();
  shared_value = r + 1;
  a.unlock();
}
task<void> g() {
  std::lock_guard<std::mutex> lk(a);
  co_await send(1);
}
)cpp";

/// What each of the four checks asks about every coroutine.
void askAsEveryCheck(AnalysisContext &Analyses, ParsedCode &Parsed) {
  for (const clang::FunctionDecl *F : Parsed.coroutines()) {
    CoroutineAnalysis &A = Analyses.coroutine(*F, Parsed.context());
    (void)A.heldLocks();        // sync-lock-across-suspend
    (void)A.criticalSections(); // unnecessary-async-mutex
    (void)A.criticalSections(); // async-lock-across-io
    (void)findStaleWrites(A);   // read-release-write
  }
  (void)Analyses.mutexFlow(Parsed.context());
  (void)Analyses.mutexFlow(Parsed.context());
}

TEST(CoroutineAnalysis, BuiltOncePerCoroutineForEveryCheck) {
  ParsedCode Parsed(TwoCoroutines);
  ASSERT_FALSE(Parsed.hasErrors());
  AnalysisContexts Shared;
  auto Analyses = Shared.get({});
  ASSERT_TRUE(bool(Analyses));
  askAsEveryCheck(**Analyses, Parsed);
  const AnalysisCounters &Counters = (*Analyses)->counters();
  EXPECT_EQ(Counters.CFGs, 2u);
  EXPECT_EQ(Counters.ParentMaps, 2u);
  EXPECT_EQ(Counters.HeldLockRuns, 2u);
  EXPECT_EQ(Counters.MutexFlows, 1u);
  // The answers are the ones each analysis gives on its own.
  const clang::FunctionDecl *F = Parsed.function("f");
  auto Model = LockModel::create({});
  auto Suspensions = SuspensionPointClassifier::create("");
  ASSERT_TRUE(Model && Suspensions);
  EXPECT_EQ(findStaleWrites((*Analyses)->coroutine(*F, Parsed.context()))
                .Writes.size(),
            findStaleWrites(*F, Parsed.context(), *Model, *Suspensions).size());
  EXPECT_EQ(findStaleWrites(*F, Parsed.context(), *Model, *Suspensions).size(),
            1u);
}

TEST(CoroutineAnalysis, SharedByOptions) {
  AnalysisContexts Shared;
  AnalysisOptions Plain, Alike, Other;
  Other.Locks.AsyncMutexes = "my::Mutex";
  auto A = Shared.get(Plain), B = Shared.get(Alike), C = Shared.get(Other);
  ASSERT_TRUE(A && B && C);
  EXPECT_EQ(*A, *B);
  EXPECT_NE(*A, *C);
  // The non-suspending awaitables decide suspension points, hence findings.
  AnalysisOptions Awaitables;
  Awaitables.NonSuspendingAwaitables = "my::Ready";
  auto D = Shared.get(Awaitables);
  ASSERT_TRUE(bool(D));
  EXPECT_NE(*A, *D);
}

TEST(CoroutineAnalysis, InvalidOptionsReportEach) {
  AnalysisContexts Shared;
  AnalysisOptions Bad;
  Bad.Locks.SyncMutexes = "a::(b";
  Bad.NonSuspendingAwaitables = "[z-a]";
  auto A = Shared.get(Bad);
  ASSERT_FALSE(bool(A));
  std::vector<std::string> Messages;
  llvm::handleAllErrors(A.takeError(), [&](const llvm::ErrorInfoBase &E) {
    Messages.push_back(E.message());
  });
  ASSERT_EQ(Messages.size(), 2u);
  EXPECT_THAT(Messages[0], ::testing::HasSubstr("'SyncMutexes'"));
  EXPECT_THAT(Messages[1], ::testing::HasSubstr("'NonSuspendingAwaitables'"));
}

// A new AST starts afresh: nothing of the old one is kept.
TEST(CoroutineAnalysis, NewASTStartsAfresh) {
  AnalysisContexts Shared;
  auto Analyses = Shared.get({});
  ASSERT_TRUE(bool(Analyses));
  ParsedCode First(TwoCoroutines);
  askAsEveryCheck(**Analyses, First);
  ParsedCode Second(TwoCoroutines);
  askAsEveryCheck(**Analyses, Second);
  EXPECT_EQ((*Analyses)->counters().CFGs, 4u);
  EXPECT_EQ((*Analyses)->counters().MutexFlows, 2u);
}

// Each statement is entered once: the operand of a `co_await` is also inside
// its awaiter, and clang's ParentMap walked it once per reference (five times
// per level of nesting). Its parent is the `co_await` itself.
TEST(StmtParents, NestedAwaitsEnteredOnce) {
  ParsedCode Parsed(R"cpp(
task<int> f() {
  int x = co_await fetch(co_await fetch(co_await fetch(co_await fetch(1))));
  co_return x;
}
)cpp");
  ASSERT_FALSE(Parsed.hasErrors());
  const auto *Body =
      llvm::cast<clang::CoroutineBodyStmt>(Parsed.function("f")->getBody())
          ->getBody();
  StmtParents Parents(Body);
  unsigned Awaits = 0, Visits = 0;
  forEachStmtOnce(Body, [&](const clang::Stmt *S) {
    ++Visits;
    if (const auto *Await = llvm::dyn_cast<clang::CoawaitExpr>(S);
        Await && !Await->isImplicit()) {
      ++Awaits;
      EXPECT_EQ(Parents.getParent(Await->getOperand()), Await);
    }
    return true;
  });
  EXPECT_EQ(Awaits, 4u);
  // Every statement below the body has one parent, and was visited once.
  unsigned WithParent = 0;
  forEachStmtOnce(Body, [&](const clang::Stmt *S) {
    WithParent += S != Body && Parents.getParent(S) != nullptr;
    return true;
  });
  EXPECT_EQ(WithParent, Visits - 1);
}

// A statement throws to the innermost try around it; a handler is outside
// its own try's block but inside the enclosing one.
TEST(TryBlocks, InnermostAndNesting) {
  ParsedCode Parsed(R"cpp(
task<void> f() {
  try {
    compute(1);
    try {
      compute(2);
    } catch (...) {
      compute(3);
    }
  } catch (...) {
    compute(4);
  }
  co_await send(5);
}
)cpp");
  ASSERT_FALSE(Parsed.hasErrors());
  auto Model = LockModel::create({});
  auto Suspensions = SuspensionPointClassifier::create("");
  ASSERT_TRUE(Model && Suspensions);
  CoroutineAnalysis A(*Parsed.function("f"), Parsed.context(), *Model,
                      *Suspensions);
  const TryBlocks &Tries = A.tries();
  std::map<int, const clang::Stmt *> Calls;
  forEachStmtOnce(A.body(), [&](const clang::Stmt *S) {
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S))
      if (const auto *Callee = Call->getDirectCallee();
          Callee && Callee->getName() == "compute")
        if (const auto *Arg = llvm::dyn_cast<clang::IntegerLiteral>(
                Call->getArg(0)->IgnoreImplicit()))
          Calls[Arg->getValue().getZExtValue()] = S;
    return true;
  });
  ASSERT_EQ(Calls.size(), 4u);
  constexpr unsigned None = ~0u;
  unsigned Outer = Tries.innermost(Calls[1]).value_or(None);
  unsigned Inner = Tries.innermost(Calls[2]).value_or(None);
  ASSERT_NE(Outer, None);
  ASSERT_NE(Inner, None);
  EXPECT_NE(Outer, Inner);
  EXPECT_EQ(Tries.innermost(Calls[3]).value_or(None), Outer);
  EXPECT_FALSE(Tries.innermost(Calls[4]).has_value());
  EXPECT_TRUE(Tries.holds(Outer, Calls[2]));
  EXPECT_FALSE(Tries.holds(Inner, Calls[1]));
  ASSERT_TRUE(Tries.dispatch(Outer) && Tries.dispatch(Inner));
  EXPECT_EQ(Tries.tryOfDispatch(*Tries.dispatch(Inner)).value_or(None), Inner);
}

} // namespace
} // namespace corolock::test
