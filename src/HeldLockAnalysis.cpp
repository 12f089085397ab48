//===--- HeldLockAnalysis.cpp - Locks held at suspension points -----------===//

#include "HeldLockAnalysis.h"
#include "ForwardDataflow.h"
#include "StmtParents.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>
#include <optional>

using namespace clang;

namespace corolock {

namespace {

const Expr *stripImplicit(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// `std::move(X)` / `std::forward<T>(X)` -> X.
const Expr *stripMove(const Expr *E) {
  E = stripImplicit(E);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    if (Call->getNumArgs() == 1 && Call->isCallToStdMove())
      return stripImplicit(Call->getArg(0));
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      if (Call->getNumArgs() == 1 && FD->isInStdNamespace() &&
          FD->getIdentifier() &&
          (FD->getName() == "move" || FD->getName() == "forward"))
        return stripImplicit(Call->getArg(0));
  return E;
}

class BodyAnalysis {
public:
  using State = LockState;
  static constexpr bool Unwinds = true;

  BodyAnalysis(const FunctionDecl &Coroutine, ASTContext &Context,
               const LockModel &Model,
               const SuspensionPointClassifier &Suspensions,
               const StmtParents &Parents, const TryBlocks &Tries,
               MutexIdentities &Mutexes)
      : Coroutine(Coroutine), SM(Context.getSourceManager()), Model(Model),
        Suspensions(Suspensions), Parents(Parents), Tries(Tries),
        Mutexes(Mutexes) {}

  HeldLockResult run(const CFG &Graph);

  // The dataflow's interface (ForwardDataflow).
  void transfer(const CFGBlock &, const CFGElement &Element, LockState &S) {
    transferElement(Element, S, nullptr);
  }
  template <typename FlowFn>
  void leave(const CFGBlock &Block, const LockState &Exit, FlowFn Flow) {
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block.succs()) {
      unsigned ThisIndex = Index++;
      if (const CFGBlock *Next = Succ.getReachableBlock())
        Flow(*Next, edgeState(Block, ThisIndex, Exit));
    }
  }
  bool join(LockState &Into, const LockState &From) {
    return joinStates(Into, From, SM);
  }
  /// Unwinding destroys the guard variables and temporaries of the try block.
  void unwind(unsigned Try, LockState &S) const {
    for (auto It = S.begin(); It != S.end();) {
      auto Next = std::next(It);
      if (Tries.holds(Try, It->first))
        S.erase(It);
      It = Next;
    }
  }

private:
  class Transfer;

  void transferBlock(const CFGBlock &Block, LockState &State,
                     HeldLockResult *Out);
  void recordHeld(const Stmt *S, const LockState &State, HeldLockResult &Out);
  void transferElement(const CFGElement &Element, LockState &State,
                       HeldLockResult *Out);
  void transferStmt(const Stmt *S, LockState &State, HeldLockResult *Out);
  LockState edgeState(const CFGBlock &From, unsigned SuccIndex,
                      const LockState &Exit);
  void refineOnCondition(const Expr *Cond, bool Taken, LockState &State);
  const Expr *storedCondition(const Expr *Cond);

  LockState entryState();
  void declareGuard(const VarDecl *VD, LockState &State);
  LockFact guardFromArguments(LockFact Fact, llvm::ArrayRef<const Expr *> Args,
                              SourceLocation Loc, LockState &State);
  LockFact emptyGuard(QualType Guard) const;
  QualType optionalGuard(QualType T) const;
  QualType boundGuard(const VarDecl *VD) const;
  void declareBoundGuard(const VarDecl *VD, QualType Guard, LockState &State);
  void declareOptionalGuard(const VarDecl *VD, QualType Guard,
                            LockState &State);
  void onOptionalGuard(const CXXMemberCallExpr *Call, QualType Guard,
                       LockState &State);
  LockFact guardFromConstruct(const CXXConstructExpr *CE, SourceLocation Loc,
                              LockState &State);
  LockFact guardFromCall(const Expr *Call, SourceLocation Loc,
                         QualType GuardType);
  void onConstruct(const CXXConstructExpr *CE, LockState &State,
                   HeldLockResult *Out);
  void onCoreturn(const CoreturnStmt *CR, const LockState &State,
                  HeldLockResult *Out);
  void onGuardArguments(const CallExpr *Call, const LockState &State,
                        HeldLockResult *Out);
  void noteMovedOut(const Stmt *Where, const LockFact &Fact,
                    HeldLockResult *Out);
  void onMemberCall(const CXXMemberCallExpr *Call, LockState &State);
  void onGuardOperation(const CXXMemberCallExpr *Call, const void *Guard,
                        LockState &State);
  void onMutexOperation(const CXXMemberCallExpr *Call, LockState &State);
  void onAssign(const CXXOperatorCallExpr *Call, LockState &State);
  void onCall(const CallExpr *Call, LockState &State);
  void swapGuards(const void *A, const void *B, LockState &State);
  void onSuspension(const CoroutineSuspendExpr *S, const LockState &State,
                    HeldLockResult *Out);
  void acquireAwaitedLock(const CoroutineSuspendExpr *S, LockState &State);
  using HeldAcquisitions =
      llvm::SmallVector<std::pair<const void *, SourceLocation>, 4>;
  static HeldAcquisitions heldAcquisitions(const LockState &State);
  void recordAcquisitions(const Stmt *S, const HeldAcquisitions &Before,
                          const LockState &State, HeldLockResult &Out);

  void lockManually(const Expr *Mutex, bool Deref, Ownership Owned,
                    LockMode Mode, SourceLocation Loc, LockState &State);
  const void *guardKey(const Expr *E) const;
  bool isDiscarded(const Expr *E) const;
  llvm::SmallPtrSet<const void *, 4> handedOff(const CoroutineSuspendExpr *S,
                                               const LockState &State);
  bool inHandedOverObject(const LockFact &Fact) const;
  void releaseHandedOver(const CoroutineSuspendExpr *S, LockState &State);
  void collectHandedOff(const Stmt *Root,
                        llvm::SmallPtrSetImpl<const void *> &Keys);
  void noteHandedOff(const Stmt *S, llvm::SmallPtrSetImpl<const void *> &Keys);
  void noteHandedOffArgument(const Expr *Arg, QualType ParamType,
                             llvm::SmallPtrSetImpl<const void *> &Keys);

  /// Objects handed to the awaited expression being looked at, with whether
  /// through a pointer: the mutexes in them are handed over too.
  llvm::SmallVector<std::pair<const Expr *, bool>, 2> Owners;
  const FunctionDecl &Coroutine;
  const SourceManager &SM;
  const LockModel &Model;
  const SuspensionPointClassifier &Suspensions;
  const StmtParents &Parents;
  const TryBlocks &Tries;
  MutexIdentities &Mutexes;
  /// The holders of the last of HeldLockResult::HeldSets, and their index
  /// in it.
  llvm::DenseMap<const void *, unsigned> LastHeldSet;
  /// Memo of storedCondition, by variable.
  llvm::DenseMap<const VarDecl *, const Expr *> StoredConditions;
  /// (holder, acquisition) pairs already in HeldLockResult::Acquisitions.
  llvm::DenseSet<std::pair<const void *, unsigned>> RecordedAcquisitions;
};

//===----------------------------------------------------------------------===//
// Identities of guards and mutexes
//===----------------------------------------------------------------------===//

const void *BodyAnalysis::guardKey(const Expr *E) const {
  E = stripMove(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      // A local reference bound to a guard (`auto &ref = lk;`) names it.
      if (VD->getType()->isReferenceType() && VD->hasLocalStorage() &&
          !isa<ParmVarDecl>(VD))
        if (const auto *Init =
                dyn_cast_or_null<DeclRefExpr>(stripImplicit(VD->getInit()));
            Init && Init->getDecl() != VD)
          return guardKey(Init);
      if (!VD->getType()->isReferenceType() && Model.isGuard(VD->getType()))
        return VD;
    }
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    return CE;
  return nullptr;
}

/// Whether the value of \p E is unused (`lk.release();` as a statement).
bool BodyAnalysis::isDiscarded(const Expr *E) const {
  const Stmt *Child = E;
  const Stmt *P = Parents.getParent(Child);
  while (P &&
         (isa<ExprWithCleanups, ParenExpr>(P) ||
          (isa<CastExpr>(P) && cast<CastExpr>(P)->getType()->isVoidType()))) {
    Child = P;
    P = Parents.getParent(P);
  }
  if (!P ||
      isa<CompoundStmt, CaseStmt, DefaultStmt, LabelStmt, AttributedStmt>(P))
    return true;
  // The body of a statement discards its value (`if (b) lk.release();`); a
  // condition does not.
  if (const auto *If = dyn_cast<IfStmt>(P))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(P))
    return Child == Do->getBody();
  if (const auto *For = dyn_cast<ForStmt>(P))
    return Child == For->getBody() || Child == For->getInc();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(P))
    return Child == Range->getBody();
  return false;
}

//===----------------------------------------------------------------------===//
// Guards
//===----------------------------------------------------------------------===//

static bool isChronoType(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->getIdentifier())
    return false;
  StringRef Name = RD->getName();
  return (Name == "duration" || Name == "time_point") &&
         isa<NamespaceDecl>(RD->getDeclContext()) &&
         cast<NamespaceDecl>(RD->getDeclContext())->getName() == "chrono";
}

/// The state of a guard built by \p CE: from a mutex (owning, deferred,
/// trying, adopting) or moved from another guard.
LockFact BodyAnalysis::guardFromConstruct(const CXXConstructExpr *CE,
                                          SourceLocation Loc,
                                          LockState &State) {
  LockFact Fact;
  Fact.Kind = Model.guardKind(CE->getType()).value_or(LockKind::Sync);
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  Fact.Mode = LockModel::guardMode(CE->getType(), Ctor);
  if (Ctor && (Ctor->isMoveConstructor() || Ctor->isCopyConstructor()) &&
      CE->getNumArgs() >= 1) {
    const void *Source = guardKey(CE->getArg(0));
    auto It = Source ? State.find(Source) : State.end();
    if (It == State.end())
      return Fact;
    Fact = It->second;
    if (Ctor->isMoveConstructor()) {
      It->second.Owned = Ownership::NotHeld;
      It->second.Mutexes.clear();
      It->second.MutexKey = nullptr;
    }
    return Fact;
  }
  llvm::SmallVector<const Expr *, 2> Args(CE->arguments());
  return guardFromArguments(std::move(Fact), Args, Loc, State);
}

/// A guard constructed from \p Args (`std::unique_lock lk(m, defer_lock)`,
/// `opt.emplace(m)`), with its kind and mode already in \p Fact.
LockFact BodyAnalysis::guardFromArguments(LockFact Fact,
                                          llvm::ArrayRef<const Expr *> Args,
                                          SourceLocation Loc,
                                          LockState &State) {
  bool Defer = false, Try = false, Adopt = false;
  for (const Expr *Arg : Args) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    QualType T = Arg->getType();
    // A timeout makes the constructor a try-lock.
    Defer |= LockModel::isDeferTag(T);
    Try |= LockModel::isTryTag(T) || isChronoType(T);
    Adopt |= LockModel::isAdoptTag(T);
    if (Model.isMutex(T->isPointerType() ? T->getPointeeType() : T))
      Fact.Mutexes.push_back(Arg);
  }
  // A guard of a user-listed type over a user type not known as a mutex.
  if (Fact.Mutexes.empty() && !Args.empty() && !Defer && !Try && !Adopt &&
      !isa<CXXDefaultArgExpr>(Args.front()) &&
      recordOf(Args.front()->getType()))
    Fact.Mutexes.push_back(Args.front());
  if (Fact.Mutexes.empty())
    return Fact; // Default-constructed: owns nothing.

  const Expr *First = Fact.Mutexes.front();
  for (const Expr *M : Fact.Mutexes)
    if (auto Kind = Model.mutexKind(M->getType()->isPointerType()
                                        ? M->getType()->getPointeeType()
                                        : M->getType());
        Kind == LockKind::Async)
      Fact.Kind = LockKind::Async;
  Fact.MutexKey = Mutexes.ofLockArgument(First);
  Fact.Acquisitions.push_back(Loc);
  if (Defer)
    return Fact;
  Fact.Owned = Try ? Ownership::MaybeHeld : Ownership::Held;
  if (Adopt) {
    // The guard takes over locks the coroutine acquired manually.
    for (const Expr *M : Fact.Mutexes) {
      const MutexIdentity *Key = Mutexes.of(M, M->getType()->isPointerType());
      auto It = Key ? State.find(Key) : State.end();
      if (It == State.end())
        continue;
      Fact.Acquisitions.clear();
      addAcquisitions(Fact, It->second.Acquisitions, SM);
      State.erase(It);
    }
  }
  return Fact;
}

/// A guard of type \p GuardType returned by a call, e.g.
/// `auto lk = take_lock(m);` or `auto lk = co_await m.scoped_lock_async();`.
LockFact BodyAnalysis::guardFromCall(const Expr *Call, SourceLocation Loc,
                                     QualType GuardType) {
  LockFact Fact;
  Fact.Kind = Model.guardKind(GuardType).value_or(LockKind::Sync);
  Fact.Acquisitions.push_back(Loc);
  const Expr *Inner = Call;
  if (const auto *S = dyn_cast<CoroutineSuspendExpr>(Call)) {
    Fact.Owned = Ownership::Held;
    Inner = stripImplicit(S->getOperand());
  } else {
    // Whether a returned guard owns its lock is not known here.
    Fact.Owned = Ownership::MaybeHeld;
  }
  // A generic guard type may hold a reader (`co_scoped_lock_shared()`).
  Fact.Mode = LockModel::guardMode(GuardType);
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Inner);
      CE && Fact.Mode == LockMode::Exclusive)
    Fact.Mode = LockModel::modeOf(CE->getDirectCallee());
  auto AddMutex = [&](const Expr *M, bool Deref) {
    if (!Fact.Mutexes.empty() || !M)
      return;
    QualType T = Deref ? M->getType()->getPointeeType() : M->getType();
    if (Model.isMutex(T)) {
      Fact.Mutexes.push_back(M);
      Fact.MutexKey = Mutexes.of(M, Deref);
    }
  };
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Inner)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    AddMutex(Obj, Obj && Obj->getType()->isPointerType());
  }
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Inner))
    for (const Expr *Arg : CE->arguments())
      AddMutex(Arg, Arg->getType()->isPointerType());
  return Fact;
}

void BodyAnalysis::declareGuard(const VarDecl *VD, LockState &State) {
  const Expr *Init = VD->getInit();
  const Expr *Stripped = stripImplicit(Init);
  LockFact Fact;
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Stripped)) {
    Fact = guardFromConstruct(CE, VD->getLocation(), State);
  } else if (Stripped && (isa<CallExpr, CoroutineSuspendExpr>(Stripped))) {
    Fact = guardFromCall(Stripped, VD->getLocation(), VD->getType());
  } else if (VD->getType()->isReferenceType()) {
    return; // An alias of another guard; the original is tracked.
  } else {
    Fact = emptyGuard(VD->getType());
  }
  Fact.Holder = HolderKind::GuardVariable;
  Fact.Guard = VD;
  State[VD] = std::move(Fact);
}

/// A guard temporary (`std::lock_guard<std::mutex>{m}, co_await f()`) or a
/// guard moved into an argument or return value.
void BodyAnalysis::onConstruct(const CXXConstructExpr *CE, LockState &State,
                               HeldLockResult *Out) {
  if (!Model.isGuard(CE->getType()))
    return;
  // Walk out of the casts and temporary wrappers around the construction. A
  // variable's initializer is handled at its declaration, also when written
  // as a temporary whose copy is elided (`auto lk = std::unique_lock(m);`).
  bool IsTemporary = false;
  const Stmt *P = Parents.getParent(CE);
  while (isa_and_nonnull<ExprWithCleanups, ParenExpr, ImplicitCastExpr,
                         CXXFunctionalCastExpr, CXXBindTemporaryExpr,
                         MaterializeTemporaryExpr>(P)) {
    // A temporary bound to a reference lives as long as the reference, which
    // is tracked instead (`const lock_guard<mutex> &g = lock_guard(m);`).
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(P);
        MTE && MTE->getExtendingDecl())
      return;
    IsTemporary |= isa<CXXBindTemporaryExpr, MaterializeTemporaryExpr>(P);
    P = Parents.getParent(P);
  }
  if (isa_and_nonnull<DeclStmt>(P))
    return;
  LockFact Fact = guardFromConstruct(CE, CE->getBeginLoc(), State);
  if (Fact.Owned == Ownership::NotHeld)
    return;
  // Built in place as a parameter, a member or a return value: the lock
  // leaves with the guard.
  if (!IsTemporary) {
    noteMovedOut(CE, Fact, Out);
    return;
  }
  Fact.Holder = HolderKind::GuardTemporary;
  Fact.Guard = nullptr;
  Fact.GuardExpr = CE;
  State[CE] = std::move(Fact);
}

void BodyAnalysis::onGuardOperation(const CXXMemberCallExpr *Call,
                                    const void *Guard, LockState &State) {
  auto It = State.find(Guard);
  if (It == State.end())
    return;
  LockFact &Fact = It->second;
  switch (Model.operationOf(Call->getMethodDecl())) {
  case LockOperation::Lock:
  case LockOperation::TryLock:
    Fact.Owned = Model.operationOf(Call->getMethodDecl()) == LockOperation::Lock
                     ? Ownership::Held
                     : Ownership::MaybeHeld;
    Fact.Acquisitions = {Call->getExprLoc()};
    return;
  case LockOperation::Unlock:
    Fact.Owned = Ownership::NotHeld;
    return;
  case LockOperation::Release: {
    // The mutex stays locked; an unused result leaves it to the coroutine.
    LockFact Released = Fact;
    Fact.Owned = Ownership::NotHeld;
    Fact.Mutexes.clear();
    Fact.MutexKey = nullptr;
    if (Released.Owned == Ownership::NotHeld || !Released.MutexKey ||
        !isDiscarded(Call))
      return;
    Released.Holder = HolderKind::Manual;
    Released.Guard = nullptr;
    State[Released.MutexKey] = std::move(Released);
    return;
  }
  case LockOperation::Swap:
    if (Call->getNumArgs() == 1)
      swapGuards(Guard, guardKey(Call->getArg(0)), State);
    return;
  case LockOperation::None:
    return;
  }
}

void BodyAnalysis::swapGuards(const void *A, const void *B, LockState &State) {
  if (!A || !B || A == B)
    return;
  auto ItA = State.find(A), ItB = State.find(B);
  if (ItA == State.end() || ItB == State.end())
    return;
  LockFact &FA = ItA->second, &FB = ItB->second;
  // Ownership moves; the holder's identity stays.
  std::swap(FA.Owned, FB.Owned);
  std::swap(FA.Kind, FB.Kind);
  std::swap(FA.Mode, FB.Mode);
  std::swap(FA.Mutexes, FB.Mutexes);
  std::swap(FA.MutexKey, FB.MutexKey);
  std::swap(FA.Acquisitions, FB.Acquisitions);
}

//===----------------------------------------------------------------------===//
// Manual locking
//===----------------------------------------------------------------------===//

void BodyAnalysis::lockManually(const Expr *Mutex, bool Deref, Ownership Owned,
                                LockMode Mode, SourceLocation Loc,
                                LockState &State) {
  const MutexIdentity *Key = Mutexes.of(Mutex, Deref);
  if (!Key)
    return;
  LockFact Fact;
  Fact.Holder = HolderKind::Manual;
  Fact.Owned = Owned;
  QualType T = Deref ? Mutex->getType()->getPointeeType() : Mutex->getType();
  Fact.Kind = Model.mutexKind(T).value_or(LockKind::Sync);
  Fact.Mode = Mode;
  Fact.Mutexes.push_back(Mutex);
  Fact.MutexKey = Key;
  Fact.Acquisitions.push_back(Loc);
  State[Key] = std::move(Fact);
}

void BodyAnalysis::onMutexOperation(const CXXMemberCallExpr *Call,
                                    LockState &State) {
  const auto *Member = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  const Expr *Obj = Call->getImplicitObjectArgument();
  bool Deref = Member && Member->isArrow();
  QualType T = Deref ? Obj->getType()->getPointeeType() : Obj->getType();
  LockMode Mode = LockModel::modeOf(Call->getMethodDecl());
  switch (Model.operationOf(Call->getMethodDecl())) {
  case LockOperation::Lock:
    // An async mutex's lock() returns an awaitable; see acquireAwaitedLock.
    if (Model.mutexKind(T) != LockKind::Async)
      lockManually(Obj, Deref, Ownership::Held, Mode, Call->getExprLoc(),
                   State);
    return;
  case LockOperation::TryLock:
    // concurrencpp's try_lock() returns an awaitable (lazy_result<bool>) that
    // tries when awaited; see acquireAwaitedLock.
    if (Model.mutexKind(T) == LockKind::Async &&
        Call->getType()->isRecordType())
      return;
    lockManually(Obj, Deref, Ownership::MaybeHeld, Mode, Call->getExprLoc(),
                 State);
    return;
  case LockOperation::Unlock:
    if (const MutexIdentity *Key = Mutexes.of(Obj, Deref))
      State.erase(Key);
    return;
  default:
    return;
  }
}

void BodyAnalysis::onMemberCall(const CXXMemberCallExpr *Call,
                                LockState &State) {
  const Expr *Obj = Call->getImplicitObjectArgument();
  if (!Obj || !Call->getMethodDecl())
    return;
  QualType T = Obj->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  if (Model.isGuard(T)) {
    if (const void *Guard = guardKey(Obj))
      onGuardOperation(Call, Guard, State);
    return;
  }
  if (Model.isMutex(T)) {
    onMutexOperation(Call, State);
    return;
  }
  if (QualType Guard = optionalGuard(T); !Guard.isNull())
    onOptionalGuard(Call, Guard, State);
}

/// A guard of type \p Guard that owns nothing, with the kind and mode its
/// type gives.
LockFact BodyAnalysis::emptyGuard(QualType Guard) const {
  LockFact Fact;
  Fact.Kind = Model.guardKind(Guard).value_or(LockKind::Sync);
  Fact.Mode = LockModel::guardMode(Guard);
  return Fact;
}

/// The guard type G of a `std::optional<G>`, else null.
QualType BodyAnalysis::optionalGuard(QualType T) const {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || !Spec->getIdentifier() ||
      Spec->getName() != "optional" || Spec->getTemplateArgs().size() != 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  QualType Guard = Spec->getTemplateArgs()[0].getAsType();
  return Model.isGuard(Guard) ? Guard : QualType();
}

/// The guard type of a member of the object a structured binding takes
/// apart (`auto [lk, value] = lockedValue();` over a struct or pair holding
/// a `std::unique_lock`), else null.
QualType BodyAnalysis::boundGuard(const VarDecl *VD) const {
  const auto *Decomposition = dyn_cast<DecompositionDecl>(VD);
  const CXXRecordDecl *Record =
      Decomposition ? VD->getType()->getAsCXXRecordDecl() : nullptr;
  if (!Record || !Record->hasDefinition())
    return QualType();
  for (const FieldDecl *Field : Record->fields())
    if (Model.isGuard(Field->getType()))
      return Field->getType();
  return QualType();
}

/// The hidden object of a structured binding holds the lock of its guard
/// member, as a guard returned by the call would.
void BodyAnalysis::declareBoundGuard(const VarDecl *VD, QualType Guard,
                                     LockState &State) {
  const Expr *Init = stripImplicit(VD->getInit());
  if (!isa_and_nonnull<CallExpr, CoroutineSuspendExpr>(Init))
    return;
  LockFact Fact = guardFromCall(Init, VD->getLocation(), Guard);
  Fact.Holder = HolderKind::GuardVariable;
  Fact.Guard = VD;
  State[VD] = std::move(Fact);
}

/// A local `std::optional` of a guard holds its lock from `emplace` to
/// `reset` or its end (`std::optional<std::lock_guard<std::mutex>> g;
/// if (need) g.emplace(mu_);`). It starts out empty.
void BodyAnalysis::declareOptionalGuard(const VarDecl *VD, QualType Guard,
                                        LockState &State) {
  LockFact Fact = emptyGuard(Guard);
  Fact.Holder = HolderKind::GuardVariable;
  Fact.Guard = VD;
  State[VD] = std::move(Fact);
}

void BodyAnalysis::onOptionalGuard(const CXXMemberCallExpr *Call,
                                   QualType Guard, LockState &State) {
  const auto *Ref = dyn_cast<DeclRefExpr>(
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const IdentifierInfo *Name = Call->getMethodDecl()->getIdentifier();
  auto It = Ref ? State.find(Ref->getDecl()) : State.end();
  if (It == State.end() || !Name)
    return;
  LockFact &Fact = It->second;
  if (Name->getName() == "reset") {
    Fact.Owned = Ownership::NotHeld;
    Fact.Mutexes.clear();
    Fact.MutexKey = nullptr;
  } else if (Name->getName() == "emplace") {
    llvm::SmallVector<const Expr *, 2> Args(Call->arguments());
    LockFact Held =
        guardFromArguments(emptyGuard(Guard), Args, Call->getExprLoc(), State);
    Held.Holder = HolderKind::GuardVariable;
    Held.Guard = Fact.Guard;
    Fact = std::move(Held);
  }
}

/// `lk = std::move(other)`, `lk = std::unique_lock(m)`, `lk = take_lock()`.
void BodyAnalysis::onAssign(const CXXOperatorCallExpr *Call, LockState &State) {
  if (Call->getOperator() != OO_Equal || Call->getNumArgs() != 2 ||
      !Model.isGuard(Call->getArg(0)->getType()))
    return;
  const void *Target = guardKey(Call->getArg(0));
  if (!Target || !State.count(Target))
    return;
  LockFact &Old = State[Target];
  LockFact New;
  const Expr *Source = stripMove(Call->getArg(1));
  if (const void *SourceKey = guardKey(Source);
      SourceKey && State.count(SourceKey)) {
    New = State[SourceKey];
    if (isa<CXXConstructExpr>(Source)) {
      State.erase(SourceKey);
    } else {
      LockFact &Moved = State[SourceKey];
      Moved.Owned = Ownership::NotHeld;
      Moved.Mutexes.clear();
      Moved.MutexKey = nullptr;
    }
  } else if (isa_and_nonnull<CallExpr, CoroutineSuspendExpr>(Source)) {
    New = guardFromCall(Source, Call->getExprLoc(), Call->getArg(0)->getType());
  } else if (isa_and_nonnull<CXXConstructExpr>(Source)) {
    New.Kind = Old.Kind; // Assigned an empty guard.
    New.Mode = Old.Mode;
  } else {
    return;
  }
  New.Holder = Old.Holder;
  New.Guard = Old.Guard;
  New.GuardExpr = Old.GuardExpr;
  State[Target] = std::move(New);
}

/// `std::lock(a, b)`, `std::try_lock(a, b)`, `std::swap(a, b)`.
void BodyAnalysis::onCall(const CallExpr *Call, LockState &State) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  StringRef Name = Callee->getName();
  if (Name == "swap" && Call->getNumArgs() == 2 &&
      Model.isGuard(Call->getArg(0)->getType())) {
    swapGuards(guardKey(Call->getArg(0)), guardKey(Call->getArg(1)), State);
    return;
  }
  bool InLockNamespace = Callee->isInStdNamespace();
  if (const auto *NS = dyn_cast<NamespaceDecl>(Callee->getDeclContext()))
    InLockNamespace |= NS->getName() == "boost";
  if (!InLockNamespace || (Name != "lock" && Name != "try_lock"))
    return;
  Ownership Owned = Name == "lock" ? Ownership::Held : Ownership::MaybeHeld;
  for (const Expr *Arg : Call->arguments()) {
    if (Model.isMutex(Arg->getType())) {
      lockManually(Arg, false, Owned, LockMode::Exclusive, Call->getExprLoc(),
                   State);
    } else if (const void *Guard = guardKey(Arg)) {
      auto It = State.find(Guard);
      if (It != State.end() && It->second.MutexKey) {
        It->second.Owned = Owned;
        It->second.Acquisitions = {Call->getExprLoc()};
      }
    }
  }
}

//===----------------------------------------------------------------------===//
// Suspension points and hand-off
//===----------------------------------------------------------------------===//

/// Records a guard or mutex that \p Arg passes to a parameter of type
/// \p ParamType by non-const reference, by pointer or by move.
void BodyAnalysis::noteHandedOffArgument(
    const Expr *Arg, QualType ParamType,
    llvm::SmallPtrSetImpl<const void *> &Keys) {
  if (!Arg)
    return;
  // A guard passed by value becomes the callee's parameter, built in place or
  // moved into: the temporary tracked for it is handed off with it.
  if (!ParamType.isNull() && !ParamType->isReferenceType())
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(stripImplicit(Arg));
        CE && Model.isGuard(CE->getType()))
      Keys.insert(CE);
  bool ByMutableRef = !ParamType.isNull() &&
                      ((ParamType->isLValueReferenceType() &&
                        !ParamType->getPointeeType().isConstQualified()) ||
                       ParamType->isRValueReferenceType() ||
                       (ParamType->isPointerType() &&
                        !ParamType->getPointeeType().isConstQualified()));
  const Expr *Moved = stripMove(Arg);
  bool IsMove = Moved != stripImplicit(Arg);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Moved);
      CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
      CE->getConstructor()->isMoveConstructor()) {
    Moved = stripMove(CE->getArg(0));
    IsMove = true;
  }
  if (!ByMutableRef && !IsMove)
    return;
  if (const void *Guard = guardKey(Moved);
      Guard && !isa<CXXConstructExpr>(Moved))
    Keys.insert(Guard);
  const Expr *Plain = Moved->IgnoreParenImpCasts();
  bool Deref = Plain->getType()->isPointerType();
  QualType T = Deref ? Plain->getType()->getPointeeType() : Plain->getType();
  if (Model.isMutex(T)) {
    if (const MutexIdentity *Key = Mutexes.of(Plain, Deref))
      Keys.insert(Key);
  } else if (!Model.isGuard(T) && T->isRecordType()) {
    // An object that contains mutexes (`co_await op{*this}`): the awaitable
    // may unlock them, as libcoro's ring buffer operations do.
    Owners.emplace_back(Plain, Deref);
  }
}

void BodyAnalysis::collectHandedOff(const Stmt *Root,
                                    llvm::SmallPtrSetImpl<const void *> &Keys) {
  forEachStmtOnce(Root, [&](const Stmt *S) {
    // A nested expression hands a lock on to the awaitable only through a
    // result that can carry it: `co_await when_all(cv.wait(lk), ...)` does,
    // `co_await send(observe(lk))` only uses the lock before suspending.
    if (const auto *E = dyn_cast<Expr>(S); S != Root && E &&
                                           E->getType()->isScalarType() &&
                                           !E->getType()->isAnyPointerType())
      return false;
    noteHandedOff(S, Keys);
    return true;
  });
}

void BodyAnalysis::noteHandedOff(const Stmt *S,
                                 llvm::SmallPtrSetImpl<const void *> &Keys) {
  if (isa<LambdaExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *FD = Call->getDirectCallee()) {
      unsigned Shift = isa<CXXOperatorCallExpr>(Call) &&
                               isa<CXXMethodDecl>(FD) &&
                               !cast<CXXMethodDecl>(FD)->isStatic()
                           ? 1
                           : 0;
      for (unsigned I = Shift; I < Call->getNumArgs(); ++I) {
        unsigned P = I - Shift;
        noteHandedOffArgument(Call->getArg(I),
                              P < FD->getNumParams()
                                  ? FD->getParamDecl(P)->getType()
                                  : QualType(),
                              Keys);
      }
    }
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    if (const CXXConstructorDecl *Ctor = CE->getConstructor())
      for (unsigned I = 0; I < CE->getNumArgs(); ++I)
        noteHandedOffArgument(CE->getArg(I),
                              I < Ctor->getNumParams()
                                  ? Ctor->getParamDecl(I)->getType()
                                  : QualType(),
                              Keys);
  } else if (const auto *ILE = dyn_cast<InitListExpr>(S)) {
    const CXXRecordDecl *RD = recordOf(ILE->getType());
    if (RD && RD->hasDefinition() && !ILE->getType()->isArrayType()) {
      unsigned I = 0;
      for (const FieldDecl *Field : RD->fields()) {
        if (I >= ILE->getNumInits())
          break;
        noteHandedOffArgument(ILE->getInit(I++), Field->getType(), Keys);
      }
    }
  }
}

/// Guards and mutexes passed to the awaited expression itself
/// (`co_await cv.wait(lk)`): the awaitable owns them while suspended.
llvm::SmallPtrSet<const void *, 4>
BodyAnalysis::handedOff(const CoroutineSuspendExpr *S, const LockState &State) {
  llvm::SmallPtrSet<const void *, 4> Keys;
  Owners.clear();
  collectHandedOff(S->getOperand(), Keys);
  for (const auto &[Key, Fact] : State)
    if (inHandedOverObject(Fact))
      Keys.insert(Key);
  if (Keys.empty())
    return Keys;
  // A holder of several mutexes (`std::scoped_lock lk(a, b)`) is handed off
  // only with all of them: `co_await wait_unlocked(a)` leaves 'b' held.
  auto IsHandedOff = [&](const Expr *Mutex) {
    const MutexIdentity *MutexKey = Mutexes.ofLockArgument(Mutex);
    return MutexKey && Keys.count(MutexKey);
  };
  for (const auto &[Key, Fact] : State)
    if (Fact.MutexKey && llvm::all_of(Fact.Mutexes, IsHandedOff))
      Keys.insert(Key);
  return Keys;
}

/// Whether \p Fact is a lock taken by hand on a mutex of an object handed
/// to the awaited expression (Owners).
bool BodyAnalysis::inHandedOverObject(const LockFact &Fact) const {
  return Fact.Holder == HolderKind::Manual && Fact.MutexKey &&
         llvm::any_of(Owners, [&](const std::pair<const Expr *, bool> &O) {
           return Mutexes.contains(O.first, O.second, *Fact.MutexKey);
         });
}

/// The awaitable an object was handed to may unlock the object's mutexes
/// (libcoro's ring buffer operations do): a lock taken on one by hand is
/// held no longer on every path after the suspension point.
void BodyAnalysis::releaseHandedOver(const CoroutineSuspendExpr *S,
                                     LockState &State) {
  if (llvm::none_of(State, [](const auto &Entry) {
        return Entry.second.Holder == HolderKind::Manual &&
               Entry.second.Owned == Ownership::Held;
      }))
    return;
  llvm::SmallPtrSet<const void *, 4> Keys;
  Owners.clear();
  collectHandedOff(S->getOperand(), Keys);
  for (auto &Entry : State)
    if (Entry.second.Owned == Ownership::Held &&
        inHandedOverObject(Entry.second))
      Entry.second.Owned = Ownership::MaybeHeld;
}

void BodyAnalysis::onSuspension(const CoroutineSuspendExpr *S,
                                const LockState &State, HeldLockResult *Out) {
  if (!Out)
    return;
  auto HandedOff = handedOff(S, State);
  SuspensionPointLocks Point;
  Point.Suspension = S;
  for (const auto &[Key, Fact] : State) {
    if (HandedOff.count(Key)) {
      if (Fact.Owned != Ownership::NotHeld)
        Point.HandedOff.push_back(Fact);
      continue;
    }
    if (Fact.Owned == Ownership::NotHeld &&
        (Fact.Holder == HolderKind::Manual || Fact.Mutexes.empty()))
      continue;
    Point.Locks.push_back(Fact);
  }
  llvm::sort(Point.Locks, [&](const LockFact &A, const LockFact &B) {
    return lockFactBefore(A, B, SM);
  });
  Out->Suspensions.push_back(std::move(Point));
}

//===----------------------------------------------------------------------===//
// Transfer functions and the fixpoint
//===----------------------------------------------------------------------===//

void BodyAnalysis::noteMovedOut(const Stmt *Where, const LockFact &Fact,
                                HeldLockResult *Out) {
  if (!Out || Fact.Owned == Ownership::NotHeld || Fact.Mutexes.empty())
    return;
  for (const MovedOutLock &Known : Out->MovedOut)
    if (Known.Where == Where && Known.Lock.MutexKey == Fact.MutexKey &&
        Known.Lock.Acquisitions == Fact.Acquisitions)
      return;
  Out->MovedOut.push_back({Where, Fact});
}

/// `co_return std::move(lk);` hands the lock to the awaiting caller.
void BodyAnalysis::onCoreturn(const CoreturnStmt *CR, const LockState &State,
                              HeldLockResult *Out) {
  const void *Guard = CR->getOperand() ? guardKey(CR->getOperand()) : nullptr;
  auto It = Guard ? State.find(Guard) : State.end();
  if (It != State.end())
    noteMovedOut(CR, It->second, Out);
}

/// A guard moved into a by-value or rvalue-reference parameter
/// (`keep(std::move(lk))`) may be kept by the callee. A guard's own
/// operations (`lk = std::move(o)`, `lk.swap(o)`) and `swap` are tracked
/// instead.
void BodyAnalysis::onGuardArguments(const CallExpr *Call,
                                    const LockState &State,
                                    HeldLockResult *Out) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Out || !Callee ||
      (Callee->getIdentifier() && Callee->getName() == "swap"))
    return;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  unsigned Shift =
      isa<CXXOperatorCallExpr>(Call) && Method && !Method->isStatic() ? 1 : 0;
  const Expr *Object =
      isa<CXXMemberCallExpr>(Call)
          ? cast<CXXMemberCallExpr>(Call)->getImplicitObjectArgument()
          : (Shift ? Call->getArg(0) : nullptr);
  if (Object && Model.isGuard(Object->getType()->isPointerType()
                                  ? Object->getType()->getPointeeType()
                                  : Object->getType()))
    return;
  for (unsigned I = Shift; I < Call->getNumArgs(); ++I) {
    unsigned P = I - Shift;
    if (P >= Callee->getNumParams())
      continue;
    QualType Param = Callee->getParamDecl(P)->getType();
    if (Param->isLValueReferenceType() || Param->isPointerType())
      continue;
    const void *Guard = guardKey(Call->getArg(I));
    auto It = Guard ? State.find(Guard) : State.end();
    if (It != State.end())
      noteMovedOut(Call, It->second, Out);
  }
}

/// What one statement does to the locks.
class BodyAnalysis::Transfer : public ConstStmtVisitor<Transfer> {
public:
  Transfer(BodyAnalysis &A, LockState &State, HeldLockResult *Out)
      : A(A), State(State), Out(Out) {}

  void VisitDeclStmt(const DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        if (A.Model.isGuard(VD->getType()))
          A.declareGuard(VD, State);
        else if (QualType G = A.optionalGuard(VD->getType()); !G.isNull())
          A.declareOptionalGuard(VD, G, State);
        else if (QualType G = A.boundGuard(VD); !G.isNull())
          A.declareBoundGuard(VD, G, State);
      }
  }
  void VisitCXXConstructExpr(const CXXConstructExpr *CE) {
    A.onConstruct(CE, State, Out);
  }
  void VisitCXXMemberCallExpr(const CXXMemberCallExpr *Call) {
    A.onGuardArguments(Call, State, Out);
    A.onMemberCall(Call, State);
  }
  void VisitCXXOperatorCallExpr(const CXXOperatorCallExpr *Call) {
    A.onGuardArguments(Call, State, Out);
    A.onAssign(Call, State);
  }
  void VisitCallExpr(const CallExpr *Call) {
    A.onGuardArguments(Call, State, Out);
    A.onCall(Call, State);
  }
  void VisitCoroutineSuspendExpr(const CoroutineSuspendExpr *S) {
    if (const auto *Suspension = A.Suspensions.asSuspensionPoint(S)) {
      A.onSuspension(Suspension, State, Out);
      A.releaseHandedOver(Suspension, State);
      A.acquireAwaitedLock(Suspension, State);
    }
  }
  void VisitCoreturnStmt(const CoreturnStmt *CR) {
    A.onCoreturn(CR, State, Out);
  }

private:
  BodyAnalysis &A;
  LockState &State;
  HeldLockResult *Out;
};

void BodyAnalysis::transferStmt(const Stmt *S, LockState &State,
                                HeldLockResult *Out) {
  Transfer(*this, State, Out).Visit(S);
}

void BodyAnalysis::transferElement(const CFGElement &Element, LockState &State,
                                   HeldLockResult *Out) {
  if (auto S = Element.getAs<CFGStmt>()) {
    transferStmt(S->getStmt(), State, Out);
  } else if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
    State.erase(Dtor->getVarDecl());
  } else if (auto Temp = Element.getAs<CFGTemporaryDtor>()) {
    if (const CXXBindTemporaryExpr *BTE = Temp->getBindTemporaryExpr())
      State.erase(stripImplicit(BTE->getSubExpr()));
  }
}

void BodyAnalysis::transferBlock(const CFGBlock &Block, LockState &State,
                                 HeldLockResult *Out) {
  for (const CFGElement &Element : Block) {
    auto S = Element.getAs<CFGStmt>();
    if (!Out) {
      transferElement(Element, State, Out);
      continue;
    }
    if (S)
      recordHeld(S->getStmt(), State, *Out);
    HeldAcquisitions Before = heldAcquisitions(State);
    transferElement(Element, State, Out);
    recordAcquisitions(S ? S->getStmt() : nullptr, Before, State, *Out);
  }
}

/// Records the locks held before \p S; a statement with the same locks as
/// the one recorded before it shares its set.
void BodyAnalysis::recordHeld(const Stmt *S, const LockState &State,
                              HeldLockResult &Out) {
  if (Out.HeldBefore.count(S))
    return;
  llvm::SmallVector<std::pair<const void *, const LockFact *>, 4> Held;
  for (const auto &[Key, Fact] : State)
    if (Fact.Owned != Ownership::NotHeld)
      Held.emplace_back(Key, &Fact);
  if (Held.empty())
    return;
  // Compared by holder before sorting: sorting every statement's locks cost
  // k log k source-order comparisons per statement with k locks held.
  auto SameAsLast = [&] {
    if (Out.HeldSets.empty() || Out.HeldSets.back().size() != Held.size())
      return false;
    return llvm::all_of(Held, [&](const auto &Entry) {
      auto It = LastHeldSet.find(Entry.first);
      return It != LastHeldSet.end() &&
             Out.HeldSets.back()[It->second] == *Entry.second;
    });
  };
  if (!SameAsLast()) {
    llvm::sort(Held, [&](const auto &A, const auto &B) {
      return lockFactBefore(*A.second, *B.second, SM);
    });
    std::vector<LockFact> &Set = Out.HeldSets.emplace_back();
    LastHeldSet.clear();
    for (const auto &[Key, Fact] : Held) {
      LastHeldSet[Key] = Set.size();
      Set.push_back(*Fact);
    }
  }
  Out.HeldBefore[S] = Out.HeldSets.size() - 1;
  Out.HeldOrder.push_back(S);
}

/// The (holder, acquisition) pairs held in \p State.
BodyAnalysis::HeldAcquisitions
BodyAnalysis::heldAcquisitions(const LockState &State) {
  HeldAcquisitions Held;
  for (const auto &[Key, Fact] : State)
    if (Fact.Owned != Ownership::NotHeld)
      for (SourceLocation Loc : Fact.Acquisitions)
        Held.emplace_back(Key, Loc);
  return Held;
}

/// Records each acquisition the first time a fact carrying it is held, and
/// \p S as the statement that acquires it when \p S made it held: blocks are
/// replayed in no source order, and a later block holds it from the start.
void BodyAnalysis::recordAcquisitions(const Stmt *S,
                                      const HeldAcquisitions &Before,
                                      const LockState &State,
                                      HeldLockResult &Out) {
  for (const auto &[Key, Fact] : State) {
    if (Fact.Owned == Ownership::NotHeld)
      continue;
    for (SourceLocation Loc : Fact.Acquisitions) {
      if (S && !llvm::is_contained(Before, std::make_pair(Key, Loc)))
        Out.AcquiredBy.try_emplace(
            Loc, HeldLockResult::Acquiring{S, Fact.Owned == Ownership::Held});
      if (!RecordedAcquisitions.insert({Key, Loc.getRawEncoding()}).second)
        continue;
      LockFact Acquired = Fact;
      Acquired.Acquisitions = {Loc};
      Out.Acquisitions.push_back(std::move(Acquired));
    }
  }
}

/// `co_await m.lock_async()` and the like: an async mutex's lock operation
/// takes effect when the coroutine resumes, unless the awaited result is a
/// guard that holds the lock (`auto lk = co_await m.scoped_lock()`). So does
/// an awaited try-lock (`co_await l.try_lock()`), which may fail.
void BodyAnalysis::acquireAwaitedLock(const CoroutineSuspendExpr *S,
                                      LockState &State) {
  const auto *Call =
      dyn_cast_or_null<CXXMemberCallExpr>(stripImplicit(S->getOperand()));
  if (!Call || Model.isGuard(S->getType()))
    return;
  LockOperation Op = Model.operationOf(Call->getMethodDecl());
  if (Op != LockOperation::Lock &&
      (Op != LockOperation::TryLock || !Call->getType()->isRecordType()))
    return;
  const auto *Member = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  const Expr *Obj = Call->getImplicitObjectArgument();
  bool Deref = Member && Member->isArrow();
  QualType T = Obj ? Obj->getType() : QualType();
  if (Obj && Deref)
    T = T->getPointeeType();
  if (Obj && Model.mutexKind(T) == LockKind::Async)
    lockManually(
        Obj, Deref,
        Op == LockOperation::Lock ? Ownership::Held : Ownership::MaybeHeld,
        LockModel::modeOf(Call->getMethodDecl()), Call->getExprLoc(), State);
}

/// Path-sensitive refinement on `if (lk.try_lock())`, `if (lk)`,
/// `if (!m.try_lock())`, `while (lk.owns_lock())`,
/// `if (co_await l.try_lock())`.
/// The initializer of the local variable \p Cond reads, when nothing else
/// writes it (`bool ok = m.tryLock(); if (ok)`): the condition it stores.
const Expr *BodyAnalysis::storedCondition(const Expr *Cond) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Cond);
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Coroutine.getBody());
  if (!VD || !Coro || Ref->refersToEnclosingVariableOrCapture() ||
      !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
      VD->getType()->isReferenceType() || !VD->getInit())
    return nullptr;
  auto Known = StoredConditions.find(VD);
  if (Known != StoredConditions.end())
    return Known->second;
  // Every use reads it: an assignment, `&ok` or a reference may change it.
  const Expr *Stored = VD->getInit();
  forEachStmtOnce(Coro->getBody(), [&](const Stmt *S) {
    const auto *Use = dyn_cast<DeclRefExpr>(S);
    if (!Use || Use->getDecl() != VD)
      return true;
    const auto *Read = dyn_cast_or_null<ImplicitCastExpr>(Parents.getParent(S));
    if (!Read || Read->getCastKind() != CK_LValueToRValue)
      Stored = nullptr;
    return true;
  });
  StoredConditions[VD] = Stored;
  return Stored;
}

void BodyAnalysis::refineOnCondition(const Expr *Cond, bool Taken,
                                     LockState &State) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const Expr *Stored = storedCondition(Cond)) {
    refineOnCondition(Stored, Taken, State);
    return;
  }
  // An awaited try-lock's result is whether it locked.
  if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(Cond))
    Cond = stripImplicit(Await->getOperand());
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot) {
    refineOnCondition(UO->getSubExpr(), !Taken, State);
    return;
  }
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Cond);
  if (!Call || !Call->getMethodDecl())
    return;
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const Expr *Obj = Call->getImplicitObjectArgument();
  LockOperation Op = Model.operationOf(Method);
  bool IsOwnershipQuery =
      isa<CXXConversionDecl>(Method) ||
      (Method->getIdentifier() && Method->getName() == "owns_lock");
  if (const void *Guard =
          Model.isGuard(Obj->getType()) ? guardKey(Obj) : nullptr) {
    auto It = State.find(Guard);
    if (It == State.end() || It->second.Owned == Ownership::NotHeld ||
        (Op != LockOperation::TryLock && !IsOwnershipQuery))
      return;
    It->second.Owned = Taken ? Ownership::Held : Ownership::NotHeld;
    return;
  }
  if (Op != LockOperation::TryLock)
    return;
  const auto *Member = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  const MutexIdentity *Key = Mutexes.of(Obj, Member && Member->isArrow());
  auto It = Key ? State.find(Key) : State.end();
  if (It == State.end())
    return;
  if (Taken)
    It->second.Owned = Ownership::Held;
  else
    State.erase(It);
}

LockState BodyAnalysis::edgeState(const CFGBlock &From, unsigned SuccIndex,
                                  const LockState &Exit) {
  LockState State = Exit;
  const Stmt *Cond = From.getTerminatorCondition();
  if (Cond && From.succ_size() == 2 && isa<Expr>(Cond))
    refineOnCondition(cast<Expr>(Cond), SuccIndex == 0, State);
  return State;
}

/// Guards passed by value to the coroutine probably own their lock.
LockState BodyAnalysis::entryState() {
  LockState State;
  for (const ParmVarDecl *Param : Coroutine.parameters()) {
    auto Kind = Model.guardKind(Param->getType());
    if (!Kind || Param->getType()->isReferenceType() ||
        Param->getType()->isPointerType())
      continue;
    LockFact Fact;
    Fact.Holder = HolderKind::GuardVariable;
    Fact.Owned = Ownership::MaybeHeld;
    Fact.Kind = *Kind;
    Fact.Mode = LockModel::guardMode(Param->getType());
    Fact.Guard = Param;
    Fact.Acquisitions.push_back(Param->getLocation());
    State[Param] = std::move(Fact);
  }
  return State;
}

HeldLockResult BodyAnalysis::run(const CFG &Graph) {
  std::vector<std::optional<LockState>> In =
      ForwardDataflow<BodyAnalysis>(Graph, Tries, *this).solve(entryState());
  HeldLockResult Result;
  replayBlocks(Graph, In, [&](const CFGBlock &Block, LockState &State) {
    transferBlock(Block, State, &Result);
  });
  if (const std::optional<LockState> &AtEnd = In[Graph.getExit().getBlockID()])
    for (const auto &Entry : *AtEnd)
      if (Entry.second.Owned != Ownership::NotHeld)
        Result.HeldAtEnd.push_back(Entry.second);
  llvm::sort(Result.HeldAtEnd, [&](const LockFact &A, const LockFact &B) {
    return lockFactBefore(A, B, SM);
  });
  llvm::sort(Result.Suspensions,
             [&](const SuspensionPointLocks &A, const SuspensionPointLocks &B) {
               return SM.isBeforeInTranslationUnit(A.Suspension->getBeginLoc(),
                                                   B.Suspension->getBeginLoc());
             });
  // One call may acquire several mutexes (`std::lock(a, b)`): written order.
  auto FirstMutex = [](const LockFact &F) {
    return F.Mutexes.empty() ? SourceLocation()
                             : F.Mutexes.front()->getBeginLoc();
  };
  llvm::sort(Result.Acquisitions, [&](const LockFact &A, const LockFact &B) {
    SourceLocation LA = A.Acquisitions.front(), LB = B.Acquisitions.front();
    if (LA == LB) {
      LA = FirstMutex(A);
      LB = FirstMutex(B);
    }
    return LA != LB && LA.isValid() && LB.isValid() &&
           SM.isBeforeInTranslationUnit(LA, LB);
  });
  return Result;
}

} // namespace

llvm::ArrayRef<LockFact> HeldLockResult::heldBefore(const Stmt *S) const {
  auto It = HeldBefore.find(S);
  if (It == HeldBefore.end())
    return {};
  return HeldSets[It->second];
}

HeldLockResult analyzeHeldLocks(const FunctionDecl &Coroutine,
                                ASTContext &Context, const LockModel &Model,
                                const SuspensionPointClassifier &Suspensions,
                                const CFG &Graph, const StmtParents &Parents,
                                const TryBlocks &Tries,
                                MutexIdentities &Mutexes) {
  return BodyAnalysis(Coroutine, Context, Model, Suspensions, Parents, Tries,
                      Mutexes)
      .run(Graph);
}

bool acquiredInPreviousIteration(SourceLocation Acquisition,
                                 const CoroutineSuspendExpr &Suspension,
                                 const SourceManager &SM) {
  // The end: a lock taken in the awaited expression is taken before the
  // suspension.
  SourceLocation Await = Suspension.getEndLoc();
  // Both in one macro expansion (`LOCKED_SEND(mu, x)`): in the order the
  // macro's definition spells them.
  SourceLocation A = SM.getExpansionLoc(Acquisition);
  SourceLocation B = SM.getExpansionLoc(Await);
  if (A == B) {
    A = SM.getSpellingLoc(Acquisition);
    B = SM.getSpellingLoc(Await);
  }
  return !SM.isBeforeInTranslationUnit(A, B);
}

bool heldFromPreviousIteration(const LockFact &Lock,
                               const CoroutineSuspendExpr &Suspension,
                               const SourceManager &SM) {
  return Lock.Owned == Ownership::MaybeHeld &&
         llvm::any_of(Lock.Acquisitions, [&](SourceLocation L) {
           return acquiredInPreviousIteration(L, Suspension, SM);
         });
}

} // namespace corolock
