//===--- AnalysisTestSupport.h - Fixtures for the core's unit tests -------===//
//
// Parses a snippet (with a prelude of minimal <coroutine>/<mutex> mocks) and
// runs the held-lock analysis, the critical sections or the I/O classifier
// on it, summarising the result as text so that tests read like the rules
// they check.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_TEST_UNIT_ANALYSISTESTSUPPORT_H
#define COROLOCK_TEST_UNIT_ANALYSISTESTSUPPORT_H

#include "CoroutineAnalysis.h"
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
  const clang::FunctionDecl *function(llvm::StringRef Name, unsigned Index = 0);
  /// The type of the first variable of the snippet (not the mock headers)
  /// named \p Name, qualified or not; null when there is none.
  clang::QualType variableType(llvm::StringRef Name);
  /// The first method declaration named \p Name, e.g. "std::mutex::lock";
  /// a member of a class template specialization is preferred to the
  /// template's.
  const clang::CXXMethodDecl *method(llvm::StringRef Name);
  /// The non-dependent coroutine definitions of the snippet (template
  /// instantiations included), in source order.
  std::vector<const clang::FunctionDecl *> coroutines();
  /// The line of \p Loc in the snippet (the empty line after `R"cpp(` is 1).
  unsigned line(clang::SourceLocation Loc);
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

/// One line per suspension point of \p Function: "L<line>: io" when it
/// waits for I/O; otherwise "yields" when it yields to the scheduler,
/// "unknown" when it awaits a task whose body is not visible (both: "yields,
/// unknown"), or "-".
std::vector<std::string> awaitKinds(const std::string &Code,
                                    llvm::StringRef Function);

/// One line per suspension point of \p Function: "L<line>:" and, for each
/// lock possibly held there from a previous iteration, " <holder>" and the
/// lines of its acquisitions in a previous iteration ("lk(L8)"); "L<line>: -"
/// when there is none.
std::vector<std::string> fromPreviousIteration(const std::string &Code,
                                               llvm::StringRef Function);

/// One line per critical section of \p Function, in order:
/// "L<acquisition>: <holder> <mutex> (<kind>) -> <suspensions>" where the
/// holder is a guard name, "temp" or "manual", the mutex is its
/// declaration's name ("?" when there is none) and the suspensions are
/// "L<line>" each, or "-"; followed by "; handed off at L<line> ..." when
/// suspension points are handed the lock (`co_await cv.wait(lk)`).
std::vector<std::string> criticalSections(const std::string &Code,
                                          llvm::StringRef Function,
                                          const LockModelOptions &Options = {},
                                          llvm::StringRef NonSuspending = "");

/// The async and sync critical sections of every coroutine of \p Code added
/// to one CriticalSectionsByMutex, one line per mutex in its order:
/// "<qualified mutex>: L<acquisition> ...". With \p BindParameters, the
/// sections of mutex parameters then join the mutexes the calls bind them to.
std::vector<std::string> sectionsByMutex(const std::string &Code,
                                         const LockModelOptions &Options = {},
                                         bool BindParameters = false);

/// After CriticalSectionsByMutex::bindParameters, one line per section taken
/// through a mutex parameter: "<qualified mutex>: L<acquisition> via" and,
/// for each argument that binds it, " '<argument>'@L<line>-><parameter>".
std::vector<std::string> boundSections(const std::string &Code);

/// The qualified names of the escaping mutexes (and mutex parameters) that
/// analyzeMutexFlow finds, sorted.
std::vector<std::string> escapingMutexes(const std::string &Code,
                                         const LockModelOptions &Options = {});

/// Each mutex of \p Code passed to a function it does not define, as
/// "mutex -> callee#parameter", with " (unfollowed)" when it also escapes
/// where no summary follows it; sorted.
std::vector<std::string> callsOutOfSight(const std::string &Code);

/// mutexDeclaration of the first argument of each call to \p Callee, in
/// source order: "<qualified name>@L<line of the declaration>", or "null".
std::vector<std::string> mutexDeclarations(const std::string &Code,
                                           llvm::StringRef Callee);

/// One line per suspension point of \p Function: "L<line>: <qualified name
/// of the awaited I/O>" or "L<line>: -", classified in order by one
/// IoAwaitClassifier; {"error: <message>"} when \p IoFunctions is invalid.
std::vector<std::string> ioAwaits(const std::string &Code,
                                  llvm::StringRef Function,
                                  llvm::StringRef IoFunctions = "",
                                  llvm::StringRef NonSuspending = "");

/// One line per suspension point of \p Function: "L<line>: io" when it
/// waits for I/O; otherwise "yields" when it yields to the scheduler,
/// "unknown" when it awaits a task whose body is not visible (both: "yields,
/// unknown"), or "-".
std::vector<std::string> awaitKinds(const std::string &Code,
                                    llvm::StringRef Function);

/// One line per suspension point of \p Function: "L<line>: known" when
/// IoAwaitClassifier::knownToSuspend holds (with the presets and the default
/// lock model), else "L<line>: -".
std::vector<std::string> knownToSuspend(const std::string &Code,
                                        llvm::StringRef Function);

/// One line per suspension point of \p Function: "L<line>:" and, for each
/// step ioPath finds on the way to its I/O, " <coroutine>@L<line>"; "L<line>:
/// -" when it awaits I/O directly or none.
std::vector<std::string> ioPaths(const std::string &Code,
                                 llvm::StringRef Function);

} // namespace corolock::test

#endif
