//===--- StmtParents.cpp - Parents of the statements of one body ----------===//

#include "StmtParents.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolock {

/// The statements below \p S: an OpaqueValueExpr stands for its source
/// expression, which is entered where it is first met.
static void forEachChild(const Stmt *S,
                         llvm::function_ref<void(const Stmt *)> Fn) {
  if (const auto *OVE = dyn_cast<OpaqueValueExpr>(S)) {
    if (const Expr *Source = OVE->getSourceExpr())
      Fn(Source);
    return;
  }
  for (const Stmt *Child : S->children())
    if (Child)
      Fn(Child);
}

StmtParents::StmtParents(const Stmt *Body) {
  if (Body)
    enter(Body);
}

void StmtParents::enter(const Stmt *Root) {
  // An explicit stack: generated code nests deeper than the call stack allows.
  llvm::SmallVector<const Stmt *, 32> Stack = {Root};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    forEachChild(S, [&](const Stmt *Child) {
      if (Child != Root && Parents.try_emplace(Child, S).second)
        Stack.push_back(Child);
    });
  }
}

const Stmt *StmtParents::getParentIgnoreParens(const Stmt *S) const {
  do {
    S = getParent(S);
  } while (isa_and_nonnull<ParenExpr>(S));
  return S;
}

const Stmt *StmtParents::getParentIgnoreParenImpCasts(const Stmt *S) const {
  do {
    S = getParent(S);
  } while (isa_and_nonnull<ParenExpr, ImplicitCastExpr>(S));
  return S;
}

void forEachStmtOnce(const Stmt *Root,
                     llvm::function_ref<bool(const Stmt *)> Visit) {
  if (!Root)
    return;
  llvm::SmallPtrSet<const Stmt *, 32> Seen = {Root};
  llvm::SmallVector<const Stmt *, 32> Stack = {Root};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!Visit(S) || isa<LambdaExpr>(S))
      continue;
    forEachChild(S, [&](const Stmt *Child) {
      if (Seen.insert(Child).second)
        Stack.push_back(Child);
    });
  }
}

} // namespace corolock
