//===--- ReadReleaseWrite.h - Writes based on stale reads -------*- C++ -*-===//
//
// A time-of-check/time-of-use race across a suspension point: a coroutine
// reads a shared location L under mutex M (critical section A), a suspension
// point S follows while M is not held, and the coroutine then writes L under
// M again (critical section B) with a value computed from what A read, or
// only because of it. Meanwhile another coroutine may have changed L.
//
// A forward dataflow over clang's CFG of the coroutine body, on top of the
// locks the held-lock analysis finds at every statement, tracks:
//  - which reads of A are pending, and whether a suspension without their
//    mutex has followed them;
//  - which locals carry values read under a lock (through assignments,
//    calls that fill them, the awaited call's arguments and result);
//  - which branch conditions in B re-read L (a re-validation when all paths
//    to the write pass the same outcome of one such condition).
// Whether a write happens because of a read follows control dependence
// (clang's ControlDependencyCalculator). A write is not reported when:
//  - B re-validates L in a condition the write depends on;
//  - another lock is held from the read, across every suspension, to the
//    write (a serialization lock);
//  - neither the written value nor whether the write happens depends on a
//    value read in A;
//  - A itself changed L after reading it (it claimed or reserved it
//    atomically, and B follows up), or the write depends on a condition in
//    A over a location that A then changed (a test-and-set flag such as
//    `if (refreshing_) co_return; refreshing_ = true;`).
// Reader/writer locks of one mutex count as the same mutex.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_READRELEASEWRITE_H
#define COROLOCK_READRELEASEWRITE_H

#include "CoroutineAnalysis.h"
#include <optional>

namespace corolock {

/// How a write depends on the stale read.
enum class StaleDependence {
  Value,   ///< The written value is computed from it.
  Control, ///< Whether the write happens is decided by it.
};

/// A write in critical section B that depends on a read in critical section
/// A of the same mutex, with a suspension point between them.
struct StaleWrite {
  /// The written location, in B.
  const clang::Expr *Write = nullptr;
  /// The read of an overlapping location, in A.
  const clang::Expr *Read = nullptr;
  /// The read the write depends on: Read itself, or another read under the
  /// mutex before the suspension (the element field that chose which
  /// element to update).
  const clang::Expr *Basis = nullptr;
  /// The first suspension point after the read where the mutex is not held.
  const clang::CoroutineSuspendExpr *Suspension = nullptr;
  /// The mutex as written where A locked it.
  const clang::Expr *Mutex = nullptr;
  StaleDependence Dependence = StaleDependence::Value;
};

/// The answer for one coroutine.
struct StaleWriteResult {
  /// In source order of the writes; each write once, with its first stale
  /// read.
  std::vector<StaleWrite> Writes;
  /// When the dataflow did not converge within its bound on block visits,
  /// the bound; Writes is then empty, since a state short of the fixpoint
  /// would both miss and invent stale writes.
  std::optional<unsigned> StoppedAfter;
};

/// Block visits read-release-write's dataflow may make over \p Graph. Real
/// coroutines converge within about two visits per block; a lattice raised
/// one read at a time (a local accumulating the reads of hundreds of labels
/// of a goto mesh) needs a visit per read and block.
constexpr unsigned MaxVisitsPerBlock = 32;
constexpr unsigned MinVisits = 1024;
unsigned maxBlockVisits(const clang::CFG &Graph);

/// The stale writes of \p Coroutine.
StaleWriteResult findStaleWrites(CoroutineAnalysis &Coroutine);

/// The stale writes of one coroutine on its own, for tests.
std::vector<StaleWrite>
findStaleWrites(const clang::FunctionDecl &Coroutine,
                clang::ASTContext &Context, const LockModel &Model,
                const SuspensionPointClassifier &Suspensions);

/// While alive, limits the AST context's traversal scope to \p Coroutines,
/// and with it the parent map that ExprMutationAnalyzer's ancestor queries
/// build on first use: over the whole translation unit, standard library
/// included, that map costs more than the analysis itself. The previous
/// scope is restored (and the small map dropped) on destruction. Only for
/// use after AST matching: other checks' matchers would find no parents
/// outside these declarations.
class CoroutineTraversalScope {
public:
  CoroutineTraversalScope(
      clang::ASTContext &Context,
      llvm::ArrayRef<const clang::FunctionDecl *> Coroutines);
  ~CoroutineTraversalScope();
  CoroutineTraversalScope(const CoroutineTraversalScope &) = delete;
  CoroutineTraversalScope &operator=(const CoroutineTraversalScope &) = delete;

private:
  clang::ASTContext &Context;
  std::vector<clang::Decl *> Saved;
};

} // namespace corolock

#endif // COROLOCK_READRELEASEWRITE_H
