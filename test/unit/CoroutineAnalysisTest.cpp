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
#include "gmock/gmock.h"
#include "gtest/gtest.h"

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
  EXPECT_EQ(
      findStaleWrites((*Analyses)->coroutine(*F, Parsed.context())).size(),
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

} // namespace
} // namespace corolock::test
