//===--- SharedAnalyses.cpp - One analysis per coroutine for all checks ---===//

#include "SharedAnalyses.h"
#include "CheckSupport.h"
#include "llvm/ADT/DenseMap.h"
#include <mutex>

namespace corolock {

namespace {

/// What the corolock checks of one run share.
struct SharedByChecks {
  AnalysisContexts Analyses;
  CoroutineMatches Coroutines;
};

std::shared_ptr<SharedByChecks>
sharedByChecks(const clang::tidy::ClangTidyContext *Context) {
  // clangd creates the checks of several ASTs on several threads at once.
  static std::mutex Mutex;
  static llvm::DenseMap<const clang::tidy::ClangTidyContext *,
                        std::weak_ptr<SharedByChecks>>
      Shared;
  std::lock_guard<std::mutex> Lock(Mutex);
  // Forget the runs whose checks are all gone.
  for (auto It = Shared.begin(); It != Shared.end();) {
    auto Next = std::next(It);
    if (It->second.expired())
      Shared.erase(It);
    It = Next;
  }
  std::weak_ptr<SharedByChecks> &Entry = Shared[Context];
  if (std::shared_ptr<SharedByChecks> Existing = Entry.lock())
    return Existing;
  auto Created = std::make_shared<SharedByChecks>();
  Entry = Created;
  return Created;
}

} // namespace

std::shared_ptr<AnalysisContexts>
sharedAnalyses(const clang::tidy::ClangTidyContext *Context) {
  std::shared_ptr<SharedByChecks> Shared = sharedByChecks(Context);
  return {Shared, &Shared->Analyses};
}

std::shared_ptr<CoroutineMatches>
sharedCoroutineMatches(const clang::tidy::ClangTidyContext *Context) {
  std::shared_ptr<SharedByChecks> Shared = sharedByChecks(Context);
  return {Shared, &Shared->Coroutines};
}

void CoroutineMatches::subscribe(clang::tidy::ClangTidyCheck &Check,
                                 clang::ast_matchers::MatchFinder &Finder) {
  if (this->Finder != &Finder) {
    this->Finder = &Finder;
    Checks.clear();
    Finder.addMatcher(coroutineFunction(), this);
  }
  Checks.push_back(&Check);
}

void CoroutineMatches::unsubscribe(const clang::tidy::ClangTidyCheck &Check) {
  llvm::erase(Checks, &Check);
}

void CoroutineMatches::onStartOfTranslationUnit() {
  for (clang::tidy::ClangTidyCheck *Check : Checks)
    Check->onStartOfTranslationUnit();
}

void CoroutineMatches::onEndOfTranslationUnit() {
  for (clang::tidy::ClangTidyCheck *Check : Checks)
    Check->onEndOfTranslationUnit();
}

void CoroutineMatches::run(
    const clang::ast_matchers::MatchFinder::MatchResult &Result) {
  for (clang::tidy::ClangTidyCheck *Check : Checks)
    Check->check(Result);
}

} // namespace corolock
