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

} // namespace corolock

#endif // COROLOCK_CHECKS_SHAREDANALYSES_H
