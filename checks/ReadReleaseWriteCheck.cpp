//===--- ReadReleaseWriteCheck.cpp - corolock -----------------------------===//

#include "ReadReleaseWriteCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {

void ReadReleaseWriteCheck::check(const MatchFinder::MatchResult &Result) {
  if (!isConfigured())
    return;
  Context = Result.Context;
  Coroutines.push_back(Result.Nodes.getNodeAs<FunctionDecl>("coroutine"));
}

void ReadReleaseWriteCheck::onEndOfTranslationUnit() {
  if (Context && isConfigured() && !Coroutines.empty()) {
    CoroutineTraversalScope Scope(*Context, Coroutines);
    for (const FunctionDecl *Coroutine : Coroutines) {
      StaleWriteResult Result =
          findStaleWrites(analysisOf(*Coroutine, *Context));
      if (Result.StoppedAfter)
        reportStoppedAnalysis(checkName(), *Coroutine, *Result.StoppedAfter,
                              *Context);
      for (const StaleWrite &Write : Result.Writes)
        if (suspendsInSight(*Write.Suspension))
          report(Write, *Context);
    }
  }
  Coroutines.clear();
  Context = nullptr;
  Reported.clear();
}

/// The mutex as a diagnostic names it: `mu_` for `&mu_`.
static std::string mutexName(const Expr *Mutex, const ASTContext &Context) {
  const Expr *Plain = Mutex->IgnoreParenImpCasts();
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(Plain);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    Plain = AddrOf->getSubExpr();
  return spelling(Plain, Context);
}

void ReadReleaseWriteCheck::report(const StaleWrite &Write,
                                   const ASTContext &Context) {
  SourceLocation Where = Write.Write->getExprLoc();
  SourceLocation BasisLoc = Write.Basis->getExprLoc();
  if (!Reported.insert({Where.getRawEncoding(), BasisLoc.getRawEncoding()})
           .second)
    return;
  std::string Written = spelling(Write.Write, Context);
  std::string Basis = spelling(Write.Basis, Context);
  std::string Mutex = mutexName(Write.Mutex, Context);
  StringRef Keyword = suspensionKeyword(*Write.Suspension);
  diag(Where, "'%0' is written under '%1' based on '%2' read before a '%3' "
              "that ran without '%1'")
      << Written << Mutex << Basis << Keyword;
  diag(explanationLoc(Where, Context),
       "another coroutine may have changed '%0' while this one was "
       "suspended: re-check it under '%1' before writing, or serialize the "
       "whole operation with an async mutex held across it; see %2",
       DiagnosticIDs::Note)
      << Written << Mutex << documentationPath(getID());
  diag(BasisLoc,
       "'%0' read here under '%1'; %select{the written value is computed "
       "from it|whether the write happens depends on it}2",
       DiagnosticIDs::Note)
      << Basis << Mutex << (Write.Dependence == StaleDependence::Control);
  if (Write.Read != Write.Basis)
    diag(Write.Read->getExprLoc(), "'%0' read here under '%1'",
         DiagnosticIDs::Note)
        << spelling(Write.Read, Context) << Mutex;
  diag(Write.Suspension->getKeywordLoc(),
       "'%0' suspends without '%1'; another coroutine may lock it and "
       "change '%2' here",
       DiagnosticIDs::Note)
      << Keyword << Mutex << Written;
}

} // namespace corolock
