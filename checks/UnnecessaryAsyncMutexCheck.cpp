//===--- UnnecessaryAsyncMutexCheck.cpp - corolock ------------------------===//

#include "UnnecessaryAsyncMutexCheck.h"
#include "CheckSupport.h"
#include "MemberUsers.h"
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
/// header that other translation units may include, or it is a private
/// member that only code defined here can name.
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
         SM.isInMainFile(SM.getExpansionLoc(Mutex->getLocation())) ||
         !hiddenUser(Mutex);
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
    // A lock moved out with its guard, or left locked at the end of the
    // coroutine, may be held by its new owner across suspension points this
    // translation unit does not show.
    bool Suspends = llvm::any_of(All, [](const CriticalSection &S) {
      return !S.Suspensions.empty() || !S.HandOffs.empty() ||
             !S.MovedOut.empty() || S.HeldAtEnd;
    });
    // A lock of an element the held-lock analysis could not follow
    // (`stripes_[i].co_lock()`) is a critical section it does not show.
    if (Suspends || !isJudged(Mutex, Flow) || Flow.locksUnfollowed(Mutex, All))
      continue;
    // What would do instead: an atomic, a reader/writer mutex when some
    // section reads shared, or a plain mutex.
    Alternative Replacement = PlainMutex;
    if (llvm::all_of(All, [&](const CriticalSection &S) {
          return LoneIntegerUpdate(S);
        }))
      Replacement = Atomic;
    else if (llvm::any_of(All, [](const CriticalSection &S) {
               return S.Mode != LockMode::Exclusive;
             }))
      Replacement = SharedMutex;
    reportMutex(Mutex, All, Replacement);
  }
  Sections.clear();
  Context = nullptr;
}

/// One finding per mutex: at its declaration when the main file declares it,
/// else at its first critical section in the main file (or at all); a note
/// at each (other) critical section.
void UnnecessaryAsyncMutexCheck::reportMutex(
    const ValueDecl *Mutex, llvm::ArrayRef<CriticalSection> All,
    Alternative Replacement) {
  const SourceManager &SM = Context->getSourceManager();
  auto InMainFile = [&](SourceLocation L) {
    return SM.isInMainFile(SM.getExpansionLoc(L));
  };
  llvm::SmallVector<const CriticalSection *, 4> InOrder;
  for (const CriticalSection &Section : All)
    InOrder.push_back(&Section);
  llvm::sort(InOrder, [&](const CriticalSection *A, const CriticalSection *B) {
    return SM.isBeforeInTranslationUnit(A->Acquisition, B->Acquisition);
  });
  // A global declared in a header may be defined here.
  SourceLocation Declared = Mutex->getLocation();
  if (const auto *Var = dyn_cast<VarDecl>(Mutex); Var && !InMainFile(Declared))
    for (const VarDecl *Redeclaration : Var->redecls())
      if (InMainFile(Redeclaration->getLocation())) {
        Declared = Redeclaration->getLocation();
        break;
      }
  const CriticalSection *AtSection = nullptr;
  if (!InMainFile(Declared)) {
    auto *It = llvm::find_if(InOrder, [&](const CriticalSection *S) {
      return InMainFile(S->Acquisition);
    });
    AtSection = It == InOrder.end() ? InOrder.front() : *It;
  }
  SourceLocation Where = AtSection ? AtSection->Acquisition : Declared;
  auto Count = static_cast<unsigned>(All.size());
  diag(Where, "async mutex %0 is never held across a suspension point")
      << Mutex;
  diag(explanationLoc(Where, *Context),
       "its %0 critical section%s0 in this translation unit never "
       "suspend%select{s|}1 while holding it%select{|, and %select{it|each}1 "
       "only updates one integer}2: %select{a std::mutex|a "
       "std::shared_mutex|a std::atomic}3 would do, without suspending and "
       "rescheduling the coroutine to lock it; see %4",
       DiagnosticIDs::Note)
      << Count << (Count != 1) << (Replacement == Atomic) << Replacement
      << documentationPath(getID());
  if (AtSection)
    diag(Mutex->getLocation(), "%0 declared here", DiagnosticIDs::Note)
        << Mutex;
  llvm::erase(InOrder, AtSection);
  llvm::ArrayRef<const CriticalSection *> Others = InOrder;
  forListedNotes(Others.size(), [&](size_t I, unsigned Rest) {
    const CriticalSection &Section = *Others[I];
    diag(Section.Acquisition,
         "async mutex %0 locked here%1 and released without "
         "suspending%select{|, as at %3 other places}2",
         DiagnosticIDs::Note)
        << Mutex << throughParameter(Section) << (Rest != 0) << Rest;
    noteBindings(*this, Section, *Context);
  });
}

} // namespace corolock
