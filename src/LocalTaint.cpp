//===--- LocalTaint.cpp - Which reads the values of locals come from ------===//

#include "LocalTaint.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolock {
namespace {

using stale::ReadSet;

/// The variable \p DRE names; a structured binding stands for its whole
/// decomposed object.
const VarDecl *variableOf(const DeclRefExpr *DRE) {
  const ValueDecl *D = DRE->getDecl();
  if (const auto *Binding = dyn_cast<BindingDecl>(D))
    D = Binding->getDecomposedDecl();
  return dyn_cast_or_null<VarDecl>(D);
}

void storeInto(const VarDecl *Var, ReadSet Reads, bool Replace,
               TaintMap &Taint) {
  if (Replace) {
    if (Reads.empty())
      Taint.erase(Var);
    else
      Taint[Var] = std::move(Reads);
  } else if (!Reads.empty()) {
    Taint[Var] |= Reads;
  }
}

} // namespace

const VarDecl *LocalTaint::localOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  while (true) {
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow())
      E = ME->getBase()->IgnoreParenImpCasts();
    else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E);
             ASE &&
             ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
      E = ASE->getBase()->IgnoreParenImpCasts();
    else
      break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  if (!DRE || DRE->refersToEnclosingVariableOrCapture())
    return nullptr;
  const VarDecl *Var = variableOf(DRE);
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return nullptr;
  return Var->getCanonicalDecl();
}

template <typename ReadFn, typename LocalFn>
void LocalTaint::walk(const Stmt *S, llvm::SmallPtrSetImpl<const Stmt *> &Seen,
                      bool EveryNode, ReadFn OnRead, LocalFn OnLocal) const {
  llvm::SmallVector<const Stmt *, 16> Worklist = {S};
  while (!Worklist.empty()) {
    const Stmt *Node = Worklist.pop_back_val();
    // The operand of sizeof or noexcept is not evaluated.
    if (!Node || isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr>(Node) ||
        (EveryNode && !Seen.insert(Node).second))
      continue;
    if (auto It = ReadAt.find(Node); It != ReadAt.end())
      OnRead(It->second);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Node)) {
      const VarDecl *Var = variableOf(DRE);
      if (Var && Var->getType()->isReferenceType() && Var->hasLocalStorage() &&
          Var->getInit()) {
        // A reference to an element a call chose (`auto &slot = map_[k];`)
        // depends on what chose it; one to a local (a range-for's
        // `__range`) carries what that local carries.
        if (isa<CallExpr>(Var->getInit()->IgnoreImplicit()) &&
            (EveryNode || Seen.insert(Var->getInit()).second))
          Worklist.push_back(Var->getInit());
        if (const VarDecl *Bound = localOf(Var->getInit()))
          Var = Bound;
      }
      if (Var)
        OnLocal(Var->getCanonicalDecl());
    } else if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(Node)) {
      Worklist.push_back(Suspend->getOperand());
    } else if (const auto *Opaque = dyn_cast<OpaqueValueExpr>(Node)) {
      Worklist.push_back(Opaque->getSourceExpr());
    } else if (const auto *Lambda = dyn_cast<LambdaExpr>(Node)) {
      llvm::append_range(Worklist, Lambda->capture_inits());
    } else {
      llvm::append_range(Worklist, Node->children());
    }
  }
}

ReadSet LocalTaint::of(const Stmt *S, const TaintMap &Taint) const {
  ReadSet Result;
  llvm::SmallPtrSet<const Stmt *, 4> Seen;
  walk(
      S, Seen, /*EveryNode=*/false, [&](unsigned Id) { Result.set(Id); },
      [&](const VarDecl *Var) {
        if (auto It = Taint.find(Var); It != Taint.end())
          Result |= It->second;
      });
  return Result;
}

bool LocalTaint::isValueLocal(const VarDecl *Var) {
  return Var->hasLocalStorage() && !Paths.isAlias(Var);
}

void LocalTaint::transfer(const Stmt *S, TaintMap &Taint) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && isValueLocal(Var))
        storeInto(Var->getCanonicalDecl(), of(Var->getInit(), Taint),
                  /*Replace=*/true, Taint);
    return;
  }
  auto Assign = [&](const Expr *Target, const Expr *Value, bool Plain) {
    const VarDecl *Var = localOf(Target);
    if (!Var)
      return;
    // Only `x = v` replaces x; `x.f = v`, `x += v` add to it.
    const auto *Whole = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
    storeInto(Var, of(Value, Taint), Plain && Whole, Taint);
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      Assign(BO->getLHS(), BO->getRHS(), BO->getOpcode() == BO_Assign);
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->isAssignmentOp() && Op->getNumArgs() == 2) {
    Assign(Op->getArg(0), Op->getArg(1), Op->getOperator() == OO_Equal);
    return;
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  llvm::SmallVector<const VarDecl *, 2> Outs;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      Member && Method && !Method->isConst())
    if (const VarDecl *Var = localOf(Member->getImplicitObjectArgument()))
      Outs.push_back(Var);
  unsigned Shift =
      isa<CXXOperatorCallExpr>(Call) && Method && !Method->isStatic() ? 1 : 0;
  if (Shift && !Method->isConst())
    if (const VarDecl *Var = localOf(Call->getArg(0)))
      Outs.push_back(Var);
  for (unsigned I = Shift; I < Call->getNumArgs(); ++I) {
    unsigned P = I - Shift;
    if (P >= Callee->getNumParams())
      break;
    QualType T = Callee->getParamDecl(P)->getType();
    bool Out = (T->isLValueReferenceType() || T->isPointerType()) &&
               !T->getPointeeType().isConstQualified();
    if (const VarDecl *Var = Out ? localOf(Call->getArg(I)) : nullptr)
      Outs.push_back(Var);
  }
  if (Outs.empty())
    return;
  ReadSet Inputs = of(Call, Taint);
  for (const VarDecl *Var : Outs)
    storeInto(Var, Inputs, /*Replace=*/false, Taint);
}

unsigned LocalTaint::number(const VarDecl *Var) {
  return Numbers.try_emplace(Var->getCanonicalDecl(), Numbers.size())
      .first->second;
}

void LocalTaint::forEachConsulted(const Stmt *S,
                                  llvm::SmallPtrSetImpl<const Stmt *> &Seen,
                                  llvm::function_ref<void(unsigned)> Consult) {
  walk(
      S, Seen, /*EveryNode=*/true, [](unsigned) {},
      [&](const VarDecl *Var) { Consult(number(Var)); });
}

void LocalTaint::forEachDeclared(const Stmt *S,
                                 llvm::function_ref<void(unsigned)> Declare) {
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && isValueLocal(Var))
        Declare(number(Var));
}

void LocalTaint::retain(TaintMap &Taint,
                        llvm::function_ref<bool(unsigned)> Live) const {
  for (auto It = Taint.begin(); It != Taint.end();) {
    auto Next = std::next(It);
    auto Number = Numbers.find(It->first);
    if (Number == Numbers.end() || !Live(Number->second))
      Taint.erase(It);
    It = Next;
  }
}

} // namespace corolock
