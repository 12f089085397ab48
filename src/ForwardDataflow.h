//===--- ForwardDataflow.h - The worklist both dataflows share --*- C++ -*-===//
//
// A forward dataflow over clang's CFG of a coroutine body to a fixpoint, with
// the exception edges clang's CFG leaves out: a statement of a try block may
// throw, before it runs (where the state differs from the one after the
// previous statement) and after, into the dispatch block of the innermost try
// around it (TryBlocks). Then the analysis replays each reachable block once
// from its converged entry state to collect its results.
//
// A lattice can be tall (a local whose value may come from any of hundreds
// of reads, raised one read at a time around a goto mesh): an analysis may
// bound the number of block visits, and the driver then stops and says so
// rather than return states that are not a fixpoint.
//
// The analysis \p A provides:
//   State                  its lattice element
//   void transfer(const CFGBlock &, const CFGElement &, State &)
//   void leave(const CFGBlock &, State &Exit, FlowFn Flow)
//                          calls Flow(Successor, State) for each reachable
//                          successor, refining the state per edge
//   bool join(State &Into, const State &From)
//                          joins in place; whether Into changed
//   static constexpr bool Unwinds
//   void unwind(unsigned Try, State &)
//                          when Unwinds: what unwinding out of the try block
//                          of Try destroys before a handler runs
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_FORWARDDATAFLOW_H
#define COROLOCK_FORWARDDATAFLOW_H

#include "TryBlocks.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <limits>
#include <optional>
#include <vector>

namespace corolock {

template <typename Analysis> class ForwardDataflow {
public:
  using State = typename Analysis::State;

  /// \p MaxVisits bounds the blocks the worklist may visit.
  ForwardDataflow(const clang::CFG &Graph, const TryBlocks &Tries, Analysis &A,
                  unsigned MaxVisits = std::numeric_limits<unsigned>::max())
      : Graph(Graph), Tries(Tries), A(A), MaxVisits(MaxVisits), Order(&Graph),
        Worklist(Graph, &Order), In(Graph.getNumBlockIDs()) {}

  /// Runs to the fixpoint from \p Entry; the entry state of each block,
  /// none for those never reached. Empty when the fixpoint needs more than
  /// the allowed visits (see stopped()).
  std::vector<std::optional<State>> solve(State Entry) {
    In[Graph.getEntry().getBlockID()] = std::move(Entry);
    Worklist.enqueueBlock(&Graph.getEntry());
    auto Flow = [&](const clang::CFGBlock &Next, State S) {
      flowInto(Next, std::move(S));
    };
    while (const clang::CFGBlock *Block = Worklist.dequeue()) {
      // Only blocks with an entry state are ever enqueued.
      const std::optional<State> &Entry = In[Block->getBlockID()];
      if (!Entry)
        continue;
      if (++Visits > MaxVisits) {
        Stopped = true;
        return {};
      }
      State S = *Entry;
      bool Unthrown = true;
      for (const clang::CFGElement &Element : *Block) {
        std::optional<clang::CFGStmt> Statement =
            Element.getAs<clang::CFGStmt>();
        if (Statement && Unthrown)
          throwFrom(Statement->getStmt(), S);
        A.transfer(*Block, Element, S);
        if (Statement)
          throwFrom(Statement->getStmt(), S);
        Unthrown = !Statement;
      }
      A.leave(*Block, S, Flow);
    }
    return std::move(In);
  }

  /// Whether solve() stopped at the bound on visits.
  bool stopped() const { return Stopped; }

private:
  void flowInto(const clang::CFGBlock &Next, State S) {
    // Only an enclosing try's dispatch follows a dispatch block: unwinding
    // leaves that try block too.
    if constexpr (Analysis::Unwinds)
      if (auto Try = Tries.tryOfDispatch(Next))
        A.unwind(*Try, S);
    std::optional<State> &Into = In[Next.getBlockID()];
    if (!Into)
      Into = std::move(S);
    else if (!A.join(*Into, S))
      return;
    Worklist.enqueueBlock(&Next);
  }

  void throwFrom(const clang::Stmt *S, const State &Current) {
    if (Tries.empty())
      return;
    std::optional<unsigned> Try = Tries.innermost(S);
    const clang::CFGBlock *Dispatch = Try ? Tries.dispatch(*Try) : nullptr;
    if (!Dispatch)
      return;
    std::optional<State> &Into = In[Dispatch->getBlockID()];
    if constexpr (!Analysis::Unwinds) {
      // Joined without a copy of the state.
      if (Into && !A.join(*Into, Current))
        return;
      if (!Into)
        Into = Current;
      Worklist.enqueueBlock(Dispatch);
    } else {
      flowInto(*Dispatch, Current);
    }
  }

  const clang::CFG &Graph;
  const TryBlocks &Tries;
  Analysis &A;
  unsigned MaxVisits;
  unsigned Visits = 0;
  bool Stopped = false;
  clang::PostOrderCFGView Order;
  clang::ForwardDataflowWorklist Worklist;
  std::vector<std::optional<State>> In;
};

/// Calls \p Replay on each reachable block of \p Graph, in block order, with
/// a copy of its entry state from \p In.
template <typename State, typename ReplayFn>
void replayBlocks(const clang::CFG &Graph,
                  const std::vector<std::optional<State>> &In,
                  ReplayFn Replay) {
  for (const clang::CFGBlock *Block : Graph)
    if (const std::optional<State> &Entry = In[Block->getBlockID()]) {
      State S = *Entry;
      Replay(*Block, S);
    }
}

} // namespace corolock

#endif // COROLOCK_FORWARDDATAFLOW_H
