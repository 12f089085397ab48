//===--- CoroutineLockCheck.h - Base of the corolock checks -----*- C++ -*-===//
//
// Reads the options every corolock check shares (the lock-model lists and
// NonSuspendingAwaitables), builds the core's classifiers from them, reports
// an invalid value as a configuration error, and matches coroutines.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_COROUTINELOCKCHECK_H
#define COROLOCK_CHECKS_COROUTINELOCKCHECK_H

#include "ConfigurationReport.h"
#include "HeldLockAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <optional>

namespace corolock {

class CoroutineLockCheck : public clang::tidy::ClangTidyCheck {
public:
  CoroutineLockCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  /// Matches coroutine definitions, bound to "coroutine", unless the
  /// configuration was invalid.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  /// A new AST: the lock model's answers about declarations start afresh.
  void onStartOfTranslationUnit() override {
    if (Model)
      Model->startTranslationUnit();
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override {
    Configuration.report(SM);
  }

protected:
  /// Reports \p Err, an invalid option value, as a configuration error and
  /// disables the check.
  void reportConfigurationError(llvm::Error Err);
  bool isConfigured() const { return Configured && Model && Suspensions; }

  std::optional<LockModel> Model;
  std::optional<SuspensionPointClassifier> Suspensions;

private:
  ConfigurationReport Configuration;
  std::string CheckName;
  LockModelOptions ModelOptions;
  std::string NonSuspendingAwaitables;
  bool Configured = true;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_COROUTINELOCKCHECK_H
