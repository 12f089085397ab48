//===--- StaleReadLattice.h - What read-release-write knows -----*- C++ -*-===//
//
// The lattice of the read-release-write dataflow: which reads made under a
// mutex are pending a write that may be based on them, whether a
// suspension point without the mutex followed them, what re-checks them,
// what happened under each mutex since it was last released for a
// suspension, and which reads each local's value may come from. Joins are in
// place and report whether they changed anything.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_STALEREADLATTICE_H
#define COROLOCK_STALEREADLATTICE_H

#include "SharedAccesses.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/SparseBitVector.h"
#include <map>
#include <tuple>

namespace corolock::stale {

using PathId = AccessPaths::PathId;
/// A mutex, by its MutexIdentity::Number.
using MutexNumber = unsigned;
/// Tracked reads, by number: where a value may come from.
using ReadSet = llvm::SparseBitVector<>;

/// Who holds a lock since which acquisition: a lock released and taken again
/// is another holding.
struct Holding {
  const void *Holder = nullptr;
  clang::SourceLocation Acquisition;
  bool operator==(const Holding &O) const {
    return Holder == O.Holder && Acquisition == O.Acquisition;
  }
};

/// Which tracked reads the value of each local may come from.
using TaintMap = llvm::DenseMap<const clang::VarDecl *, ReadSet>;

/// A block whose condition was evaluated, and the successor taken.
using Outcome = std::pair<const clang::CFGBlock *, unsigned>;

/// A read in critical section A awaiting a write in critical section B.
struct PendingRead {
  /// The first suspension point after the read without its mutex.
  const clang::CoroutineSuspendExpr *Suspension = nullptr;
  const clang::Expr *MutexExpr = nullptr;
  /// Outcomes of conditions in B that re-read the location (on all paths).
  llvm::SmallVector<Outcome, 2> Checks;
  /// Other locks held since the read (on all paths).
  llvm::SmallVector<Holding, 2> Serializers;
  /// Test-and-set conditions of A (on all paths).
  llvm::SmallVector<const clang::CFGBlock *, 1> Claims;
  /// Whether A reserved a share of the location after reading it (`++n`, on
  /// all paths), which B may give back (`--n`) without re-checking: only a
  /// value computed from the stale read can still undo another task's
  /// change.
  bool Reserved = false;

  bool operator==(const PendingRead &O) const {
    return Suspension == O.Suspension && MutexExpr == O.MutexExpr &&
           Checks == O.Checks && Serializers == O.Serializers &&
           Claims == O.Claims && Reserved == O.Reserved;
  }
};

struct PendingKey {
  unsigned Read;
  MutexNumber Mutex;
  /// Whether a suspension point without the mutex followed the read.
  bool Suspended;
  bool operator==(const PendingKey &O) const {
    return Read == O.Read && Mutex == O.Mutex && Suspended == O.Suspended;
  }
  bool operator<(const PendingKey &O) const {
    return std::tie(Read, Mutex, Suspended) <
           std::tie(O.Read, O.Mutex, O.Suspended);
  }
};

/// What happened under one mutex since the last suspension point that ran
/// without it.
struct Epoch {
  /// Tracked reads under the mutex (on some path).
  ReadSet Reads;
  /// Conditions under the mutex over those reads, with the reads (on some
  /// path).
  llvm::SmallVector<std::pair<const clang::CFGBlock *, ReadSet>, 2> Conditions;
  /// Conditions followed by a write of what they read (on all paths).
  llvm::SmallVector<const clang::CFGBlock *, 1> Claims;
};

struct State {
  TaintMap Taint;
  std::map<PendingKey, PendingRead> Pending;
  std::map<MutexNumber, Epoch> Epochs;
  /// The reads under a mutex (numbered by StaleWriteAnalysis::readUnder)
  /// that a suspension point without that mutex followed, and that did not
  /// happen again since (on some path). One set rather than one per mutex:
  /// the state is copied per CFG block, and a map of sets cost a node and a
  /// set per mutex at each copy.
  ReadSet Stale;
  /// Locations this coroutine changed relative to their value (`++n`,
  /// `n -= k`), with the direction (+1 or -1), on all paths: a later update
  /// the other way gives back what it took.
  llvm::SmallVector<std::pair<PathId, int>, 2> Updated;
};

/// Whether some read of \p Reads satisfies \p Pred (SparseBitVector's
/// iterator is not a standard one).

template <typename PredT> bool anyRead(const ReadSet &Reads, PredT Pred) {
  for (unsigned Id : Reads)
    if (Pred(Id))
      return true;
  return false;
}

template <typename T, unsigned N>
void intersect(llvm::SmallVector<T, N> &Into, llvm::ArrayRef<T> Other) {
  llvm::erase_if(Into,
                 [&](const T &X) { return !llvm::is_contained(Other, X); });
}

template <typename T, unsigned N>
void insertUnique(llvm::SmallVector<T, N> &Into, const T &X) {
  if (!llvm::is_contained(Into, X))
    Into.push_back(X);
}

/// Joins \p From into \p Into; each returns whether \p Into changed.
bool joinPending(PendingRead &Into, const PendingRead &From,
                 const clang::SourceManager &SM);
bool joinEpoch(Epoch &Into, const Epoch &From);
bool joinStates(State &Into, const State &From, const clang::SourceManager &SM);

} // namespace corolock::stale

#endif // COROLOCK_STALEREADLATTICE_H
