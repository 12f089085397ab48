//===--- UnnecessaryAsyncMutexCheck.cpp - corolock ------------------------===//

#include "UnnecessaryAsyncMutexCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {
UnnecessaryAsyncMutexCheck::UnnecessaryAsyncMutexCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : CoroutineLockCheck(Name, Context),
      IncludeHeaderMutexes(Options.get("IncludeHeaderMutexes", false)) {}

void UnnecessaryAsyncMutexCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineLockCheck::storeOptions(Opts);
  Options.store(Opts, "IncludeHeaderMutexes", IncludeHeaderMutexes);
}

void UnnecessaryAsyncMutexCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (!isConfigured())
    return;
  Context = Result.Context;
  for (const CriticalSection &Section :
       analysisOf(*Coroutine, *Result.Context).criticalSections())
    if (Section.Kind == LockKind::Async)
      Sections.add(Section);
}

/// A mutex is judged from this translation unit alone when no code can lock
/// it out of sight: it is an object, not a reference or pointer to one; it
/// does not escape; and (unless the user opts in) it is not declared in a
/// header that other translation units may include.
bool UnnecessaryAsyncMutexCheck::isJudged(const ValueDecl *Mutex,
                                          const MutexFlow &Flow) const {
  if (Flow.escapes(Mutex))
    return false;
  // A reference or pointer (`task<> f(async_mutex &m)`) names a mutex whose
  // other critical sections are out of sight, with the caller's.
  QualType T = Mutex->getType();
  if (T->isReferenceType() || T->isPointerType())
    return false;
  const SourceManager &SM = Context->getSourceManager();
  return IncludeHeaderMutexes ||
         SM.isInMainFile(SM.getExpansionLoc(Mutex->getLocation()));
}

void UnnecessaryAsyncMutexCheck::onEndOfTranslationUnit() {
  if (!Context || !isConfigured()) {
    Sections.clear();
    return;
  }
  // Sections taken through a parameter count for the mutexes passed to it.
  const MutexFlow &Flow = analyses().mutexFlow(*Context);
  Sections.bindParameters(Flow);
  auto LoneIntegerUpdate = [&](const CriticalSection &S) {
    return isLoneIntegerUpdate(S, analysisOf(*S.Function, *Context).parents());
  };
  for (const ValueDecl *Mutex : Sections.mutexes()) {
    llvm::ArrayRef<CriticalSection> All = Sections.sections(Mutex);
    // A lock handed to an awaitable (`co_await cv.wait(lk)`) is released and
    // retaken while the coroutine is suspended: only an async mutex allows it.
    // A lock moved out with its guard may be held by its new owner across
    // suspension points this translation unit does not show.
    bool Suspends = llvm::any_of(All, [](const CriticalSection &S) {
      return !S.Suspensions.empty() || !S.HandOffs.empty() ||
             !S.MovedOut.empty();
    });
    if (Suspends || !isJudged(Mutex, Flow))
      continue;
    // What would do instead: an atomic, a reader/writer mutex when some
    // section reads shared, or a plain mutex.
    enum { PlainMutex, SharedMutex, Atomic } Replacement = PlainMutex;
    if (llvm::all_of(All, [&](const CriticalSection &S) {
          return LoneIntegerUpdate(S);
        }))
      Replacement = Atomic;
    else if (llvm::any_of(All, [](const CriticalSection &S) {
               return S.Mode != LockMode::Exclusive;
             }))
      Replacement = SharedMutex;
    for (const CriticalSection &Section : All) {
      diag(Section.Acquisition,
           "async mutex %0 is never held across a suspension point; "
           "%select{a std::mutex|a std::shared_mutex|a std::atomic for this "
           "lone integer update}1 would do, without suspending and "
           "rescheduling the coroutine to lock it")
          << Mutex << Replacement;
      diag(Mutex->getLocation(),
           "%0 declared here; %1 critical section%s1 examined in this "
           "translation unit, none suspends while holding it",
           DiagnosticIDs::Note)
          << Mutex << static_cast<unsigned>(All.size());
    }
  }
  Sections.clear();
  Context = nullptr;
}

} // namespace corolock
