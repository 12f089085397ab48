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
  /// The project's index for the translation unit, without its stale
  /// units; null when there is none, when the `ProjectIndex` option is
  /// `none`, or while the run writes summaries itself. Only when configured.
  const ProjectSummary *projectIndex() const {
    return Analyses->projectIndex();
  }
  /// What the project index knows of \p Mutex, or null.
  const MutexFact *indexedMutex(const clang::ValueDecl *Mutex) const;
  /// The critical sections of \p Fact that \p Live, the sections the AST
  /// shows, lacks: other units', and this unit's outside the main file whose
  /// bodies the AST does not show (clangd skips those of headers).
  std::vector<const SectionFact *>
  sectionsOutOfSight(const MutexFact &Fact,
                     llvm::ArrayRef<CriticalSection> Live,
                     const clang::SourceManager &SM) const;

  /// A critical section of a mutex out of this unit's sight, as the
  /// project index knows it.
  struct IndexedSection {
    const SectionFact *Section = nullptr;
    /// For one taken through a parameter of a function defined out of
    /// sight, that parameter's fact.
    const ParameterFact *Through = nullptr;
    /// For one taken through a parameter, or of a mutex passed to the
    /// parameter being judged: where that mutex is passed on the way.
    clang::SourceLocation PassedAt;
    /// For a section of a mutex passed to the parameter being judged
    /// (sectionsOfCallers): that mutex's name.
    std::string MutexName;
  };
  /// The critical sections that \p Mutex's calls out of sight lead to:
  /// this unit's, as its AST shows them, and other units', as \p Indexed,
  /// the index's fact of the mutex (or null), records them; none when the
  /// index cannot follow every call.
  std::optional<std::vector<IndexedSection>>
  sectionsThroughCalls(const clang::ValueDecl *Mutex, const MutexFact *Indexed,
                       clang::ASTContext &Context) const;
  /// For \p Param, a mutex parameter of a function this unit defines that
  /// other units call: the sections of the mutexes they pass to it, their
  /// own and those their other calls lead to, as the index knows them.
  std::vector<IndexedSection>
  sectionsOfCallers(const clang::ParmVarDecl &Param,
                    clang::ASTContext &Context) const;

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
  void useProjectIndex(llvm::StringRef MainFile);

  ConfigurationReport Configuration;
  std::string CheckName;
  AnalysisOptions Analysis;
  std::shared_ptr<AnalysisContexts> Shared;
  std::shared_ptr<CoroutineMatches> Coroutines;
  AnalysisContext *Analyses = nullptr;
  bool Configured = true;
  std::unique_ptr<SummaryWriter> Summaries;
  /// The library presets' I/O and yields, made when first needed.
  std::optional<IoAwaitClassifier> Presets;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_COROUTINELOCKCHECK_H
