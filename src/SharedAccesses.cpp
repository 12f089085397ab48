//===--- SharedAccesses.cpp - Locations other coroutines can reach --------===//

#include "SharedAccesses.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolock {
namespace {

// Steps of a path besides fields and variables.
const char DerefTag = 0, ElementTag = 0, ThisTag = 0;
const void *const DerefStep = &DerefTag;
/// Any element of an array or container (`a[i]`, a range-for variable).
const void *const ElementStep = &ElementTag;
const void *const ThisRoot = &ThisTag;

/// Nested paths deeper than this are not tracked (and recursion through
/// reference aliases ends).
constexpr unsigned MaxDepth = 16;

/// Parentheses and the casts that keep the same object.
const Expr *stripPathWrappers(const Expr *E) {
  while (true) {
    if (const auto *P = dyn_cast<ParenExpr>(E)) {
      E = P->getSubExpr();
    } else if (const auto *EWC = dyn_cast<ExprWithCleanups>(E)) {
      E = EWC->getSubExpr();
    } else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
               Cast && (Cast->getCastKind() == CK_NoOp ||
                        Cast->getCastKind() == CK_DerivedToBase ||
                        Cast->getCastKind() == CK_UncheckedDerivedToBase)) {
      E = Cast->getSubExpr();
    } else {
      return E;
    }
  }
}

bool isDereferenceOperator(const CXXOperatorCallExpr *Call) {
  return Call->getNumArgs() == 1 &&
         (Call->getOperator() == OO_Arrow || Call->getOperator() == OO_Star);
}

/// Whether \p Method is how the standard containers give out an iterator or
/// pointer into themselves.
bool isIteratorGetter(const CXXMethodDecl *Method) {
  static constexpr llvm::StringLiteral Getters[] = {
      "find",   "begin", "end",         "cbegin",      "cend",
      "rbegin", "rend",  "lower_bound", "upper_bound", "data"};
  return Method && Method->getIdentifier() &&
         llvm::is_contained(Getters, Method->getName());
}

bool isSubscriptOperator(const CXXOperatorCallExpr *Call) {
  return Call->getNumArgs() == 2 && Call->getOperator() == OO_Subscript;
}

/// Whether \p Parent takes one more step along the path of \p Child.
bool extendsPath(const Stmt *Parent, const Expr *Child) {
  auto Is = [&](const Expr *E) {
    return E && E->IgnoreParenImpCasts() == Child;
  };
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Parent))
    return isa<FieldDecl>(ME->getMemberDecl()) && Is(ME->getBase());
  if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(Parent))
    return Is(ASE->getBase());
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent))
    return UO->getOpcode() == UO_Deref && Is(UO->getSubExpr());
  if (const auto *Call = dyn_cast_or_null<CXXOperatorCallExpr>(Parent))
    return (isDereferenceOperator(Call) || isSubscriptOperator(Call)) &&
           Is(Call->getArg(0));
  return false;
}

} // namespace

/// Whether \p E is used only for its value (an lvalue-to-rvalue load), after
/// which nothing can change it through this expression.
static bool isLoaded(const StmtParents &Parents, const Expr *E) {
  const auto *Cast =
      dyn_cast_or_null<ImplicitCastExpr>(Parents.getParentIgnoreParens(E));
  return Cast && Cast->getCastKind() == CK_LValueToRValue;
}

/// Whether \p E is the object of a call to a const member function or
/// operator (`sessions_.size()`, `it->second`), which cannot change it.
static bool isConstCallObject(const StmtParents &Parents, const Expr *E) {
  const Stmt *Parent = Parents.getParentIgnoreParenImpCasts(E);
  if (const auto *Call = dyn_cast_or_null<CXXOperatorCallExpr>(Parent)) {
    const auto *Method =
        dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    return Method && Method->isConst() &&
           Call->getArg(0)->IgnoreParenImpCasts() == E->IgnoreParenImpCasts();
  }
  const auto *Member = dyn_cast_or_null<MemberExpr>(Parent);
  const auto *Method =
      Member ? dyn_cast<CXXMethodDecl>(Member->getMemberDecl()) : nullptr;
  return Method && Method->isConst() &&
         isa_and_nonnull<CXXMemberCallExpr>(Parents.getParent(Member));
}

/// Whether \p E is converted to a const lvalue (an argument bound to a
/// `const T &` parameter, the source of a copy), through which nothing can
/// change it.
static bool isBoundToConst(const StmtParents &Parents, const Expr *E) {
  const auto *Cast =
      dyn_cast_or_null<ImplicitCastExpr>(Parents.getParentIgnoreParens(E));
  return Cast && Cast->getCastKind() == CK_NoOp && Cast->isGLValue() &&
         Cast->getType().isConstQualified();
}

/// Whether \p E is plainly only read where it appears.
static bool isPlainRead(const StmtParents &Parents, const Expr *E) {
  return isLoaded(Parents, E) || isConstCallObject(Parents, E) ||
         isBoundToConst(Parents, E);
}

/// The member function \p Mutation calls on \p Object, if it is such a call.
static const CXXMethodDecl *methodCalledOn(const Stmt *Mutation,
                                           const Expr *Object) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Mutation);
      Call && Call->getImplicitObjectArgument() &&
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts() == Object)
    return Call->getMethodDecl();
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Mutation);
      Call && Call->getNumArgs() > 0 &&
      Call->getArg(0)->IgnoreParenImpCasts() == Object)
    return dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  return nullptr;
}

/// The expression that plainly changes \p E, as ExprMutationAnalyzer would
/// find it: an assignment to it, an increment or decrement of it, a call of a
/// non-const member function or operator on it (`it = m.find(k)`, `++n`,
/// `sessions_.erase(id)`, `counts_[k]`); null when that is not plain.
static const Stmt *plainMutation(const StmtParents &Parents, const Expr *E) {
  const Stmt *Parent = Parents.getParentIgnoreParens(E);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent))
    return BO->isAssignmentOp() && BO->getLHS()->IgnoreParens() == E ? BO
                                                                     : nullptr;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent))
    return UO->isIncrementDecrementOp() ? UO : nullptr;
  // `E.f()` is called through the member expression `E.f`.
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Parent);
      Member && !Member->isArrow())
    Parent = Parents.getParent(Member);
  const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
  const CXXMethodDecl *Method = Call ? methodCalledOn(Call, E) : nullptr;
  return Method && !Method->isConst() && !Method->isStatic() ? Call : nullptr;
}

AccessPaths::AccessPaths(const FunctionDecl &Function, const Stmt &Body,
                         const StmtParents &Parents, ASTContext &Context)
    : Function(Function), Body(Body), Parents(Parents), Context(Context) {
  // Reference loop variables of range-fors name elements of their range.
  struct LoopFinder : RecursiveASTVisitor<LoopFinder> {
    llvm::DenseMap<const VarDecl *, const Expr *> *Out;
    bool VisitCXXForRangeStmt(CXXForRangeStmt *For) {
      const VarDecl *Var = For->getLoopVariable();
      if (Var && Var->getType()->isReferenceType() && For->getRangeInit())
        (*Out)[Var->getCanonicalDecl()] = For->getRangeInit();
      return true;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  } Finder;
  Finder.Out = &LoopElements;
  Finder.TraverseStmt(const_cast<Stmt *>(&Body));
}

AccessPaths::PathId AccessPaths::intern(const Steps &Path) {
  StringRef Key(reinterpret_cast<const char *>(Path.data()),
                Path.size() * sizeof(const void *));
  auto [It, Inserted] = Ids.try_emplace(Key, Paths.size());
  if (Inserted)
    Paths.push_back(Path);
  return It->second;
}

std::optional<AccessPaths::PathId> AccessPaths::pathOf(const Expr *E) {
  Steps Path;
  if (!E || !appendPath(E, Path, 0))
    return std::nullopt;
  return intern(Path);
}

bool AccessPaths::appendPath(const Expr *E, Steps &Out, unsigned Depth) {
  if (Depth > MaxDepth)
    return false;
  E = stripPathWrappers(E);
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return appendVariable(Static, Out, Depth + 1);
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field ||
        !(ME->isArrow() ? appendObjectOfArrow(ME->getBase(), Out, Depth + 1)
                        : appendPath(ME->getBase(), Out, Depth + 1)))
      return false;
    Out.push_back(Field->getCanonicalDecl());
    return true;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return appendVariable(DRE->getDecl(), Out, Depth + 1);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref &&
           appendObjectOfArrow(UO->getSubExpr(), Out, Depth + 1);
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    // Through a pointer, an element of what it points to.
    const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
    if (!(Base->getType()->isArrayType()
              ? appendPath(Base, Out, Depth + 1)
              : appendObjectOfArrow(ASE->getBase(), Out, Depth + 1)))
      return false;
    Out.push_back(ElementStep);
    return true;
  }
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (isDereferenceOperator(Call))
      return appendPointee(Call->getArg(0), Out, Depth + 1);
    if (!isSubscriptOperator(Call) ||
        !appendPath(Call->getArg(0), Out, Depth + 1))
      return false;
    Out.push_back(ElementStep);
    return true;
  }
  return false;
}

bool AccessPaths::appendPointee(const Expr *Pointer, Steps &Out,
                                unsigned Depth) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Pointer->IgnoreParenImpCasts()))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (std::optional<HandleTarget> Target = handleTarget(Var)) {
        if (!appendPath(Target->Object, Out, Depth + 1))
          return false;
        if (Target->Element)
          Out.push_back(ElementStep);
        return true;
      }
  if (!appendPath(Pointer, Out, Depth + 1))
    return false;
  Out.push_back(DerefStep);
  return true;
}

/// A local pointer or iterator that is never reseated and starts out
/// pointing into a location: `&conns_[i]`, `map_.find(k)`, `v.begin()`.
std::optional<AccessPaths::HandleTarget>
AccessPaths::handleTarget(const VarDecl *Var) {
  Var = Var->getCanonicalDecl();
  auto [It, Inserted] = Handles.try_emplace(Var);
  if (!Inserted)
    return It->second;
  if (!Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var->getType()->isReferenceType() || !Var->getInit() ||
      !(Var->getType()->isPointerType() || Var->getType()->isRecordType()))
    return std::nullopt;
  const Expr *Init = Var->getInit()->IgnoreImplicit();
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(Init);
      Copy && Copy->getNumArgs() == 1 &&
      Copy->getConstructor()->isCopyOrMoveConstructor())
    Init = Copy->getArg(0)->IgnoreImplicit();
  std::optional<HandleTarget> Target;
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(Init);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    Target = HandleTarget{AddrOf->getSubExpr(), false};
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Init);
           Call && Call->getImplicitObjectArgument() &&
           !Call->getImplicitObjectArgument()->getType()->isPointerType() &&
           isIteratorGetter(Call->getMethodDecl()))
    Target = HandleTarget{Call->getImplicitObjectArgument(), true};
  if (Target && !isStable(Var))
    Target.reset();
  return Handles[Var] = Target;
}

/// The object the pointer \p Base points to: `*this`, `*p`, `*sp` (a smart
/// pointer's `operator->` already names its object).
bool AccessPaths::appendObjectOfArrow(const Expr *Base, Steps &Out,
                                      unsigned Depth) {
  const Expr *Plain = Base->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(Plain)) {
    Out.push_back(ThisRoot);
    return true;
  }
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Plain);
      Call && Call->getOperator() == OO_Arrow)
    return appendPath(Call, Out, Depth + 1);
  if (Plain->getType()->isArrayType())
    return appendPath(Plain, Out, Depth + 1);
  return appendPointee(Plain, Out, Depth);
}

bool AccessPaths::appendVariable(const ValueDecl *D, Steps &Out,
                                 unsigned Depth) {
  if (Depth > MaxDepth)
    return false;
  if (const auto *Binding = dyn_cast<BindingDecl>(D))
    return Binding->getBinding() &&
           appendPath(Binding->getBinding(), Out, Depth + 1);
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var)
    return false;
  Var = Var->getCanonicalDecl();
  if (auto It = LoopElements.find(Var); It != LoopElements.end()) {
    if (!appendPath(It->second, Out, Depth + 1))
      return false;
    Out.push_back(ElementStep);
    return true;
  }
  if (!Var->getType()->isReferenceType()) {
    Out.push_back(Var);
    return true;
  }
  // A local reference names what it is bound to.
  if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) && Var->getInit() &&
      Var->getInit()->isGLValue()) {
    Steps Alias;
    if (appendPath(Var->getInit(), Alias, Depth + 1)) {
      Out.append(Alias);
      return true;
    }
  }
  Out.push_back(Var);
  Out.push_back(DerefStep);
  return true;
}

bool AccessPaths::isAlias(const VarDecl *Var) {
  if (!Var->getType()->isReferenceType())
    return false;
  Steps Path;
  return appendVariable(Var, Path, 0) && Path.back() != DerefStep;
}

bool AccessPaths::overlap(PathId A, PathId B) const {
  const Steps &X = Paths[A], &Y = Paths[B];
  size_t Common = std::min(X.size(), Y.size());
  if (!std::equal(X.begin(), X.begin() + Common, Y.begin()))
    return false;
  const Steps &Longer = X.size() > Y.size() ? X : Y;
  return Longer.size() == Common || Longer[Common] != DerefStep;
}

bool AccessPaths::covers(PathId Check, PathId Read) const {
  const Steps &C = Paths[Check], &R = Paths[Read];
  return overlap(Check, Read) &&
         (C.size() >= R.size() ||
          !llvm::is_contained(llvm::ArrayRef(R).drop_front(C.size()),
                              ElementStep));
}

bool AccessPaths::isShared(PathId P) {
  const Steps &Path = Paths[P];
  if (Path.front() == ThisRoot)
    return true;
  const auto *Root = static_cast<const VarDecl *>(Path.front());
  if (Root->hasGlobalStorage() || isCapturedByReference(Root))
    return true;
  return llvm::is_contained(Path, DerefStep) && isStable(Root);
}

/// Whether the coroutine never reseats \p Root, so that a path through it
/// names one object throughout (references cannot be reseated).
bool AccessPaths::isStable(const VarDecl *Root) {
  if (Root->getType()->isReferenceType())
    return true;
  auto [It, Inserted] = Stable.try_emplace(Root, false);
  // Most variables are plainly only read or plainly mutated somewhere;
  // only the others need ExprMutationAnalyzer, whose matchers over the whole
  // body cost more.
  if (Inserted) {
    VariableUse Use = strongestUse(Root, &Body);
    It->second = Use == VariableUse::Read ||
                 (Use == VariableUse::Unknown &&
                  !ExprMutationAnalyzer(Body, Context).isMutated(Root));
  }
  return It->second;
}

AccessPaths::VariableUse AccessPaths::strongestUse(const VarDecl *Var,
                                                   const Stmt *S) const {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
      Ref && Ref->getDecl() == Var) {
    if (isPlainRead(Parents, Ref))
      return VariableUse::Read;
    return plainMutation(Parents, Ref) ? VariableUse::Mutated
                                       : VariableUse::Unknown;
  }
  VariableUse Strongest = VariableUse::Read;
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    Strongest = std::max(Strongest, strongestUse(Var, Child));
    if (Strongest == VariableUse::Mutated)
      break;
  }
  return Strongest;
}

bool AccessPaths::isCapturedByReference(const VarDecl *VD) const {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  if (!Method || !Method->getParent()->isLambda())
    return false;
  return llvm::any_of(
      Method->getParent()->captures(), [&](const LambdaCapture &C) {
        return C.capturesVariable() && C.getCaptureKind() == LCK_ByRef &&
               C.getCapturedVar()->getCanonicalDecl() == VD;
      });
}

bool AccessPaths::isMaximalAccess(const Expr *E) {
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() != UO_Deref)
    return false;
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E);
      Call && !isDereferenceOperator(Call) && !isSubscriptOperator(Call))
    return false;
  // A range-for's own variables (`__range1`) repeat its range expression.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E);
      DRE && DRE->getDecl()->isImplicit())
    return false;
  if (!isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, UnaryOperator,
           CXXOperatorCallExpr>(E) ||
      !pathOf(E))
    return false;
  const Stmt *Parent = Parents.getParent(E);
  while (isa_and_nonnull<ParenExpr, ImplicitCastExpr>(Parent))
    Parent = Parents.getParent(Parent);
  return !extendsPath(Parent, E);
}

//===----------------------------------------------------------------------===//
// AccessClassifier
//===----------------------------------------------------------------------===//

const Stmt *AccessClassifier::fullStatement(const Stmt *E) const {
  const Stmt *Top = E;
  for (const Stmt *P = Parents.getParent(E); P; P = Parents.getParent(P)) {
    if (isa<DeclStmt>(P))
      return P;
    if (!isa<Expr>(P) || isa<StmtExpr>(P))
      break;
    Top = P;
  }
  return Top;
}

/// Whether \p Method has a const overload with the same parameters, so that
/// it only returns a mutable view (`find`, `begin`, `at`, `operator[]`).
static bool hasConstOverload(const CXXMethodDecl *Method) {
  for (const NamedDecl *D :
       Method->getParent()->lookup(Method->getDeclName())) {
    const auto *Other = dyn_cast<CXXMethodDecl>(D);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      Other = dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
    if (!Other || !Other->isConst() ||
        Other->getNumParams() != Method->getNumParams())
      continue;
    bool SameParameters = true;
    for (unsigned I = 0; I < Method->getNumParams() && SameParameters; ++I) {
      QualType A = Other->getParamDecl(I)->getType();
      QualType B = Method->getParamDecl(I)->getType();
      SameParameters = A->isDependentType() || B->isDependentType() ||
                       Method->getASTContext().hasSameType(A, B);
    }
    if (SameParameters)
      return true;
  }
  return false;
}

const Stmt *AccessClassifier::mutation(const Expr *E) {
  // Plain reads and plain mutations need no ExprMutationAnalyzer matchers.
  if (isPlainRead(Parents, E))
    return nullptr;
  const Stmt *Mutation = plainMutation(Parents, E);
  if (!Mutation) {
    ExprMutationAnalyzer::Analyzer Analyzer(*fullStatement(E), Context, Memo);
    Mutation = Analyzer.findMutation(E);
  }
  if (!Mutation)
    return nullptr;
  const CXXMethodDecl *Method = methodCalledOn(Mutation, E);
  if (Method && !Method->isConst() && hasConstOverload(Method))
    return mutation(cast<Expr>(Mutation));
  return Mutation;
}

/// Whether \p T is bool or a specialization with a bool argument
/// (`std::pair<iterator, bool>`).
static bool carriesBool(QualType T) {
  if (T->isBooleanType())
    return true;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  return Spec &&
         llvm::any_of(Spec->getTemplateArgs().asArray(),
                      [](const TemplateArgument &Arg) {
                        return Arg.getKind() == TemplateArgument::Type &&
                               Arg.getAsType()->isBooleanType();
                      });
}

bool AccessClassifier::isCheckedWrite(const Expr *Access) {
  const auto *Call = dyn_cast_or_null<CallExpr>(mutation(Access));
  if (!Call || !methodCalledOn(Call, Access) || !carriesBool(Call->getType()))
    return false;
  const Stmt *Child = Call;
  const Stmt *Parent = Parents.getParent(Call);
  while (
      isa_and_nonnull<ImplicitCastExpr, ParenExpr, ExprWithCleanups,
                      MaterializeTemporaryExpr, CXXBindTemporaryExpr>(Parent)) {
    Child = Parent;
    Parent = Parents.getParent(Parent);
  }
  if (const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(Parent))
    return !Cast->getType()->isVoidType();
  if (const auto *If = dyn_cast_or_null<IfStmt>(Parent))
    return Child == If->getCond();
  if (const auto *While = dyn_cast_or_null<WhileStmt>(Parent))
    return Child == While->getCond();
  return isa_and_nonnull<Expr, DeclStmt, ReturnStmt, CoreturnStmt>(Parent);
}

AccessKind AccessClassifier::classify(const Expr *Access) {
  const Stmt *Mutation = mutation(Access);
  // A subscript without a const overload inserts what is missing
  // (`std::map::operator[]`).
  if (const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Access);
      Subscript && isSubscriptOperator(Subscript) && !Mutation)
    if (const auto *Method =
            dyn_cast_or_null<CXXMethodDecl>(Subscript->getDirectCallee());
        Method && !Method->isConst() && !hasConstOverload(Method))
      return AccessKind::ReadWrite;
  if (!Mutation)
    return AccessKind::Read;
  auto IsTarget = [&](const Expr *LHS) {
    return LHS->IgnoreParenImpCasts() == Access;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(Mutation);
      BO && BO->getOpcode() == BO_Assign && IsTarget(BO->getLHS()))
    return AccessKind::Write;
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Mutation);
      Call && Call->getOperator() == OO_Equal && Call->getNumArgs() == 2 &&
      IsTarget(Call->getArg(0)))
    return AccessKind::Write;
  return AccessKind::ReadWrite;
}

} // namespace corolock
