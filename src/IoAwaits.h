//===--- IoAwaits.h - Suspension points that wait for I/O -------*- C++ -*-===//
//
// A suspension point awaits I/O when the awaited call's callee is a known I/O
// operation (socket and file operations, timers), or is a coroutine defined in
// the translation unit that itself awaits I/O.
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

  /// The I/O operation \p S waits for (the awaited callee, or the coroutine
  /// it calls that waits for I/O), or null.
  const clang::FunctionDecl *awaitedIo(const clang::CoroutineSuspendExpr *S);

  /// A suspension point on the way from an awaited coroutine to its I/O:
  /// Coroutine awaits the I/O, or the next step's coroutine, at Await.
  struct Step {
    const clang::FunctionDecl *Coroutine;
    const clang::CoroutineSuspendExpr *Await;
  };
  /// The steps from \p S to the I/O awaitedIo finds, outermost first; none
  /// when \p S awaits it directly, or awaits no I/O.
  llvm::SmallVector<Step, 2> ioPath(const clang::CoroutineSuspendExpr *S);

  /// How many coroutine calls deep awaitedIo looks.
  static constexpr unsigned MaxDepth = 4;

private:
  IoAwaitClassifier(NameMatcher IoFunctions,
                    const SuspensionPointClassifier &Suspensions)
      : IoFunctions(std::move(IoFunctions)), Suspensions(&Suspensions) {}

  /// The I/O a coroutine awaits, and the suspension point in its body that
  /// awaits it (directly or through another coroutine).
  struct CalleeIo {
    const clang::FunctionDecl *Io = nullptr;
    const clang::CoroutineSuspendExpr *Await = nullptr;
  };
  /// The I/O \p S awaits within \p Depth coroutine calls, and the definition
  /// of the coroutine it awaits through (null when it awaits it directly).
  std::pair<const clang::FunctionDecl *, const clang::FunctionDecl *>
  awaitedIo(const clang::CoroutineSuspendExpr *S, unsigned Depth);
  CalleeIo ioInCallee(const clang::FunctionDecl *Callee, unsigned Depth,
                      const clang::FunctionDecl *&Definition);

  NameMatcher IoFunctions;
  const SuspensionPointClassifier *Suspensions;
  /// Coroutines already looked into, with the depth that was left: the I/O
  /// they await within it, if any.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, CalleeIo>
      Callees;
};

} // namespace corolock

#endif // COROLOCK_IOAWAITS_H
