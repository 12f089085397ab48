//===--- CriticalSections.h - Critical sections of coroutines ---*- C++ -*-===//
//
// A critical section runs from one acquisition of a mutex to its release.
// The checks about async mutexes judge a mutex by all of its critical
// sections in a translation unit: whether any suspends, which await I/O, and
// whether the mutex escapes to code that may lock it out of sight.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CRITICALSECTIONS_H
#define COROLOCK_CRITICALSECTIONS_H

#include "HeldLockAnalysis.h"
#include "llvm/ADT/DenseSet.h"

namespace corolock {

struct CriticalSection {
  const clang::FunctionDecl *Function = nullptr;
  /// The locked mutex's declaration (a field, a global or static, a local);
  /// null when the mutex expression names no declaration.
  const clang::ValueDecl *Mutex = nullptr;
  /// The mutex as written at the acquisition.
  const clang::Expr *MutexExpr = nullptr;
  LockKind Kind = LockKind::Sync;
  /// Whether the section holds the mutex exclusively, as a reader, or as an
  /// upgrader; readers do not wait for readers.
  LockMode Mode = LockMode::Exclusive;
  HolderKind Holder = HolderKind::Manual;
  /// The guard variable, for HolderKind::GuardVariable.
  const clang::ValueDecl *Guard = nullptr;
  clang::SourceLocation Acquisition;
  /// Suspension points where the lock is or may be held, in source order;
  /// never the suspension of its own acquisition.
  std::vector<const clang::CoroutineSuspendExpr *> Suspensions;
  /// Suspension points whose awaited expression is handed the lock
  /// (`co_await cv.wait(lk)`): the awaitable may release and retake it.
  std::vector<const clang::CoroutineSuspendExpr *> HandOffs;
  /// Where the held lock leaves the coroutine with its guard
  /// (`co_return std::move(lk);`, `keep(std::move(lk));`): its new owner
  /// may hold it across suspension points out of sight.
  std::vector<const clang::Stmt *> MovedOut;
};

/// The critical sections of \p Coroutine, one per acquisition and mutex, in
/// source order.
std::vector<CriticalSection>
findCriticalSections(const clang::FunctionDecl &Coroutine,
                     clang::ASTContext &Context, const LockModel &Model,
                     const SuspensionPointClassifier &Suspensions);

/// The critical sections of a translation unit grouped by mutex, each
/// acquisition once (template instantiations share their locations, and the
/// suspension points of all of them), in the order the mutexes were first
/// seen. A mutex is identified by its declaration's location, so that the
/// members (and locals) of every instantiation of a template are one mutex.
class CriticalSectionsByMutex {
public:
  /// Adds \p Section if it locks a known declaration and is new.
  void add(CriticalSection Section);
  llvm::ArrayRef<const clang::ValueDecl *> mutexes() const { return Order; }
  llvm::ArrayRef<CriticalSection> sections(const clang::ValueDecl *M) const;
  void clear();

  /// Counts the sections of a mutex parameter (`task<> refresh(Mutex &m)`)
  /// among those of each mutex the calls in \p Context bind it to
  /// (`refresh(g_mu)`), through parameters passed on; a parameter bound to
  /// no known mutex stays a mutex of its own.
  void bindParameters(clang::ASTContext &Context, const LockModel &Model);

private:
  void remove(const clang::ValueDecl *M);

  std::vector<const clang::ValueDecl *> Order;
  llvm::DenseMap<clang::SourceLocation, const clang::ValueDecl *> ByLocation;
  llvm::DenseMap<const clang::ValueDecl *, std::vector<CriticalSection>>
      Sections;
};

/// The declaration \p MutexExpr names (`mu_`, `this->mu_`, `*p`, `&g_mu`),
/// canonical; null if none.
const clang::ValueDecl *mutexDeclaration(const clang::Expr *MutexExpr);

/// Mutexes handed to code that may lock or wait on them out of sight: passed
/// by non-const reference or pointer to a call or a constructor other than a
/// lock guard's or `std::lock`'s (`cv.wait(mu)`, `co_await awaiter(mu)`),
/// stored as a pointer or reference (`auto *p = &mu;`, `Waiter{mu}`), returned
/// by non-const reference or pointer (`Mutex &mutex()`), or given an awaitable
/// to run under their lock (`co_await mu.scoped_lock(task)`).
llvm::DenseSet<const clang::ValueDecl *>
findEscapingMutexes(clang::ASTContext &Context, const LockModel &Model);

} // namespace corolock

#endif // COROLOCK_CRITICALSECTIONS_H
