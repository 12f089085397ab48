//===--- SuspensionPoints.cpp - Where a coroutine may suspend -------------===//

#include "SuspensionPoints.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolock {
namespace {

const StringRef NonSuspendingPresets[] = {"std::suspend_never"};

/// Whether \p Ready, an `await_ready()` call, always yields true: its callee's
/// body is a single `return <constant true>;`.
bool alwaysReady(const Expr *Ready) {
  if (!Ready)
    return false;
  const auto *Call =
      dyn_cast<CXXMemberCallExpr>(Ready->IgnoreImplicit()->IgnoreParens());
  if (!Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition))
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
  for (const Expr *Awaitable : {E->getOperand(), E->getCommonExpr()})
    if (Awaitable && NonSuspending.matches(recordOf(Awaitable->getType())))
      return true;
  return alwaysReady(E->getReadyExpr());
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
