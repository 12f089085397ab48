//===--- CallAcquisitions.cpp - Which mutexes a call acquires -------------===//

#include "CallAcquisitions.h"
#include "MutexIdentity.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <set>
#include <tuple>

using namespace clang;

namespace corolock {

namespace {

const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Next);
        UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref))
      Next = UO->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// A local reference bound to a mutex (`auto &m = mu_;`) names that mutex.
const Expr *boundReference(const VarDecl *VD) {
  if (!VD->getType()->isReferenceType() || !VD->hasLocalStorage() ||
      isa<ParmVarDecl>(VD) || !VD->getInit())
    return nullptr;
  return VD->getInit();
}

/// The call awaited by each `co_await` of \p Body's CFG.
llvm::SmallPtrSet<const CallExpr *, 8> awaitedCalls(const CFG &Graph) {
  llvm::SmallPtrSet<const CallExpr *, 8> Awaited;
  for (const CFGBlock *Block : Graph)
    for (const CFGElement &Element : *Block)
      if (auto S = Element.getAs<CFGStmt>())
        if (const auto *Await = dyn_cast<CoawaitExpr>(S->getStmt()))
          if (const auto *Call = dyn_cast_or_null<CallExpr>(
                  Await->getOperand()->IgnoreImplicit()->IgnoreParens()))
            Awaited.insert(Call);
  return Awaited;
}

bool isMemberCallOnThis(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const Expr *Obj = Member ? Member->getImplicitObjectArgument() : nullptr;
  return Obj && isa<CXXThisExpr>(strip(Obj));
}

bool isLambdaCall(const FunctionDecl &Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  return Method && Method->getParent()->isLambda();
}

} // namespace

std::optional<MutexPath> mutexPath(const Expr *MutexExpr) {
  MutexPath Path;
  const Expr *E = strip(MutexExpr);
  while (const auto *Member = dyn_cast_or_null<MemberExpr>(E)) {
    const ValueDecl *D = Member->getMemberDecl();
    // A static data member is one object.
    if (const auto *VD = dyn_cast<VarDecl>(D)) {
      Path.From = MutexPath::Root::Global;
      Path.Variable = VD->getCanonicalDecl();
      std::reverse(Path.Fields.begin(), Path.Fields.end());
      return Path;
    }
    Path.Fields.push_back(D);
    E = strip(Member->getBase());
  }
  std::reverse(Path.Fields.begin(), Path.Fields.end());
  if (isa_and_nonnull<CXXThisExpr>(E)) {
    Path.From = MutexPath::Root::This;
    return Path;
  }
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!VD)
    return std::nullopt;
  if (const Expr *Bound = boundReference(VD)) {
    std::optional<MutexPath> Inner = mutexPath(Bound);
    if (Inner)
      Inner->Fields.append(Path.Fields.begin(), Path.Fields.end());
    return Inner;
  }
  Path.From =
      VD->hasGlobalStorage() ? MutexPath::Root::Global : MutexPath::Root::Local;
  Path.Variable = VD->getCanonicalDecl();
  return Path;
}

bool isRecursiveMutex(const Expr *M) {
  QualType T = M->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = recordOf(T);
  return RD && RD->getIdentifier() &&
         RD->getName().contains_insensitive("recursive");
}

llvm::SmallVector<const LockFact *, 4>
definitelyHeldBefore(CoroutineAnalysis &Analysis, const Stmt *S) {
  llvm::SmallVector<const LockFact *, 4> Held;
  for (const LockFact &Fact : Analysis.heldLocks().heldBefore(S))
    if (Fact.Owned == Ownership::Held)
      Held.push_back(&Fact);
  return Held;
}

llvm::ArrayRef<BodyLock> CallAcquisitions::locksOf(const FunctionDecl &F) {
  auto Known = Locks.find(&F);
  if (Known != Locks.end())
    return Known->second;
  std::vector<BodyLock> Found;
  CoroutineAnalysis &Analysis = Analyses.coroutine(F, Context);
  if (Analysis.body()) {
    const HeldLockResult &Held = Analysis.heldLocks();
    for (const LockFact &Fact : Held.Acquisitions) {
      SourceLocation Loc = Fact.Acquisitions.front();
      for (const Expr *M : Fact.Mutexes) {
        BodyLock Lock;
        Lock.MutexExpr = M;
        Lock.Mutex = mutexDeclaration(M);
        Lock.Path = mutexPath(M);
        Lock.Loc = Loc;
        Lock.Kind = Fact.Kind;
        Lock.Mode = Fact.Mode;
        HeldLockResult::Acquiring Acquired = Held.AcquiredBy.lookup(Loc);
        Lock.Waits = Acquired.Waits;
        Lock.Recursive = isRecursiveMutex(M);
        Lock.Where = Acquired.Where;
        // An adopting guard takes over a lock already listed.
        bool Listed = llvm::any_of(Found, [&](const BodyLock &Other) {
          return Other.Loc == Loc && Other.Mutex == Lock.Mutex &&
                 Other.Path == Lock.Path;
        });
        if (!Listed)
          Found.push_back(std::move(Lock));
      }
    }
    // Locks taken by one call, in the order of Acquisitions, are adjacent.
    for (size_t I = 0; I < Found.size(); ++I) {
      size_t J = I;
      while (J + 1 < Found.size() && Found[J + 1].Loc == Found[I].Loc)
        ++J;
      for (size_t K = I; J > I && K <= J; ++K)
        Found[K].Joint = true;
      I = J;
    }
  }
  return Locks[&F] = std::move(Found);
}

/// Whether the search follows calls to \p Definition: a definition in the
/// user's code that is not a lock operation.
bool CallAcquisitions::follows(const FunctionDecl &Definition,
                               const LockModel &Model) const {
  if (Definition.isDependentContext() ||
      Context.getSourceManager().isInSystemHeader(Definition.getLocation()))
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Definition);
  if (!Method)
    return true;
  // getRecordType is gone in LLVM 22; the type of `*this` is the class.
  QualType Class = Method->getThisType()->getPointeeType();
  return !Model.isMutex(Class) && !Model.isGuard(Class);
}

llvm::ArrayRef<std::pair<const CallExpr *, const FunctionDecl *>>
CallAcquisitions::callsOf(const FunctionDecl &F) {
  auto Known = Calls.find(&F);
  if (Known != Calls.end())
    return Known->second;
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Found;
  CoroutineAnalysis &Analysis = Analyses.coroutine(F, Context);
  if (const CFG *Graph = Analysis.body() ? Analysis.cfg() : nullptr) {
    llvm::SmallPtrSet<const CallExpr *, 8> Awaited = awaitedCalls(*Graph);
    llvm::SmallPtrSet<const CallExpr *, 16> Seen;
    for (const CFGBlock *Block : *Graph)
      for (const CFGElement &Element : *Block) {
        auto S = Element.getAs<CFGStmt>();
        const auto *Call = S ? dyn_cast<CallExpr>(S->getStmt()) : nullptr;
        if (!Call || !Seen.insert(Call).second)
          continue;
        const FunctionDecl *Callee = Call->getDirectCallee();
        const FunctionDecl *Definition = nullptr;
        if (!Callee || !Callee->hasBody(Definition) || !Definition ||
            !follows(*Definition, Analysis.lockModel()))
          continue;
        // Only an awaited coroutine runs before its caller goes on.
        if (!isa<CoroutineBodyStmt>(Definition->getBody()) ||
            Awaited.contains(Call))
          Found.emplace_back(Call, Definition);
      }
  }
  return Calls[&F] = std::move(Found);
}

std::vector<ReachedLock>
CallAcquisitions::acquiredBy(const CallExpr &Call, const FunctionDecl &Callee) {
  return throughCall(Call, Callee, MaxDepth - 1);
}

/// The locks of \p Callee's summary of depth \p Depth as the caller of
/// \p Call names them.
std::vector<ReachedLock>
CallAcquisitions::throughCall(const CallExpr &Call, const FunctionDecl &Callee,
                              unsigned Depth) {
  bool InPlace = isLambdaCall(Callee);
  bool OnThis = InPlace || isMemberCallOnThis(Call);
  std::vector<ReachedLock> Reached;
  for (const ReachedLock &Inner : summaryOf(Callee, Depth)) {
    ReachedLock Outer = Inner;
    Outer.Calls.insert(Outer.Calls.begin(), &Call);
    if (Outer.CallerPath) {
      MutexPath::Root From = Outer.CallerPath->From;
      if ((From == MutexPath::Root::This && !OnThis) ||
          (From == MutexPath::Root::Local && !InPlace))
        Outer.CallerPath.reset();
    }
    Reached.push_back(std::move(Outer));
  }
  return Reached;
}

namespace {
/// What tells two reached locks apart for the checks: the mutex, how it is
/// taken, and the path the caller names it by (none: another object's).
using ReachedKey =
    std::tuple<const ValueDecl *, LockMode, bool, bool, bool, MutexPath::Root,
               const ValueDecl *, std::vector<const ValueDecl *>>;

ReachedKey keyOf(const ReachedLock &R) {
  const std::optional<MutexPath> &Path = R.CallerPath;
  return {R.Lock.Mutex,
          R.Lock.Mode,
          R.Lock.Recursive,
          R.Lock.Joint,
          Path.has_value(),
          Path ? Path->From : MutexPath::Root::Local,
          Path ? Path->Variable : nullptr,
          Path ? std::vector<const ValueDecl *>(Path->Fields.begin(),
                                                Path->Fields.end())
               : std::vector<const ValueDecl *>()};
}
} // namespace

/// The waiting locks \p F's body requests, and those of its calls at most
/// \p Depth calls deep: only as deep as asked, so that the search never
/// walks more of the call graph than it reports.
llvm::ArrayRef<ReachedLock> CallAcquisitions::summaryOf(const FunctionDecl &F,
                                                        unsigned Depth) {
  auto Known = Summaries.find({&F, Depth});
  if (Known != Summaries.end())
    return Known->second;
  if (!InProgress.insert(&F).second)
    return {};
  std::vector<ReachedLock> Found;
  // Each mutex as the caller names it, in each way of taking it, once (its
  // first acquisition): a caller that makes many calls into a body that
  // locks many times then costs as many steps as distinct mutexes.
  std::set<ReachedKey> Seen;
  auto Add = [&](ReachedLock R) {
    if (Seen.insert(keyOf(R)).second)
      Found.push_back(std::move(R));
  };
  for (const BodyLock &Lock : locksOf(F))
    if (Lock.Waits)
      Add({Lock, &F, {}, Lock.Path});
  if (Depth > 0)
    for (const auto &[Call, Callee] : callsOf(F))
      for (ReachedLock &R : throughCall(*Call, *Callee, Depth - 1))
        Add(std::move(R));
  InProgress.erase(&F);
  return Summaries[{&F, Depth}] = std::move(Found);
}

} // namespace corolock
