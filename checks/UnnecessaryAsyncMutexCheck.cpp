//===--- UnnecessaryAsyncMutexCheck.cpp - corolock ------------------------===//

#include "UnnecessaryAsyncMutexCheck.h"
#include "CheckSupport.h"
#include "MemberUsers.h"
#include "UnitSummary.h"
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

/// A mutex can be judged when no code can lock it where neither the AST nor
/// the project index shows: it is an object, not a reference or pointer to
/// one, and it does not escape (other than to calls the index may follow).
bool UnnecessaryAsyncMutexCheck::isJudgeable(const ValueDecl *Mutex,
                                             const MutexFlow &Flow) const {
  if (Flow.escapesUnfollowed(Mutex))
    return false;
  // A reference or pointer (`task<> f(async_mutex &m)`) names a mutex whose
  // other critical sections are out of sight, with the caller's.
  QualType T = Mutex->getType();
  return !T->isReferenceType() && !T->isPointerType();
}

/// It is judged from this translation unit alone unless it is declared in a
/// header that other translation units may include (and the user did not
/// opt in), other than a private member that only code defined here can
/// name. A project run judges those with every unit's sections.
bool UnnecessaryAsyncMutexCheck::isJudgedAlone(const ValueDecl *Mutex) const {
  const SourceManager &SM = Context->getSourceManager();
  return (IncludeHeaderMutexes && !writesSummaries()) ||
         SM.isInMainFile(SM.getExpansionLoc(Mutex->getLocation())) ||
         !hiddenUser(Mutex);
}

/// The critical sections of \p Mutex that the project's index knows and
/// \p Live, this unit's, lacks: other units' for one not judged alone, and
/// those of the functions defined out of sight that the mutex is passed to.
/// None when the index cannot account for them all, or one suspends.
std::optional<std::vector<CoroutineLockCheck::IndexedSection>>
UnnecessaryAsyncMutexCheck::sectionsElsewhere(
    const ValueDecl *Mutex, llvm::ArrayRef<CriticalSection> Live) {
  const SourceManager &SM = Context->getSourceManager();
  std::string Main = mainFileOf(SM);
  std::vector<IndexedSection> Found;
  const MutexFact *Fact = nullptr;
  if (!isJudgedAlone(Mutex)) {
    Fact = indexedMutex(Mutex);
    if (!Fact || Fact->Unfollowed)
      return std::nullopt;
    // A unit changed since the index was written may lock it differently
    // now; this one's own sections are the ones its AST shows.
    if (llvm::any_of(projectIndex()->StaleUnits,
                     [&](const std::string &Unit) { return Unit != Main; }))
      return std::nullopt;
    for (const SectionFact *Section : sectionsOutOfSight(*Fact, Live, SM))
      Found.push_back({Section, nullptr, {}, ""});
  }
  std::optional<std::vector<IndexedSection>> Through =
      sectionsThroughCalls(Mutex, Fact, *Context);
  if (!Through)
    return std::nullopt;
  llvm::append_range(Found, *Through);
  if (llvm::any_of(Found,
                   [](const IndexedSection &S) { return S.Section->Suspends; }))
    return std::nullopt;
  return Found;
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
    // Only an async mutex allows a lock held across a suspension point,
    // here or out of sight.
    bool Suspends = llvm::any_of(
        All, [](const CriticalSection &S) { return S.maySuspend(); });
    // A lock of an element the held-lock analysis could not follow
    // (`stripes_[i].co_lock()`) is a critical section it does not show.
    if (Suspends || !isJudgeable(Mutex, Flow) ||
        Flow.locksUnfollowed(Mutex, All))
      continue;
    std::optional<std::vector<IndexedSection>> Elsewhere =
        sectionsElsewhere(Mutex, All);
    if (!Elsewhere)
      continue;
    // What would do instead: an atomic, a reader/writer mutex when some
    // section reads shared, or a plain mutex. The index does not say what
    // other units' sections do: an atomic only when this unit shows them all.
    Alternative Replacement = PlainMutex;
    if (Elsewhere->empty() && llvm::all_of(All, [&](const CriticalSection &S) {
          return LoneIntegerUpdate(S);
        }))
      Replacement = Atomic;
    else if (llvm::any_of(All,
                          [](const CriticalSection &S) {
                            return S.Mode != LockMode::Exclusive;
                          }) ||
             llvm::any_of(*Elsewhere, [](const IndexedSection &S) {
               return S.Section->Shared;
             }))
      Replacement = SharedMutex;
    reportMutex(Mutex, All, *Elsewhere, Replacement);
  }
  Sections.clear();
  Context = nullptr;
}

/// One finding per mutex: at its declaration when the main file declares it,
/// else at its first critical section in the main file (or at all); a note
/// at each (other) critical section.
void UnnecessaryAsyncMutexCheck::reportMutex(
    const ValueDecl *Mutex, llvm::ArrayRef<CriticalSection> All,
    llvm::ArrayRef<IndexedSection> Elsewhere, Alternative Replacement) {
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
  auto Count = static_cast<unsigned>(All.size() + Elsewhere.size());
  diag(Where, "async mutex %0 is never held across a suspension point")
      << Mutex;
  diag(explanationLoc(Where, *Context),
       "its %0 critical section%s0 in %select{this translation unit|the "
       "project}5 never suspend%select{s|}1 while holding it%select{|, and "
       "%select{it|each}1 only updates one integer}2: %select{a std::mutex|a "
       "std::shared_mutex|a std::atomic}3 would do, without suspending and "
       "rescheduling the coroutine to lock it; see %4",
       DiagnosticIDs::Note)
      << Count << (Count != 1) << (Replacement == Atomic) << Replacement
      << documentationPath(getID()) << !Elsewhere.empty();
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
  forListedNotes(Elsewhere.size(), [&](size_t I, unsigned Rest) {
    const IndexedSection &Section = Elsewhere[I];
    diag(locationOf(Section.Section->Acquisition, *Context),
         "async mutex %0 locked here (in %1, another translation "
         "unit%select{|, through its parameter '%5'}4) and released without "
         "suspending%select{|, as at %3 other places}2",
         DiagnosticIDs::Note)
        << Mutex << Section.Section->Function << (Rest != 0) << Rest
        << (Section.Through != nullptr)
        << (Section.Through ? Section.Through->Mutex.Name : "");
  });
  notePassed(Mutex, Elsewhere);
}

/// Where the mutex is passed to the functions defined out of sight whose
/// sections count, each call once.
void UnnecessaryAsyncMutexCheck::notePassed(
    const ValueDecl *Mutex, llvm::ArrayRef<IndexedSection> Elsewhere) {
  llvm::SmallVector<SourceLocation, 2> Noted;
  for (const IndexedSection &S : Elsewhere)
    if (S.PassedAt.isValid() && !llvm::is_contained(Noted, S.PassedAt)) {
      Noted.push_back(S.PassedAt);
      diag(S.PassedAt, "%0 passed to '%1' here", DiagnosticIDs::Note)
          << Mutex << S.Through->Function;
    }
}

} // namespace corolock
