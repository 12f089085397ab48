//===--- CriticalSections.cpp - Critical sections of coroutines -----------===//

#include "CriticalSections.h"
#include "ProjectSummary.h"
#include "StmtParents.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolock {

/// Whether \p Held covers the mutex of \p Section (joined paths may spell
/// the mutex differently).
static bool locksSameMutex(const LockFact &Held,
                           const CriticalSection &Section) {
  return llvm::any_of(Held.Mutexes, [&](const Expr *M) {
    return M == Section.MutexExpr ||
           (Section.Mutex && mutexDeclaration(M) == Section.Mutex);
  });
}

std::vector<CriticalSection> criticalSectionsOf(const FunctionDecl &Coroutine,
                                                const HeldLockResult &Locks) {
  std::vector<CriticalSection> Sections;
  // Sections by acquisition: each held lock finds its own sections without
  // scanning them all (a lock retaken in many branches reaches many points).
  llvm::DenseMap<SourceLocation, llvm::SmallVector<size_t, 1>> ByAcquisition;
  for (const LockFact &Acquired : Locks.Acquisitions) {
    SourceLocation Loc = Acquired.Acquisitions.front();
    for (const Expr *MutexExpr : Acquired.Mutexes) {
      CriticalSection Section;
      Section.Function = &Coroutine;
      Section.Mutex = mutexDeclaration(MutexExpr);
      Section.MutexExpr = MutexExpr;
      Section.Kind = Acquired.Kind;
      Section.Mode = Acquired.Mode;
      Section.Holder = Acquired.Holder;
      Section.Guard = Acquired.Guard;
      Section.Acquisition = Loc;
      ByAcquisition[Loc].push_back(Sections.size());
      Sections.push_back(std::move(Section));
    }
  }
  // Calls \p Fn on each section \p Held is.
  auto ForSectionsOf = [&](const LockFact &Held, auto Fn) {
    if (Held.Owned == Ownership::NotHeld)
      return;
    for (SourceLocation Loc : Held.Acquisitions)
      if (auto It = ByAcquisition.find(Loc); It != ByAcquisition.end())
        for (size_t I : It->second)
          if (locksSameMutex(Held, Sections[I]))
            Fn(Sections[I]);
  };
  // Points come in order; several facts at one point may be the same section.
  auto AddOnce = [](auto &List, const auto *Where) {
    if (List.empty() || List.back() != Where)
      List.push_back(Where);
  };
  for (const SuspensionPointLocks &Point : Locks.Suspensions) {
    for (const LockFact &Held : Point.Locks)
      ForSectionsOf(Held, [&](CriticalSection &Section) {
        AddOnce(Section.Suspensions, Point.Suspension);
      });
    for (const LockFact &Held : Point.HandedOff)
      ForSectionsOf(Held, [&](CriticalSection &Section) {
        AddOnce(Section.HandOffs, Point.Suspension);
      });
  }
  for (const MovedOutLock &Moved : Locks.MovedOut)
    ForSectionsOf(Moved.Lock, [&](CriticalSection &Section) {
      AddOnce(Section.MovedOut, Moved.Where);
    });
  // A guard's lock is released with it, before the end.
  for (const LockFact &Held : Locks.HeldAtEnd)
    if (Held.Holder == HolderKind::Manual)
      ForSectionsOf(Held,
                    [](CriticalSection &Section) { Section.HeldAtEnd = true; });
  return Sections;
}

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

bool mentions(const Stmt *Root, const ValueDecl *D) {
  bool Found = false;
  forEachStmtOnce(Root, [&](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S); E && namedDecl(E) == D)
      Found = true;
    return !Found;
  });
  return Found;
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

/// The statement of the block enclosing \p S that contains it, and that
/// block.
std::pair<const Stmt *, const CompoundStmt *>
enclosingStatement(const Stmt *S, const StmtParents &Parents) {
  for (const Stmt *P = S ? Parents.getParent(S) : nullptr; P;
       S = P, P = Parents.getParent(P))
    if (const auto *Block = dyn_cast<CompoundStmt>(P))
      return {S, Block};
  return {nullptr, nullptr};
}

} // namespace

bool isLoneIntegerUpdate(const CriticalSection &Section,
                         const StmtParents &Parents) {
  bool ByGuard = Section.Holder == HolderKind::GuardVariable && Section.Guard;
  // A guard's initializer is a child of its declaration statement.
  const auto *GuardVar = dyn_cast_or_null<VarDecl>(Section.Guard);
  if (ByGuard && !GuardVar)
    return false;
  auto [Acquiring, Block] = enclosingStatement(
      ByGuard ? static_cast<const Stmt *>(GuardVar->getInit())
              : Section.MutexExpr,
      Parents);
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

/// Adds to \p Into the points of \p From at new locations, in source order.
static void mergeSuspensions(std::vector<const CoroutineSuspendExpr *> &Into,
                             llvm::ArrayRef<const CoroutineSuspendExpr *> From,
                             const SourceManager &SM) {
  for (const CoroutineSuspendExpr *S : From)
    if (llvm::none_of(Into, [&](const CoroutineSuspendExpr *Known) {
          return Known->getBeginLoc() == S->getBeginLoc();
        }))
      Into.push_back(S);
  llvm::sort(
      Into, [&](const CoroutineSuspendExpr *A, const CoroutineSuspendExpr *B) {
        return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
      });
}

void CriticalSectionsByMutex::add(CriticalSection Section) {
  if (!Section.Mutex)
    return;
  // `Box<int>::mu_` and `Box<long>::mu_` are declared by the same line of the
  // template, where a change affects both.
  if (SourceLocation Loc = Section.Mutex->getLocation(); Loc.isValid())
    Section.Mutex = ByLocation.try_emplace(Loc, Section.Mutex).first->second;
  auto [It, Inserted] = Sections.try_emplace(Section.Mutex);
  if (Inserted)
    Order.push_back(Section.Mutex);
  for (CriticalSection &Known : It->second)
    if (Known.Acquisition == Section.Acquisition) {
      // Another instantiation of the same template: whether it suspends
      // depends on its template arguments (`co_await t` never suspends for
      // some awaiters), so keep the suspension points of every one.
      const SourceManager &SM =
          Section.Function->getASTContext().getSourceManager();
      mergeSuspensions(Known.Suspensions, Section.Suspensions, SM);
      mergeSuspensions(Known.HandOffs, Section.HandOffs, SM);
      for (const Stmt *Where : Section.MovedOut)
        if (llvm::none_of(Known.MovedOut, [&](const Stmt *K) {
              return K->getBeginLoc() == Where->getBeginLoc();
            }))
          Known.MovedOut.push_back(Where);
      Known.HeldAtEnd |= Section.HeldAtEnd;
      return;
    }
  It->second.push_back(std::move(Section));
}

llvm::ArrayRef<CriticalSection>
CriticalSectionsByMutex::sections(const ValueDecl *M) const {
  auto It = Sections.find(M);
  return It == Sections.end() ? llvm::ArrayRef<CriticalSection>()
                              : llvm::ArrayRef<CriticalSection>(It->second);
}

void CriticalSectionsByMutex::clear() {
  Order.clear();
  ByLocation.clear();
  Sections.clear();
}

namespace {

/// Calls \p Visit with each argument of \p Call and the parameter of the
/// callee's definition (or declaration) it initializes; a member operator's
/// first argument is its object, not a parameter.
template <typename Callback>
void forEachArgument(const CallExpr *Call, Callback Visit) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  if (const FunctionDecl *Definition = Callee->getDefinition())
    Callee = Definition;
  unsigned Shift =
      isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  for (unsigned I = Shift; I < Call->getNumArgs(); ++I)
    if (I - Shift < Callee->getNumParams())
      Visit(Call->getArg(I), Callee->getParamDecl(I - Shift));
}

/// Whether \p D is declared in a system header. Code there never names the
/// translation unit's mutexes (a standard template instantiated with one only
/// handles its own parameters and members; what user code passes to it is
/// seen at the call), and walking the standard library's bodies cost the
/// checks more than their whole analysis.
bool isInSystemHeader(const Decl *D) {
  return !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
         D->getASTContext().getSourceManager().isInSystemHeader(
             D->getLocation());
}

class MutexFlowFinder : public RecursiveASTVisitor<MutexFlowFinder> {
public:
  explicit MutexFlowFinder(const LockModel &Model) : Model(Model) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }
  bool TraverseDecl(Decl *D) {
    if (!D || isInSystemHeader(D))
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->hasBody())
      return RecursiveASTVisitor<MutexFlowFinder>::TraverseDecl(D);
    Functions.push_back(FD->getBody());
    bool Result = RecursiveASTVisitor<MutexFlowFinder>::TraverseDecl(D);
    Functions.pop_back();
    return Result;
  }

  // A lambda's body is traversed from its expression, not its call operator.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    Functions.push_back(Lambda->getBody());
    bool Result =
        RecursiveASTVisitor<MutexFlowFinder>::TraverseLambdaExpr(Lambda);
    Functions.pop_back();
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (runsUnderLock(MC) || locksOutsideCoroutine(MC))
        if (const ValueDecl *D =
                mutexDeclaration(MC->getImplicitObjectArgument()))
          Flow.Escaping.insert(D);
      noteElementLock(MC);
    }
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || isStdLock(Callee))
      return true;
    for (const Expr *Arg : Call->arguments())
      if (const ValueDecl *D = lockAwaitedElsewhere(Arg))
        Flow.Escaping.insert(D);
    forEachArgument(Call, [&](const Expr *Arg, const ParmVarDecl *Param) {
      if (!bindParameter(Arg, *Param) && !passOutOfSight(Arg, *Param))
        noteArgument(Arg, Param->getType());
    });
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor || Model.isGuard(Construct->getType()))
      return true;
    for (unsigned I = 0; I < Construct->getNumArgs(); ++I)
      if (I < Ctor->getNumParams())
        noteArgument(Construct->getArg(I), Ctor->getParamDecl(I)->getType());
    return true;
  }

  // A pointer or reference to a mutex stored in a variable or member
  // (`auto *p = &mu;`, `Holder(M &m) : m_(m) {}`, `p = &mu;`) locks it under
  // another name, whose critical sections are not the mutex's.
  bool VisitVarDecl(VarDecl *VD) {
    if (const Expr *Init = VD->getInit(); Init && !isa<ParmVarDecl>(VD)) {
      noteArgument(Init, VD->getType());
      noteGuardOutsideCoroutine(*VD, *Init);
    }
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const FieldDecl *Field = Init->getMember())
        noteArgument(Init->getInit(), Field->getType());
    return true;
  }

  // An aggregate's reference or pointer member (`co_await Waiter{mu}`,
  // `Waiter(mu)`) holds the mutex like a constructor parameter would.
  bool VisitInitListExpr(InitListExpr *ILE) {
    const InitListExpr *Semantic =
        ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (Semantic && !Semantic->getType().isNull())
      if (const auto *RD = Semantic->getType()->getAsCXXRecordDecl())
        noteFieldInitializers(*RD, Semantic->inits());
    return true;
  }

  bool VisitCXXParenListInitExpr(CXXParenListInitExpr *E) {
    if (const auto *RD = E->getType()->getAsCXXRecordDecl())
      noteFieldInitializers(*RD, E->getInitExprs());
    return true;
  }

  // A getter that returns a mutex by non-const reference or pointer lets its
  // callers lock it (`Mutex &mutex() { return mu_; }`).
  bool VisitFunctionDecl(FunctionDecl *FD) {
    QualType Result = FD->getReturnType();
    if (FD->hasBody() && !Result.isNull() &&
        (Result->isReferenceType() || Result->isPointerType()))
      noteReturns(FD->getBody(), Result);
    if (FD->doesThisDeclarationHaveABody())
      for (const ParmVarDecl *Param : FD->parameters())
        if (isMutableMutexReference(Param->getType()) &&
            SeenParameters.insert(Param->getLocation()).second)
          Flow.Parameters.push_back(Param);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      noteArgument(BO->getRHS(), BO->getLHS()->getType());
    return true;
  }

  MutexFlow Flow;

private:
  /// A mutex passed by reference or pointer to a parameter of a function
  /// defined here, outside system headers (whose bodies a library may keep
  /// out of the analysis), is locked under the parameter's name, in sight;
  /// records which mutex the parameter stands for.
  bool bindParameter(const Expr *Arg, const ParmVarDecl &Param) {
    QualType T = Param.getType();
    const auto *Function = dyn_cast<FunctionDecl>(Param.getDeclContext());
    if (!Function || !Function->doesThisDeclarationHaveABody() ||
        Param.getLocation().isInvalid() ||
        Param.getASTContext().getSourceManager().isInSystemHeader(
            Param.getLocation()) ||
        !(T->isReferenceType() || T->isPointerType()) ||
        !Model.isMutex(T->getPointeeType()))
      return false;
    if (const ValueDecl *Bound = mutexDeclaration(Arg)) {
      auto &Known = Flow.PassedTo[Param.getLocation()];
      if (!llvm::is_contained(Known, Bound))
        Known.push_back(Bound);
      Flow.Arguments.try_emplace({Param.getLocation(), Bound},
                                 MutexBinding{Arg, &Param});
    }
    return true;
  }

  /// A mutex passed by non-const reference or pointer to a function declared
  /// here and defined elsewhere, not in a system header and not virtual
  /// (an override may do anything): another unit may say what it does.
  bool passOutOfSight(const Expr *Arg, const ParmVarDecl &Param) {
    const auto *Function = dyn_cast<FunctionDecl>(Param.getDeclContext());
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function);
    if (!Function || Function->isDefined() || (Method && Method->isVirtual()) ||
        !isMutableMutexReference(Param.getType()) ||
        Param.getASTContext().getSourceManager().isInSystemHeader(
            Function->getLocation()) ||
        usrOf(Function).empty())
      return false;
    const ValueDecl *D = mutexDeclaration(Arg);
    if (!D)
      return false;
    Flow.PassedOutOfSight[D].push_back(
        {Function, Param.getFunctionScopeIndex(), Arg});
    return true;
  }

  /// Whether \p T lets a callee lock the mutex it refers to.
  bool isMutableMutexReference(QualType T) const {
    return (T->isReferenceType() || T->isPointerType()) &&
           !T->getPointeeType().isConstQualified() &&
           Model.isMutex(T->getPointeeType());
  }

  /// Whether \p Call is a member call on an async mutex (or a pointer to one).
  bool isOnAsyncMutex(const CXXMemberCallExpr *Call) const {
    const Expr *Obj = Call->getImplicitObjectArgument();
    if (!Obj)
      return false;
    QualType T = Obj->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return Model.mutexKind(T) == LockKind::Async;
  }

  /// Whether the innermost function being traversed is not a coroutine.
  bool outsideCoroutine() const {
    return !Functions.empty() && !isa<CoroutineBodyStmt>(Functions.back());
  }

  /// An async mutex locked outside a coroutine (`mu.lock(ex).run().get()`
  /// in a test or at start-up) has critical sections the analysis of
  /// coroutine bodies does not see, held across whatever blocks there. A
  /// `try_lock()` that the same function undoes with `unlock()` is a probe
  /// that cannot wait for anything.
  bool locksOutsideCoroutine(const CXXMemberCallExpr *Call) const {
    if (!outsideCoroutine() || !isOnAsyncMutex(Call))
      return false;
    LockOperation Op = Model.operationOf(Call->getMethodDecl());
    return Op == LockOperation::Lock ||
           (Op == LockOperation::TryLock &&
            !unlocksInFunction(
                mutexDeclaration(Call->getImplicitObjectArgument())));
  }

  /// Records a coroutine's manual lock of an element of a family of async
  /// mutexes (`stripes_[i].co_lock()`).
  void noteElementLock(const CXXMemberCallExpr *Call) {
    if (outsideCoroutine() || Functions.empty() || !isOnAsyncMutex(Call))
      return;
    LockOperation Op = Model.operationOf(Call->getMethodDecl());
    const Expr *Obj = Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
    const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Obj);
    if ((Op != LockOperation::Lock && Op != LockOperation::TryLock) ||
        !(isa<ArraySubscriptExpr>(Obj) ||
          (Subscript && Subscript->getOperator() == OO_Subscript)))
      return;
    if (const ValueDecl *D = mutexDeclaration(Obj))
      Flow.ElementLocks[D->getLocation()].push_back(Call->getExprLoc());
  }

  /// Whether the innermost function being traversed unlocks \p Mutex.
  bool unlocksInFunction(const ValueDecl *Mutex) const {
    bool Found = false;
    forEachStmtOnce(Functions.back(), [&](const Stmt *S) {
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
        Found |=
            Model.operationOf(Call->getMethodDecl()) == LockOperation::Unlock &&
            mutexDeclaration(Call->getImplicitObjectArgument()) == Mutex;
      return !Found;
    });
    return Found;
  }

  /// A guard over an async mutex declared outside a coroutine (a test body's
  /// `auto lk = blockingWait(mu.co_scoped_lock());` or
  /// `std::unique_lock<folly::coro::Mutex> lk(mu, std::try_to_lock);`)
  /// holds the mutexes its initializer names to the end of its scope, across
  /// whatever blocks there.
  void noteGuardOutsideCoroutine(const VarDecl &Guard, const Expr &Init) {
    if (!outsideCoroutine() ||
        Model.guardKind(Guard.getType()) != LockKind::Async || defersLock(Init))
      return;
    forEachStmtOnce(&Init, [&](const Stmt *S) {
      if (const auto *E = dyn_cast<Expr>(S);
          E && Model.mutexKind(E->getType()) == LockKind::Async)
        if (const ValueDecl *D = mutexDeclaration(E))
          Flow.Escaping.insert(D);
      return true;
    });
  }

  /// Whether \p Init constructs a guard that does not lock
  /// (`std::unique_lock<M> lk(mu, std::defer_lock)`).
  static bool defersLock(const Expr &Init) {
    const auto *Construct =
        dyn_cast<CXXConstructExpr>(Init.IgnoreImplicit()->IgnoreParens());
    return Construct &&
           llvm::any_of(Construct->arguments(), [](const Expr *Arg) {
             const CXXRecordDecl *RD = recordOf(Arg->getType());
             return RD && RD->getIdentifier() &&
                    RD->getName() == "defer_lock_t";
           });
  }

  /// The async mutex whose lock operation \p Arg is, handed to other code to
  /// await (`co_await collectAll(mu.co_scoped_lock(), load(k))`): the lock
  /// is taken in the middle of that suspension and held across the rest of
  /// it, out of sight.
  const ValueDecl *lockAwaitedElsewhere(const Expr *Arg) const {
    const auto *Call =
        dyn_cast<CXXMemberCallExpr>(Arg->IgnoreImplicit()->IgnoreParens());
    if (!Call || !isOnAsyncMutex(Call) ||
        Model.operationOf(Call->getMethodDecl()) != LockOperation::Lock)
      return nullptr;
    return mutexDeclaration(Call->getImplicitObjectArgument());
  }

  /// A mutex that runs an awaitable under its own lock (libcoro's
  /// `co_await m.scoped_lock(task)`) holds the lock across whatever the
  /// awaitable awaits, out of sight.
  bool runsUnderLock(const CXXMemberCallExpr *Call) const {
    if (Model.operationOf(Call->getMethodDecl()) != LockOperation::None ||
        !isOnAsyncMutex(Call))
      return false;
    return llvm::any_of(Call->arguments(), [](const Expr *Arg) {
      const CXXRecordDecl *RD = recordOf(Arg->getType());
      if (!RD || !RD->hasDefinition())
        return false;
      IdentifierTable &Idents = RD->getASTContext().Idents;
      return !RD->lookup(&Idents.get("await_ready")).empty() ||
             !RD->lookup(&Idents.get("promise_type")).empty();
    });
  }

  /// Notes what the aggregate \p RD's reference and pointer fields are
  /// initialized with; the semantic initializers list the bases first.
  void noteFieldInitializers(const CXXRecordDecl &RD,
                             llvm::ArrayRef<const Expr *> Inits) {
    if (RD.isUnion() || !RD.hasDefinition())
      return;
    size_t I = RD.getNumBases();
    for (const FieldDecl *Field : RD.fields()) {
      if (Field->isUnnamedBitField())
        continue;
      if (I >= Inits.size())
        return;
      noteArgument(Inits[I++], Field->getType());
    }
  }

  /// Notes the values of the returns of one function body, not those of the
  /// lambdas in it.
  void noteReturns(const Stmt *S, QualType Result) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *Return = dyn_cast<ReturnStmt>(S))
      noteArgument(Return->getRetValue(), Result);
    for (const Stmt *Child : S->children())
      noteReturns(Child, Result);
  }

  static bool isStdLock(const FunctionDecl *F) {
    return F->isInStdNamespace() && F->getIdentifier() &&
           (F->getName() == "lock" || F->getName() == "try_lock");
  }

  void noteArgument(const Expr *Arg, QualType Param) {
    // Dependent initializers of templates' members may have no type yet.
    if (!Arg || Param.isNull() || Arg->getType().isNull())
      return;
    bool Mutable = (Param->isReferenceType() || Param->isPointerType()) &&
                   !Param->getPointeeType().isConstQualified();
    if (!Mutable)
      return;
    QualType T = Arg->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (Model.isMutex(T))
      if (const ValueDecl *D = mutexDeclaration(Arg))
        Flow.Escaping.insert(D);
  }

  const LockModel &Model;
  llvm::DenseSet<SourceLocation> SeenParameters;
  /// The bodies of the functions being traversed, innermost last.
  llvm::SmallVector<const Stmt *, 8> Functions;
};

} // namespace

void CriticalSectionsByMutex::remove(const ValueDecl *M) {
  Sections.erase(M);
  llvm::erase(Order, M);
}

void CriticalSectionsByMutex::bindParameters(const MutexFlow &Flow) {
  for (const ValueDecl *M : std::vector<const ValueDecl *>(Order)) {
    if (!Flow.binds(M))
      continue;
    llvm::SmallVector<const ValueDecl *, 2> Roots = Flow.roots(M);
    if (Roots.empty())
      continue;
    std::vector<CriticalSection> Moved = Sections[M];
    remove(M);
    for (const ValueDecl *Root : Roots) {
      llvm::SmallVector<MutexBinding, 1> Path = Flow.bindingPath(M, Root);
      for (CriticalSection Section : Moved) {
        Section.Mutex = Root;
        Section.BoundThrough = Path;
        add(std::move(Section));
      }
    }
  }
}

bool MutexFlow::locksUnfollowed(
    const ValueDecl *M, llvm::ArrayRef<CriticalSection> Sections) const {
  auto It = ElementLocks.find(M->getLocation());
  return It != ElementLocks.end() &&
         llvm::any_of(It->second, [&](SourceLocation Lock) {
           return llvm::none_of(Sections, [&](const CriticalSection &S) {
             return S.Acquisition == Lock;
           });
         });
}

bool MutexFlow::binds(const ValueDecl *M) const {
  return isa<ParmVarDecl>(M) && PassedTo.count(M->getLocation());
}

/// Whether \p D is \p M, or declared at its location: sections are grouped
/// so, and one instantiation's member escaping is the template's.
static bool sameMutex(const ValueDecl *D, const ValueDecl *M) {
  return D == M ||
         (D->getLocation().isValid() && D->getLocation() == M->getLocation());
}

bool MutexFlow::escapes(const ValueDecl *M) const {
  return escapesUnfollowed(M) ||
         llvm::any_of(PassedOutOfSight, [&](const auto &Entry) {
           return sameMutex(Entry.first, M);
         });
}

bool MutexFlow::escapesUnfollowed(const ValueDecl *M) const {
  return llvm::any_of(Escaping,
                      [&](const ValueDecl *D) { return sameMutex(D, M); });
}

llvm::SmallVector<CallOutOfSight, 1>
MutexFlow::callsOutOfSight(const ValueDecl *M) const {
  llvm::SmallVector<CallOutOfSight, 1> Calls;
  for (const auto &[D, Passed] : PassedOutOfSight)
    if (sameMutex(D, M))
      for (const CallOutOfSight &Call : Passed)
        if (llvm::none_of(Calls, [&](const CallOutOfSight &C) {
              return C.Argument == Call.Argument;
            }))
          Calls.push_back(Call);
  llvm::sort(Calls, [](const CallOutOfSight &A, const CallOutOfSight &B) {
    return A.Argument->getBeginLoc() < B.Argument->getBeginLoc();
  });
  return Calls;
}

llvm::SmallVector<const ValueDecl *, 4>
MutexFlow::standsFor(const ValueDecl *M) const {
  llvm::SmallVector<const ValueDecl *, 4> Reached = {M};
  for (size_t I = 0; I < Reached.size(); ++I)
    if (binds(Reached[I]))
      for (const ValueDecl *Passed :
           PassedTo.find(Reached[I]->getLocation())->second)
        if (!llvm::is_contained(Reached, Passed))
          Reached.push_back(Passed);
  return Reached;
}

llvm::SmallVector<const ValueDecl *, 2>
MutexFlow::roots(const ValueDecl *M) const {
  llvm::SmallVector<const ValueDecl *, 2> Roots;
  llvm::SmallPtrSet<const ValueDecl *, 4> Visited;
  llvm::SmallVector<const ValueDecl *, 4> Worklist = {M};
  while (!Worklist.empty()) {
    const ValueDecl *D = Worklist.pop_back_val();
    if (!Visited.insert(D).second)
      continue; // Recursion passes a parameter on to itself.
    if (!binds(D)) {
      Roots.push_back(D);
      continue;
    }
    llvm::append_range(Worklist, PassedTo.find(D->getLocation())->second);
  }
  return Roots;
}

llvm::SmallVector<MutexBinding, 1>
MutexFlow::bindingPath(const ValueDecl *M, const ValueDecl *Root) const {
  // Breadth first from M, each declaration reached once, with the binding
  // that reached it.
  llvm::DenseMap<const ValueDecl *, std::pair<const ValueDecl *, MutexBinding>>
      ReachedFrom;
  llvm::SmallVector<const ValueDecl *, 4> Queue = {M};
  for (size_t I = 0; I < Queue.size() && !ReachedFrom.count(Root); ++I) {
    const ValueDecl *D = Queue[I];
    if (!binds(D))
      continue;
    SourceLocation Loc = D->getLocation();
    for (const ValueDecl *Passed : PassedTo.find(Loc)->second)
      if (Passed != M &&
          ReachedFrom.try_emplace(Passed, D, Arguments.lookup({Loc, Passed}))
              .second)
        Queue.push_back(Passed);
  }
  llvm::SmallVector<MutexBinding, 1> Path;
  for (auto It = ReachedFrom.find(Root); It != ReachedFrom.end();
       It = ReachedFrom.find(It->second.first))
    Path.push_back(It->second.second);
  std::reverse(Path.begin(), Path.end());
  return Path;
}

MutexFlow analyzeMutexFlow(ASTContext &Context, const LockModel &Model) {
  MutexFlowFinder Finder(Model);
  Finder.TraverseAST(Context);
  MutexFlow Flow = std::move(Finder.Flow);
  // A parameter that escapes lets out every mutex passed to it.
  llvm::SmallVector<const ValueDecl *, 8> Worklist(Flow.Escaping.begin(),
                                                   Flow.Escaping.end());
  while (!Worklist.empty()) {
    const ValueDecl *D = Worklist.pop_back_val();
    if (!Flow.binds(D))
      continue;
    for (const ValueDecl *Passed : Flow.PassedTo.find(D->getLocation())->second)
      if (Flow.Escaping.insert(Passed).second)
        Worklist.push_back(Passed);
  }
  // A parameter passed out of sight passes on every mutex passed to it.
  std::vector<
      std::pair<const ValueDecl *, llvm::SmallVector<CallOutOfSight, 1>>>
      FromParameters;
  for (const auto &[D, Calls] : Flow.PassedOutOfSight)
    if (isa<ParmVarDecl>(D))
      FromParameters.emplace_back(D, Calls);
  for (const auto &[Param, Calls] : FromParameters)
    for (const ValueDecl *D : Flow.standsFor(Param))
      if (D != Param)
        llvm::append_range(Flow.PassedOutOfSight[D], Calls);
  return Flow;
}

const ValueDecl *classTemplateMember(const ValueDecl *Mutex) {
  if (const auto *Var = dyn_cast<VarDecl>(Mutex))
    return Var->getInstantiatedFromStaticDataMember();
  const auto *Field = dyn_cast<FieldDecl>(Mutex);
  const auto *Record =
      Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
  const CXXRecordDecl *Pattern =
      Record ? Record->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern)
    return nullptr;
  for (const NamedDecl *D : Pattern->lookup(Field->getDeclName()))
    if (const auto *PatternField = dyn_cast<FieldDecl>(D))
      return PatternField;
  return nullptr;
}

} // namespace corolock
