//===--- IoAwaits.cpp - Suspension points that wait for I/O ---------------===//

#include "IoAwaits.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolock {
namespace {

const StringRef IoPresets[] = {
    // Asio (standalone and Boost): async_* operations, free and members
    // (sockets, resolvers, timers, files, pipes).
    "(boost::)?asio::async_.*",
    "(boost::)?asio::.*::async_.*",
    // cppcoro: sockets, files, timers.
    "cppcoro::net::socket::(connect|accept|disconnect)",
    "cppcoro::net::socket::(send|recv|send_to|recv_from)",
    "cppcoro::.*file::(read|write)",
    "cppcoro::io_service::schedule_after",
    // libcoro: network clients and servers, the I/O scheduler's waits (its
    // io_scheduler is named scheduler in newer releases).
    "coro::net::.*::(connect|accept|poll|send|recv)",
    "coro::net::.*::(read|write|write_all|read_some)",
    "coro::net::.*::(read_exact|write_some)",
    "coro::(io_)?scheduler::(poll|schedule_after|schedule_at)",
    "coro::(io_)?scheduler::(yield_for|yield_until)",
    // folly::coro: sleeping and sockets, often called through their interface
    // (older folly: Socket implementing Transport; now Transport implementing
    // TransportIf).
    "folly::coro::(sleep|sleepReturnEarlyOnCancel)",
    "folly::coro::(Socket|Transport|TransportIf)::(read|write)",
    "folly::coro::Socket::connect",
    "folly::coro::Transport::newConnectedSocket",
    "folly::coro::ServerSocket::accept",
    // async_simple: sleeping.
    "async_simple::coro::sleep",
    // concurrencpp: delays on a timer queue.
    "concurrencpp::timer_queue::make_delay_object",
};

/// The callee of the awaited expression, looking through member calls on
/// awaitables built by calls (`co_await op(x).via(ex)`).
const FunctionDecl *awaitedCallee(const Expr *Operand) {
  const auto *Call =
      dyn_cast_or_null<CallExpr>(Operand ? Operand->IgnoreImplicit() : nullptr);
  return Call ? Call->getDirectCallee() : nullptr;
}

class SuspensionCollector : public RecursiveASTVisitor<SuspensionCollector> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; } // Own bodies.
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    Found.push_back(E);
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    Found.push_back(E);
    return true;
  }
  std::vector<const CoroutineSuspendExpr *> Found;
};

} // namespace

llvm::Expected<IoAwaitClassifier>
IoAwaitClassifier::create(StringRef IoFunctions,
                          const SuspensionPointClassifier &Suspensions) {
  auto Matcher = NameMatcher::create(IoPresets, IoFunctions, "IoFunctions");
  if (!Matcher)
    return Matcher.takeError();
  return IoAwaitClassifier(std::move(*Matcher), Suspensions);
}

const FunctionDecl *
IoAwaitClassifier::awaitedIo(const CoroutineSuspendExpr *S) {
  return awaitedIo(S, MaxDepth).first;
}

llvm::SmallVector<IoAwaitClassifier::Step, 2>
IoAwaitClassifier::ioPath(const CoroutineSuspendExpr *S) {
  llvm::SmallVector<Step, 2> Path;
  for (unsigned Depth = MaxDepth; S && Depth > 0; --Depth) {
    const FunctionDecl *Through = awaitedIo(S, Depth).second;
    if (!Through)
      break;
    // Answered by the cache: awaitedIo just looked into it at this depth.
    S = Callees.lookup({Through, Depth}).Await;
    Path.push_back({Through, S});
  }
  return Path;
}

std::pair<const FunctionDecl *, const FunctionDecl *>
IoAwaitClassifier::awaitedIo(const CoroutineSuspendExpr *S, unsigned Depth) {
  const Expr *Operand = S->getOperand();
  while (const FunctionDecl *Callee = awaitedCallee(Operand)) {
    if (IoFunctions.matches(Callee))
      return {Callee, nullptr};
    const FunctionDecl *Definition = nullptr;
    if (const FunctionDecl *Io = ioInCallee(Callee, Depth, Definition).Io)
      return {Io, Definition};
    // `co_await read(sock).via(ex)`: the awaitable came from another call.
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Operand->IgnoreImplicit());
    Operand = Member ? Member->getImplicitObjectArgument() : nullptr;
  }
  return {nullptr, nullptr};
}

/// The I/O a coroutine defined in this translation unit awaits, if any.
IoAwaitClassifier::CalleeIo
IoAwaitClassifier::ioInCallee(const FunctionDecl *Callee, unsigned Depth,
                              const FunctionDecl *&Definition) {
  if (Depth == 0 || !Callee->hasBody(Definition) ||
      !isa_and_nonnull<CoroutineBodyStmt>(Definition->getBody()))
    return {};
  // Keyed by the depth left too: an answer cut short by the bound (or by a
  // recursive call, which the bound also ends) must not answer a query with
  // more depth left, or the result would depend on the order of queries.
  auto Key = std::make_pair(Definition, Depth);
  if (auto It = Callees.find(Key); It != Callees.end())
    return It->second;
  CalleeIo Result;
  SuspensionCollector Collector;
  Collector.TraverseStmt(
      cast<CoroutineBodyStmt>(Definition->getBody())->getBody());
  for (const CoroutineSuspendExpr *Inner : Collector.Found) {
    if (!Suspensions->asSuspensionPoint(Inner))
      continue;
    if (const FunctionDecl *Io = awaitedIo(Inner, Depth - 1).first) {
      Result = {Io, Inner};
      break;
    }
  }
  Callees[Key] = Result;
  return Result;
}

} // namespace corolock
