//===--- SuspensionPointsTest.cpp - Where a coroutine may suspend ---------===//

#include "SuspensionPoints.h"
#include "AnalysisTestSupport.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

/// Every coroutine statement of a function, including the implicit ones.
class CoroutineStmts : public clang::RecursiveASTVisitor<CoroutineStmts> {
public:
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitLambdaBody() const { return false; }
  bool VisitStmt(clang::Stmt *S) {
    if (llvm::isa<clang::CoroutineSuspendExpr, clang::CoreturnStmt>(S))
      Found.push_back(S);
    return true;
  }
  std::vector<const clang::Stmt *> Found;
};

/// One line per coroutine statement of \p Function: "L<line> co_await: yes"
/// when it is a suspension point, "...: no" when not; implicit statements
/// (initial and final suspends, falling off the end) have no line.
std::vector<std::string> classify(const std::string &Code,
                                  llvm::StringRef Function,
                                  llvm::StringRef NonSuspending = "") {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const clang::FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  auto Classifier = SuspensionPointClassifier::create(NonSuspending);
  if (!Classifier) {
    llvm::consumeError(Classifier.takeError());
    return {"bad options"};
  }
  CoroutineStmts Visitor;
  Visitor.TraverseStmt(FD->getBody());
  const clang::SourceManager &SM = Parsed.context().getSourceManager();
  std::vector<std::string> Lines;
  for (const clang::Stmt *S : Visitor.Found) {
    std::string What;
    if (const auto *Await = llvm::dyn_cast<clang::CoawaitExpr>(S))
      What = Await->isImplicit() ? "implicit co_await" : "co_await";
    else if (llvm::isa<clang::CoyieldExpr>(S))
      What = "co_yield";
    else if (llvm::isa<clang::DependentCoawaitExpr>(S))
      What = "dependent co_await";
    else
      What = llvm::cast<clang::CoreturnStmt>(S)->isImplicit()
                 ? "implicit co_return"
                 : "co_return";
    std::string Line =
        What.rfind("implicit", 0) == 0
            ? What
            : "L" +
                  std::to_string(SM.getPresumedLineNumber(S->getBeginLoc()) -
                                 2) +
                  " " + What;
    const clang::CoroutineSuspendExpr *Point = Classifier->asSuspensionPoint(S);
    if (Point)
      EXPECT_EQ(Point, S);
    Lines.push_back(Line + ": " + (Point ? "yes" : "no"));
  }
  return Lines;
}

/// Only the lines of \p All that are suspension points.
std::vector<std::string> points(const std::vector<std::string> &All) {
  std::vector<std::string> Result;
  for (const std::string &Line : All)
    if (llvm::StringRef(Line).ends_with(": yes"))
      Result.push_back(Line);
  return Result;
}

// Explicit co_await and co_yield suspend; the implicit initial and final
// suspends and co_return do not.
TEST(SuspensionPoints, ExplicitAwaitAndYieldOnly) {
  EXPECT_THAT(classify(R"cpp(
task<void> f() {
  co_await send(1);
  co_yield 2;
  int v = co_await fetch(3);
  co_return;
}
)cpp",
                       "f"),
              UnorderedElementsAre(
                  "implicit co_await: no", "implicit co_await: no",
                  "implicit co_return: no", "L3 co_await: yes",
                  "L4 co_yield: yes", "L5 co_await: yes", "L6 co_return: no"));
}

// A coroutine with only co_return has no suspension point, though its body
// has the implicit initial and final suspends (of suspend_always).
TEST(SuspensionPoints, CoReturnOnlyCoroutineHasNone) {
  auto Lines = classify(R"cpp(
task<int> f() {
  co_return 42;
}
)cpp",
                        "f");
  EXPECT_THAT(points(Lines), IsEmpty());
  EXPECT_THAT(Lines, UnorderedElementsAre("implicit co_await: no",
                                          "implicit co_await: no",
                                          "L3 co_return: no"));
}

// std::suspend_never never suspends; std::suspend_always does.
TEST(SuspensionPoints, SuspendNeverIsNotAPoint) {
  EXPECT_THAT(points(classify(R"cpp(
task<void> f() {
  co_await std::suspend_never{};
  co_await std::suspend_always{};
  std::suspend_never n;
  co_await n;
}
)cpp",
                              "f")),
              ElementsAre("L4 co_await: yes"));
}

// An awaiter whose await_ready() returns constant true is not a point; one
// returning false, a variable or an unknown value is.
TEST(SuspensionPoints, AlwaysReadyAwaiterIsNotAPoint) {
  EXPECT_THAT(points(classify(R"cpp(
struct NotConstexpr {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct Computed {
  constexpr bool await_ready() const noexcept { return 1 + 1 == 2; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct Flag {
  bool ready = true;
  bool await_ready() const noexcept { return ready; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct Opaque {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct TwoStatements {
  bool await_ready() const noexcept { compute(1); return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
task<void> f() {
  int v = co_await ready_now{};
  co_await NotConstexpr{};
  co_await Computed{};
  co_await Flag{};
  co_await Opaque{};
  co_await sleep_for(1);
  co_await TwoStatements{};
}
)cpp",
                              "f")),
              ElementsAre("L32 co_await: yes", "L33 co_await: yes",
                          "L34 co_await: yes", "L35 co_await: yes"));
}

// An awaiter whose await_ready() body another file defines is ready at once
// when the project index says so at every use; without a fact (or without an
// index) it may suspend. The index is never asked about a body in sight.
TEST(SuspensionPoints, ReadinessOutOfSightFromTheIndex) {
  ParsedCode Parsed(R"cpp(
struct Remote {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct Parked {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct Seen {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
task<void> f() {
  co_await Remote{};
  co_await Parked{};
  co_await Seen{};
}
)cpp");
  ASSERT_FALSE(Parsed.hasErrors());
  auto Classifier = SuspensionPointClassifier::create("");
  ASSERT_TRUE(static_cast<bool>(Classifier));
  CoroutineStmts Visitor;
  Visitor.TraverseStmt(Parsed.function("f")->getBody());
  std::vector<const clang::CoroutineSuspendExpr *> Awaits;
  for (const clang::Stmt *S : Visitor.Found)
    if (const auto *Await = llvm::dyn_cast<clang::CoawaitExpr>(S);
        Await && !Await->isImplicit())
      Awaits.push_back(Await);
  ASSERT_EQ(Awaits.size(), 3u);
  auto Suspends = [&] {
    std::vector<bool> Result;
    Result.reserve(Awaits.size());
    for (const clang::CoroutineSuspendExpr *E : Awaits)
      Result.push_back(Classifier->asSuspensionPoint(E) != nullptr);
    return Result;
  };
  EXPECT_THAT(Suspends(), ElementsAre(true, true, true));

  ProjectSummary Index;
  auto Fact = [&](const clang::CoroutineSuspendExpr *E, bool Ready) {
    std::string Usr = usrOf(Classifier->readinessCallee(E));
    ASSERT_FALSE(Usr.empty());
    Index.Awaiters[Usr].AlwaysReady = Ready;
  };
  Fact(Awaits[0], true);
  Fact(Awaits[1], false);
  Fact(Awaits[2], true);
  Classifier->useIndex(&Index);
  EXPECT_THAT(Suspends(), ElementsAre(false, true, true));
  Classifier->useIndex(nullptr);
  EXPECT_THAT(Suspends(), ElementsAre(true, true, true));
}

// An awaitable whose operator co_await returns an always-ready awaiter is
// not a point.
TEST(SuspensionPoints, OperatorCoAwaitReturningReadyAwaiter) {
  EXPECT_THAT(points(classify(R"cpp(
struct Cached {
  ready_now operator co_await() const noexcept { return {}; }
};
struct Remote {
  sleep_for operator co_await() const noexcept { return sleep_for(1); }
};
task<void> f() {
  co_await Cached{};
  co_await Remote{};
}
)cpp",
                              "f")),
              ElementsAre("L10 co_await: yes"));
}

// The awaiter the co_await uses decides, however its await_ready() is
// written: static constexpr in a class template, a template argument,
// inherited from a (template) base, or reached through a free operator
// co_await. The same shapes with an awaiter that may suspend are points.
TEST(SuspensionPoints, ReadyAwaiterShapes) {
  EXPECT_THAT(points(classify(R"cpp(
template <typename T> struct Value {
  static constexpr bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept { return T{}; }
};
template <bool Ready> struct Fixed {
  bool await_ready() const noexcept { return Ready; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
template <typename Derived> struct ReadyBase {
  bool await_ready() const noexcept { return true; }
};
struct Inherited : ReadyBase<Inherited> {
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct SuspendingBase {
  bool await_ready() const noexcept { return false; }
};
struct InheritedSuspending : SuspendingBase {
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct Cached {};
Value<int> operator co_await(Cached) noexcept { return {}; }
struct Remote {};
sleep_for operator co_await(Remote) noexcept { return sleep_for(1); }
task<void> f() {
  int v = co_await Value<int>{};
  co_await Fixed<true>{};
  co_await Fixed<false>{};
  co_await Inherited{};
  co_await InheritedSuspending{};
  int w = co_await Cached{};
  co_await Remote{};
}
)cpp",
                              "f")),
              ElementsAre("L33 co_await: yes", "L35 co_await: yes",
                          "L37 co_await: yes"));
}

// A virtual await_ready() returning true may be overridden by the dynamic
// type of the awaiter, unless it is final.
TEST(SuspensionPoints, VirtualAwaitReady) {
  EXPECT_THAT(points(classify(R"cpp(
struct Base {
  virtual bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct Sealed final : Base {
  bool await_ready() const noexcept override { return true; }
};
Base &current();
Sealed &sealed();
task<void> f() {
  co_await current();
  co_await sealed();
}
)cpp",
                              "f")),
              ElementsAre("L13 co_await: yes"));
}

// The promise's await_transform decides what is awaited: an operand it turns
// into a ready awaiter (Asio's `co_await this_coro::executor`, folly's
// `co_await co_current_executor`) is not a point, one it turns into a
// suspending awaiter is, whatever the spelled operand's own await_ready().
TEST(SuspensionPoints, AwaitTransform) {
  EXPECT_THAT(points(classify(R"cpp(
struct executor_t {};
inline constexpr executor_t executor;
struct current_executor_t {};
inline constexpr current_executor_t co_current_executor;
struct coro;
template <typename T> struct ready_awaitable {
  T value;
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() noexcept { return value; }
};
template <typename Executor> struct frame {
  coro get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
  auto await_transform(executor_t) noexcept {
    struct result {
      frame *self;
      bool await_ready() const noexcept { return true; }
      void await_suspend(std::coroutine_handle<>) noexcept {}
      Executor await_resume() const noexcept { return {}; }
    };
    return result{this};
  }
  ready_awaitable<Executor *> await_transform(current_executor_t) noexcept {
    return {nullptr};
  }
  sleep_for await_transform(std::suspend_never) noexcept { return sleep_for(1); }
  template <typename A> A &&await_transform(A &&a) noexcept {
    return static_cast<A &&>(a);
  }
};
struct pool {};
struct coro {
  using promise_type = frame<pool>;
};
coro f() {
  pool ex = co_await executor;
  pool *p = co_await co_current_executor;
  co_await std::suspend_never{};
  co_await ready_now{};
  co_await sleep_for(1);
}
)cpp",
                              "f")),
              ElementsAre("L43 co_await: yes", "L45 co_await: yes"));
}

// A co_yield whose yield_value returns suspend_never is not a point.
TEST(SuspensionPoints, NonSuspendingYield) {
  EXPECT_THAT(points(classify(R"cpp(
struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    std::suspend_never yield_value(int) { return {}; }
  };
};
eager f() {
  co_yield 1;
  co_await sleep_for(1);
}
)cpp",
                              "f")),
              ElementsAre("L14 co_await: yes"));
}

const char *const UserAwaitables = R"cpp(
namespace io {
struct Immediate {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct ImmediateLater { Immediate operator co_await() const; };
}
task<void> f() {
  co_await io::Immediate{};
  co_await io::ImmediateLater{};
  co_await sleep_for(1);
}
)cpp";

// By default an awaiter with an unknown await_ready() suspends.
TEST(SuspensionPoints, UnknownAwaitablesSuspendByDefault) {
  EXPECT_THAT(points(classify(UserAwaitables, "f")),
              ElementsAre("L11 co_await: yes", "L12 co_await: yes",
                          "L13 co_await: yes"));
}

// NonSuspendingAwaitables lists awaitable or awaiter types that never
// suspend, with or without a leading `::`.
TEST(SuspensionPoints, NonSuspendingAwaitablesOption) {
  EXPECT_THAT(points(classify(UserAwaitables, "f", "io::Immediate")),
              ElementsAre("L13 co_await: yes"));
  EXPECT_THAT(points(classify(UserAwaitables, "f", "::io::ImmediateLater")),
              ElementsAre("L11 co_await: yes", "L13 co_await: yes"));
  EXPECT_THAT(points(classify(UserAwaitables, "f", " ;io::Nothing; ")),
              ElementsAre("L11 co_await: yes", "L12 co_await: yes",
                          "L13 co_await: yes"));
}

// neverSuspends itself, on the explicit suspension expressions.
TEST(SuspensionPoints, NeverSuspends) {
  ParsedCode Code(R"cpp(
task<void> f() {
  co_await std::suspend_never{};
  co_await send(1);
}
)cpp");
  ASSERT_FALSE(Code.hasErrors());
  CoroutineStmts Visitor;
  Visitor.TraverseStmt(Code.function("f")->getBody());
  auto Classifier = llvm::cantFail(SuspensionPointClassifier::create(""));
  std::vector<bool> Never;
  for (const clang::Stmt *S : Visitor.Found)
    if (const auto *E = llvm::dyn_cast<clang::CoawaitExpr>(S);
        E && !E->isImplicit())
      Never.push_back(Classifier.neverSuspends(E));
  EXPECT_THAT(Never, ElementsAre(true, false));
  EXPECT_EQ(Classifier.asSuspensionPoint(nullptr), nullptr);
}

// An invalid regex is an error naming NonSuspendingAwaitables.
TEST(SuspensionPoints, InvalidRegexNamesTheOption) {
  auto Classifier = SuspensionPointClassifier::create("io::Ready;(unclosed");
  ASSERT_FALSE(static_cast<bool>(Classifier));
  std::string Message = llvm::toString(Classifier.takeError());
  EXPECT_THAT(Message, HasSubstr("'NonSuspendingAwaitables'"));
  EXPECT_THAT(Message, HasSubstr("'(unclosed'"));
}

} // namespace
} // namespace corolock::test
