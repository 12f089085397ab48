//===--- SuspensionPoints.h - Where a coroutine may suspend -----*- C++ -*-===//
//
// A suspension point is an explicit `co_await` or `co_yield` in a coroutine
// body. The implicit initial and final suspends, `co_return`, and awaitables
// that provably never suspend are not.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_SUSPENSIONPOINTS_H
#define COROLOCK_SUSPENSIONPOINTS_H

#include "LockModel.h"
#include "ProjectSummary.h"
#include "clang/AST/ExprCXX.h"

namespace corolock {

class SuspensionPointClassifier {
public:
  /// \p NonSuspendingAwaitables: semicolon-separated regexes over qualified
  /// names of awaitable or awaiter types that never suspend, extending
  /// `std::suspend_never`.
  static llvm::Expected<SuspensionPointClassifier>
  create(llvm::StringRef NonSuspendingAwaitables);

  /// The suspension expression \p S is, or null if \p S is none or cannot
  /// suspend.
  const clang::CoroutineSuspendExpr *
  asSuspensionPoint(const clang::Stmt *S) const;

  /// Whether \p E provably never suspends: its awaiter (after the promise's
  /// `await_transform` and `operator co_await`) or the awaitable it was made
  /// from is a listed type, or the awaiter's `await_ready()` always returns
  /// true (evaluated as a constant, or a body `return true;`).
  bool neverSuspends(const clang::CoroutineSuspendExpr *E) const;

  /// Whether whether \p E, a suspension point, suspends is out of sight: its
  /// awaiter's `await_ready()` is defined, but the parser skipped its body
  /// (clangd skips the bodies of the headers in its preamble), so the body
  /// that may always return true is not in the AST.
  bool readinessSkipped(const clang::CoroutineSuspendExpr *E) const;

  /// The `await_ready()` the ready expression of \p E calls, or null.
  const clang::FunctionDecl *
  readinessCallee(const clang::CoroutineSuspendExpr *E) const;

  /// Answers from \p Index what the AST does not show: whether an awaiter
  /// whose `await_ready()` body is not in the AST (another file defines it,
  /// or clangd skipped it) is ready at once. Null answers from the AST
  /// alone.
  void useIndex(const ProjectSummary *Index) { this->Index = Index; }

private:
  explicit SuspensionPointClassifier(NameMatcher NonSuspending)
      : NonSuspending(std::move(NonSuspending)) {}

  /// The index's fact on \p Ready, an `await_ready()` whose body the AST
  /// does not show, or null.
  const AwaiterFact *indexed(const clang::FunctionDecl *Ready) const;

  NameMatcher NonSuspending;
  const ProjectSummary *Index = nullptr;
};

} // namespace corolock

#endif // COROLOCK_SUSPENSIONPOINTS_H
