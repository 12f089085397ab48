//===--- BlockingCalls.cpp - Calls that block the thread ------------------===//

#include "BlockingCalls.h"
#include "LockModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolock {
namespace {

const StringRef ConditionVariablePresets[] = {
    "std::condition_variable(_any)?::(wait|wait_for|wait_until)"};
const StringRef FuturePresets[] = {
    "std::(future|shared_future)::(get|wait|wait_for|wait_until)"};
const StringRef SleepPresets[] = {"std::this_thread::(sleep_for|sleep_until)"};
const StringRef JoinPresets[] = {"std::(thread|jthread)::join"};
const StringRef SemaphorePresets[] = {
    "std::counting_semaphore::(acquire|try_acquire_for|try_acquire_until)"};
const StringRef LatchPresets[] = {"std::latch::(wait|arrive_and_wait)"};
const StringRef BarrierPresets[] = {"std::barrier::(arrive_and_wait|wait)"};
const StringRef BridgePresets[] = {
    // folly's blockingWait is a function object in recent releases, named
    // as the object.
    "folly::coro::(blockingWait|blocking_wait)",
    "cppcoro::sync_wait",
    // libcoro.
    "coro::sync_wait",
    "async_simple::coro::syncAwait",
};
const StringRef ResultPresets[] = {
    "concurrencpp::(result|shared_result)::(get|wait|wait_for|wait_until)"};

const BlockingFamily Catalogue[] = {
    {ConditionVariablePresets, "another thread notifies the condition variable",
     "wait for an async event with 'co_await' instead (the coroutine "
     "library's async condition variable, event or baton)"},
    {FuturePresets, "another thread makes the future ready",
     "'co_await' an awaitable result instead (a task, or a promise that "
     "resumes the coroutine when it is set)"},
    {SleepPresets, "the time has passed",
     "'co_await' the executor's timer instead (an Asio timer's async_wait, "
     "folly::coro::sleep, async_simple::coro::sleep, libcoro's yield_for)"},
    {JoinPresets, "the thread finishes",
     "'co_await' the work as a task, or join the thread outside coroutines"},
    {SemaphorePresets, "another thread releases the semaphore",
     "'co_await' an async semaphore instead"},
    {LatchPresets, "the latch's count reaches zero",
     "'co_await' an async latch instead (cppcoro::async_latch, coro::latch)"},
    {BarrierPresets, "every participant arrives at the barrier",
     "'co_await' the participating tasks together instead (when_all, "
     "collectAll)"},
    {BridgePresets, "the awaited work completes",
     "'co_await' the awaitable instead of blocking on it"},
    {ResultPresets, "the result is ready", "'co_await' the result instead"},
};

// The last component of every name the presets match: a callee named
// otherwise is no preset's, without printing and matching its name (most
// callees of a coroutine are not).
const StringRef PresetLastNames[] = {"wait",
                                     "wait_for",
                                     "wait_until",
                                     "get",
                                     "sleep_for",
                                     "sleep_until",
                                     "join",
                                     "acquire",
                                     "try_acquire_for",
                                     "try_acquire_until",
                                     "arrive_and_wait",
                                     "blockingWait",
                                     "blocking_wait",
                                     "sync_wait",
                                     "syncAwait"};

const BlockingFamily ConfiguredFamily = {
    {},
    "it returns (it is listed in BlockingFunctions)",
    "'co_await' an awaitable form of it instead, if its library has one"};

/// The name of \p D's scope as blockingName spells it, followed by "::";
/// empty at namespace scope.
void appendScope(const DeclContext *Scope, std::string &Out) {
  llvm::SmallVector<const NamedDecl *, 4> Parts;
  for (; Scope; Scope = Scope->getParent()) {
    const auto *Named = dyn_cast<NamedDecl>(Scope);
    if (!Named || isa<FunctionDecl>(Named))
      break;
    const auto *NS = dyn_cast<NamespaceDecl>(Named);
    if (NS && (NS->isInline() || NS->isAnonymousNamespace()))
      continue;
    if (Named->getIdentifier())
      Parts.push_back(Named);
  }
  for (const NamedDecl *Part : llvm::reverse(Parts))
    Out += Part->getName().str() + "::";
}

/// Whether values of \p T are awaited rather than blocked on: it has
/// await_ready or operator co_await, or is a coroutine's result.
bool isAwaitable(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->hasDefinition())
    return false;
  auto Has = [&](const CXXRecordDecl *R) {
    for (const Decl *D : R->decls()) {
      const auto *Named = dyn_cast<NamedDecl>(D);
      if (!Named)
        continue;
      if (Named->getDeclName().getCXXOverloadedOperator() == OO_Coawait)
        return true;
      // Unnamed members (anonymous unions) have no identifier.
      if (const IdentifierInfo *II = Named->getIdentifier();
          II &&
          (II->getName() == "await_ready" || II->getName() == "promise_type"))
        return true;
    }
    return false;
  };
  if (Has(RD))
    return true;
  return !RD->forallBases([&](const CXXRecordDecl *Base) {
    return !Base->hasDefinition() || !Has(Base->getDefinition());
  });
}

/// Whether \p E reads a local variable initialized with the coroutine's
/// current executor (`auto ex = co_await CurrentExecutor{};` in async_simple,
/// `co_await folly::coro::co_current_executor` in folly).
bool isCurrentExecutor(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(skipImplicit(E));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || !Var->getInit())
    return false;
  const auto *Await = dyn_cast<CoawaitExpr>(skipImplicit(Var->getInit()));
  const CXXRecordDecl *Query = Await && Await->getOperand()
                                   ? recordOf(Await->getOperand()->getType())
                                   : nullptr;
  if (!Query || !Query->getIdentifier())
    return false;
  std::string Name;
  appendScope(Query->getDeclContext(), Name);
  Name += Query->getName();
  return Name == "async_simple::CurrentExecutor" ||
         Name == "folly::coro::co_current_executor_t";
}

bool isNullConstant(const Expr *E) {
  E = skipImplicit(E);
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return true;
  const auto *Literal = dyn_cast<IntegerLiteral>(E);
  return Literal && Literal->getValue().isZero();
}

/// The branch of \p If taken when the coroutine has no executor (`if (!ex)`,
/// `if (ex == nullptr)`, the else of `if (ex)`), or null. There the
/// coroutine runs inline on the thread that resumed it, with no other task
/// of an executor to hold up: libraries fall back to blocking there.
const Stmt *branchWithoutExecutor(const IfStmt &If) {
  const Expr *Cond = If.getCond() ? skipImplicit(If.getCond()) : nullptr;
  bool WhenNull = false;
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    Cond = Not->getSubExpr();
    WhenNull = true;
  } else if (const auto *Cmp = dyn_cast_or_null<BinaryOperator>(Cond);
             Cmp && Cmp->isEqualityOp()) {
    if (isNullConstant(Cmp->getRHS()))
      Cond = Cmp->getLHS();
    else if (isNullConstant(Cmp->getLHS()))
      Cond = Cmp->getRHS();
    else
      return nullptr;
    WhenNull = Cmp->getOpcode() == BO_EQ;
  }
  if (!Cond || !isCurrentExecutor(Cond))
    return nullptr;
  return WhenNull ? If.getThen() : If.getElse();
}

/// The calls one function body evaluates, in source order, and the calls
/// among them whose result is awaited. Lambda bodies and local classes run
/// when they are called, perhaps elsewhere; unevaluated operands never run;
/// a branch taken only without an executor blocks no other task.
class BodyCalls : public RecursiveASTVisitor<BodyCalls> {
  using Base = RecursiveASTVisitor<BodyCalls>;

public:
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    return true;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  // Types evaluate nothing (decltype); LLVM 22 added a parameter.
  template <typename... Rest> bool TraverseTypeLoc(TypeLoc, Rest...) {
    return true;
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return !E->isPotentiallyEvaluated() || Base::TraverseCXXTypeidExpr(E);
  }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseIfStmt(IfStmt *If) {
    const Stmt *WithoutExecutor = branchWithoutExecutor(*If);
    if (!WithoutExecutor)
      return Base::TraverseIfStmt(If);
    for (Stmt *Child : If->children())
      if (Child != WithoutExecutor && !TraverseStmt(Child))
        return false;
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) { return awaits(E->getOperand()); }
  bool VisitCoyieldExpr(CoyieldExpr *E) { return awaits(E->getOperand()); }
  bool VisitCallExpr(CallExpr *Call) {
    Calls.push_back(Call);
    return true;
  }

  std::vector<const CallExpr *> Calls;
  llvm::SmallPtrSet<const Expr *, 4> Awaited;

private:
  bool awaits(const Expr *Operand) {
    if (Operand)
      Awaited.insert(skipImplicit(Operand));
    return true;
  }
};

bool isDuration(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  const auto *NS =
      RD ? dyn_cast<NamespaceDecl>(RD->getEnclosingNamespaceContext())
         : nullptr;
  // A null NS stands for a null RD too.
  return NS && RD->getIdentifier() && RD->getName() == "duration" &&
         NS->getIdentifier() && NS->getName() == "chrono" &&
         NS->isInStdNamespace();
}

} // namespace

const NamedDecl *calledThrough(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const Expr *Object = Member->getImplicitObjectArgument();
    if (!Object)
      return nullptr;
    // Before the conversion to the base that declares the member.
    QualType T = Object->IgnoreParenImpCasts()->getType();
    if (const auto *Pointer = T->getAs<PointerType>())
      T = Pointer->getPointeeType();
    return recordOf(T);
  }
  // `folly::coro::blockingWait(task)`: a function object at namespace scope.
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Operator || Operator->getOperator() != OO_Call)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(skipImplicit(Operator->getArg(0)));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasGlobalStorage() && !Var->isStaticLocal() ? Var
                                                                 : nullptr;
}

std::string blockingName(const FunctionDecl &F, const NamedDecl *Through) {
  std::string Name;
  if (const auto *Var = dyn_cast_or_null<VarDecl>(Through)) {
    appendScope(Var->getDeclContext(), Name);
    return Name + Var->getName().str();
  }
  if (Through && isa<CXXMethodDecl>(F) && Through->getIdentifier()) {
    appendScope(Through->getDeclContext(), Name);
    Name += Through->getName().str() + "::";
  } else {
    appendScope(F.getDeclContext(), Name);
  }
  return Name + F.getNameAsString();
}

bool isNonPositiveDuration(const Expr &Timeout, const ASTContext &Context) {
  if (Timeout.isValueDependent() || !isDuration(Timeout.getType()))
    return false;
  Expr::EvalResult Result;
  if (!Timeout.EvaluateAsRValue(Result, Context) || !Result.Val.isStruct() ||
      Result.Val.getStructNumFields() != 1)
    return false;
  const APValue &Count = Result.Val.getStructField(0);
  if (Count.isInt())
    return Count.getInt().isNonPositive();
  if (Count.isFloat())
    return Count.getFloat().isZero() || Count.getFloat().isNegative();
  return false;
}

BlockingCallFinder::BlockingCallFinder(NameMatcher Configured,
                                       bool HasConfigured)
    : Configured(std::move(Configured)), HasConfigured(HasConfigured) {
  for (const BlockingFamily &Family : Catalogue)
    Families.push_back(cantFail(NameMatcher::create(Family.Presets, "", "")));
}

llvm::Expected<BlockingCallFinder>
BlockingCallFinder::create(StringRef BlockingFunctions) {
  auto Matcher =
      NameMatcher::create({}, BlockingFunctions, "BlockingFunctions");
  if (!Matcher)
    return Matcher.takeError();
  return BlockingCallFinder(
      std::move(*Matcher),
      llvm::any_of(llvm::split(BlockingFunctions, ';'),
                   [](StringRef Pattern) { return !Pattern.trim().empty(); }));
}

void BlockingCallFinder::startTranslationUnit() {
  ByCallee.clear();
  Reached.clear();
  Calls.clear();
}

const BlockingFamily *
BlockingCallFinder::familyByName(const FunctionDecl &Callee,
                                 const NamedDecl *Through) {
  auto [It, Inserted] = ByCallee.try_emplace({&Callee, Through}, nullptr);
  if (!Inserted)
    return It->second;
  const NamedDecl *Named =
      isa_and_nonnull<VarDecl>(Through) ? Through : &Callee;
  bool MaybePreset = Named->getIdentifier() &&
                     llvm::is_contained(PresetLastNames, Named->getName());
  if (!MaybePreset && !HasConfigured)
    return nullptr;
  // As the call names it, and as the callee's scope does; the option also
  // as NameMatcher spells it (template arguments included).
  std::string Declared = blockingName(Callee);
  std::string Called = Through ? blockingName(Callee, Through) : Declared;
  auto Matches = [&](const NameMatcher &M) {
    return M.matches(Called) || M.matches(Declared);
  };
  if (MaybePreset)
    for (size_t I = 0; I < Families.size(); ++I)
      if (Matches(Families[I]))
        return It->second = &Catalogue[I];
  if (Matches(Configured) || Configured.matches(&Callee))
    It->second = &ConfiguredFamily;
  return It->second;
}

const BlockingFamily *BlockingCallFinder::familyOf(const CallExpr &Call,
                                                   ASTContext &Context) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Call.isValueDependent() || Call.isTypeDependent())
    return nullptr;
  const BlockingFamily *Family = familyByName(*Callee, calledThrough(Call));
  if (!Family || isAwaitable(Call.getType()))
    return nullptr;
  // `cv.wait_for(lk, 0s)`, `sem.try_acquire_for(0ms)`: a poll.
  for (const Expr *Argument : Call.arguments())
    if (isNonPositiveDuration(*Argument, Context))
      return nullptr;
  return Family;
}

const FunctionDecl *
BlockingCallFinder::followed(const CallExpr &Call,
                             const ASTContext &Context) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition) ||
      Context.getSourceManager().isInSystemHeader(Definition->getLocation()) ||
      isa<CoroutineBodyStmt>(Definition->getBody()))
    return nullptr;
  // A virtual call may run another override than the one defined here.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual())
    return nullptr;
  return Definition;
}

const std::vector<const CallExpr *> &
BlockingCallFinder::callsOf(const FunctionDecl &F) {
  auto [It, Inserted] = Calls.try_emplace(&F);
  if (Inserted) {
    BodyCalls Body;
    Body.TraverseStmt(F.getBody());
    It->second = std::move(Body.Calls);
  }
  return It->second;
}

BlockingCallFinder::Reach BlockingCallFinder::reach(const FunctionDecl &F,
                                                    unsigned Depth,
                                                    ASTContext &Context) {
  // Depth falls at each step, so no function is entered twice at one depth:
  // each (function, depth) is scanned once, recursion included.
  if (auto It = Reached.find({&F, Depth}); It != Reached.end())
    return It->second;
  const std::vector<const CallExpr *> &Calls = callsOf(F);
  // A blocking call of the body itself first: the shortest path.
  Reach Result;
  for (const CallExpr *Call : Calls)
    if (familyOf(*Call, Context)) {
      Result.Call = Call;
      break;
    }
  for (const CallExpr *Call : Calls) {
    if (Result.Call || Depth <= 1)
      break;
    if (const FunctionDecl *Next = followed(*Call, Context);
        Next && reach(*Next, Depth - 1, Context).Call)
      Result = {Call, Next};
  }
  Reached[{&F, Depth}] = Result;
  return Result;
}

BlockingCall BlockingCallFinder::describe(const CallExpr &First,
                                          const FunctionDecl *Next,
                                          ASTContext &Context) {
  BlockingCall Found;
  Found.Path.push_back(&First);
  for (unsigned Depth = MaxDepth; Next; --Depth) {
    Reach Step = reach(*Next, Depth, Context);
    Found.Path.push_back(Step.Call);
    Next = Step.Next;
  }
  const CallExpr &Blocking = *Found.Path.back();
  Found.Name =
      blockingName(*Blocking.getDirectCallee(), calledThrough(Blocking));
  Found.Family = familyOf(Blocking, Context);
  return Found;
}

std::vector<BlockingCall> BlockingCallFinder::find(const Stmt &Body,
                                                   ASTContext &Context) {
  std::vector<BlockingCall> Result;
  BodyCalls Calls;
  Calls.TraverseStmt(const_cast<Stmt *>(&Body));
  for (const CallExpr *Call : Calls.Calls) {
    // An awaited call is the awaitable form; a plain function it enters
    // still runs on this thread before the co_await.
    if (!Calls.Awaited.contains(Call) && familyOf(*Call, Context)) {
      Result.push_back(describe(*Call, nullptr, Context));
      continue;
    }
    if (const FunctionDecl *Next = followed(*Call, Context);
        Next && reach(*Next, MaxDepth, Context).Call)
      Result.push_back(describe(*Call, Next, Context));
  }
  return Result;
}

} // namespace corolock
