//===--- LockOrderInversionCheck.cpp - corolock ---------------------------===//

#include "LockOrderInversionCheck.h"
#include "CheckSupport.h"
#include "MutexIdentity.h"
#include "StmtParents.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {

namespace {

/// Whether \p Path names a mutex of the object the function runs on, or a
/// global: the same object in every member function of a class.
bool isOwnObject(const std::optional<MutexPath> &Path) {
  return Path && Path->From != MutexPath::Root::Local;
}

/// Whether \p Body locks something (a lock operation on a mutex, a guard, or
/// std::lock): plain functions without locks are not analysed.
bool locksSomething(const Stmt *Body, const LockModel &Model) {
  bool Found = false;
  forEachStmtOnce(Body, [&](const Stmt *S) {
    if (Found)
      return false;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      Found = Model.isGuard(Construct->getType());
    else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
      Found = Member->getMethodDecl() &&
              Model.operationOf(Member->getMethodDecl()) != LockOperation::None;
    else if (const auto *Call = dyn_cast<CallExpr>(S))
      Found = Call->getDirectCallee() &&
              Call->getDirectCallee()->getIdentifier() &&
              Call->getDirectCallee()->getName() == "lock";
    return !Found;
  });
  return Found;
}

/// A member of a class template's instantiation is named by the template:
/// the orders of all instantiations are one mutex's.
std::string mutexName(const ValueDecl *Mutex) {
  if (const auto *Field = dyn_cast<FieldDecl>(Mutex))
    if (const auto *Spec =
            dyn_cast<ClassTemplateSpecializationDecl>(Field->getParent()))
      return Spec->getSpecializedTemplate()->getQualifiedNameAsString() +
             "::" + Field->getNameAsString();
  return Mutex->getQualifiedNameAsString();
}

} // namespace

LockOrderInversionCheck::LockOrderInversionCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : CoroutineLockCheck(Name, Context),
      RequireSameObject(Options.get("RequireSameObject", false)) {}

void LockOrderInversionCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineLockCheck::storeOptions(Opts);
  Options.store(Opts, "RequireSameObject", RequireSameObject);
}

/// One match per translation unit: the functions are those the shared
/// analysis lists, which costs less than a matcher run on every declaration.
void LockOrderInversionCheck::registerMatchers(MatchFinder *Finder) {
  if (isConfigured())
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

/// Orders come from every coroutine and from the plain functions of the main
/// file that lock something.
void LockOrderInversionCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  const SourceManager &SM = Context->getSourceManager();
  Search.emplace(analyses(), *Context);
  for (const FunctionDecl *F : analyses().userFunctions(*Context))
    if (isa<CoroutineBodyStmt>(F->getBody()) ||
        (SM.isInMainFile(SM.getExpansionLoc(F->getLocation())) &&
         locksSomething(F->getBody(), analyses().lockModel())))
      addOrders(*F);
  for (const LockOrderGraph::Cycle &Cycle : Graph.cycles())
    report(Cycle);
  Witnesses.clear();
  ByLocation.clear();
  Graph = LockOrderGraph();
  Search.reset();
  Context = nullptr;
}

/// The mutex \p D stands for in the graph: the first declaration seen at its
/// location, so that a member of every instantiation of a class template is
/// one mutex, as for the other checks.
const ValueDecl *LockOrderInversionCheck::node(const ValueDecl *D) {
  if (!D)
    return nullptr;
  return ByLocation.try_emplace(D->getLocation(), D).first->second;
}

/// The orders \p F's body takes its own locks in, and those of the calls it
/// makes while it holds a lock.
void LockOrderInversionCheck::addOrders(const FunctionDecl &F) {
  CoroutineAnalysis &Analysis = analyses().coroutine(F, *Context);
  if (!Analysis.body() || !Search)
    return;
  auto Orders = [&](const Stmt *Where, llvm::ArrayRef<ReachedLock> Inner) {
    llvm::SmallVector<const LockFact *, 4> Held =
        definitelyHeldBefore(Analysis, Where);
    llvm::SmallVector<const void *, 4> Gates;
    for (const LockFact *Fact : Held)
      for (const Expr *M : Fact->Mutexes)
        if (const ValueDecl *D = node(mutexDeclaration(M)))
          Gates.push_back(D);
    for (const LockFact *Fact : Held)
      for (const Expr *M : Fact->Mutexes)
        for (const ReachedLock &Lock : Inner)
          addOrder(F, *Fact, M, Lock, Gates);
  };
  for (const BodyLock &Lock : Search->locksOf(F))
    if (Lock.Where && Lock.Waits)
      Orders(Lock.Where, ReachedLock{Lock, &F, {}, Lock.Path});
  for (const auto &[Call, Callee] : Search->callsOf(F))
    if (!definitelyHeldBefore(Analysis, Call).empty())
      Orders(Call, Search->acquiredBy(*Call, *Callee));
}

void LockOrderInversionCheck::addOrder(const FunctionDecl &F,
                                       const LockFact &Outer,
                                       const Expr *OuterMutex,
                                       const ReachedLock &Inner,
                                       llvm::ArrayRef<const void *> Gates) {
  const ValueDecl *From = node(mutexDeclaration(OuterMutex));
  const ValueDecl *To = node(Inner.Lock.Mutex);
  // An acquisition that takes both (std::scoped_lock(a, b)) orders nothing.
  if (!From || !To || llvm::is_contained(Outer.Acquisitions, Inner.Lock.Loc))
    return;
  if (RequireSameObject &&
      (!isOwnObject(mutexPath(OuterMutex)) || !isOwnObject(Inner.CallerPath)))
    return;
  // An edge keeps a few witnesses: only those are kept here too.
  if (Graph.addEdge(From, To, Gates, Witnesses.size()))
    Witnesses.push_back({&F, &Outer, OuterMutex, Inner});
}

/// Whether each mutex of \p Cycle, held in the order that leaves it, makes
/// the order that enters it wait: two readers of a mutex admit each other,
/// and such a cycle cannot deadlock (unless a writer queues between them,
/// which the reader re-entry rule does not report either).
bool LockOrderInversionCheck::waitsAround(
    const LockOrderGraph::Cycle &Cycle) const {
  size_t N = Cycle.Witnesses.size();
  for (size_t I = 0; I < N; ++I) {
    const Witness &Leaving = Witnesses[Cycle.Witnesses[I]];
    const Witness &Entering = Witnesses[Cycle.Witnesses[(I + N - 1) % N]];
    if (!conflicts(Leaving.Outer->Mode, Entering.Inner.Lock.Mode))
      return false;
  }
  return true;
}

void LockOrderInversionCheck::report(const LockOrderGraph::Cycle &Cycle) {
  if (!waitsAround(Cycle))
    return;
  const SourceManager &SM = Context->getSourceManager();
  auto At = [&](const Witness &W) {
    return W.Inner.Calls.empty() ? W.Inner.Lock.Loc
                                 : W.Inner.Calls.front()->getExprLoc();
  };
  // At the second order in source order: the last witness.
  size_t Last = 0;
  for (size_t I = 1; I < Cycle.Witnesses.size(); ++I)
    if (SM.isBeforeInTranslationUnit(At(Witnesses[Cycle.Witnesses[Last]]),
                                     At(Witnesses[Cycle.Witnesses[I]])))
      Last = I;
  const Witness &Reported = Witnesses[Cycle.Witnesses[Last]];
  const auto *Held = static_cast<const ValueDecl *>(Cycle.Nodes[Last]);
  const auto *Locked = static_cast<const ValueDecl *>(
      Cycle.Nodes[(Last + 1) % Cycle.Nodes.size()]);
  std::string Path;
  for (size_t I = 0; I <= Cycle.Nodes.size(); ++I) {
    size_t N = (Last + 1 + I) % Cycle.Nodes.size();
    Path += (I ? " -> '" : "'") +
            mutexName(static_cast<const ValueDecl *>(Cycle.Nodes[N])) + "'";
  }
  SourceLocation Where = At(Reported);
  diag(Where, "mutex '%0' is locked while '%1' is held, %select{and "
              "elsewhere in the opposite order|closing the lock-order cycle "
              "%3}2: tasks that take them concurrently can deadlock")
      << mutexName(Locked) << mutexName(Held) << (Cycle.Nodes.size() > 2)
      << Path;
  diag(explanationLoc(Where, *Context),
       "lock them in one order everywhere, or together with "
       "std::scoped_lock; see %0",
       DiagnosticIDs::Note)
      << documentationPath(getID());
  for (size_t I = 1; I <= Cycle.Nodes.size(); ++I)
    noteWitness(Witnesses[Cycle.Witnesses[(Last + I) % Cycle.Nodes.size()]]);
}

/// Where one order of the cycle happens: the outer lock, each call on the
/// way, the inner lock.
void LockOrderInversionCheck::noteWitness(const Witness &W) {
  std::string Outer = spelling(W.OuterMutex, *Context);
  std::string Inner = spelling(W.Inner.Lock.MutexExpr, *Context);
  diag(W.Outer->Acquisitions.front(), "'%0' locked here in %1",
       DiagnosticIDs::Note)
      << Outer << describeFunction(*W.Function);
  const FunctionDecl *Caller = W.Function;
  for (const CallExpr *Call : W.Inner.Calls) {
    diag(Call->getExprLoc(), "%0 calls %1 here", DiagnosticIDs::Note)
        << describeFunction(*Caller)
        << describeFunction(*Call->getDirectCallee());
    Caller = Call->getDirectCallee();
  }
  diag(W.Inner.Lock.Loc, "then '%0' locked here while '%1' is held",
       DiagnosticIDs::Note)
      << Inner << Outer;
}

} // namespace corolock
