//===--- BlockingCallsTest.cpp - Calls that block the thread --------------===//
//
// BlockingCallFinder: the catalogue per family, names as diagnostics give
// them, polls and awaitable forms, the BlockingFunctions option, and the
// search through plain functions. Library APIs are minimal mocks written
// into each snippet, spelled as in their libraries. Line numbers are
// relative to the snippet: the empty line after `R"cpp(` is line 1.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestSupport.h"
#include "BlockingCalls.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <map>

namespace corolock::test {
namespace {

using namespace clang;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

/// One line per blocking call found in coroutine \p Function: "L<line>:
/// <name>", and " via L<line>" for each call on the path after the first;
/// {"error: <message>"} when \p Option is invalid.
std::vector<std::string> blockingCalls(const std::string &Code,
                                       llvm::StringRef Function,
                                       llvm::StringRef Option = "") {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  auto Finder = BlockingCallFinder::create(Option);
  if (!Finder)
    return {"error: " + llvm::toString(Finder.takeError())};
  const FunctionDecl *F = Parsed.function(Function);
  if (!F)
    return {"no function"};
  const auto *Body = cast<CoroutineBodyStmt>(F->getBody())->getBody();
  std::vector<std::string> Lines;
  for (const BlockingCall &Call : Finder->find(*Body, Parsed.context())) {
    std::string Line =
        "L" + std::to_string(Parsed.line(Call.Path[0]->getBeginLoc())) + ": " +
        Call.Name;
    for (size_t I = 1; I < Call.Path.size(); ++I)
      Line +=
          " via L" + std::to_string(Parsed.line(Call.Path[I]->getBeginLoc()));
    Lines.push_back(Line);
  }
  return Lines;
}

const char *const StdMocks = R"cpp(
namespace std {
inline namespace __1 {
template <typename T> struct __basic_future { void wait(); };
template <typename T> struct future : __basic_future<T> { T get(); };
template <typename T> struct shared_future : __basic_future<T> { T get(); };
struct condition_variable { void wait(unique_lock<mutex> &); };
struct thread { void join(); void detach(); };
template <long N = 1> struct counting_semaphore {
  void acquire(); bool try_acquire(); void release();
};
using binary_semaphore = counting_semaphore<1>;
struct latch { void wait(); void count_down(); };
template <typename F = void> struct barrier { void arrive_and_wait(); };
namespace this_thread { void sleep_for(int); void yield(); }
}
}
)cpp";

//===----------------------------------------------------------------------===//
// The catalogue
//===----------------------------------------------------------------------===//

// Each standard family, named without template arguments or inline
// namespaces, and by the class a member is called on (future, not
// __basic_future); the non-blocking members of the same classes are not
// listed.
TEST(BlockingCallsCatalogue, StandardLibrary) {
  EXPECT_THAT(
      blockingCalls(std::string(StdMocks) + R"cpp(
task<void> f(std::future<int> &fu, std::shared_future<int> &sf,
             std::condition_variable &cv, std::unique_lock<std::mutex> &lk,
             std::thread &t, std::binary_semaphore &s, std::latch &l,
             std::barrier<> &b) {
  fu.get(); fu.wait(); sf.wait();
  cv.wait(lk);
  t.join(); t.detach();
  s.acquire(); s.try_acquire(); s.release();
  l.wait(); l.count_down();
  b.arrive_and_wait();
  std::this_thread::sleep_for(1); std::this_thread::yield();
  co_return;
}
)cpp",
                    "f"),
      ElementsAre(
          "L23: std::future::get", "L23: std::future::wait",
          "L23: std::shared_future::wait", "L24: std::condition_variable::wait",
          "L25: std::thread::join", "L26: std::counting_semaphore::acquire",
          "L27: std::latch::wait", "L28: std::barrier::arrive_and_wait",
          "L29: std::this_thread::sleep_for"));
}

// The libraries' bridges from coroutines to threads, folly's as the
// function object it is called through.
TEST(BlockingCallsCatalogue, LibraryBridges) {
  EXPECT_THAT(blockingCalls(R"cpp(
namespace folly::coro {
struct blocking_wait_fn { template <typename A> int operator()(A &&) const; };
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait;
}
namespace cppcoro { template <typename A> int sync_wait(A &&); }
namespace coro { template <typename A> int sync_wait(A &&); }
namespace async_simple::coro { template <typename L> int syncAwait(L &&); }
namespace concurrencpp {
template <typename T> struct result { T get(); void wait(); int status(); };
}
task<void> f(concurrencpp::result<int> &r) {
  folly::coro::blockingWait(fetch(1));
  cppcoro::sync_wait(fetch(2));
  coro::sync_wait(fetch(3));
  async_simple::coro::syncAwait(fetch(4));
  r.get(); r.wait(); r.status();
  co_return;
}
)cpp",
                            "f"),
              ElementsAre("L14: folly::coro::blockingWait",
                          "L15: cppcoro::sync_wait", "L16: coro::sync_wait",
                          "L17: async_simple::coro::syncAwait",
                          "L18: concurrencpp::result::get",
                          "L18: concurrencpp::result::wait"));
}

// A listed call that returns an awaitable, or whose result is awaited, is
// its awaitable form.
TEST(BlockingCallsCatalogue, AwaitableFormsAreNotBlocking) {
  EXPECT_THAT(blockingCalls(R"cpp(
namespace acme {
struct Event {
  task<void> wait();
  int wait_sync();
};
}
task<void> f(acme::Event &e) {
  co_await e.wait();
  auto w = e.wait();
  e.wait_sync();
  co_return;
}
)cpp",
                            "f", "acme::Event::wait.*"),
              ElementsAre("L11: acme::Event::wait_sync"));
}

//===----------------------------------------------------------------------===//
// BlockingFunctions
//===----------------------------------------------------------------------===//

// Patterns match the name without template arguments and the name with
// them; they are anchored.
TEST(BlockingCallsOption, ExtendsThePresets) {
  const char *Code = R"cpp(
namespace acme {
template <typename T> struct Pool { T borrow(); T borrow_later(); };
void wait_all();
}
task<void> f(acme::Pool<int> &p) {
  p.borrow(); p.borrow_later();
  acme::wait_all();
  co_return;
}
)cpp";
  EXPECT_THAT(blockingCalls(Code, "f"), IsEmpty());
  EXPECT_THAT(blockingCalls(Code, "f", "acme::Pool::borrow; acme::wait_.*"),
              ElementsAre("L7: acme::Pool::borrow", "L8: acme::wait_all"));
  EXPECT_THAT(blockingCalls(Code, "f", "acme::Pool<int>::borrow"),
              ElementsAre("L7: acme::Pool::borrow"));
}

TEST(BlockingCallsOption, InvalidPatternNamesTheOption) {
  EXPECT_THAT(blockingCalls("", "f", "acme::(wait"),
              ElementsAre(AllOf(HasSubstr("'acme::(wait'"),
                                HasSubstr("option 'BlockingFunctions'"))));
}

//===----------------------------------------------------------------------===//
// The search through plain functions
//===----------------------------------------------------------------------===//

// Plain functions are followed up to MaxDepth deep; the path lists each
// call down to the blocking one.
TEST(BlockingCallsSearch, FollowsPlainFunctionsToTheDepthLimit) {
  EXPECT_THAT(blockingCalls(std::string(StdMocks) + R"cpp(
int d5(std::future<int> &f) { return f.get(); }
int d4(std::future<int> &f) { return d5(f); }
int d3(std::future<int> &f) { return d4(f); }
int d2(std::future<int> &f) { return d3(f); }
int d1(std::future<int> &f) { return d2(f); }
task<void> g(std::future<int> &f) {
  d2(f);
  d1(f);
  co_return;
}
)cpp",
                            "g"),
              ElementsAre("L25: std::future::get via L22 via L21 via L20 "
                          "via L19"));
}

// Recursion ends; lambdas are searched only when called here; coroutines,
// virtual functions and functions without a body here are not entered.
TEST(BlockingCallsSearch, WhatIsEntered) {
  EXPECT_THAT(blockingCalls(std::string(StdMocks) + R"cpp(
void post(void (*)());
int rec(std::future<int> &f, int n) { return n ? rec(f, n - 1) : f.get(); }
int external(std::future<int> &f);
struct S { virtual int v(std::future<int> &f) { return f.get(); } };
task<int> co(std::future<int> &f) { co_return f.get(); }
task<void> g(std::future<int> &f, S &s, std::thread &t) {
  rec(f, 3);
  external(f);
  s.v(f);
  co(f);
  post([] {});
  auto later = [&] { t.join(); };
  [&] { t.join(); }();
  later();
  co_return;
}
)cpp",
                            "g"),
              ElementsAre("L25: std::future::get via L20",
                          "L31: std::thread::join via L31",
                          "L32: std::thread::join via L30"));
}

//===----------------------------------------------------------------------===//
// Timeouts
//===----------------------------------------------------------------------===//

/// Whether the argument of each call to `take` is a non-positive duration,
/// in source order, in a snippet with its own constexpr
/// std::chrono::duration.
std::vector<bool> nonPositive(const std::string &Calls) {
  std::unique_ptr<ASTUnit> Unit = tooling::buildASTFromCodeWithArgs(
      R"cpp(
namespace std::chrono {
template <typename Rep, typename Period = int> struct duration {
  Rep count_;
  constexpr duration() : count_() {}
  constexpr explicit duration(Rep r) : count_(r) {}
  static constexpr duration zero() { return duration(); }
};
using seconds = duration<long>;
}
struct Other { long count_; constexpr Other(long c) : count_(c) {} };
template <typename T> void take(const T &);
constexpr std::chrono::seconds kZero(0);
void f(std::chrono::seconds runtime) {
)cpp" + Calls +
          "}\n",
      {"-std=c++20"}, "input.cc");
  ASTContext &Context = Unit->getASTContext();
  using namespace clang::ast_matchers;
  // The matches come in no particular order.
  std::map<unsigned, bool> ByOffset;
  for (const BoundNodes &N :
       match(callExpr(callee(functionDecl(hasName("take")))).bind("c"),
             Context)) {
    const CallExpr *C = N.getNodeAs<CallExpr>("c");
    ByOffset[Context.getSourceManager().getFileOffset(C->getBeginLoc())] =
        isNonPositiveDuration(*C->getArg(0), Context);
  }
  std::vector<bool> Result;
  Result.reserve(ByOffset.size());
  for (const auto &[Offset, NonPositive] : ByOffset)
    Result.push_back(NonPositive);
  return Result;
}

TEST(BlockingCallsTimeout, ConstantZeroOrNegativeDurations) {
  EXPECT_THAT(
      nonPositive(R"cpp(
  take(std::chrono::seconds(0));
  take(std::chrono::seconds(-1));
  take(std::chrono::seconds{});
  take(std::chrono::seconds::zero());
  take(kZero);
  take(std::chrono::duration<double>(0.0));
  take(std::chrono::seconds(1));
  take(runtime);
  take(Other(0));
)cpp"),
      ElementsAre(true, true, true, true, true, true, false, false, false));
}

} // namespace
} // namespace corolock::test
