//===--- HeldLockAnalysis.h - Locks held at suspension points ---*- C++ -*-===//
//
// A forward dataflow over clang's CFG of one coroutine body that computes, at
// each suspension point, which locks are definitely or possibly held and
// where each was acquired. Lambdas are their own bodies and not entered. Any
// point of a try block may throw, so its handlers start from the join of the
// states there (clang's CFG has no exception edges by default).
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_HELDLOCKANALYSIS_H
#define COROLOCK_HELDLOCKANALYSIS_H

#include "LockLattice.h"
#include "SuspensionPoints.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace corolock {

/// The locks alive at one suspension point.
struct SuspensionPointLocks {
  const clang::CoroutineSuspendExpr *Suspension = nullptr;
  /// Held, possibly held, and alive-but-unowned guards, in a deterministic
  /// order; locks handed to the awaited expression are excluded.
  std::vector<LockFact> Locks;
  /// Held or possibly held locks handed to the awaited expression
  /// (`co_await cv.wait(lk)`), which may release and retake them while the
  /// coroutine is suspended.
  std::vector<LockFact> HandedOff;
};

/// A held lock whose guard leaves the coroutine's sight.
struct MovedOutLock {
  /// The `co_return`, or the construction or call that takes the guard.
  const clang::Stmt *Where = nullptr;
  LockFact Lock;
};

/// What the held-lock dataflow found in one coroutine body.
struct HeldLockResult {
  /// One entry per reachable suspension point, in source order.
  std::vector<SuspensionPointLocks> Suspensions;
  /// Every reachable acquisition, in source order: the fact just after it,
  /// with Acquisitions holding that one location.
  std::vector<LockFact> Acquisitions;
  /// Where an acquisition takes effect: the statement of the CFG after which
  /// the lock is held (heldBefore() it are the locks held when it is
  /// requested), and whether it is held on every path there (else it is a
  /// try-lock, or a guard returned by a call that may own nothing).
  struct Acquiring {
    const clang::Stmt *Where = nullptr;
    bool Waits = false;
  };
  /// For each location of Acquisitions, where it takes effect.
  llvm::DenseMap<clang::SourceLocation, Acquiring> AcquiredBy;
  /// Held locks whose guard is returned by `co_return`, or moved into an
  /// object the analysis does not track (a by-value or rvalue-reference
  /// parameter, a member): their new owner may keep them across suspension
  /// points out of sight. Each (holder, statement) once.
  std::vector<MovedOutLock> MovedOut;
  /// Locks held or possibly held when the body ends (at its end, a
  /// `co_return`, an uncaught throw), in the order of lockFactBefore: a
  /// manual lock left for other code to release (`co_await mu.lock_async();`
  /// in `acquire()`, `mu.unlock()` in `release()`).
  std::vector<LockFact> HeldAtEnd;
  /// For each statement of the CFG with a lock held or possibly held just
  /// before it, the index of those locks in HeldSets; statements in a row
  /// with the same locks share one set.
  llvm::DenseMap<const clang::Stmt *, unsigned> HeldBefore;
  /// The statements of HeldBefore, in the order the analysis met them.
  std::vector<const clang::Stmt *> HeldOrder;
  /// Sets of held locks, each in the order of lockFactBefore.
  std::vector<std::vector<LockFact>> HeldSets;

  /// The locks held or possibly held just before \p S.
  llvm::ArrayRef<LockFact> heldBefore(const clang::Stmt *S) const;
};

class StmtParents;
class TryBlocks;

/// Runs the held-lock dataflow over \p Graph, the CFG of the body of
/// \p Coroutine (a non-dependent coroutine definition), built with every
/// statement added and with implicit and temporary destructors.
HeldLockResult
analyzeHeldLocks(const clang::FunctionDecl &Coroutine,
                 clang::ASTContext &Context, const LockModel &Model,
                 const SuspensionPointClassifier &Suspensions,
                 const clang::CFG &Graph, const StmtParents &Parents,
                 const TryBlocks &Tries, MutexIdentities &Mutexes);

/// Whether a lock acquired at \p Acquisition and held at \p Suspension can
/// only be held there since a previous iteration of a loop (or a backward
/// goto): the acquisition is not before the end of the suspension's
/// expression in source order, so every path from it to the suspension jumps
/// back.
bool acquiredInPreviousIteration(clang::SourceLocation Acquisition,
                                 const clang::CoroutineSuspendExpr &Suspension,
                                 const clang::SourceManager &SM);

/// Whether \p Lock is possibly held at \p Suspension because some iteration
/// before may have left it locked: not held on every path, and acquired in a
/// previous iteration.
bool heldFromPreviousIteration(const LockFact &Lock,
                               const clang::CoroutineSuspendExpr &Suspension,
                               const clang::SourceManager &SM);

} // namespace corolock

#endif // COROLOCK_HELDLOCKANALYSIS_H
