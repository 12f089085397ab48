//===--- TryBlocks.cpp - Try statements of a CFG and what they enclose ----===//

#include "TryBlocks.h"

using namespace clang;

namespace corolock {

std::vector<TryDispatch> tryDispatches(const CFG &Graph) {
  std::vector<TryDispatch> Tries;
  for (const CFGBlock *Block : Graph)
    if (const auto *Try =
            dyn_cast_or_null<CXXTryStmt>(Block->getTerminatorStmt()))
      Tries.push_back({Try, Block});
  return Tries;
}

llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>>
enclosingTries(llvm::ArrayRef<TryDispatch> Tries) {
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> Result;
  llvm::SmallVector<const Stmt *, 32> Worklist;
  for (unsigned I = 0; I < Tries.size(); ++I) {
    Worklist.push_back(Tries[I].Try->getTryBlock());
    while (!Worklist.empty()) {
      const Stmt *S = Worklist.pop_back_val();
      Result[S].push_back(I);
      for (const Stmt *Child : S->children())
        if (Child)
          Worklist.push_back(Child);
    }
  }
  return Result;
}

} // namespace corolock
