//===--- LockLatticeTest.cpp - The held-lock lattice ----------------------===//
//
// Joins of lock facts and states, and their order, without a dataflow.
//
//===----------------------------------------------------------------------===//

#include "LockLattice.h"
#include "AnalysisTestSupport.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

class LockLatticeTest : public ::testing::Test {
protected:
  LockLatticeTest()
      : Parsed("int a; int b; int c;"),
        SM(Parsed.context().getSourceManager()) {}

  /// A location in the snippet, \p Offset characters in.
  clang::SourceLocation at(unsigned Offset) {
    clang::FileID Main = SM.getMainFileID();
    return SM.getLocForStartOfFile(Main).getLocWithOffset(Offset);
  }
  LockFact fact(Ownership Owned, llvm::ArrayRef<unsigned> Acquired) {
    LockFact F;
    F.Owned = Owned;
    for (unsigned Offset : Acquired)
      F.Acquisitions.push_back(at(Offset));
    return F;
  }

  ParsedCode Parsed;
  const clang::SourceManager &SM;
};

TEST_F(LockLatticeTest, OwnershipJoins) {
  auto Join = [&](Ownership A, Ownership B) {
    return joinFacts(fact(A, {1}), fact(B, {1}), SM).Owned;
  };
  EXPECT_EQ(Join(Ownership::Held, Ownership::Held), Ownership::Held);
  EXPECT_EQ(Join(Ownership::Held, Ownership::NotHeld), Ownership::MaybeHeld);
  EXPECT_EQ(Join(Ownership::NotHeld, Ownership::NotHeld), Ownership::NotHeld);
  EXPECT_EQ(Join(Ownership::MaybeHeld, Ownership::Held), Ownership::MaybeHeld);
}

// Acquisitions merge in source order, each once; a side that does not own
// the lock adds none (a deferred guard's construction is no acquisition).
TEST_F(LockLatticeTest, AcquisitionsMerge) {
  LockFact Joined = joinFacts(fact(Ownership::Held, {4, 20}),
                              fact(Ownership::Held, {12, 20}), SM);
  EXPECT_THAT(Joined.Acquisitions,
              ::testing::ElementsAre(at(4), at(12), at(20)));
  LockFact Deferred =
      joinFacts(fact(Ownership::NotHeld, {4}), fact(Ownership::Held, {12}), SM);
  EXPECT_THAT(Deferred.Acquisitions, ::testing::ElementsAre(at(12)));
}

// A holder on one path only is possibly held; the join is idempotent, and
// reports whether it changed the state.
TEST_F(LockLatticeTest, StatesJoin) {
  int KeyA = 0, KeyB = 0;
  LockState Into, From;
  Into[&KeyA] = fact(Ownership::Held, {1});
  From[&KeyA] = fact(Ownership::Held, {1});
  From[&KeyB] = fact(Ownership::Held, {5});
  EXPECT_TRUE(joinStates(Into, From, SM));
  EXPECT_EQ(Into[&KeyA].Owned, Ownership::Held);
  EXPECT_EQ(Into[&KeyB].Owned, Ownership::MaybeHeld);
  EXPECT_FALSE(joinStates(Into, From, SM));
  LockState Empty;
  EXPECT_TRUE(joinStates(Into, Empty, SM));
  EXPECT_EQ(Into[&KeyA].Owned, Ownership::MaybeHeld);
}

TEST_F(LockLatticeTest, OrderByAcquisitionThenHolder) {
  LockFact Early = fact(Ownership::Held, {1});
  LockFact Late = fact(Ownership::Held, {9});
  EXPECT_TRUE(lockFactBefore(Early, Late, SM));
  EXPECT_FALSE(lockFactBefore(Late, Early, SM));
  LockFact Guard = Early, Manual = Early;
  Guard.Holder = HolderKind::GuardVariable;
  Manual.Holder = HolderKind::Manual;
  EXPECT_TRUE(lockFactBefore(Guard, Manual, SM));
  EXPECT_FALSE(lockFactBefore(Manual, Guard, SM));
}

} // namespace
} // namespace corolock::test
