//===--- ReadReleaseWriteTest.cpp - Stale writes and their dependence -----===//
//
// findStaleWrites, above all how a write depends on a read made before the
// suspension: through locals, calls and awaits (value), or through the
// conditions it is control dependent on (control), and what ends that
// dependence. Line numbers are relative to the snippet: the empty line after
// `R"cpp(` is line 1.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestSupport.h"
#include "ReadReleaseWrite.h"
#include "clang/Lex/Lexer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string text(const clang::Expr *E, clang::ASTContext &Context) {
  return clang::Lexer::getSourceText(
             clang::CharSourceRange::getTokenRange(E->getSourceRange()),
             Context.getSourceManager(), Context.getLangOpts())
      .str();
}

/// One line per stale write of \p Function: "L<write> <written> <-
/// L<basis> <basis> (value|control) [L<read> <read>] at L<suspension>",
/// the bracketed read only when it is not the basis.
std::vector<std::string> staleWrites(const std::string &Code,
                                     llvm::StringRef Function = "f") {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const clang::FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  auto Model = LockModel::create({});
  auto Suspensions = SuspensionPointClassifier::create("");
  if (!Model || !Suspensions) {
    llvm::consumeError(Model.takeError());
    llvm::consumeError(Suspensions.takeError());
    return {"bad options"};
  }
  clang::ASTContext &Context = Parsed.context();
  auto Line = [&](const clang::Stmt *S) {
    return "L" + std::to_string(Parsed.line(S->getBeginLoc()));
  };
  std::vector<std::string> Lines;
  for (const StaleWrite &W :
       findStaleWrites(*FD, Context, *Model, *Suspensions)) {
    std::string Entry =
        Line(W.Write) + " " + text(W.Write, Context) + " <- " + Line(W.Basis) +
        " " + text(W.Basis, Context) +
        (W.Dependence == StaleDependence::Value ? " (value)" : " (control)");
    if (W.Read != W.Basis)
      Entry += " [" + Line(W.Read) + " " + text(W.Read, Context) + "]";
    Lines.push_back(Entry + " at " + Line(W.Suspension));
  }
  return Lines;
}

//===----------------------------------------------------------------------===//
// Value dependence
//===----------------------------------------------------------------------===//

// The value read flows through copies, arithmetic and compound assignments.
TEST(StaleWriteValue, ThroughLocals) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> f() {
  int a;
  { std::lock_guard<std::mutex> g(m); a = x; }
  int b = a * 2;
  int c = 0;
  c += b;
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  x = c;
}
)cpp"),
              ElementsAre("L12 x <- L6 x (value) at L10"));
}

// A plain assignment of something else ends it, on its path only: the other
// path still carries the value.
TEST(StaleWriteValue, AssignmentReplacesOnItsPathOnly) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> f(bool reset) {
  int a, b;
  { std::lock_guard<std::mutex> g(m); a = x; }
  { std::lock_guard<std::mutex> g(m); b = x; }
  a = 0;
  if (reset) b = 0;
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  x = a;
  x = b;
}
)cpp"),
              ElementsAre("L13 x <- L7 x (value) at L10"));
}

// A store into a member of a local adds to it: a local struct is one value,
// whichever member carries what was read.
TEST(StaleWriteValue, MemberStoresAdd) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
struct P { int a, b; };
task<void> f() {
  P p{0, 0};
  { std::lock_guard<std::mutex> g(m); p.a = x; }
  p.b = 0;
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  x = p.b;
}
)cpp"),
              ElementsAre("L11 x <- L7 x (value) at L9"));
}

// The awaited call's arguments flow into its result.
TEST(StaleWriteValue, ThroughTheAwaitedCall) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> f() {
  int a;
  { std::lock_guard<std::mutex> g(m); a = x; }
  int r = co_await fetch(a + 1);
  std::lock_guard<std::mutex> g(m);
  x = r;
}
)cpp"),
              ElementsAre("L9 x <- L6 x (value) at L7"));
}

// An awaited call whose arguments do not carry the value returns a fresh one.
TEST(StaleWriteValue, AwaitedCallWithoutTheValue) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> f() {
  int a;
  { std::lock_guard<std::mutex> g(m); a = x; }
  int r = co_await fetch(1);
  std::lock_guard<std::mutex> g(m);
  x = r;
}
)cpp"),
              IsEmpty());
}

// Out-parameters, calls on a local and lambda captures carry the arguments.
TEST(StaleWriteValue, ThroughCallsAndCaptures) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x, y, z;
void fill(int &out, int from);
struct Bag { void put(int); int get() const; };
task<void> f() {
  int out = 0;
  Bag bag;
  { std::lock_guard<std::mutex> g(m); fill(out, x); bag.put(y); }
  int w;
  { std::lock_guard<std::mutex> g(m); w = z; }
  auto next = [w] { return w + 1; };
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  x = out;
  y = bag.get();
  z = next();
}
)cpp"),
              ElementsAre("L15 x <- L9 x (value) at L13",
                          "L16 y <- L9 y (value) at L13",
                          "L17 z <- L11 z (value) at L13"));
}

// Structured bindings carry what their object carries.
TEST(StaleWriteValue, StructuredBindings) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
struct P { int a, b; };
P split(int);
task<void> f() {
  int v;
  { std::lock_guard<std::mutex> g(m); v = x; }
  co_await send(0);
  auto [lo, hi] = split(v);
  std::lock_guard<std::mutex> g(m);
  x = hi;
}
)cpp"),
              ElementsAre("L12 x <- L8 x (value) at L9"));
}

//===----------------------------------------------------------------------===//
// Control dependence
//===----------------------------------------------------------------------===//

// An early return in the first section decides the write.
TEST(StaleWriteControl, EarlyReturn) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int used, limit;
task<void> f() {
  {
    std::lock_guard<std::mutex> g(m);
    if (used >= limit) co_return;
  }
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  ++used;
}
)cpp"),
              ElementsAre("L11 used <- L7 used (control) at L9"));
}

// A branch on a local computed from the read decides the write in it; a
// branch that joins before the write does not.
TEST(StaleWriteControl, BranchOnLocal) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x, log_;
task<void> f() {
  bool big;
  { std::lock_guard<std::mutex> g(m); big = x > 10; }
  if (big) log_ = 1;
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  x = 0;
  if (big)
    x = 1;
}
)cpp"),
              ElementsAre("L12 x <- L6 x (control) at L8"));
}

// A value dependence is reported as such even when the read decides too.
TEST(StaleWriteControl, ValueWins) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> f() {
  int a;
  { std::lock_guard<std::mutex> g(m); a = x; }
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  if (a > 0)
    x = a - 1;
}
)cpp"),
              ElementsAre("L10 x <- L6 x (value) at L7"));
}

//===----------------------------------------------------------------------===//
// The basis, the read and the suspension
//===----------------------------------------------------------------------===//

// The basis may be another read under the mutex before the suspension; the
// read of the written location is then named as well.
TEST(StaleWriteBasis, AnotherReadOfTheSection) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int lo, hi;
task<void> f() {
  int h;
  {
    std::lock_guard<std::mutex> g(m);
    h = hi;
    compute(lo);
  }
  co_await send(h);
  std::lock_guard<std::mutex> g(m);
  lo = h - 1;
}
)cpp"),
              ElementsAre("L13 lo <- L8 hi (value) [L9 lo] at L11"));
}

// The read of the written location is preferred as the basis.
TEST(StaleWriteBasis, PrefersTheWrittenLocation) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int lo, hi;
task<void> f() {
  int h, l;
  { std::lock_guard<std::mutex> g(m); h = hi; l = lo; }
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  lo = h + l;
}
)cpp"),
              ElementsAre("L9 lo <- L6 lo (value) at L7"));
}

// A value read again after the suspension is fresh: the read of the same
// site in a later loop iteration supersedes the earlier one.
TEST(StaleWriteBasis, ReadAgainIsFresh) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> f() {
  for (int i = 0; i < 3; ++i) {
    int a;
    { std::lock_guard<std::mutex> g(m); a = x; }
    co_await send(a);
    std::lock_guard<std::mutex> g(m);
    a = x;
    x = a + 1;
  }
}
)cpp"),
              IsEmpty());
}

// The first suspension without the mutex is named, also when the mutex is
// held across an earlier one.
TEST(StaleWriteBasis, FirstSuspensionWithoutTheMutex) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> f() {
  std::unique_lock<std::mutex> g(m);
  int a = x;
  co_await send(1);
  g.unlock();
  co_await send(2);
  co_await send(3);
  g.lock();
  x = a;
}
)cpp"),
              ElementsAre("L12 x <- L6 x (value) at L9"));
}

//===----------------------------------------------------------------------===//
// What ends the dependence
//===----------------------------------------------------------------------===//

// A condition in the second section that reads the location again, through
// a local read there, decides the write: re-validated. The same check whose
// outcome does not decide the write is none.
TEST(StaleWriteExclusions, RevalidatedThroughLocal) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> f() {
  int a;
  { std::lock_guard<std::mutex> g(m); a = x; }
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  int now = x;
  if (now != a) co_return;
  x = a + 1;
}
)cpp"),
              IsEmpty());
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int x;
task<void> ignored() {
  int a;
  { std::lock_guard<std::mutex> g(m); a = x; }
  co_await send(0);
  std::lock_guard<std::mutex> g(m);
  int now = x;
  if (now != a) compute(0);
  x = a + 1;
}
)cpp",
                          "ignored"),
              ElementsAre("L11 x <- L6 x (value) at L7"));
}

// The first section changed what it read (a reservation): the second one
// follows up.
TEST(StaleWriteExclusions, CommittedRead) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m;
int used, limit;
task<void> f() {
  {
    std::lock_guard<std::mutex> g(m);
    if (used >= limit) co_return;
    ++used;
  }
  int ok = co_await fetch(0);
  std::lock_guard<std::mutex> g(m);
  if (!ok) --used;
}
)cpp"),
              IsEmpty());
}

// A lock held from the read to the write serializes them; one released at
// the suspension does not.
TEST(StaleWriteExclusions, Serialized) {
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m, s;
int x;
task<void> f() {
  std::unique_lock<std::mutex> serial(s);
  int a;
  { std::lock_guard<std::mutex> g(m); a = x; }
  co_await send(a);
  std::lock_guard<std::mutex> g(m);
  x = a + 1;
}
)cpp"),
              IsEmpty());
  EXPECT_THAT(staleWrites(R"cpp(
std::mutex m, s;
int x;
task<void> f() {
  std::unique_lock<std::mutex> serial(s);
  int a;
  { std::lock_guard<std::mutex> g(m); a = x; }
  serial.unlock();
  co_await send(a);
  serial.lock();
  std::lock_guard<std::mutex> g(m);
  x = a + 1;
}
)cpp"),
              ElementsAre("L12 x <- L7 x (value) at L9"));
}

} // namespace
} // namespace corolock::test
