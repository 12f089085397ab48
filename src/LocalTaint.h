//===--- LocalTaint.h - Which reads the values of locals come from --------===//
//
// The local-value layer of read-release-write: which tracked reads of shared
// state the value of an expression may come from, through the locals it
// uses, and how statements store into locals (initializations, assignments,
// calls that fill a local passed by reference). It also says which locals a
// statement consults and declares, so that a liveness analysis can drop the
// taints that nothing looks up again.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_LOCALTAINT_H
#define COROLOCK_LOCALTAINT_H

#include "SharedAccesses.h"
#include "StaleReadLattice.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace corolock {

using stale::TaintMap;

class LocalTaint {
public:
  /// \p Paths says which reference locals name shared state (their uses are
  /// accesses, not values).
  explicit LocalTaint(AccessPaths &Paths) : Paths(Paths) {}

  /// Records that \p Access is the tracked read numbered \p ReadId.
  void addRead(const clang::Stmt *Access, unsigned ReadId) {
    ReadAt[Access] = ReadId;
  }

  /// The tracked reads the value of \p S may come from: reads within it, and
  /// the locals it uses. An awaited expression's value comes from its
  /// operand (the awaited call and its arguments).
  stale::ReadSet of(const clang::Stmt *S, const TaintMap &Taint) const;

  /// Applies the stores of \p S into locals to \p Taint: initializations and
  /// `x = v` replace x's taint; `x.f = v`, `x += v` and calls that may fill a
  /// local passed by non-const reference or pointer, or change the local
  /// they are called on, add the call's inputs to it.
  void transfer(const clang::Stmt *S, TaintMap &Taint);

  /// Calls \p Consult with the number of each local whose taint of(\p S)
  /// may look up, skipping the nodes in \p Seen and adding those it visits
  /// (a block's statements share sub-expressions).
  void forEachConsulted(const clang::Stmt *S,
                        llvm::SmallPtrSetImpl<const clang::Stmt *> &Seen,
                        llvm::function_ref<void(unsigned)> Consult);

  /// Calls \p Declare with the number of each local whose taint \p S
  /// replaces by declaring it.
  void forEachDeclared(const clang::Stmt *S,
                       llvm::function_ref<void(unsigned)> Declare);

  /// Drops from \p Taint the locals for which \p Live(number) is false.
  void retain(TaintMap &Taint, llvm::function_ref<bool(unsigned)> Live) const;

  /// The local variable of the analysed body \p E stores into (`x`,
  /// `x.field`, `x[i]`, `&x`), or null. Captures are not locals of a
  /// lambda's body: they are the enclosing function's or the closure's.
  static const clang::VarDecl *localOf(const clang::Expr *E);

private:
  /// Visits the sources of \p S's value: OnRead(number) for each tracked
  /// read, OnLocal(variable) for each local looked up. With \p EveryNode,
  /// skips the nodes in \p Seen and adds those it visits; otherwise \p Seen
  /// only keeps a reference's initializer from being followed twice.
  template <typename ReadFn, typename LocalFn>
  void walk(const clang::Stmt *S,
            llvm::SmallPtrSetImpl<const clang::Stmt *> &Seen, bool EveryNode,
            ReadFn OnRead, LocalFn OnLocal) const;
  bool isValueLocal(const clang::VarDecl *Var);
  unsigned number(const clang::VarDecl *Var);

  AccessPaths &Paths;
  llvm::DenseMap<const clang::Stmt *, unsigned> ReadAt;
  llvm::DenseMap<const clang::VarDecl *, unsigned> Numbers;
};

} // namespace corolock

#endif // COROLOCK_LOCALTAINT_H
