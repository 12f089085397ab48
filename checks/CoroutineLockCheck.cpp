//===--- CoroutineLockCheck.cpp - Base of the corolock checks -------------===//

#include "CoroutineLockCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;

namespace corolock {

CoroutineLockCheck::CoroutineLockCheck(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Configuration(*this, Name, *Context),
      CheckName(Name), ModelOptions(readLockModelOptions(Options)),
      NonSuspendingAwaitables(
          Options.get("NonSuspendingAwaitables", "").str()) {
  if (auto M = LockModel::create(ModelOptions))
    Model.emplace(std::move(*M));
  else
    reportConfigurationError(M.takeError());
  if (auto S = SuspensionPointClassifier::create(NonSuspendingAwaitables))
    Suspensions.emplace(std::move(*S));
  else
    reportConfigurationError(S.takeError());
}

void CoroutineLockCheck::reportConfigurationError(llvm::Error Err) {
  Configured = false;
  Configuration.add(CheckName + ": " + llvm::toString(std::move(Err)),
                    DiagnosticIDs::Error);
}

void CoroutineLockCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  storeLockModelOptions(Options, Opts, ModelOptions);
  Options.store(Opts, "NonSuspendingAwaitables", NonSuspendingAwaitables);
}

void CoroutineLockCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  if (isConfigured())
    Finder->addMatcher(coroutineFunction(), this);
}

} // namespace corolock
