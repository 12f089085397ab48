//===--- IoAwaits.cpp - Suspension points that wait for I/O ---------------===//

#include "IoAwaits.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include <utility>

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

// Functions that combine awaitables into one that awaits them all or the
// first: each argument is awaited (Asio's awaitable operators, when_all and
// when_any of cppcoro, libcoro and concurrencpp, folly's and async_simple's
// collectAll and collectAny).
const StringRef CombinatorPresets[] = {
    "(boost::)?asio::experimental::awaitable_operators::operator(\\|\\||&&)",
    "(cppcoro|coro|concurrencpp)::when_(all|any|all_ready)",
    "(folly::coro|async_simple::coro)::collect(All|Any)(Try|NoDiscard)?",
};

// Asio's composed operations: I/O when their initiation starts an async_*
// operation.
const StringRef ComposedPresets[] = {
    "(boost::)?asio::async_(compose|initiate)"};

// Hops to the scheduler that let other tasks run first: not I/O, but no
// quick section either.
const StringRef YieldPresets[] = {
    "coro::(thread_pool|(io_)?scheduler)::yield",
    "(boost::)?asio::(post|defer)",
    "folly::coro::co_reschedule_on_current_executor",
    "concurrencpp::resume_on",
};

/// Whether \p Call is `std::move(x)` or `std::forward<T>(x)`.
bool isMoveOrForward(const CallExpr *Call, const FunctionDecl *Callee) {
  return Call->getNumArgs() == 1 && Callee->isInStdNamespace() &&
         Callee->getIdentifier() &&
         (Callee->getName() == "move" || Callee->getName() == "forward");
}

/// The function declarations a call in a template's body may call: its
/// callee, or the candidates of a call left unresolved until instantiation.
llvm::SmallVector<const FunctionDecl *, 2> candidateCallees(const CallExpr *C) {
  llvm::SmallVector<const FunctionDecl *, 2> Result;
  if (const FunctionDecl *Direct = C->getDirectCallee()) {
    Result.push_back(Direct);
    return Result;
  }
  const auto *Overloads = dyn_cast<OverloadExpr>(skipImplicit(C->getCallee()));
  if (!Overloads)
    return Result;
  for (const NamedDecl *D : Overloads->decls())
    if (const auto *F = dyn_cast<FunctionDecl>(D->getUnderlyingDecl()))
      Result.push_back(F);
    else if (const auto *T =
                 dyn_cast<FunctionTemplateDecl>(D->getUnderlyingDecl()))
      Result.push_back(T->getTemplatedDecl());
  return Result;
}

/// Whether \p RD is a coroutine's result type: it has a promise_type.
bool isCoroutineResult(const CXXRecordDecl *RD) {
  return RD && RD->hasDefinition() &&
         !RD->lookup(&RD->getASTContext().Idents.get("promise_type")).empty();
}

/// Whether \p F returns a coroutine's result (a task), whose body may await
/// anything. A library primitive that returns a plain awaiter is known by
/// its name instead.
bool returnsCoroutine(const FunctionDecl *F) {
  return isCoroutineResult(recordOf(F->getReturnType()));
}

class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
  bool VisitCallExpr(CallExpr *C) {
    Found.push_back(C);
    return true;
  }
  std::vector<const CallExpr *> Found;
};

class ReturnCollector : public RecursiveASTVisitor<ReturnCollector> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; } // Own bodies.
  bool VisitReturnStmt(ReturnStmt *R) {
    if (R->getRetValue())
      Found.push_back(R->getRetValue());
    return true;
  }
  std::vector<const Expr *> Found;
};

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

/// How many local variables holding an awaitable are followed to their
/// initializers, one initialized from the next.
constexpr unsigned MaxVariables = 8;

} // namespace

IoAwaitClassifier::IoAwaitClassifier(
    NameMatcher IoFunctions, const SuspensionPointClassifier &Suspensions)
    : IoFunctions(std::move(IoFunctions)),
      Combinators(cantFail(NameMatcher::create(CombinatorPresets, "", ""))),
      ComposedOperations(
          cantFail(NameMatcher::create(ComposedPresets, "", ""))),
      Yields(cantFail(NameMatcher::create(YieldPresets, "", ""))),
      Suspensions(&Suspensions) {}

llvm::Expected<IoAwaitClassifier>
IoAwaitClassifier::create(StringRef IoFunctions,
                          const SuspensionPointClassifier &Suspensions) {
  auto Matcher = NameMatcher::create(IoPresets, IoFunctions, "IoFunctions");
  if (!Matcher)
    return Matcher.takeError();
  return IoAwaitClassifier(std::move(*Matcher), Suspensions);
}

IoAwaitClassifier::Awaited
IoAwaitClassifier::awaited(const CoroutineSuspendExpr *S) {
  const Expr *Operand = S->getOperand();
  return Operand ? ioOf(Operand, MaxVariables).What : Awaited{};
}

bool IoAwaitClassifier::knownToSuspend(const CoroutineSuspendExpr *S,
                                       const LockModel &Model) {
  const Expr *Operand = S->getOperand();
  if (!Operand)
    return false;
  const Expr *Awaiter = S->getCommonExpr();
  if (isCoroutineResult(recordOf(Operand->getType())) ||
      (Awaiter && isCoroutineResult(recordOf(Awaiter->getType()))))
    return true;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(skipImplicit(Operand));
      Call && Call->getImplicitObjectArgument() &&
      Model.mutexKind(Call->getObjectType()) == LockKind::Async)
    return true;
  Awaited What = awaited(S);
  return What.Io || What.Yields;
}

std::string IoAwaitClassifier::operationName(const Awaited &What) {
  if (What.Elsewhere && What.Elsewhere->Io)
    return *What.Elsewhere->Io;
  return What.Io ? What.Io->getQualifiedNameAsString() : "";
}

IoAwaitClassifier::Awaited
IoAwaitClassifier::unseenCallee(const FunctionDecl *Callee) const {
  Awaited What;
  What.Unknown = returnsCoroutine(Callee);
  if (!What.Unknown || !Index)
    return What;
  auto It = Index->Functions.find(usrOf(Callee));
  if (It == Index->Functions.end())
    return What;
  const FunctionFact &Fact = It->second;
  if (Fact.Io)
    return {Callee, false, false, &Fact};
  What.Unknown = Fact.MayTakeLong;
  return What;
}

llvm::SmallVector<IoAwaitClassifier::Step, 2>
IoAwaitClassifier::ioPath(const CoroutineSuspendExpr *S) {
  llvm::SmallVector<Step, 2> Path;
  while (S && S->getOperand()) {
    const FunctionDecl *Through = ioOf(S->getOperand(), MaxVariables).Through;
    if (!Through)
      break;
    // Answered by the cache: ioOf just looked into it. Each step's answer
    // was final before the one awaiting it, so the path ends.
    S = Callees.lookup(Through).Await;
    Path.push_back({Through, S});
  }
  return Path;
}

IoAwaitClassifier::ExprIo IoAwaitClassifier::ioOf(const Expr *Awaitable,
                                                  unsigned VariablesLeft) {
  const Expr *E = skipImplicit(Awaitable);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    // `auto op = sock.async_read_some(...); ... co_await std::move(op);`
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && Var->isLocalVarDecl() && Var->getInit() && VariablesLeft > 0)
      return ioOf(Var->getInit(), VariablesLeft - 1);
    // `co_await folly::coro::co_reschedule_on_current_executor;`
    if (Var && Yields.matches(Var))
      return {{nullptr, false, true}, nullptr};
    return {};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return ioOfCall(Call, VariablesLeft);
  // `auto again = std::move(op);`: a copy or move of another awaitable.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    return ioOf(Construct->getArg(0), VariablesLeft);
  return {};
}

IoAwaitClassifier::ExprIo IoAwaitClassifier::ioOfCall(const CallExpr *Call,
                                                      unsigned VariablesLeft) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return {};
  if (isMoveOrForward(Call, Callee))
    return ioOf(Call->getArg(0), VariablesLeft);
  if (ComposedOperations.matches(Callee))
    return {{initiatedIo(Call)}, nullptr};
  if (IoFunctions.matches(Callee))
    return {{Callee}, nullptr};
  if (Yields.matches(Callee))
    return {{nullptr, false, true}, nullptr};
  ExprIo Result;
  if (Combinators.matches(Callee)) {
    for (const Expr *Argument : Call->arguments()) {
      ExprIo Part = ioOf(Argument, VariablesLeft);
      if (Part.What.Io)
        return Part;
      Result.What.Unknown |= Part.What.Unknown;
      Result.What.Yields |= Part.What.Yields;
    }
    return Result;
  }
  const FunctionDecl *Definition = nullptr;
  if (Callee->hasBody(Definition)) {
    CalleeIo Inner = ioInCallee(Definition);
    if (Inner.Io)
      return {{Inner.Io, false, false, Inner.Elsewhere},
              Inner.Await ? Definition : nullptr};
    Result.What.Unknown = Inner.Unknown;
    Result.What.Yields = Inner.Yields;
  } else {
    Result.What = unseenCallee(Callee);
    if (Result.What.Io)
      return Result;
  }
  // `co_await read(sock).via(ex)`: the awaitable came from another call.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (const Expr *Object = Member->getImplicitObjectArgument()) {
      ExprIo Inner = ioOf(Object, VariablesLeft);
      if (Inner.What.Io)
        return Inner;
      // The member (`via`, `scheduleOn`) adapts a known awaitable.
      if (isa<CallExpr>(skipImplicit(Object)))
        Result.What = Inner.What;
    }
  return Result;
}

/// The I/O operation the initiation of \p ComposedOperation starts (the
/// first argument of async_compose or async_initiate, a lambda or a function
/// object, instantiated or not), or null.
const FunctionDecl *
IoAwaitClassifier::initiatedIo(const CallExpr *ComposedOperation) const {
  if (ComposedOperation->getNumArgs() == 0)
    return nullptr;
  const CXXRecordDecl *Initiation =
      recordOf(ComposedOperation->getArg(0)->getType());
  if (!Initiation || !Initiation->hasDefinition())
    return nullptr;
  for (const Decl *Member : Initiation->decls()) {
    const auto *Template = dyn_cast<FunctionTemplateDecl>(Member);
    // A member that is no function (a field, a type) has none.
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(
        Template ? Template->getTemplatedDecl() : Member->getAsFunction());
    if (!Method || Method->getOverloadedOperator() != OO_Call ||
        !Method->hasBody())
      continue;
    CallCollector Calls;
    Calls.TraverseStmt(Method->getBody());
    for (const CallExpr *Call : Calls.Found)
      for (const FunctionDecl *Callee : candidateCallees(Call))
        if (IoFunctions.matches(Callee) && !ComposedOperations.matches(Callee))
          return Callee;
  }
  return nullptr;
}

/// What a function defined in this translation unit awaits: for a
/// coroutine, its suspension points; for another function, the awaitables
/// it returns. Memoized, so a chain of any depth is looked into once; in a
/// recursion, an answer without I/O that relied on a function still in
/// progress stays provisional until that function's answer is final.
IoAwaitClassifier::CalleeIo
IoAwaitClassifier::ioInCallee(const FunctionDecl *Definition) {
  if (auto It = Callees.find(Definition); It != Callees.end())
    return It->second;
  if (auto It = InProgress.find(Definition); It != InProgress.end()) {
    ReliedOn = std::min(ReliedOn, It->second);
    return {};
  }
  if (auto It = Provisional.find(Definition); It != Provisional.end()) {
    ReliedOn = std::min(ReliedOn, It->second.first);
    return It->second.second;
  }
  unsigned Position = InProgress.size();
  InProgress[Definition] = Position;
  size_t ProvisionalMark = ProvisionalOrder.size();
  unsigned OuterReliedOn = std::exchange(ReliedOn, ~0u);
  CalleeIo Result = scanCallee(Definition);
  InProgress.erase(Definition);
  unsigned Relied = std::exchange(ReliedOn, std::min(OuterReliedOn, ReliedOn));
  if (!Result.Io && Relied < Position) {
    Provisional[Definition] = {Relied, Result};
    ProvisionalOrder.push_back(Definition);
    return Result;
  }
  // Final: so are the answers that relied only on this one, unless it found
  // I/O they may reach through it (they are looked into again).
  for (size_t I = ProvisionalMark; I < ProvisionalOrder.size(); ++I) {
    auto It = Provisional.find(ProvisionalOrder[I]);
    if (!Result.Io)
      Callees[It->first] = It->second.second;
    Provisional.erase(It);
  }
  ProvisionalOrder.resize(ProvisionalMark);
  Callees[Definition] = Result;
  return Result;
}

IoAwaitClassifier::CalleeIo
IoAwaitClassifier::scanCallee(const FunctionDecl *Definition) {
  CalleeIo Result;
  auto Note = [&](const Awaited &What) {
    Result.Unknown |= What.Unknown;
    Result.Yields |= What.Yields;
  };
  if (const auto *Body =
          dyn_cast_or_null<CoroutineBodyStmt>(Definition->getBody())) {
    SuspensionCollector Collector;
    Collector.TraverseStmt(Body->getBody());
    for (const CoroutineSuspendExpr *Inner : Collector.Found) {
      if (!Suspensions->asSuspensionPoint(Inner) || !Inner->getOperand())
        continue;
      Awaited What = ioOf(Inner->getOperand(), MaxVariables).What;
      if (What.Io)
        return {What.Io, Inner, false, false, What.Elsewhere};
      Note(What);
    }
    return Result;
  }
  ReturnCollector Returns;
  Returns.TraverseStmt(Definition->getBody());
  for (const Expr *Returned : Returns.Found) {
    Awaited What = ioOf(Returned, MaxVariables).What;
    if (What.Io)
      return {What.Io, nullptr};
    Note(What);
  }
  return Result;
}

} // namespace corolock
