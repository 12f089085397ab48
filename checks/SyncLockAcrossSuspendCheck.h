//===--- SyncLockAcrossSuspendCheck.h - corolock ----------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H
#define COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H

#include "CoroutineLockCheck.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace corolock {

/// Warns once per holder of a sync (thread-blocking) lock in a coroutine, at
/// the first suspension point where the lock is possibly held, with a note at
/// each other one.
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
  /// A holder of a lock and the suspension points where it holds it.
  struct Finding;

  void report(llvm::ArrayRef<SuspensionPointLocks> Points,
              const clang::ASTContext &Context);
  void report(const Finding &F, const clang::ASTContext &Context);
  void noteAcquisitions(const Finding &F, const clang::ASTContext &Context);
  void noteOtherSuspensions(const Finding &F, const clang::ASTContext &Context);

  bool StrictMode;
  /// Template instantiations share source locations: report each once.
  llvm::StringSet<> Reported;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H
