//===--- CallAcquisitions.h - Which mutexes a call acquires -----*- C++ -*-===//
//
// The locks a function body requests, and those a call requests in the code
// it runs before returning to its caller: the plain functions it calls and
// the coroutines it awaits, followed a few levels deep among the definitions
// of the translation unit (outside system headers), each function summarised
// once per depth, and never deeper than asked. A coroutine called but not
// awaited (spawned, stored) and a lambda created but not called run later, not
// in the call.
//
// A mutex keeps its object across a call only where the callee names the
// caller's: a member reached through `this` in a member call on `this` (or a
// lambda called in place, whose `this` and captured variables are the
// caller's), and a global or static. Another object's mutex (`other.put()`),
// a parameter's or a local's is not the caller's: its path is dropped.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CALLACQUISITIONS_H
#define COROLOCK_CALLACQUISITIONS_H

#include "CoroutineAnalysis.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace corolock {

/// A mutex object named from one body: a root and the fields to the mutex.
struct MutexPath {
  enum class Root { This, Global, Local };
  Root From = Root::Local;
  /// The variable, for Global and Local.
  const clang::ValueDecl *Variable = nullptr;
  /// The fields from the root, in order (`this->inner_.mu_`: inner_, mu_).
  llvm::SmallVector<const clang::ValueDecl *, 2> Fields;

  bool operator==(const MutexPath &Other) const {
    return From == Other.From && Variable == Other.Variable &&
           Fields == Other.Fields;
  }
};

/// The path of the mutex \p MutexExpr names (`mu_`, `this->a_.mu_`, `&g_mu`,
/// `*p`, a pointer `p`); none for an array element or a call's result.
std::optional<MutexPath> mutexPath(const clang::Expr *MutexExpr);

/// Whether \p M's type is a recursive mutex, which its holder may lock again.
bool isRecursiveMutex(const clang::Expr *M);

/// One mutex a body requests.
struct BodyLock {
  /// The mutex as written, and its declaration (mutexDeclaration).
  const clang::Expr *MutexExpr = nullptr;
  const clang::ValueDecl *Mutex = nullptr;
  std::optional<MutexPath> Path;
  clang::SourceLocation Loc;
  LockKind Kind = LockKind::Sync;
  LockMode Mode = LockMode::Exclusive;
  /// Whether the request waits until it holds the lock (not a try-lock).
  bool Waits = true;
  bool Recursive = false;
  /// Whether one call takes it with others (`std::scoped_lock lk(a, b)`,
  /// `std::lock(a, b)`), which avoids deadlock among them.
  bool Joint = false;
  /// The statement after which it is held; heldBefore() it is what the body
  /// holds when it requests it.
  const clang::Stmt *Where = nullptr;
};

/// A lock a call requests, directly in its callee or deeper.
struct ReachedLock {
  BodyLock Lock;
  /// The function whose body requests it.
  const clang::FunctionDecl *Function = nullptr;
  /// The calls from the summarised body down to Function, the first in the
  /// summarised body.
  llvm::SmallVector<const clang::CallExpr *, 3> Calls;
  /// Lock.Path as the summarised body names it; none when it is another
  /// object's than the caller's.
  std::optional<MutexPath> CallerPath;
};

/// The locks held (on every path) before \p S in \p Analysis's body.
llvm::SmallVector<const LockFact *, 4>
definitelyHeldBefore(CoroutineAnalysis &Analysis, const clang::Stmt *S);

class CallAcquisitions {
public:
  /// Calls are followed at most \p MaxDepth levels deep.
  CallAcquisitions(AnalysisContext &Analyses, clang::ASTContext &Context,
                   unsigned MaxDepth = 4)
      : Analyses(Analyses), Context(Context), MaxDepth(MaxDepth) {}

  /// The locks \p F's own body requests, in source order (one per mutex of
  /// a joint acquisition).
  llvm::ArrayRef<BodyLock> locksOf(const clang::FunctionDecl &F);
  /// The calls of \p F's body that run a callee before the body goes on, in
  /// the order of the CFG, with the callee's definition: a visible
  /// definition outside system headers that is not a lock operation, and
  /// awaited when it is a coroutine.
  llvm::ArrayRef<
      std::pair<const clang::CallExpr *, const clang::FunctionDecl *>>
  callsOf(const clang::FunctionDecl &F);
  /// The waiting locks calling \p Callee through \p Call requests: \p
  /// Callee's own, then those of its calls, each mutex (as the caller names
  /// it, in each mode) once, at its first acquisition; paths as the caller
  /// names them.
  std::vector<ReachedLock> acquiredBy(const clang::CallExpr &Call,
                                      const clang::FunctionDecl &Callee);
  /// How many summaries (function and depth) were made, for tests.
  unsigned summaries() const { return Summaries.size(); }

private:
  bool follows(const clang::FunctionDecl &Definition,
               const LockModel &Model) const;
  std::vector<ReachedLock> throughCall(const clang::CallExpr &Call,
                                       const clang::FunctionDecl &Callee,
                                       unsigned Depth);
  llvm::ArrayRef<ReachedLock> summaryOf(const clang::FunctionDecl &F,
                                        unsigned Depth);

  AnalysisContext &Analyses;
  clang::ASTContext &Context;
  unsigned MaxDepth;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<BodyLock>> Locks;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<std::pair<const clang::CallExpr *,
                                       const clang::FunctionDecl *>>>
      Calls;
  /// By function and depth.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                 std::vector<ReachedLock>>
      Summaries;
  /// Functions being summarised: a recursive call adds nothing more.
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
};

} // namespace corolock

#endif // COROLOCK_CALLACQUISITIONS_H
