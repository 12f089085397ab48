//===--- SharedAnalyses.h - One analysis per coroutine for all checks
//------===//
//
// clang-tidy gives checks no shared state: each check is created on its own
// by the module's factories. The corolock checks created for one run (one
// ClangTidyContext) find one AnalysisContexts here, so that a coroutine's
// CFG and held-lock dataflow are computed once however many checks ask.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_SHAREDANALYSES_H
#define COROLOCK_CHECKS_SHAREDANALYSES_H

#include "CoroutineAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace corolock {

/// The analyses shared by the checks of \p Context; they live as long as one
/// of those checks holds them. clang-tidy creates the checks anew for each
/// translation unit (clangd for each AST, on its own threads, each with its
/// own context), so nothing is shared across ASTs.
std::shared_ptr<AnalysisContexts>
sharedAnalyses(const clang::tidy::ClangTidyContext *Context);

/// One coroutine matcher for all the corolock checks of a run: each check's
/// own matcher cost as much as a small check (MatchFinder tries every
/// matcher on every function of the TU, headers included).
class CoroutineMatches
    : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  /// Has \p Check's check() called with every coroutine definition that
  /// \p Finder matches, bound to "coroutine", after the checks subscribed
  /// before it.
  void subscribe(clang::tidy::ClangTidyCheck &Check,
                 clang::ast_matchers::MatchFinder &Finder);
  void unsubscribe(const clang::tidy::ClangTidyCheck &Check);
  void
  run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  /// MatchFinder tells only the callbacks of its matchers that a
  /// translation unit starts and ends: the checks hear it from here.
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// The finder the matcher was added to: checks are created anew, with a
  /// finder of their own, for each translation unit.
  const clang::ast_matchers::MatchFinder *Finder = nullptr;
  llvm::SmallVector<clang::tidy::ClangTidyCheck *, 8> Checks;
};

/// The coroutine matches shared by the checks of \p Context.
std::shared_ptr<CoroutineMatches>
sharedCoroutineMatches(const clang::tidy::ClangTidyContext *Context);

} // namespace corolock

#endif // COROLOCK_CHECKS_SHAREDANALYSES_H
