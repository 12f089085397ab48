//===--- LockReentryCheck.h - corolock --------------------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_LOCKREENTRYCHECK_H
#define COROLOCK_CHECKS_LOCKREENTRYCHECK_H

#include "CallAcquisitions.h"
#include "CoroutineLockCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace corolock {

/// Finds a coroutine that locks a non-recursive mutex it already holds,
/// directly or in a function it calls or a coroutine it awaits.
///
/// For the user-facing documentation see:
/// docs/checks/corolock-lock-reentry.md
class LockReentryCheck : public CoroutineLockCheck {
public:
  LockReentryCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : CoroutineLockCheck(Name, Context) {}
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkOwnLocks(CoroutineAnalysis &Analysis, CallAcquisitions &Search);
  void checkCalls(CoroutineAnalysis &Analysis, CallAcquisitions &Search);
  void reportOwn(const BodyLock &Lock, const LockFact &Held,
                 const clang::ASTContext &Context);
  void reportCall(const ReachedLock &Reached, const LockFact &Held,
                  const clang::ASTContext &Context);

  /// Where findings were reported in this translation unit: the
  /// instantiations of a template share their locations, and one finding
  /// stands for all of them.
  llvm::DenseSet<unsigned> Reported;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_LOCKREENTRYCHECK_H
