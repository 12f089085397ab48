//===--- SyncLockAcrossSuspendCheck.h - corolock ----------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H
#define COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H

#include "HeldLockAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace corolock {

/// Warns at each suspension point of a coroutine where a sync (thread-
/// blocking) lock is possibly held.
///
/// For the user-facing documentation see:
/// docs/checks/corolock-sync-lock-across-suspend.md
class SyncLockAcrossSuspendCheck : public clang::tidy::ClangTidyCheck {
public:
  SyncLockAcrossSuspendCheck(llvm::StringRef Name,
                             clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override { Reported.clear(); }

private:
  void report(const clang::CoroutineSuspendExpr &Suspension,
              const LockFact &Lock, const clang::ASTContext &Context);

  LockModelOptions ModelOptions;
  std::string NonSuspendingAwaitables;
  bool StrictMode;
  std::optional<LockModel> Model;
  std::optional<SuspensionPointClassifier> Suspensions;
  /// Template instantiations share source locations: report each once.
  llvm::StringSet<> Reported;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_SYNCLOCKACROSSSUSPENDCHECK_H
