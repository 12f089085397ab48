//===--- IoAwaits.h - Suspension points that wait for I/O -------*- C++ -*-===//
//
// A suspension point awaits I/O when the awaitable it awaits is built by a
// known I/O operation (socket and file operations, timers), by a composition
// of awaitables one of which is I/O (`a || b`, when_all, collectAll), by an
// Asio composed operation whose initiation starts one, or by a function
// defined in the translation unit (a coroutine, or a function returning
// another call's awaitable) that itself awaits I/O; a local variable
// initialized with such an awaitable counts as its initializer.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_IOAWAITS_H
#define COROLOCK_IOAWAITS_H

#include "LockModel.h"
#include "SuspensionPoints.h"
#include "llvm/ADT/DenseMap.h"

namespace corolock {

class IoAwaitClassifier {
public:
  /// \p IoFunctions: semicolon-separated regexes over qualified names of
  /// functions whose awaited result waits for I/O, extending the presets.
  static llvm::Expected<IoAwaitClassifier>
  create(llvm::StringRef IoFunctions,
         const SuspensionPointClassifier &Suspensions);

  /// What a suspension point waits for.
  struct Awaited {
    /// The I/O operation (the awaited callee, or the I/O operation a
    /// function, composition or composed operation it awaits waits for), or
    /// null.
    const clang::FunctionDecl *Io = nullptr;
    /// Without I/O found: whether it awaits a function whose body is not
    /// visible here (directly or through a function that is), so whether it
    /// waits for I/O cannot be told.
    bool Unknown = false;
    /// Without I/O found: whether it hands the coroutine back to its
    /// scheduler to let other tasks run first (a yield).
    bool Yields = false;
    /// When the I/O was found in the project index: the fact of the
    /// coroutine Io names, defined out of sight, that awaits it.
    const FunctionFact *Elsewhere = nullptr;
  };
  Awaited awaited(const clang::CoroutineSuspendExpr *S);
  /// The qualified name of the I/O operation \p What waits for.
  static std::string operationName(const Awaited &What);

  /// Answers from \p Index what awaiting a coroutine whose body the AST
  /// does not show waits for. Null answers from the AST alone.
  void useIndex(const ProjectSummary *Index) { this->Index = Index; }

  /// The I/O operation \p S waits for, or null.
  const clang::FunctionDecl *awaitedIo(const clang::CoroutineSuspendExpr *S) {
    return awaited(S).Io;
  }

  /// Whether \p S suspends whatever its awaiter's `await_ready()` returns,
  /// as far as library conventions tell: it awaits a coroutine's result (a
  /// task, whose `await_ready()` is no constant true), an acquisition of an
  /// async mutex of \p Model, or an I/O operation or a yield this classifier
  /// knows.
  bool knownToSuspend(const clang::CoroutineSuspendExpr *S,
                      const LockModel &Model);

  /// A suspension point on the way from an awaited coroutine to its I/O:
  /// Coroutine awaits the I/O, or the next step's coroutine, at Await.
  struct Step {
    const clang::FunctionDecl *Coroutine;
    const clang::CoroutineSuspendExpr *Await;
  };
  /// The steps from \p S to the I/O awaitedIo finds, outermost first; none
  /// when \p S awaits it directly, or awaits no I/O.
  llvm::SmallVector<Step, 2> ioPath(const clang::CoroutineSuspendExpr *S);

private:
  IoAwaitClassifier(NameMatcher IoFunctions,
                    const SuspensionPointClassifier &Suspensions);

  /// What a function defined here awaits: the I/O, and the suspension point
  /// in its body that awaits it when it is a coroutine.
  struct CalleeIo {
    const clang::FunctionDecl *Io = nullptr;
    const clang::CoroutineSuspendExpr *Await = nullptr;
    bool Unknown = false;
    bool Yields = false;
    const FunctionFact *Elsewhere = nullptr;
  };
  /// What awaiting \p Awaitable waits for, and the coroutine it goes through
  /// (null when none, or not a coroutine).
  struct ExprIo {
    Awaited What;
    const clang::FunctionDecl *Through = nullptr;
  };
  ExprIo ioOf(const clang::Expr *Awaitable, unsigned VariablesLeft);
  ExprIo ioOfCall(const clang::CallExpr *Call, unsigned VariablesLeft);
  /// What a function defined here awaits, memoized.
  CalleeIo ioInCallee(const clang::FunctionDecl *Definition);
  CalleeIo scanCallee(const clang::FunctionDecl *Definition);
  /// What awaiting \p Callee, whose body the AST does not show, waits for.
  Awaited unseenCallee(const clang::FunctionDecl *Callee) const;
  const clang::FunctionDecl *
  initiatedIo(const clang::CallExpr *ComposedOperation) const;

  NameMatcher IoFunctions;
  NameMatcher Combinators;
  NameMatcher ComposedOperations;
  NameMatcher Yields;
  const SuspensionPointClassifier *Suspensions;
  const ProjectSummary *Index = nullptr;
  /// Functions already looked into: what they await.
  llvm::DenseMap<const clang::FunctionDecl *, CalleeIo> Callees;
  /// Functions being looked into, by their position on the stack of those.
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> InProgress;
  /// Functions looked into without I/O found, whose answer relied on a
  /// function still in progress (a recursion): the lowest position they
  /// relied on. Final once that function's answer is.
  llvm::DenseMap<const clang::FunctionDecl *, std::pair<unsigned, CalleeIo>>
      Provisional;
  llvm::SmallVector<const clang::FunctionDecl *, 4> ProvisionalOrder;
  /// The lowest stack position the function being looked into relied on.
  unsigned ReliedOn = ~0u;
};

} // namespace corolock

#endif // COROLOCK_IOAWAITS_H
