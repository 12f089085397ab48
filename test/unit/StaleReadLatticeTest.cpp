//===--- StaleReadLatticeTest.cpp - The read-release-write lattice --------===//
//
// Joins of pending reads, epochs and whole states, without a dataflow: what
// holds on all paths (re-checks, serializers, claims) intersects, what holds
// on some path (reads, taints, stale reads) unions.
//
//===----------------------------------------------------------------------===//

#include "StaleReadLattice.h"
#include "AnalysisTestSupport.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using namespace stale;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class StaleReadLatticeTest : public ::testing::Test {
protected:
  StaleReadLatticeTest()
      : Parsed("int a;"), SM(Parsed.context().getSourceManager()) {}

  static ReadSet reads(std::initializer_list<unsigned> Ids) {
    ReadSet Result;
    for (unsigned Id : Ids)
      Result.set(Id);
    return Result;
  }

  ParsedCode Parsed;
  const clang::SourceManager &SM;
  // Stand-ins for CFG blocks: only their identity matters to the joins.
  const auto *block(int &Tag) {
    return reinterpret_cast<const clang::CFGBlock *>(&Tag);
  }
  int B1 = 0, B2 = 0, B3 = 0;
};

// A re-check, a serializer or a claim counts only when on every path.
TEST_F(StaleReadLatticeTest, PendingReadsIntersectWhatHoldsOnAllPaths) {
  PendingRead Into, From;
  Into.Checks = {{block(B1), 0}, {block(B2), 1}};
  From.Checks = {{block(B2), 1}};
  Into.Claims = {block(B3)};
  EXPECT_TRUE(joinPending(Into, From, SM));
  EXPECT_THAT(Into.Checks, ElementsAre(Outcome(block(B2), 1)));
  EXPECT_THAT(Into.Claims, IsEmpty());
  EXPECT_FALSE(joinPending(Into, From, SM));
}

// Reads and conditions under a mutex union; claims intersect.
TEST_F(StaleReadLatticeTest, EpochsUnionReadsAndIntersectClaims) {
  Epoch Into, From;
  Into.Reads = reads({1});
  From.Reads = reads({2});
  Into.Claims = {block(B1)};
  From.Claims = {block(B1), block(B2)};
  From.Conditions = {{block(B3), reads({2})}};
  EXPECT_TRUE(joinEpoch(Into, From));
  EXPECT_EQ(Into.Reads, reads({1, 2}));
  EXPECT_THAT(Into.Claims, ElementsAre(block(B1)));
  ASSERT_EQ(Into.Conditions.size(), 1u);
  EXPECT_EQ(Into.Conditions[0].second, reads({2}));
  EXPECT_FALSE(joinEpoch(Into, From));
}

// Taints and stale reads union; a mutex with no epoch on one path has no
// claims after the join; a pending read on one path stays pending.
TEST_F(StaleReadLatticeTest, StatesJoin) {
  State Into, From;
  Into.Taint[nullptr] = reads({1});
  From.Taint[nullptr] = reads({3});
  Into.Stale = reads({4});
  From.Stale = reads({5});
  Into.Epochs[7].Claims = {block(B1)};
  From.Pending[{2, 7, true}] = PendingRead();
  EXPECT_TRUE(joinStates(Into, From, SM));
  EXPECT_EQ(Into.Taint[nullptr], reads({1, 3}));
  EXPECT_EQ(Into.Stale, reads({4, 5}));
  EXPECT_THAT(Into.Epochs[7].Claims, IsEmpty());
  EXPECT_EQ(Into.Pending.count({2, 7, true}), 1u);
  EXPECT_FALSE(joinStates(Into, From, SM));
}

} // namespace
} // namespace corolock::test
