//===--- AnalysisTestSupport.h - Fixtures for the core's unit tests -------===//
//
// Parses a snippet (with a prelude of minimal <coroutine>/<mutex> mocks) and
// runs the held-lock analysis on one coroutine, summarising each suspension
// point as text so that tests read like the rules they check.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_TEST_UNIT_ANALYSISTESTSUPPORT_H
#define COROLOCK_TEST_UNIT_ANALYSISTESTSUPPORT_H

#include "HeldLockAnalysis.h"
#include "clang/Frontend/ASTUnit.h"
#include <memory>
#include <string>
#include <vector>

namespace corolock::test {

/// A parsed translation unit: Code after the includes of the mock headers
/// of test/lit/Inputs (std_mutex.h, task.h), compiled as C++20.
class ParsedCode {
public:
  explicit ParsedCode(const std::string &Code);
  clang::ASTContext &context() { return Unit->getASTContext(); }
  /// The (instantiated, for templates) function named \p Name with a body;
  /// for a lambda, pass "operator()" and the index among lambdas.
  const clang::FunctionDecl *function(llvm::StringRef Name,
                                      unsigned Index = 0);
  /// The type of the first variable of the snippet (not the mock headers)
  /// named \p Name, qualified or not; null when there is none.
  clang::QualType variableType(llvm::StringRef Name);
  /// The first method declaration named \p Name, e.g. "std::mutex::lock";
  /// a member of a class template specialization is preferred to the
  /// template's.
  const clang::CXXMethodDecl *method(llvm::StringRef Name);
  bool hasErrors() const;

private:
  std::unique_ptr<clang::ASTUnit> Unit;
};

/// One line per suspension point: "L<line>: <locks>" where each lock is
/// "<holder>=<held|maybe|alive>(<kind>)" and holders are guard names,
/// "temp" or "manual:<mutex>"; "L<line>: -" when nothing is held.
std::vector<std::string> heldLocks(const std::string &Code,
                                   llvm::StringRef Function,
                                   const LockModelOptions &Options = {},
                                   llvm::StringRef NonSuspending = "");

} // namespace corolock::test

#endif
