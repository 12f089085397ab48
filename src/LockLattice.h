//===--- LockLattice.h - What the held-lock dataflow knows ------*- C++ -*-===//
//
// The lattice of the held-lock dataflow: a fact per lock holder (a guard
// variable, a guard temporary, or the coroutine itself for a mutex locked
// manually), whether it owns its lock on all paths, some or none, and where
// it may have been acquired. A holder missing on one side of a join is a
// holder that does not exist on that path: a lock it held is possibly held.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_LOCKLATTICE_H
#define COROLOCK_LOCKLATTICE_H

#include "LockModel.h"
#include "MutexIdentity.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

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
  /// The first mutex; null when it cannot be identified.
  const MutexIdentity *MutexKey = nullptr;
  /// Where the lock may have been acquired (or the guard constructed, when
  /// it never owned it), in source order.
  llvm::SmallVector<clang::SourceLocation, 2> Acquisitions;

  bool operator==(const LockFact &Other) const;
};

/// Lock facts keyed by holder: a guard VarDecl, a guard temporary's
/// CXXConstructExpr, or the mutex's identity for manual locks.
using LockState = llvm::SmallDenseMap<const void *, LockFact, 4>;

/// Merges \p Locs, in source order, into the acquisitions of \p Into, each
/// location once.
void addAcquisitions(LockFact &Into, llvm::ArrayRef<clang::SourceLocation> Locs,
                     const clang::SourceManager &SM);

/// The holder \p Fact is about: its guard variable or temporary, or, for a
/// manual lock, its mutex's identity (the key of the fact in a LockState).
const void *holderOf(const LockFact &Fact);

/// The join of the facts of one holder on two paths.
LockFact joinFacts(const LockFact &A, const LockFact &B,
                   const clang::SourceManager &SM);

/// Joins \p From into \p Into; whether \p Into changed.
bool joinStates(LockState &Into, const LockState &From,
                const clang::SourceManager &SM);

/// A deterministic order of the locks in a state: by acquisition, then
/// holder, then where the mutex is written, so that nothing downstream
/// depends on the state's hashing.
bool lockFactBefore(const LockFact &A, const LockFact &B,
                    const clang::SourceManager &SM);

} // namespace corolock

#endif // COROLOCK_LOCKLATTICE_H
