//===--- SharedAccesses.h - Locations other coroutines can reach -*- C++
//-*-===//
//
// An access path names a location by how an expression reaches it: a root
// (`*this`, a variable) followed by fields, dereferences (`->`, `*`, a
// smart pointer's `operator->`) and elements (`a[i]`, `v[i]`, a range-for
// variable), which stand for any element of their array or container. Other
// member calls (`v.at(i)`, `m.find(k)`) access the container. A location is
// shared when other coroutines can reach it: a field of `*this`, a global or
// static, a variable captured by reference, or anything reached through a
// pointer or reference that the coroutine does not reseat. Local references
// (`auto &s = session_;`) name what they are bound to, reference loop variables
// of a range-for the elements of their range, and local pointers and
// iterators never reseated what they were made to point into (`*p` for
// `auto *p = &conns_[i];` is an element of `conns_`, `it->second` for
// `auto it = map_.find(k);` an element of `map_`).
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_SHAREDACCESSES_H
#define COROLOCK_SHAREDACCESSES_H

#include "StmtParents.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <vector>

namespace corolock {

/// Interned access paths of one function body, identified by number.
class AccessPaths {
public:
  using PathId = unsigned;

  /// \p Parents spans \p Body, the body of \p Function.
  AccessPaths(const clang::FunctionDecl &Function, const clang::Stmt &Body,
              const StmtParents &Parents, clang::ASTContext &Context);

  /// The path of the glvalue \p E (`session_.token`, `pool->total`,
  /// `slots_[i]`, `*self`), or none.
  std::optional<PathId> pathOf(const clang::Expr *E);

  /// Whether a write to one path may change what the other reads: one is a
  /// prefix of the other, without stepping through a dereference (writing
  /// `impl_` does not change `impl_->total`).
  bool overlap(PathId A, PathId B) const;
  /// The variable (or `this`) path \p P starts from: paths from different
  /// roots never overlap.
  const void *rootOf(PathId P) const { return Paths[P].front(); }
  /// Whether reading \p Check reads again what reading \p Read read: they
  /// overlap, and \p Check does not stop at a container whose elements
  /// \p Read went into (`conns_.size()` does not re-read `conns_[i].busy`).
  bool covers(PathId Check, PathId Read) const;
  /// Whether other coroutines can reach the location (see the file comment).
  bool isShared(PathId P);

  /// Whether the reference \p Var names a path (`auto &s = session_;`, a
  /// range-for variable), so that its uses are accesses rather than values.
  bool isAlias(const clang::VarDecl *Var);

  /// Whether \p E is a path expression that its parent does not extend
  /// (`session_.token` in `x = session_.token`, not `session_`).
  bool isMaximalAccess(const clang::Expr *E);

private:
  using Steps = llvm::SmallVector<const void *, 4>;

  bool appendPath(const clang::Expr *E, Steps &Out, unsigned Depth);
  bool appendObjectOfArrow(const clang::Expr *Base, Steps &Out, unsigned Depth);
  bool appendPointee(const clang::Expr *Pointer, Steps &Out, unsigned Depth);
  /// What a handle points into: the object, or an element of it.
  struct HandleTarget {
    const clang::Expr *Object;
    bool Element;
  };
  std::optional<HandleTarget> handleTarget(const clang::VarDecl *Var);
  bool appendVariable(const clang::ValueDecl *D, Steps &Out, unsigned Depth);
  PathId intern(const Steps &Path);
  bool isStable(const clang::VarDecl *Root);
  /// How the references to \p Var within \p S use it, the strongest first:
  /// plainly mutated, unknown (ExprMutationAnalyzer decides), only read.
  enum class VariableUse { Read, Unknown, Mutated };
  VariableUse strongestUse(const clang::VarDecl *Var,
                           const clang::Stmt *S) const;
  bool isCapturedByReference(const clang::VarDecl *VD) const;

  const clang::FunctionDecl &Function;
  const clang::Stmt &Body;
  const StmtParents &Parents;
  clang::ASTContext &Context;
  llvm::StringMap<PathId> Ids;
  std::vector<Steps> Paths;
  /// Reference loop variables of range-fors over a path, and that path.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> LoopElements;
  /// Handles by variable (see handleTarget).
  llvm::DenseMap<const clang::VarDecl *, std::optional<HandleTarget>> Handles;
  /// Whether a variable that a shared path dereferences is never reseated.
  llvm::DenseMap<const clang::VarDecl *, bool> Stable;
};

/// What an access does to its location.
enum class AccessKind {
  Read,
  Write,     ///< Only replaces the value (`x = v`).
  ReadWrite, ///< Reads and changes it (`++x`, `x += v`, `x.insert(v)`,
             ///< passing `x` by non-const reference).
};

/// Classifies accesses with clang's ExprMutationAnalyzer, within the full
/// statement around each (so the cost follows the statement, not the body).
/// A call of a non-const member function that has a const overload with the
/// same parameters (`find`, `begin`, `operator[]` of a vector) only changes
/// the object when its result is then changed (`v[i] = x`).
class AccessClassifier {
public:
  AccessClassifier(const StmtParents &Parents, clang::ASTContext &Context)
      : Parents(Parents), Context(Context) {}

  AccessKind classify(const clang::Expr *Access);
  /// Whether \p Access is written by a member call that answers whether it
  /// changed anything (a bool, or a pair with one, as `map::insert` and
  /// `try_emplace` return), and the answer is used: a compare-and-set.
  bool isCheckedWrite(const clang::Expr *Access);
  /// The outermost expression (or declaration statement) around \p E.
  const clang::Stmt *fullStatement(const clang::Stmt *E) const;

private:
  const clang::Stmt *mutation(const clang::Expr *E);

  const StmtParents &Parents;
  clang::ASTContext &Context;
  clang::ExprMutationAnalyzer::Memoized Memo;
};

} // namespace corolock

#endif // COROLOCK_SHAREDACCESSES_H
