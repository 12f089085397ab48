//===--- LockOrderGraph.cpp - Orders in which mutexes are taken -----------===//

#include "LockOrderGraph.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <functional>
#include <iterator>

namespace corolock {

unsigned LockOrderGraph::node(const void *Key) {
  auto [It, Inserted] = Index.try_emplace(Key, Nodes.size());
  if (Inserted) {
    Nodes.push_back(Key);
    Out.emplace_back();
  }
  return It->second;
}

bool LockOrderGraph::addEdge(const void *From, const void *To,
                             llvm::ArrayRef<const void *> Gates,
                             unsigned Witness) {
  if (From == To)
    return false;
  unsigned F = node(From), T = node(To);
  auto [It, Inserted] = EdgeIndex.try_emplace({F, T}, Edges.size());
  if (Inserted) {
    Edges.push_back({T, {}});
    Out[F].push_back(It->second);
  }
  Edge &E = Edges[It->second];
  if (E.Witnesses.size() >= MaxWitnesses)
    return false;
  Witnessed W{Witness, {}};
  for (const void *Gate : Gates)
    if (Gate != From && Gate != To)
      W.Gates.push_back(node(Gate));
  llvm::sort(W.Gates);
  W.Gates.erase(std::unique(W.Gates.begin(), W.Gates.end()), W.Gates.end());
  E.Witnesses.push_back(std::move(W));
  return true;
}

const LockOrderGraph::Edge *LockOrderGraph::edge(unsigned From,
                                                 unsigned To) const {
  auto It = EdgeIndex.find({From, To});
  return It == EdgeIndex.end() ? nullptr : &Edges[It->second];
}

/// Picks a witness per edge of the cycle \p Path such that no gate is
/// common to all of them; false when every choice tried shares one. Each
/// witness of the first edge is tried, the others chosen greedily to shrink
/// the common gates: exact in the usual case of one or two witnesses.
bool LockOrderGraph::ungatedWitnesses(
    llvm::ArrayRef<unsigned> Path,
    llvm::SmallVectorImpl<unsigned> &Chosen) const {
  auto EdgeAt = [&](size_t I) {
    return edge(Path[I], Path[(I + 1) % Path.size()]);
  };
  auto Without = [&](llvm::ArrayRef<unsigned> Gates) {
    llvm::SmallVector<unsigned, 2> Kept;
    for (unsigned G : Gates)
      if (!llvm::is_contained(Path, G))
        Kept.push_back(G);
    return Kept;
  };
  for (const Witnessed &First : EdgeAt(0)->Witnesses) {
    Chosen.assign({First.Witness});
    llvm::SmallVector<unsigned, 2> Common = Without(First.Gates);
    for (size_t I = 1; I < Path.size(); ++I) {
      const Witnessed *Best = nullptr;
      llvm::SmallVector<unsigned, 2> BestCommon;
      for (const Witnessed &W : EdgeAt(I)->Witnesses) {
        llvm::SmallVector<unsigned, 2> Shared;
        std::set_intersection(Common.begin(), Common.end(), W.Gates.begin(),
                              W.Gates.end(), std::back_inserter(Shared));
        if (!Best || Shared.size() < BestCommon.size()) {
          Best = &W;
          BestCommon = std::move(Shared);
        }
      }
      Chosen.push_back(Best->Witness);
      Common = std::move(BestCommon);
    }
    if (Common.empty())
      return true;
  }
  return false;
}

std::vector<LockOrderGraph::Cycle>
LockOrderGraph::cycles(unsigned MaxLength, unsigned MaxCycles) const {
  std::vector<Cycle> Found;
  // Each cycle once: from its smallest node, through larger ones only.
  llvm::SmallVector<unsigned, 4> Path;
  std::function<void(unsigned)> Extend = [&](unsigned N) {
    for (unsigned EdgeId : Out[N]) {
      if (Found.size() >= MaxCycles)
        return;
      unsigned Next = Edges[EdgeId].To;
      if (Next == Path.front()) {
        llvm::SmallVector<unsigned, 4> Witnesses;
        if (!ungatedWitnesses(Path, Witnesses))
          continue;
        Cycle C;
        for (unsigned P : Path)
          C.Nodes.push_back(Nodes[P]);
        C.Witnesses.assign(Witnesses.begin(), Witnesses.end());
        Found.push_back(std::move(C));
        continue;
      }
      if (Next < Path.front() || Path.size() >= MaxLength ||
          llvm::is_contained(Path, Next))
        continue;
      Path.push_back(Next);
      Extend(Next);
      Path.pop_back();
    }
  };
  for (unsigned Start = 0; Start < Nodes.size(); ++Start) {
    Path.assign({Start});
    Extend(Start);
  }
  return Found;
}

} // namespace corolock
