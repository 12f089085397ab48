//===--- ProjectSummaryTest.cpp - The summary and index format ------------===//
//
// Summaries written and read back, the checks on what is read (format,
// version, fields), merging units into an index, and stale units dropped.
//
//===----------------------------------------------------------------------===//

#include "ProjectSummary.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

SourcePoint at(const std::string &File, unsigned Line) {
  return {File, Line, 3, Line * 40};
}

/// A unit with one async mutex locked once, one coroutine that awaits I/O
/// and one awaiter that never suspends.
ProjectSummary unit(const std::string &File, bool Suspends) {
  ProjectSummary S;
  S.Units.push_back({File,
                     contentHash(File + " contents"),
                     {"corolock-async-lock-across-io"}});
  MutexFact &M = S.Mutexes["c:@S@Relay@FI@mu_"];
  M.Name = "Relay::mu_";
  M.Declaration = at("relay.h", 7);
  M.Async = true;
  SectionFact &Section = M.Sections.emplace_back();
  Section.Unit = File;
  Section.Acquisition = at(File, 12);
  Section.Function = "Relay::bump";
  Section.Suspends = Suspends;
  if (Suspends)
    Section.Unseen.emplace_back("c:@F@upstreamWrite#I#", at(File, 13));
  FunctionFact &F = S.Functions["c:@F@upstreamWrite#I#"];
  F.Unit = File;
  F.Name = "upstreamWrite";
  F.Definition = at("relay.h", 20);
  F.Hash = contentHash("relay.h contents");
  F.Io = "Socket::async_write";
  F.IoAt = at("relay.h", 22);
  AwaiterFact &A = S.Awaiters["c:@S@Ready@F@await_ready#1"];
  A.Unit = File;
  A.Name = "Ready";
  A.Definition = at("relay.h", 30);
  A.Hash = F.Hash;
  A.AlwaysReady = true;
  return S;
}

/// The files of the units and of relay.h as they were when summarized,
/// but \p Edited.
std::optional<std::string> unchangedBut(llvm::StringRef File,
                                        llvm::StringRef Edited) {
  if (File == Edited)
    return std::string("edited since");
  return File.str() + " contents";
}

TEST(ProjectSummaryTest, RoundTrips) {
  ProjectSummary S = unit("relay_flush.cpp", true);
  llvm::Expected<ProjectSummary> Read = fromJson(toJson(S));
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(toJson(*Read), toJson(S));
  ASSERT_EQ(Read->Mutexes.size(), 1u);
  const MutexFact &M = Read->Mutexes.begin()->second;
  EXPECT_EQ(M.Name, "Relay::mu_");
  EXPECT_EQ(M.Declaration.Line, 7u);
  ASSERT_EQ(M.Sections.size(), 1u);
  EXPECT_TRUE(M.Sections[0].Suspends);
  ASSERT_EQ(M.Sections[0].Unseen.size(), 1u);
  EXPECT_EQ(M.Sections[0].Unseen[0].second.Line, 13u);
  EXPECT_THAT(Read->Units[0].Checks,
              ElementsAre("corolock-async-lock-across-io"));
  const std::optional<SourcePoint> &IoAt = Read->Functions.begin()->second.IoAt;
  EXPECT_EQ(IoAt.value_or(SourcePoint{}).Line, 22u);
  EXPECT_TRUE(Read->Awaiters.begin()->second.AlwaysReady);
}

TEST(ProjectSummaryTest, RefusesOtherVersionsAndFormats) {
  std::string Text = toJson(unit("a.cpp", false));
  std::string Key = "\"version\": " + std::to_string(SummaryVersion);
  size_t Pos = Text.find(Key);
  ASSERT_NE(Pos, std::string::npos);
  std::string Newer = Text;
  Newer.replace(Pos, Key.size(),
                "\"version\": " + std::to_string(SummaryVersion + 1));
  llvm::Expected<ProjectSummary> Read = fromJson(Newer);
  ASSERT_FALSE(static_cast<bool>(Read));
  EXPECT_THAT(llvm::toString(Read.takeError()),
              HasSubstr("version " + std::to_string(SummaryVersion + 1)));

  Read = fromJson("{\"format\": \"something-else\", \"version\": 1}");
  ASSERT_FALSE(static_cast<bool>(Read));
  EXPECT_THAT(llvm::toString(Read.takeError()),
              HasSubstr("not a corolock summary"));

  Read = fromJson("{ not json");
  EXPECT_FALSE(static_cast<bool>(Read));
  llvm::consumeError(Read.takeError());
}

TEST(ProjectSummaryTest, RefusesMissingFields) {
  std::string Text = toJson(unit("a.cpp", false));
  size_t Pos = Text.find("\"suspends\"");
  ASSERT_NE(Pos, std::string::npos);
  Text.replace(Pos, 10, "\"suspendz\"");
  llvm::Expected<ProjectSummary> Read = fromJson(Text);
  ASSERT_FALSE(static_cast<bool>(Read));
  EXPECT_THAT(llvm::toString(Read.takeError()), HasSubstr("suspends"));
}

// An index keeps every unit's sections of a mutex, each once; a function
// or awaiter seen by several units is one fact.
TEST(ProjectSummaryTest, MergesUnits) {
  ProjectSummary Index;
  Index.merge(unit("relay_bump.cpp", false));
  Index.merge(unit("relay_flush.cpp", true));
  Index.merge(unit("relay_flush.cpp", true));
  ASSERT_EQ(Index.Units.size(), 2u);
  const MutexFact &M = Index.Mutexes.at("c:@S@Relay@FI@mu_");
  ASSERT_EQ(M.Sections.size(), 2u);
  EXPECT_FALSE(M.Sections[0].Suspends);
  EXPECT_TRUE(M.Sections[1].Suspends);
  EXPECT_EQ(Index.Functions.size(), 1u);
  EXPECT_EQ(Index.Awaiters.size(), 1u);
}

// A unit whose file changed since its summary was written says nothing.
TEST(ProjectSummaryTest, DropsStaleUnits) {
  ProjectSummary Index;
  Index.merge(unit("relay_bump.cpp", false));
  Index.merge(unit("relay_flush.cpp", true));
  std::vector<std::string> Stale = Index.dropStale([](llvm::StringRef File) {
    return unchangedBut(File, "relay_flush.cpp");
  });
  EXPECT_THAT(Stale, ElementsAre("relay_flush.cpp"));
  EXPECT_THAT(Index.StaleUnits, ElementsAre("relay_flush.cpp"));
  ASSERT_EQ(Index.Units.size(), 1u);
  const MutexFact &M = Index.Mutexes.at("c:@S@Relay@FI@mu_");
  ASSERT_EQ(M.Sections.size(), 1u);
  EXPECT_EQ(M.Sections[0].Unit, "relay_bump.cpp");
  // The function and awaiter facts came from the first unit merged.
  EXPECT_EQ(Index.Functions.size(), 1u);

  std::vector<std::string> Gone = Index.dropStale(
      [](llvm::StringRef) -> std::optional<std::string> { return {}; });
  EXPECT_THAT(Gone, ElementsAre("relay_bump.cpp"));
  EXPECT_TRUE(Index.Functions.empty());
  EXPECT_TRUE(Index.Mutexes.at("c:@S@Relay@FI@mu_").Sections.empty());
}

// A coroutine or awaiter defined in a header that changed since says
// nothing, though the units that saw it did not change.
TEST(ProjectSummaryTest, DropsFactsOfChangedHeaders) {
  ProjectSummary Index = unit("relay_flush.cpp", true);
  EXPECT_TRUE(Index
                  .dropStale([](llvm::StringRef File) {
                    return unchangedBut(File, "relay.h");
                  })
                  .empty());
  EXPECT_EQ(Index.Units.size(), 1u);
  EXPECT_EQ(Index.Mutexes.at("c:@S@Relay@FI@mu_").Sections.size(), 1u);
  EXPECT_TRUE(Index.Functions.empty());
  EXPECT_TRUE(Index.Awaiters.empty());
}

// An awaiter is ready at once only when it was at every use, in every unit.
TEST(ProjectSummaryTest, MergesAwaitersReadyAtEveryUse) {
  ProjectSummary Index = unit("a.cpp", false);
  ProjectSummary Other = unit("b.cpp", false);
  Other.Awaiters.begin()->second.AlwaysReady = false;
  Index.merge(Other);
  EXPECT_FALSE(Index.Awaiters.begin()->second.AlwaysReady);
  Index.merge(unit("c.cpp", false));
  EXPECT_FALSE(Index.Awaiters.begin()->second.AlwaysReady);
}

/// A unit defining `task<void> Name(Mutex &m)`, whose parameter has one
/// section that \p Suspends, and which passes it on to \p Next's parameter
/// when given.
ProjectSummary defines(const std::string &Name, bool Suspends,
                       const std::string &Next = "") {
  std::string File = Name + ".cpp";
  ProjectSummary S;
  S.Units.push_back({File, contentHash(File + " contents"), {}});
  ParameterFact &P = S.Parameters["c:@F@" + Name + "#0"];
  P.Unit = File;
  P.Function = Name;
  P.Hash = contentHash(File + " contents");
  P.Mutex.Name = "m";
  P.Mutex.Declaration = at(File, 2);
  P.Mutex.Async = true;
  SectionFact &Section = P.Mutex.Sections.emplace_back();
  Section.Unit = File;
  Section.Acquisition = at(File, 3);
  Section.Function = Name;
  Section.Suspends = Suspends;
  if (!Next.empty())
    P.Mutex.PassedTo.push_back({File, "c:@F@" + Next, 0, at(File, 4)});
  return S;
}

PassedFact call(const std::string &Function) {
  return {"caller.cpp", "c:@F@" + Function, 0, at("caller.cpp", 9)};
}

std::vector<std::string>
functionsOf(const std::optional<std::vector<SectionThroughCall>> &Found) {
  std::vector<std::string> Names;
  for (const SectionThroughCall &S :
       Found.value_or(std::vector<SectionThroughCall>()))
    Names.push_back(S.Section->Function);
  return Names;
}

// What a function does with its mutex parameter, and where a mutex is
// passed to a function defined elsewhere, are written and read back.
TEST(ProjectSummaryTest, RoundTripsParametersAndCalls) {
  ProjectSummary S = defines("relay", false, "flush");
  S.Mutexes["c:@g"].PassedTo.push_back(call("relay"));
  llvm::Expected<ProjectSummary> Read = fromJson(toJson(S));
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(toJson(*Read), toJson(S));
  const ParameterFact &P = Read->Parameters.at("c:@F@relay#0");
  EXPECT_EQ(P.Mutex.Name, "m");
  ASSERT_EQ(P.Mutex.PassedTo.size(), 1u);
  EXPECT_EQ(P.Mutex.PassedTo[0].parameterKey(), "c:@F@flush#0");
  EXPECT_EQ(Read->Mutexes.at("c:@g").PassedTo[0].At.Line, 9u);
}

// A mutex's calls lead to the sections of the parameters they pass it to,
// and on through the calls those make; a cycle ends. A parameter the index
// does not know, or one that lets the mutex escape, leaves no answer.
TEST(ProjectSummaryTest, FollowsCallsThroughParameters) {
  ProjectSummary Index;
  Index.merge(defines("relay", false, "flush"));
  Index.merge(defines("flush", true, "relay"));
  Index.merge(defines("leak", false));
  Index.Parameters.at("c:@F@leak#0").Mutex.Unfollowed = true;
  EXPECT_THAT(functionsOf(Index.sectionsThrough({call("relay")})),
              ElementsAre("relay", "flush"));
  EXPECT_THAT(functionsOf(Index.sectionsThrough({call("flush")})),
              ElementsAre("flush", "relay"));
  EXPECT_FALSE(Index.sectionsThrough({call("relay"), call("nowhere")}));
  EXPECT_FALSE(Index.sectionsThrough({call("leak")}));
  EXPECT_TRUE(Index.sectionsThrough({}).has_value());

  Index.Mutexes["c:@g"].PassedTo.push_back(call("relay"));
  Index.Mutexes["c:@h"].PassedTo.push_back(call("leak"));
  auto Callers = Index.mutexesPassedTo("c:@F@flush#0");
  ASSERT_EQ(Callers.size(), 1u);
  EXPECT_EQ(Callers[0].first, &Index.Mutexes.at("c:@g"));
}

// What a function does with its parameter says nothing once the file that
// defines it changed, nor do the calls of a changed unit.
TEST(ProjectSummaryTest, DropsStaleParametersAndCalls) {
  ProjectSummary Index;
  Index.merge(defines("relay", false));
  Index.merge(defines("flush", false));
  ProjectSummary Caller = unit("caller.cpp", false);
  Caller.Mutexes.begin()->second.PassedTo.push_back(call("relay"));
  Index.merge(Caller);
  Index.dropStale([](llvm::StringRef File) {
    return File == "relay.cpp" || File == "caller.cpp"
               ? std::optional<std::string>("edited since")
               : std::optional<std::string>(File.str() + " contents");
  });
  EXPECT_EQ(Index.Parameters.count("c:@F@relay#0"), 0u);
  EXPECT_EQ(Index.Parameters.count("c:@F@flush#0"), 1u);
  EXPECT_TRUE(Index.Mutexes.begin()->second.PassedTo.empty());
}

} // namespace
} // namespace corolock::test
