//===--- LockOrderGraphTest.cpp - Orders in which mutexes are taken -------===//
//
// The lock-order graph on its own: which cycles it finds, once each, with
// which witnesses, and which a gate lock serializes.
//
//===----------------------------------------------------------------------===//

#include "LockOrderGraph.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <string>

namespace corolock {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Nodes are opaque: the addresses of these characters.
const char Mutexes[] = "abcdeg";
const void *const A = &Mutexes[0], *const B = &Mutexes[1],
                  *const C = &Mutexes[2], *const D = &Mutexes[3],
                  *const E = &Mutexes[4], *const G = &Mutexes[5];

/// Each cycle as "abc:1,2,3": its nodes, then the witness of each edge.
std::vector<std::string> describe(const LockOrderGraph &Graph) {
  std::vector<std::string> Out;
  for (const LockOrderGraph::Cycle &Cycle : Graph.cycles()) {
    std::string S;
    for (const void *N : Cycle.Nodes)
      S += *static_cast<const char *>(N);
    S += ':';
    for (size_t I = 0; I < Cycle.Witnesses.size(); ++I)
      S += (I ? "," : "") + std::to_string(Cycle.Witnesses[I]);
    Out.push_back(S);
  }
  return Out;
}

TEST(LockOrderGraph, OneOrderIsNoCycle) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {}, 0);
  Graph.addEdge(B, C, {}, 1);
  Graph.addEdge(A, C, {}, 2);
  EXPECT_THAT(describe(Graph), IsEmpty());
}

TEST(LockOrderGraph, BothOrdersOfAPairOnce) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {}, 0);
  Graph.addEdge(B, A, {}, 1);
  Graph.addEdge(B, A, {}, 2);
  Graph.addEdge(A, B, {}, 3);
  EXPECT_THAT(describe(Graph), ElementsAre("ab:0,1"));
}

TEST(LockOrderGraph, LongerCycleWithItsWitnesses) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {}, 0);
  Graph.addEdge(B, C, {}, 1);
  Graph.addEdge(C, A, {}, 2);
  EXPECT_THAT(describe(Graph), ElementsAre("abc:0,1,2"));
}

TEST(LockOrderGraph, FourMutexesAtMostByDefault) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {}, 0);
  Graph.addEdge(B, C, {}, 1);
  Graph.addEdge(C, D, {}, 2);
  Graph.addEdge(D, A, {}, 3);
  EXPECT_THAT(describe(Graph), ElementsAre("abcd:0,1,2,3"));
  LockOrderGraph Five;
  Five.addEdge(A, B, {}, 0);
  Five.addEdge(B, C, {}, 1);
  Five.addEdge(C, D, {}, 2);
  Five.addEdge(D, E, {}, 3);
  Five.addEdge(E, A, {}, 4);
  EXPECT_THAT(describe(Five), IsEmpty());
  EXPECT_EQ(Five.cycles(5).size(), 1u);
}

TEST(LockOrderGraph, SelfOrderIsNoEdge) {
  LockOrderGraph Graph;
  Graph.addEdge(A, A, {}, 0);
  EXPECT_EQ(Graph.edges(), 0u);
  EXPECT_THAT(describe(Graph), IsEmpty());
}

TEST(LockOrderGraph, CommonGateSerializesBothOrders) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {G, A}, 0);
  Graph.addEdge(B, A, {G, B}, 1);
  EXPECT_THAT(describe(Graph), IsEmpty());
}

TEST(LockOrderGraph, GateOnOneSideOnlyDoesNot) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {G}, 0);
  Graph.addEdge(B, A, {}, 1);
  EXPECT_THAT(describe(Graph), ElementsAre("ab:0,1"));
}

TEST(LockOrderGraph, AnUngatedWitnessIsChosen) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {G}, 0);
  Graph.addEdge(B, A, {G}, 1);
  Graph.addEdge(B, A, {}, 2);
  EXPECT_THAT(describe(Graph), ElementsAre("ab:0,2"));
}

TEST(LockOrderGraph, DifferentGatesDoNotSerialize) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {G}, 0);
  Graph.addEdge(B, A, {E}, 1);
  EXPECT_THAT(describe(Graph), ElementsAre("ab:0,1"));
}

TEST(LockOrderGraph, GateOfALongerCycle) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {G}, 0);
  Graph.addEdge(B, C, {G}, 1);
  Graph.addEdge(C, A, {G}, 2);
  EXPECT_THAT(describe(Graph), IsEmpty());
  // A mutex of the cycle held at every order is no gate: it is in the cycle.
  LockOrderGraph Inner;
  Inner.addEdge(A, B, {C}, 0);
  Inner.addEdge(B, C, {}, 1);
  Inner.addEdge(C, A, {B}, 2);
  EXPECT_THAT(describe(Inner), ElementsAre("abc:0,1,2"));
}

TEST(LockOrderGraph, PairAndCycleEachOnce) {
  LockOrderGraph Graph;
  Graph.addEdge(A, B, {}, 0);
  Graph.addEdge(B, A, {}, 1);
  Graph.addEdge(B, C, {}, 2);
  Graph.addEdge(C, A, {}, 3);
  EXPECT_THAT(describe(Graph), ElementsAre("ab:0,1", "abc:0,2,3"));
}

TEST(LockOrderGraph, WitnessesPerEdgeAreBounded) {
  LockOrderGraph Graph;
  for (unsigned I = 0; I < 100; ++I)
    Graph.addEdge(A, B, {G}, I);
  Graph.addEdge(B, A, {G}, 100);
  // Only the first MaxWitnesses are kept; all gated: nothing.
  EXPECT_THAT(describe(Graph), IsEmpty());
  EXPECT_EQ(Graph.edges(), 1u + 1u);
}

TEST(LockOrderGraph, CyclesAreBounded) {
  // A complete graph of many mutexes has very many cycles; at most MaxCycles
  // are returned.
  std::string Keys(20, 'x');
  LockOrderGraph Graph;
  for (unsigned I = 0; I < Keys.size(); ++I)
    for (unsigned J = 0; J < Keys.size(); ++J)
      Graph.addEdge(&Keys[I], &Keys[J], {}, I * 100 + J);
  EXPECT_EQ(Graph.cycles(4, 64).size(), 64u);
}

} // namespace
} // namespace corolock
