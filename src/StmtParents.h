//===--- StmtParents.h - Parents of the statements of one body --*- C++ -*-===//
//
// The parent of each statement of a function body, in one walk. clang's
// ParentMap walks the source expression of an OpaqueValueExpr at every
// reference to it; a `co_await` refers to its awaiter from its ready, suspend
// and resume calls, so nested `co_await`s cost it five times per level. Here
// every statement is entered once: its first parent is its parent.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_STMTPARENTS_H
#define COROLOCK_STMTPARENTS_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace corolock {

class StmtParents {
public:
  explicit StmtParents(const clang::Stmt *Body);

  /// The statement \p S is a child of, or null for the body and statements
  /// outside it.
  const clang::Stmt *getParent(const clang::Stmt *S) const {
    return Parents.lookup(S);
  }
  /// The first parent that is not a ParenExpr.
  const clang::Stmt *getParentIgnoreParens(const clang::Stmt *S) const;
  /// The first parent that is not a ParenExpr or an implicit cast.
  const clang::Stmt *getParentIgnoreParenImpCasts(const clang::Stmt *S) const;

private:
  void enter(const clang::Stmt *S);

  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> Parents;
};

/// Calls \p Visit on \p Root and each statement below it once, however many
/// times it is shared (a `co_await` operand is also inside its awaiter), and
/// enters the children of those for which it returns true. Lambdas are their
/// own bodies: their children are never entered.
void forEachStmtOnce(const clang::Stmt *Root,
                     llvm::function_ref<bool(const clang::Stmt *)> Visit);

} // namespace corolock

#endif // COROLOCK_STMTPARENTS_H
