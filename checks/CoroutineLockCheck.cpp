//===--- CoroutineLockCheck.cpp - Base of the corolock checks -------------===//

#include "CoroutineLockCheck.h"
#include "CheckSupport.h"
#include "SharedAnalyses.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;

namespace corolock {

CoroutineLockCheck::CoroutineLockCheck(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Configuration(*this, Name, *Context),
      CheckName(Name), Analysis(readAnalysisOptions(Options, Context)),
      Shared(sharedAnalyses(Context)) {
  if (auto A = Shared->get(Analysis))
    Analyses = *A;
  else
    reportConfigurationError(A.takeError());
}

void CoroutineLockCheck::reportConfigurationError(llvm::Error Err) {
  Configured = false;
  llvm::handleAllErrors(std::move(Err), [&](const llvm::ErrorInfoBase &E) {
    Configuration.add(CheckName + ": " + E.message(), DiagnosticIDs::Error);
  });
}

void CoroutineLockCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  storeAnalysisOptions(Options, Opts, Analysis);
}

bool CoroutineLockCheck::suspendsInSight(const CoroutineSuspendExpr &S) {
  const SuspensionPointClassifier &Suspensions = analyses().suspensions();
  if (!Suspensions.readinessSkipped(&S))
    return true;
  // The presets alone are valid regexes.
  if (!Presets)
    Presets.emplace(llvm::cantFail(IoAwaitClassifier::create("", Suspensions)));
  return Presets->knownToSuspend(&S, analyses().lockModel());
}

void CoroutineLockCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  if (isConfigured())
    Finder->addMatcher(coroutineFunction(), this);
}

} // namespace corolock
