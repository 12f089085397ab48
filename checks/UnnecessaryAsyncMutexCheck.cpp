//===--- UnnecessaryAsyncMutexCheck.cpp - corolock ------------------------===//

#include "UnnecessaryAsyncMutexCheck.h"
#include "CheckSupport.h"
#include "clang/AST/ParentMap.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {
namespace {

/// The variable or field \p E names, if it names one.
const ValueDecl *namedDecl(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

bool mentions(const Stmt *S, const ValueDecl *D) {
  if (const auto *E = dyn_cast<Expr>(S); E && namedDecl(E) == D)
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return Child && mentions(Child, D);
  });
}

/// Whether \p S updates an integer the way one std::atomic operation does:
/// ++/--, a compound assignment atomics offer (+= -= &= |= ^=), or a store
/// of a value that does not read the integer (`n = n * 2` and `n *= 2` are
/// read-modify-writes no atomic operation performs).
bool isIntegerUpdate(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreImplicit();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->isIncrementDecrementOp() &&
           UO->getSubExpr()->getType()->isIntegerType();
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || !BO->getLHS()->getType()->isIntegerType())
    return false;
  switch (BO->getOpcode()) {
  case BO_AddAssign:
  case BO_SubAssign:
  case BO_AndAssign:
  case BO_OrAssign:
  case BO_XorAssign:
    return true;
  case BO_Assign: {
    const ValueDecl *Target = namedDecl(BO->getLHS());
    return Target && !mentions(BO->getRHS(), Target);
  }
  default:
    return false;
  }
}

/// Parent maps of the coroutine bodies that hold critical sections, built
/// once per body: the whole translation unit's (ASTContext::getParents) costs
/// more than all the checks' analysis on a TU that includes the standard
/// library.
using BodyParents =
    llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ParentMap>>;

/// The statement of the block enclosing \p S that contains it, and that
/// block.
std::pair<const Stmt *, const CompoundStmt *>
enclosingStatement(const Stmt *S, const FunctionDecl &Function,
                   BodyParents &Parents) {
  std::unique_ptr<ParentMap> &Map = Parents[&Function];
  if (!Map)
    Map = std::make_unique<ParentMap>(Function.getBody());
  for (const Stmt *P = S ? Map->getParent(S) : nullptr; P;
       S = P, P = Map->getParent(P))
    if (const auto *Block = dyn_cast<CompoundStmt>(P))
      return {S, Block};
  return {nullptr, nullptr};
}

/// Whether \p Section only updates one integer: `{ lock_guard g(m); ++n; }`
/// or `co_await m.lock(); ++n; m.unlock();`.
bool isLoneIntegerUpdate(const CriticalSection &Section, BodyParents &Parents) {
  bool ByGuard = Section.Holder == HolderKind::GuardVariable && Section.Guard;
  // A guard's initializer is a child of its declaration statement.
  const auto *GuardVar = dyn_cast_or_null<VarDecl>(Section.Guard);
  if (ByGuard && !GuardVar)
    return false;
  auto [Acquiring, Block] = enclosingStatement(
      ByGuard ? static_cast<const Stmt *>(GuardVar->getInit())
              : Section.MutexExpr,
      *Section.Function, Parents);
  if (!Acquiring || !Block)
    return false;
  auto *It = llvm::find(Block->body(), Acquiring);
  size_t Rest = Block->body_end() - It - 1;
  // A guard holds to the end of its block; a manual lock to its unlock().
  if (ByGuard)
    return Rest == 1 && isIntegerUpdate(It[1]);
  if (Rest < 2 || !isIntegerUpdate(It[1]))
    return false;
  // Some shared mutexes' unlock is awaited: `co_await m.unlock_shared();`.
  const auto *Unlock = dyn_cast<Expr>(It[2]);
  if (!Unlock)
    return false;
  if (const auto *Await =
          dyn_cast_or_null<CoroutineSuspendExpr>(Unlock->IgnoreImplicit()))
    Unlock = Await->getOperand();
  const auto *Call =
      dyn_cast_or_null<CXXMemberCallExpr>(Unlock->IgnoreImplicit());
  // The unlock names the mutex as the acquisition does (a parameter's name,
  // where Section.Mutex is the mutex passed to it).
  return Call && mutexDeclaration(Call->getImplicitObjectArgument()) ==
                     mutexDeclaration(Section.MutexExpr);
}

} // namespace

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
  if (!Model || !Suspensions)
    return;
  Context = Result.Context;
  for (CriticalSection &Section :
       findCriticalSections(*Coroutine, *Result.Context, *Model, *Suspensions))
    if (Section.Kind == LockKind::Async)
      Sections.add(std::move(Section));
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
  if (!Context || !Model) {
    Sections.clear();
    return;
  }
  // Sections taken through a parameter count for the mutexes passed to it.
  MutexFlow Flow = analyzeMutexFlow(*Context, *Model);
  Sections.bindParameters(Flow);
  BodyParents Parents;
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
    Alternative Replacement = PlainMutex;
    if (llvm::all_of(All, [&](const CriticalSection &S) {
          return isLoneIntegerUpdate(S, Parents);
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
