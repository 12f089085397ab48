//===--- UnnecessaryAsyncMutexCheck.cpp - corolock ------------------------===//

#include "UnnecessaryAsyncMutexCheck.h"
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
    enum { PlainMutex, SharedMutex, Atomic } Replacement = PlainMutex;
    if (llvm::all_of(All, [&](const CriticalSection &S) {
          return isLoneIntegerUpdate(S, Parents);
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
