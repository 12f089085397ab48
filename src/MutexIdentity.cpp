//===--- MutexIdentity.cpp - Which mutex a lock names ---------------------===//

#include "MutexIdentity.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolock {

namespace {

// Steps of a path: canonical declarations, or one of these tags (no
// declaration lives at such an address). An index step is followed by the
// constant or the index variable.
enum : uintptr_t {
  ThisStep = 1,
  DerefStep,
  AddressStep,
  ConstantIndexStep,
  VariableIndexStep,
};

/// Paths deeper than this are not identified (macro-generated chains).
constexpr unsigned MaxDepth = 32;

/// A mutex's path while it is built.
struct PathBuilder {
  /// Whether only the declaration is wanted: any index then names the
  /// family.
  bool DeclarationOnly = false;
  llvm::SmallVector<uintptr_t, 8> Steps;
  const ValueDecl *Declaration = nullptr;

  bool append(const Expr *E, unsigned Depth);
  bool appendElement(const Expr *Base, const Expr *Index, unsigned Depth);
  bool appendVariable(const VarDecl *Var, unsigned Depth);
  void pushDeclaration(const ValueDecl *D) {
    Declaration = cast<ValueDecl>(D->getCanonicalDecl());
    Steps.push_back(reinterpret_cast<uintptr_t>(Declaration));
  }
  /// A dereference undoes an address-of (`*&mu_`, `(&mu_)->lock()`).
  void pushDeref() {
    if (!Steps.empty() && Steps.back() == AddressStep)
      Steps.pop_back();
    else
      Steps.push_back(DerefStep);
  }
};

/// A local reference names what it is bound to; other variables are roots.
bool PathBuilder::appendVariable(const VarDecl *Var, unsigned Depth) {
  if (Var->getType()->isReferenceType() && Var->hasLocalStorage() &&
      !isa<ParmVarDecl>(Var) && Var->getInit())
    return append(Var->getInit(), Depth + 1);
  pushDeclaration(Var);
  return true;
}

/// An element of an array, of what a pointer points to, or of a container
/// with `operator[]`.
bool PathBuilder::appendElement(const Expr *Base, const Expr *Index,
                                unsigned Depth) {
  if (!append(Base, Depth + 1))
    return false;
  if (Base->IgnoreParenImpCasts()->getType()->isPointerType())
    pushDeref();
  if (DeclarationOnly)
    return true;
  if (!Declaration || Index->isValueDependent())
    return false;
  Expr::EvalResult Constant;
  if (Index->EvaluateAsInt(Constant, Declaration->getASTContext())) {
    Steps.push_back(ConstantIndexStep);
    Steps.push_back(
        static_cast<uintptr_t>(Constant.Val.getInt().getLimitedValue()));
    return true;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Index->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return false;
  Steps.push_back(VariableIndexStep);
  Steps.push_back(reinterpret_cast<uintptr_t>(Var->getCanonicalDecl()));
  return true;
}

bool PathBuilder::append(const Expr *E, unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(E)) {
    Steps.push_back(ThisStep);
    return true;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return Var && appendVariable(Var, Depth);
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (const auto *Static = dyn_cast<VarDecl>(Member->getMemberDecl())) {
      pushDeclaration(Static);
      return true;
    }
    if (!isa<FieldDecl>(Member->getMemberDecl()) ||
        !append(Member->getBase(), Depth + 1))
      return false;
    if (Member->isArrow())
      pushDeref();
    pushDeclaration(Member->getMemberDecl());
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
      return false;
    if (!append(UO->getSubExpr(), Depth + 1))
      return false;
    if (UO->getOpcode() == UO_Deref)
      pushDeref();
    else
      Steps.push_back(AddressStep);
    return true;
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return appendElement(Subscript->getBase(), Subscript->getIdx(), Depth);
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E)) {
    switch (Call->getOperator()) {
    case OO_Subscript:
      return Call->getNumArgs() == 2 &&
             appendElement(Call->getArg(0), Call->getArg(1), Depth);
    case OO_Star:
    case OO_Arrow:
      // A smart pointer's `*p` and `p->`.
      if (Call->getNumArgs() != 1 || !append(Call->getArg(0), Depth + 1))
        return false;
      pushDeref();
      return true;
    default:
      return false;
    }
  }
  return false;
}

} // namespace

const MutexIdentity *MutexIdentities::of(const Expr *E, bool Deref) {
  PathBuilder Path;
  if (!Path.append(E, 0))
    return nullptr;
  if (Deref)
    Path.pushDeref();
  // Only an object is a mutex: a path ending in an address is a pointer.
  if (Path.Steps.back() == AddressStep)
    return nullptr;
  llvm::StringRef Key(reinterpret_cast<const char *>(Path.Steps.data()),
                      Path.Steps.size() * sizeof(uintptr_t));
  auto [Entry, Inserted] = ByPath.try_emplace(Key, nullptr);
  if (Inserted) {
    Identities.push_back(
        {static_cast<unsigned>(Identities.size()), Entry->getKey()});
    Entry->second = &Identities.back();
  }
  return Entry->second;
}

bool MutexIdentities::contains(const Expr *Object, bool Deref,
                               const MutexIdentity &Mutex) const {
  PathBuilder Path;
  if (!Path.append(Object, 0))
    return false;
  if (Deref)
    Path.pushDeref();
  llvm::StringRef Prefix(reinterpret_cast<const char *>(Path.Steps.data()),
                         Path.Steps.size() * sizeof(uintptr_t));
  return Mutex.Path.size() > Prefix.size() && Mutex.Path.starts_with(Prefix);
}

const MutexIdentity *MutexIdentities::ofLockArgument(const Expr *E) {
  if (!E)
    return nullptr;
  auto [It, Inserted] = LockArguments.try_emplace(E, nullptr);
  if (Inserted)
    It->second = of(E, E->IgnoreParenImpCasts()->getType()->isPointerType());
  return It->second;
}

const ValueDecl *mutexDeclaration(const Expr *MutexExpr) {
  PathBuilder Path;
  Path.DeclarationOnly = true;
  if (!Path.append(MutexExpr, 0))
    return nullptr;
  return Path.Declaration;
}

} // namespace corolock
