//===--- SyncLockAcrossSuspendCheck.h - corolock ----------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H
#define COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H

#include "CoroutineLockCheck.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace corolock {

/// Warns at each suspension point of a coroutine where a sync (thread-
/// blocking) lock is possibly held.
///
/// For the user-facing documentation see:
/// docs/checks/corolock-sync-lock-across-suspend.md
class SyncLockAcrossSuspendCheck : public CoroutineLockCheck {
public:
  SyncLockAcrossSuspendCheck(llvm::StringRef Name,
                             clang::tidy::ClangTidyContext *Context);
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override { Reported.clear(); }

private:
  void report(const clang::CoroutineSuspendExpr &Suspension,
              const LockFact &Lock, const clang::ASTContext &Context);
  void noteAcquisitions(llvm::ArrayRef<clang::SourceLocation> Acquisitions,
                        llvm::StringRef Mutex);

  bool StrictMode;
  /// Template instantiations share source locations: report each once.
  llvm::StringSet<> Reported;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H
