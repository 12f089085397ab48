//===--- LockOrderGraph.h - Orders in which mutexes are taken ---*- C++ -*-===//
//
// The lock-order graph of a translation unit: a node per mutex, an edge A->B
// for each place B is requested while A is held, with the other mutexes held
// there (gates). A cycle means two (or more) tasks can each hold one mutex of
// it and wait for the next. A cycle whose every order happens under one
// common third mutex cannot deadlock: that gate lets one order run at a
// time. Nodes and witnesses are opaque to the graph; the caller says what
// they are.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_LOCKORDERGRAPH_H
#define COROLOCK_LOCKORDERGRAPH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace corolock {

class LockOrderGraph {
public:
  /// A cycle N0 -> N1 -> ... -> N0, from its first-added node; Witnesses[I]
  /// is the witness of the edge Nodes[I] -> Nodes[I + 1] (the last closes the
  /// cycle).
  struct Cycle {
    llvm::SmallVector<const void *, 4> Nodes;
    llvm::SmallVector<unsigned, 4> Witnesses;
  };

  /// Records that \p To is requested while \p From is held, together with
  /// \p Gates, the other mutexes held there; \p Witness says where. An edge
  /// keeps its first MaxWitnesses witnesses. A mutex requested while held
  /// (From == To) is no order. Returns whether the witness was kept.
  bool addEdge(const void *From, const void *To,
               llvm::ArrayRef<const void *> Gates, unsigned Witness);

  /// The cycles of at most \p MaxLength mutexes, each once, with witnesses
  /// that no common gate serializes, in the order of their first node, then
  /// of the path; at most \p MaxCycles of them.
  std::vector<Cycle> cycles(unsigned MaxLength = 4,
                            unsigned MaxCycles = 64) const;

  size_t nodes() const { return Nodes.size(); }
  size_t edges() const { return Edges.size(); }

  static constexpr unsigned MaxWitnesses = 8;

private:
  struct Witnessed {
    unsigned Witness;
    llvm::SmallVector<unsigned, 2> Gates;
  };
  struct Edge {
    unsigned To;
    std::vector<Witnessed> Witnesses;
  };

  unsigned node(const void *Key);
  bool ungatedWitnesses(llvm::ArrayRef<unsigned> Path,
                        llvm::SmallVectorImpl<unsigned> &Chosen) const;
  const Edge *edge(unsigned From, unsigned To) const;

  std::vector<const void *> Nodes;
  llvm::DenseMap<const void *, unsigned> Index;
  /// Out-edges of each node, in the order they were added.
  std::vector<llvm::SmallVector<unsigned, 2>> Out;
  std::vector<Edge> Edges;
  llvm::DenseMap<std::pair<unsigned, unsigned>, unsigned> EdgeIndex;
};

} // namespace corolock

#endif // COROLOCK_LOCKORDERGRAPH_H
