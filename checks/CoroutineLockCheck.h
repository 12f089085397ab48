//===--- CoroutineLockCheck.h - Base of the corolock checks -----*- C++ -*-===//
//
// Reads the options every corolock check shares (the lock-model lists and
// NonSuspendingAwaitables, per check or module-wide as `corolock.<Option>`),
// finds the analyses shared by every check configured alike, reports an
// invalid value as a configuration error, and matches coroutines.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_COROUTINELOCKCHECK_H
#define COROLOCK_CHECKS_COROUTINELOCKCHECK_H

#include "ConfigurationReport.h"
#include "CoroutineAnalysis.h"
#include "IoAwaits.h"
#include "ProjectSummary.h"
#include "SummaryWriter.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <optional>

namespace corolock {

class CoroutineMatches;

class CoroutineLockCheck : public clang::tidy::ClangTidyCheck {
public:
  CoroutineLockCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context);
  ~CoroutineLockCheck() override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  /// Matches coroutine definitions, bound to "coroutine", unless the
  /// configuration was invalid.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override {
    Configuration.report(SM);
  }

protected:
  /// The name the check was registered under.
  llvm::StringRef checkName() const { return CheckName; }
  /// Reports \p Err, an invalid option value, as a configuration error and
  /// disables the check.
  void reportConfigurationError(llvm::Error Err);
  bool isConfigured() const { return Configured && Analyses; }
  /// Whether the run writes summaries for a project verdict
  /// (COROLOCK_SUMMARY_DIR): what needs other translation units is left to
  /// that verdict.
  bool writesSummaries() const { return Summaries != nullptr; }
  /// The project's index for the translation unit of \p Context, without
  /// its stale units; null when there is none, when \p IndexOption (the
  /// `ProjectIndex` option: a path, `none`, or empty to look for one) is
  /// `none`, or while the run writes summaries itself.
  const ProjectSummary *projectIndex(clang::ASTContext &Context,
                                     llvm::StringRef IndexOption);
  /// The analyses shared with the checks configured alike; only when
  /// configured.
  AnalysisContext &analyses() const { return *Analyses; }
  /// The shared analysis of \p Coroutine.
  CoroutineAnalysis &analysisOf(const clang::FunctionDecl &Coroutine,
                                clang::ASTContext &Context) const {
    return Analyses->coroutine(Coroutine, Context);
  }

  /// Whether \p S may suspend as far as this AST shows: the parser did not
  /// skip its awaiter's `await_ready()` (clangd skips the bodies of its
  /// preamble's headers, where the command line may see one that always
  /// returns true), or the library presets know that it suspends whatever
  /// that returns. Only when configured.
  bool suspendsInSight(const clang::CoroutineSuspendExpr &S);

private:
  ConfigurationReport Configuration;
  std::string CheckName;
  AnalysisOptions Analysis;
  std::shared_ptr<AnalysisContexts> Shared;
  std::shared_ptr<CoroutineMatches> Coroutines;
  AnalysisContext *Analyses = nullptr;
  bool Configured = true;
  std::unique_ptr<SummaryWriter> Summaries;
  const clang::ASTContext *IndexFor = nullptr;
  std::shared_ptr<const ProjectSummary> Index;
  /// The library presets' I/O and yields, made when first needed.
  std::optional<IoAwaitClassifier> Presets;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_COROUTINELOCKCHECK_H
