//===--- LockReentryCheck.cpp - corolock ----------------------------------===//

#include "LockReentryCheck.h"
#include "CheckSupport.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {

namespace {

/// Whether requesting \p Lock while \p Held is held waits for \p Held: a
/// non-recursive mutex, and not two readers (which wait for each other only
/// behind a waiting writer, on some implementations).
bool waitsFor(const BodyLock &Lock, const LockFact &Held) {
  return Lock.Waits && !Lock.Recursive && conflicts(Held.Mode, Lock.Mode);
}

} // namespace

/// One match per translation unit: its coroutines are among the functions
/// the shared analysis lists, which costs less than a matcher run on every
/// declaration of the TU.
void LockReentryCheck::registerMatchers(MatchFinder *Finder) {
  if (isConfigured())
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void LockReentryCheck::check(const MatchFinder::MatchResult &Result) {
  Reported.clear();
  CallAcquisitions Search(analyses(), *Result.Context);
  for (const FunctionDecl *F : analyses().userFunctions(*Result.Context)) {
    if (!isa<CoroutineBodyStmt>(F->getBody()))
      continue;
    CoroutineAnalysis &Analysis = analysisOf(*F, *Result.Context);
    checkOwnLocks(Analysis, Search);
    checkCalls(Analysis, Search);
  }
}

/// A lock the coroutine's own body requests while it holds the same mutex.
void LockReentryCheck::checkOwnLocks(CoroutineAnalysis &Analysis,
                                     CallAcquisitions &Search) {
  MutexIdentities &Mutexes = Analysis.mutexes();
  for (const BodyLock &Lock : Search.locksOf(Analysis.function())) {
    if (!Lock.Where)
      continue;
    const MutexIdentity *Requested = Mutexes.ofLockArgument(Lock.MutexExpr);
    if (!Requested)
      continue;
    for (const LockFact *Held : definitelyHeldBefore(Analysis, Lock.Where)) {
      // An adopting guard holds the acquisition itself.
      bool Same = !llvm::is_contained(Held->Acquisitions, Lock.Loc) &&
                  llvm::any_of(Held->Mutexes, [&](const Expr *M) {
                    return Mutexes.ofLockArgument(M) == Requested;
                  });
      if (Same && waitsFor(Lock, *Held)) {
        reportOwn(Lock, *Held, Analysis.context());
        break;
      }
    }
  }
}

/// A call that requests, in the code it runs, a mutex the coroutine holds.
void LockReentryCheck::checkCalls(CoroutineAnalysis &Analysis,
                                  CallAcquisitions &Search) {
  for (const auto &[Call, Callee] : Search.callsOf(Analysis.function())) {
    llvm::SmallVector<const LockFact *, 4> Held =
        definitelyHeldBefore(Analysis, Call);
    if (Held.empty())
      continue;
    auto Reentry = [&](const ReachedLock &Reached) -> const LockFact * {
      if (!Reached.CallerPath)
        return nullptr;
      for (const LockFact *Fact : Held)
        for (const Expr *M : Fact->Mutexes)
          if (mutexPath(M) == Reached.CallerPath &&
              waitsFor(Reached.Lock, *Fact))
            return Fact;
      return nullptr;
    };
    // One finding per call: its first re-entry.
    for (const ReachedLock &Reached : Search.acquiredBy(*Call, *Callee))
      if (const LockFact *Fact = Reentry(Reached)) {
        reportCall(Reached, *Fact, Analysis.context());
        break;
      }
  }
}

void LockReentryCheck::reportOwn(const BodyLock &Lock, const LockFact &Held,
                                 const ASTContext &Context) {
  if (!Reported.insert(Lock.Loc.getRawEncoding()).second)
    return;
  std::string Mutex = spelling(Lock.MutexExpr, Context);
  diag(Lock.Loc, "%select{sync|async}0 mutex '%1' is locked again while this "
                 "coroutine holds it")
      << (Lock.Kind == LockKind::Async) << Mutex;
  diag(explanationLoc(Lock.Loc, Context),
       "the mutex is not recursive: the coroutine waits for itself forever; "
       "release the lock first, or do not lock it again; see %0",
       DiagnosticIDs::Note)
      << documentationPath(getID());
  diag(Held.Acquisitions.front(), "'%0' first locked here", DiagnosticIDs::Note)
      << spelling(Held.Mutexes.front(), Context);
}

void LockReentryCheck::reportCall(const ReachedLock &Reached,
                                  const LockFact &Held,
                                  const ASTContext &Context) {
  const CallExpr &First = *Reached.Calls.front();
  if (!Reported.insert(First.getExprLoc().getRawEncoding()).second)
    return;
  std::string Mutex = spelling(Reached.Lock.MutexExpr, Context);
  const FunctionDecl *Callee = First.getDirectCallee();
  diag(First.getExprLoc(), "%0 locks %select{sync|async}1 mutex '%2', which "
                           "this coroutine already holds here")
      << describeFunction(*Callee) << (Reached.Lock.Kind == LockKind::Async)
      << Mutex;
  diag(explanationLoc(First.getExprLoc(), Context),
       "the mutex is not recursive: the coroutine waits for itself forever; "
       "release the lock before the call, or call a variant that expects it "
       "held; see %0",
       DiagnosticIDs::Note)
      << documentationPath(getID());
  diag(Held.Acquisitions.front(), "'%0' locked here", DiagnosticIDs::Note)
      << spelling(Held.Mutexes.front(), Context);
  for (size_t I = 1; I < Reached.Calls.size(); ++I) {
    const CallExpr &Next = *Reached.Calls[I];
    diag(Next.getExprLoc(), "%0 calls %1 here", DiagnosticIDs::Note)
        << describeFunction(*Reached.Calls[I - 1]->getDirectCallee())
        << describeFunction(*Next.getDirectCallee());
  }
  diag(Reached.Lock.Loc, "%0 locks '%1' again here", DiagnosticIDs::Note)
      << describeFunction(*Reached.Function) << Mutex;
}

} // namespace corolock
