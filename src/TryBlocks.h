//===--- TryBlocks.h - Try statements and what they enclose ---*- C++ -*-===//
//
// clang's CFG reaches a try statement's handlers only through exception
// edges, which it does not build: the dataflows treat any statement of a try
// block as able to throw into the dispatch block (the block the try statement
// terminates) of the innermost try around it. A dispatch without a catch-all
// handler already has a CFG edge to the enclosing try's dispatch, so a throw
// reaches outer handlers through the inner ones: propagating to every
// enclosing try instead made nested tries cubic.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_TRYBLOCKS_H
#define COROLOCK_TRYBLOCKS_H

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <vector>

namespace corolock {

class TryBlocks {
public:
  /// The try statements of \p Body (lambdas excluded) and their dispatch
  /// blocks in \p Graph, the CFG of \p Body.
  TryBlocks(const clang::Stmt *Body, const clang::CFG &Graph);

  bool empty() const { return Tries.empty(); }
  /// The innermost try whose try block holds \p S, a statement or a
  /// declaration; none outside every try block (a handler is outside its own
  /// try's block).
  std::optional<unsigned> innermost(const void *S) const;
  /// The block that dispatches to the handlers of try \p Try.
  const clang::CFGBlock *dispatch(unsigned Try) const {
    return Tries[Try].Dispatch;
  }
  /// The try whose dispatch block \p Block is, if any.
  std::optional<unsigned> tryOfDispatch(const clang::CFGBlock &Block) const;
  /// Whether the try block of \p Try holds \p S (a statement or a
  /// declaration), directly or in a nested try.
  bool holds(unsigned Try, const void *S) const;

private:
  struct Try {
    const clang::CXXTryStmt *Stmt = nullptr;
    const clang::CFGBlock *Dispatch = nullptr;
    /// Tries are numbered in preorder; those nested in this one's try block
    /// are numbered from its own number to End (excluded).
    unsigned End = 0;
  };
  void collect(const clang::Stmt *Body);

  std::vector<Try> Tries;
  llvm::DenseMap<const void *, unsigned> Innermost;
  llvm::DenseMap<const clang::CFGBlock *, unsigned> ByDispatch;
};

} // namespace corolock

#endif // COROLOCK_TRYBLOCKS_H
