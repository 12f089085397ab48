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

#include "LockModel.h"
#include "SuspensionPoints.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace corolock {

/// Whether a lock is owned on all paths, some paths, or none.
enum class Ownership { NotHeld, MaybeHeld, Held };

/// Who owns a lock.
enum class HolderKind {
  GuardVariable,  ///< A named guard object (local or parameter).
  GuardTemporary, ///< A guard temporary alive until the end of its full
                  ///< expression.
  Manual,         ///< The coroutine itself, through `m.lock()`.
};

/// What the analysis knows about one lock holder at one program point.
struct LockFact {
  HolderKind Holder = HolderKind::Manual;
  Ownership Owned = Ownership::NotHeld;
  LockKind Kind = LockKind::Sync;
  LockMode Mode = LockMode::Exclusive;
  /// The guard variable, for GuardVariable.
  const clang::ValueDecl *Guard = nullptr;
  /// The guard's construction, for GuardTemporary.
  const clang::Expr *GuardExpr = nullptr;
  /// The mutexes as written where they were locked or associated.
  llvm::SmallVector<const clang::Expr *, 1> Mutexes;
  /// Canonical identity of the first mutex; null when not trackable.
  const void *MutexKey = nullptr;
  /// Where the lock may have been acquired (or the guard constructed, when
  /// it never owned it), in source order.
  llvm::SmallVector<clang::SourceLocation, 2> Acquisitions;

  bool operator==(const LockFact &Other) const;
};

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

/// What the held-lock dataflow found in one coroutine body.
/// A held lock whose guard leaves the coroutine's sight.
struct MovedOutLock {
  /// The `co_return`, or the construction or call that takes the guard.
  const clang::Stmt *Where = nullptr;
  LockFact Lock;
};

struct HeldLockResult {
  /// One entry per reachable suspension point, in source order.
  std::vector<SuspensionPointLocks> Suspensions;
  /// Every reachable acquisition, in source order: the fact just after it,
  /// with Acquisitions holding that one location.
  std::vector<LockFact> Acquisitions;
  /// Held locks whose guard is returned by `co_return`, or moved into an
  /// object the analysis does not track (a by-value or rvalue-reference
  /// parameter, a member): their new owner may keep them across suspension
  /// points out of sight. Each (holder, statement) once.
  std::vector<MovedOutLock> MovedOut;
};

/// Receives, once the dataflow has converged, the locks held or possibly held
/// just before each statement of the CFG of the coroutine body (built with
/// every statement added), for analyses that need them at every point.
using LockStateObserver = llvm::function_ref<void(
    const clang::Stmt *S, llvm::ArrayRef<const LockFact *> Held)>;

/// Runs the held-lock dataflow over the body of \p Coroutine, which must be a
/// non-dependent function whose body is a `CoroutineBodyStmt`.
HeldLockResult analyzeHeldLocks(const clang::FunctionDecl &Coroutine,
                                clang::ASTContext &Context,
                                const LockModel &Model,
                                const SuspensionPointClassifier &Suspensions,
                                LockStateObserver Observer = nullptr);

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
