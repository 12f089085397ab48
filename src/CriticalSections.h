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

class StmtParents;

/// An argument that passes a mutex by reference or pointer to a mutex
/// parameter (`refresh(g_mu)` binds `task<> refresh(Mutex &m)`'s 'm').
struct MutexBinding {
  const clang::Expr *Argument = nullptr;
  const clang::ParmVarDecl *Parameter = nullptr;
};

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
  /// Whether the lock, taken manually, may still be held when the coroutine
  /// ends: other code (often another coroutine) releases it later, after
  /// suspension points out of sight.
  bool HeldAtEnd = false;
  /// For a section taken through a mutex parameter and counted for the
  /// mutex a call passes to it (CriticalSectionsByMutex::bindParameters):
  /// the arguments that bind it, the parameter's own first, then each
  /// parameter's passed on, up to the argument that names Mutex.
  llvm::SmallVector<MutexBinding, 1> BoundThrough;

  /// Whether the lock may be held across a suspension point, here or out of
  /// sight: a lock handed to an awaitable (`co_await cv.wait(lk)`) is
  /// released and retaken while the coroutine is suspended; one moved out
  /// with its guard, or left locked at the end of the coroutine, may be held
  /// by its new owner across suspension points this unit does not show.
  bool maySuspend() const {
    return !Suspensions.empty() || !HandOffs.empty() || !MovedOut.empty() ||
           HeldAtEnd;
  }
};

/// The critical sections of \p Coroutine, whose held locks are \p Locks, one
/// per acquisition and mutex, in source order.
std::vector<CriticalSection>
criticalSectionsOf(const clang::FunctionDecl &Coroutine,
                   const HeldLockResult &Locks);

/// Whether \p Section only updates one integer the way one std::atomic
/// operation does: `{ lock_guard g(m); ++n; }` or
/// `co_await m.lock(); ++n; m.unlock();`. \p Parents spans the body of its
/// function.
bool isLoneIntegerUpdate(const CriticalSection &Section,
                         const StmtParents &Parents);

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
  /// among those of each mutex that calls pass to it (`refresh(g_mu)`), as
  /// \p Flow found, through parameters passed on; a parameter bound to no
  /// known mutex stays a mutex of its own.
  void bindParameters(const struct MutexFlow &Flow);

private:
  void remove(const clang::ValueDecl *M);

  std::vector<const clang::ValueDecl *> Order;
  llvm::DenseMap<clang::SourceLocation, const clang::ValueDecl *> ByLocation;
  llvm::DenseMap<const clang::ValueDecl *, std::vector<CriticalSection>>
      Sections;
};

/// A call that passes a mutex by non-const reference or pointer to a
/// function the translation unit declares but does not define: the project
/// index may know what that function does with it.
struct CallOutOfSight {
  const clang::FunctionDecl *Callee = nullptr;
  /// The parameter's index, the implicit object not counted.
  unsigned Parameter = 0;
  const clang::Expr *Argument = nullptr;
};

/// How the mutexes of a translation unit are handed around.
struct MutexFlow {
  /// Mutexes handed to code that may lock or wait on them where no summary
  /// follows them: passed by non-const reference or pointer to a
  /// constructor other than a lock guard's, or to a function of a system
  /// header or a virtual one (`cv.wait(mu)`, `co_await awaiter(mu)`), or to
  /// a parameter that escapes in turn; stored as a pointer or reference
  /// (`auto *p = &mu;`, `Waiter{mu}`); returned by non-const reference or
  /// pointer (`Mutex &mutex()`); given an awaitable to run under their
  /// lock (`co_await mu.scoped_lock(task)`); or, for async mutexes, locked
  /// outside a coroutine (`mu.lock(ex).run().get()`), where their critical
  /// sections are out of the analysis's sight.
  llvm::DenseSet<const clang::ValueDecl *> Escaping;
  /// Mutexes passed to functions defined out of sight (CallOutOfSight),
  /// directly or through the parameters of functions defined here; other
  /// translation units' summaries may say what those do with them.
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<CallOutOfSight, 1>>
      PassedOutOfSight;
  /// The mutex parameters (by non-const reference or pointer) of the
  /// functions defined in the translation unit outside system headers, one
  /// per location (a template's instantiations share it).
  std::vector<const clang::ParmVarDecl *> Parameters;
  /// For each mutex parameter (by reference or pointer) of a function
  /// defined in the translation unit, by its location (shared by a
  /// template's instantiations), the mutexes that calls pass to it.
  llvm::DenseMap<clang::SourceLocation,
                 llvm::SmallVector<const clang::ValueDecl *, 2>>
      PassedTo;
  /// Where coroutines lock an element of an array or container of async
  /// mutexes by hand (`co_await stripes_[i].co_lock();`), by the location of
  /// the family's declaration: the held-lock analysis may not follow such a
  /// lock (a run-time index), and then finds no critical section there.
  llvm::DenseMap<clang::SourceLocation,
                 llvm::SmallVector<clang::SourceLocation, 2>>
      ElementLocks;
  /// The first argument that passes each of those mutexes to the parameter
  /// at the location.
  llvm::DenseMap<std::pair<clang::SourceLocation, const clang::ValueDecl *>,
                 MutexBinding>
      Arguments;

  /// Whether \p M, or the declaration at its location, escapes: where no
  /// summary follows it, or to a call out of sight.
  bool escapes(const clang::ValueDecl *M) const;
  /// Whether \p M, or the declaration at its location, escapes where no
  /// summary follows it.
  bool escapesUnfollowed(const clang::ValueDecl *M) const;
  /// The calls out of sight \p M, or the declaration at its location, is
  /// passed to.
  llvm::SmallVector<CallOutOfSight, 1>
  callsOutOfSight(const clang::ValueDecl *M) const;
  /// \p M and every declaration calls pass to it, in turn through the
  /// parameters passed on: what locking \p M locks (roots() keeps those
  /// no call binds).
  llvm::SmallVector<const clang::ValueDecl *, 4>
  standsFor(const clang::ValueDecl *M) const;
  /// Whether some element of \p M is locked by hand where none of
  /// \p Sections, \p M's, starts.
  bool locksUnfollowed(const clang::ValueDecl *M,
                       llvm::ArrayRef<CriticalSection> Sections) const;
  /// Whether \p M is a parameter some call passes a known mutex to.
  bool binds(const clang::ValueDecl *M) const;
  /// The mutexes \p M stands for: itself unless some call binds it; else the
  /// mutexes passed to it, resolved in turn.
  llvm::SmallVector<const clang::ValueDecl *, 2>
  roots(const clang::ValueDecl *M) const;
  /// The arguments through which the parameter \p M stands for \p Root, one
  /// of its roots: the one binding \p M first; empty if there are none.
  llvm::SmallVector<MutexBinding, 1>
  bindingPath(const clang::ValueDecl *M, const clang::ValueDecl *Root) const;
};

MutexFlow analyzeMutexFlow(clang::ASTContext &Context, const LockModel &Model);

/// The member of a class template that \p Mutex, a member of one of its
/// specializations, was instantiated from, or null. Its qualified name is the
/// one written in the source (`Channel::mu_`, not `Channel<int>::mu_`), and
/// it is one declaration for every specialization.
const clang::ValueDecl *classTemplateMember(const clang::ValueDecl *Mutex);

} // namespace corolock

#endif // COROLOCK_CRITICALSECTIONS_H
