//===--- HeldLockAnalysisTest.cpp - The held-lock dataflow rules ----------===//

#include "AnalysisTestSupport.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::ElementsAre;

TEST(HeldLockAnalysis, GuardHeldAcrossAwait) {
  EXPECT_THAT(heldLocks(R"cpp(
std::mutex m;
task<void> f() {
  std::lock_guard<std::mutex> g(m);
  co_await send(1);
}
)cpp",
                        "f"),
              ElementsAre("L5: g=held(sync)"));
}

} // namespace
} // namespace corolock::test
