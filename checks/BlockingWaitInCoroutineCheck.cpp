//===--- BlockingWaitInCoroutineCheck.cpp - corolock ----------------------===//

#include "BlockingWaitInCoroutineCheck.h"
#include "CheckSupport.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {

BlockingWaitInCoroutineCheck::BlockingWaitInCoroutineCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : CoroutineLockCheck(Name, Context),
      BlockingFunctions(Options.get("BlockingFunctions", "").str()) {
  if (auto Created = BlockingCallFinder::create(BlockingFunctions))
    Finder.emplace(std::move(*Created));
  else
    reportConfigurationError(Created.takeError());
}

void BlockingWaitInCoroutineCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineLockCheck::storeOptions(Opts);
  Options.store(Opts, "BlockingFunctions", BlockingFunctions);
}

void BlockingWaitInCoroutineCheck::check(
    const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (!isConfigured() || !Finder)
    return;
  const Stmt *Body = analysisOf(*Coroutine, *Result.Context).body();
  if (!Body)
    return;
  for (const BlockingCall &Found : Finder->find(*Body, *Result.Context))
    report(Found, *Result.Context);
}

void BlockingWaitInCoroutineCheck::onEndOfTranslationUnit() {
  if (Finder)
    Finder->startTranslationUnit();
  Reported.clear();
}

/// Where a diagnostic points at a call: the member's name (`fut.get`), else
/// the callee as written.
static SourceLocation callLoc(const CallExpr &Call) {
  if (isa<CXXMemberCallExpr>(Call))
    return Call.getExprLoc();
  // A function object's call (`blockingWait(t)`, `[&] { ... }()`): its
  // object, where LLVM 19 begins the call and LLVM 22 does not.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
    return Op->getArg(0)->getBeginLoc();
  return Call.getBeginLoc();
}

void BlockingWaitInCoroutineCheck::report(const BlockingCall &Found,
                                          const ASTContext &Context) {
  const CallExpr &First = *Found.Path.front();
  SourceLocation Where = callLoc(First);
  if (!Reported.insert(Where.getRawEncoding()).second)
    return;
  if (Found.Path.size() == 1)
    diag(Where, "'%0' blocks the coroutine's thread until %1")
        << Found.Name << Found.Family->Until;
  else
    diag(Where, "%0 blocks the coroutine's thread: it calls '%1', which "
                "blocks until %2")
        << describeFunction(*First.getDirectCallee()) << Found.Name
        << Found.Family->Until;
  diag(explanationLoc(Where, Context),
       "no other task on this executor thread runs until it returns, and if "
       "one of them is what it waits for, a single-threaded executor "
       "deadlocks; %0; see %1",
       DiagnosticIDs::Note)
      << Found.Family->Alternative << documentationPath(getID());
  for (size_t I = 1; I < Found.Path.size(); ++I) {
    const FunctionDecl &Caller = *Found.Path[I - 1]->getDirectCallee();
    const CallExpr &Call = *Found.Path[I];
    std::string Callee = I + 1 == Found.Path.size()
                             ? "'" + Found.Name + "'"
                             : describeFunction(*Call.getDirectCallee());
    diag(callLoc(Call), "%0 calls %1 here", DiagnosticIDs::Note)
        << describeFunction(Caller) << Callee;
  }
}

} // namespace corolock
