//===--- SuspensionPoints.cpp - Where a coroutine may suspend -------------===//

#include "SuspensionPoints.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolock {
namespace {

const StringRef NonSuspendingPresets[] = {"std::suspend_never"};

/// Whether \p F, the `await_ready()` a ready expression calls, always
/// returns true whatever its object: its body is a single `return <constant
/// true>;`. A virtual one may be overridden by the awaiter's dynamic type.
bool returnsTrue(const FunctionDecl *F) {
  const FunctionDecl *Definition = nullptr;
  if (!F || !F->hasBody(Definition))
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
      !Method->getParent()->isEffectivelyFinal())
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Body || Body->size() != 1)
    return false;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Return || !Return->getRetValue() ||
      Return->getRetValue()->isValueDependent())
    return false;
  bool Value = false;
  return Return->getRetValue()->EvaluateAsBooleanCondition(
             Value, Definition->getASTContext()) &&
         Value;
}

/// Whether \p Ready, the `await_ready()` call on the awaiter a suspension
/// expression actually uses (after `await_transform` and `operator co_await`),
/// always yields true: as a constant, evaluated through the awaiter it is
/// called on (a static or constexpr `await_ready()`, possibly inherited), or
/// by its callee's body.
bool alwaysReady(const Expr *Ready) {
  const auto *Call = dyn_cast_or_null<CallExpr>(
      Ready ? Ready->IgnoreImplicit()->IgnoreParens() : nullptr);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || Ready->isValueDependent())
    return false;
  bool Value = false;
  if (Ready->EvaluateAsBooleanCondition(Value, Callee->getASTContext()))
    return Value;
  return returnsTrue(Callee);
}

/// Whether the parser skipped the body of \p F, or of the template member
/// it is instantiated from.
bool bodySkipped(const FunctionDecl *F) {
  for (const FunctionDecl *D : F->redecls())
    if (D->hasSkippedBody())
      return true;
  const FunctionDecl *Pattern = F->getTemplateInstantiationPattern();
  return Pattern && Pattern != F && bodySkipped(Pattern);
}

/// The awaiter \p E uses, and the awaitable its `operator co_await` was
/// called on: after the promise's `await_transform`, not the spelled operand.
llvm::SmallVector<const Expr *, 2>
awaitablesUsed(const CoroutineSuspendExpr *E) {
  llvm::SmallVector<const Expr *, 2> Used;
  const Expr *Awaiter = E->getCommonExpr();
  if (!Awaiter)
    return Used;
  Used.push_back(Awaiter);
  if (const auto *Call =
          dyn_cast<CXXOperatorCallExpr>(Awaiter->IgnoreImplicit());
      Call && Call->getOperator() == OO_Coawait && Call->getNumArgs() > 0)
    Used.push_back(Call->getArg(0));
  return Used;
}

} // namespace

llvm::Expected<SuspensionPointClassifier>
SuspensionPointClassifier::create(StringRef NonSuspendingAwaitables) {
  auto Matcher = NameMatcher::create(
      NonSuspendingPresets, NonSuspendingAwaitables, "NonSuspendingAwaitables");
  if (!Matcher)
    return Matcher.takeError();
  return SuspensionPointClassifier(std::move(*Matcher));
}

bool SuspensionPointClassifier::neverSuspends(
    const CoroutineSuspendExpr *E) const {
  for (const Expr *Awaitable : awaitablesUsed(E))
    if (NonSuspending.matches(recordOf(Awaitable->getType())))
      return true;
  if (alwaysReady(E->getReadyExpr()))
    return true;
  const AwaiterFact *Fact = indexed(readinessCallee(E));
  return Fact && Fact->AlwaysReady;
}

bool SuspensionPointClassifier::readinessSkipped(
    const CoroutineSuspendExpr *E) const {
  const FunctionDecl *Callee = readinessCallee(E);
  return Callee && bodySkipped(Callee) && !indexed(Callee);
}

const FunctionDecl *SuspensionPointClassifier::readinessCallee(
    const CoroutineSuspendExpr *E) const {
  const Expr *Ready = E->getReadyExpr();
  const auto *Call = dyn_cast_or_null<CallExpr>(
      Ready ? Ready->IgnoreImplicit()->IgnoreParens() : nullptr);
  return Call ? Call->getDirectCallee() : nullptr;
}

const AwaiterFact *
SuspensionPointClassifier::indexed(const FunctionDecl *Ready) const {
  if (!Index || !Ready || Ready->hasBody())
    return nullptr;
  auto It = Index->Awaiters.find(usrOf(Ready));
  return It == Index->Awaiters.end() ? nullptr : &It->second;
}

const CoroutineSuspendExpr *
SuspensionPointClassifier::asSuspensionPoint(const Stmt *S) const {
  const auto *E = dyn_cast_or_null<CoroutineSuspendExpr>(S);
  if (!E || E->isTypeDependent() || !E->getReadyExpr())
    return nullptr;
  if (const auto *Await = dyn_cast<CoawaitExpr>(E);
      Await && Await->isImplicit())
    return nullptr;
  return neverSuspends(E) ? nullptr : E;
}

} // namespace corolock
