//===--- ControlDependence.h - Control dependence of CFG blocks -*- C++ -*-===//
//
// The branches each block of a CFG is control dependent on, transitively:
// what clang's ControlDependencyCalculator answers, computed for every block
// in one pass over the edges and the post-dominator tree (Ferrante,
// Ottenstein and Warren). The calculator computes an iterated dominance
// frontier per query, quadratic over a switch with thousands of cases.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CONTROLDEPENDENCE_H
#define COROLOCK_CONTROLDEPENDENCE_H

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace corolock {

class ControlDependence {
public:
  explicit ControlDependence(const clang::CFG &Graph);

  /// The blocks whose branch decides whether \p Block runs, directly or
  /// through other such blocks.
  llvm::ArrayRef<const clang::CFGBlock *> of(const clang::CFGBlock &Block);

private:
  using Blocks = llvm::SmallVector<const clang::CFGBlock *, 2>;
  llvm::DenseMap<const clang::CFGBlock *, Blocks> Direct;
  llvm::DenseMap<const clang::CFGBlock *, Blocks> Transitive;
};

} // namespace corolock

#endif // COROLOCK_CONTROLDEPENDENCE_H
