//===--- TryBlocks.h - Try statements and what they enclose ---*- C++ -*-===//
//
// clang's CFG reaches a try statement's handlers only through exception
// edges, which it does not build: the dataflows treat any statement of a try
// block as able to throw into the try's dispatch block (the block the try
// statement terminates).
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_TRYBLOCKS_H
#define COROLOCK_TRYBLOCKS_H

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace corolock {

struct TryDispatch {
  const clang::CXXTryStmt *Try = nullptr;
  const clang::CFGBlock *Dispatch = nullptr;
};

/// The try statements of \p Graph with their dispatch blocks, in block order.
std::vector<TryDispatch> tryDispatches(const clang::CFG &Graph);

/// The indices in \p Tries of the try blocks around each statement, found in
/// one walk of each try block (asking the parent map for every statement and
/// every try took time quadratic in the length of the coroutine).
llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>>
enclosingTries(llvm::ArrayRef<TryDispatch> Tries);

} // namespace corolock

#endif // COROLOCK_TRYBLOCKS_H
