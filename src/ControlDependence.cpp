//===--- ControlDependence.cpp - Control dependence of CFG blocks ---------===//

#include "ControlDependence.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolock {

ControlDependence::ControlDependence(const CFG &Graph) {
  CFGPostDomTree PostDom(const_cast<CFG *>(&Graph));
  auto &Tree = PostDom.getBase();
  auto IPostDom = [&](const CFGBlock *B) -> const CFGBlock * {
    auto *Node = Tree.getNode(const_cast<CFGBlock *>(B));
    auto *IDom = Node ? Node->getIDom() : nullptr;
    return IDom ? IDom->getBlock() : nullptr;
  };
  // A branch A decides the blocks from each successor up the post-dominator
  // tree to A's immediate post-dominator (excluded).
  for (const CFGBlock *A : Graph) {
    if (A->succ_size() < 2)
      continue;
    const CFGBlock *Stop = IPostDom(A);
    for (const CFGBlock::AdjacentBlock &Succ : A->succs())
      for (const CFGBlock *B = Succ.getReachableBlock(); B && B != Stop;
           B = IPostDom(B)) {
        Blocks &Of = Direct[B];
        if (Of.empty() || Of.back() != A)
          Of.push_back(A);
      }
  }
}

llvm::ArrayRef<const CFGBlock *> ControlDependence::of(const CFGBlock &Block) {
  auto [It, Inserted] = Transitive.try_emplace(&Block);
  if (!Inserted)
    return It->second;
  Blocks Result;
  llvm::SmallPtrSet<const CFGBlock *, 8> Seen;
  llvm::SmallVector<const CFGBlock *, 8> Worklist = {&Block};
  while (!Worklist.empty())
    for (const CFGBlock *A : Direct.lookup(Worklist.pop_back_val()))
      if (Seen.insert(A).second) {
        Result.push_back(A);
        Worklist.push_back(A);
      }
  It->second = std::move(Result);
  return It->second;
}

} // namespace corolock
