//===--- SummaryWriter.h - Writes a translation unit's summary --*- C++ -*-===//
//
// With COROLOCK_SUMMARY_DIR set, the corolock checks of a run write the
// translation unit's ProjectSummary there, once, while they report: a
// project run (corolock-run, or the user's build) merges the summaries into
// the project's index. It runs when matching starts, the AST complete, and
// shares the checks' analyses, so the TU is parsed once.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_SUMMARYWRITER_H
#define COROLOCK_CHECKS_SUMMARYWRITER_H

#include "CoroutineAnalysis.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <memory>
#include <string>

namespace clang::tidy {
class ClangTidyCheck;
} // namespace clang::tidy

namespace corolock {

/// The environment variable naming the directory summaries are written to.
constexpr llvm::StringLiteral SummaryDirectoryVariable = "COROLOCK_SUMMARY_DIR";

class SummaryWriter : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  /// Whether the environment asks for summaries.
  static bool requested();

  /// A writer for \p Check when the environment asks for summaries, else
  /// null. \p IoFunctions is the check's I/O option, as the I/O
  /// classification reads it; \p EnabledChecks the corolock checks of the
  /// run.
  static std::unique_ptr<SummaryWriter>
  fromEnvironment(clang::tidy::ClangTidyCheck &Check,
                  std::shared_ptr<AnalysisContexts> Shared,
                  AnalysisContext &Analyses, std::string IoFunctions,
                  std::vector<std::string> EnabledChecks);

  /// Matches the translation unit, so that run() sees its AST once.
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder);
  void
  run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  SummaryWriter(clang::tidy::ClangTidyCheck &Check,
                std::shared_ptr<AnalysisContexts> Shared,
                AnalysisContext &Analyses, std::string IoFunctions,
                std::vector<std::string> EnabledChecks, std::string Directory)
      : Check(Check), Shared(std::move(Shared)), Analyses(Analyses),
        IoFunctions(std::move(IoFunctions)),
        EnabledChecks(std::move(EnabledChecks)),
        Directory(std::move(Directory)) {}

  clang::tidy::ClangTidyCheck &Check;
  std::shared_ptr<AnalysisContexts> Shared;
  AnalysisContext &Analyses;
  std::string IoFunctions;
  std::vector<std::string> EnabledChecks;
  std::string Directory;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_SUMMARYWRITER_H
