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

  /// How many coroutine calls deep awaitedIo looks.
  static constexpr unsigned MaxDepth = 4;

private:
  IoAwaitClassifier(NameMatcher IoFunctions,
                    const SuspensionPointClassifier &Suspensions)
      : IoFunctions(std::move(IoFunctions)), Suspensions(&Suspensions) {}

  const clang::FunctionDecl *awaitedIo(const clang::CoroutineSuspendExpr *S,
                                       unsigned Depth);
  const clang::FunctionDecl *ioInCallee(const clang::FunctionDecl *Callee,
                                        unsigned Depth);

  NameMatcher IoFunctions;
  const SuspensionPointClassifier *Suspensions;
  /// Coroutines already looked into, with the depth that was left: the I/O
  /// they await within it, or null.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                 const clang::FunctionDecl *>
      Callees;
};

} // namespace corolock

#endif // COROLOCK_IOAWAITS_H
