//===--- ReadReleaseWriteCheck.h - corolock ---------------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_READRELEASEWRITECHECK_H
#define COROLOCK_CHECKS_READRELEASEWRITECHECK_H

#include "CoroutineLockCheck.h"
#include "ReadReleaseWrite.h"
#include "llvm/ADT/DenseSet.h"

namespace corolock {

/// Warns at a write to shared state under a mutex that depends on a read of
/// that state in an earlier critical section on the same mutex, when the
/// coroutine suspended without the mutex in between.
///
/// For the user-facing documentation see:
/// docs/checks/corolock-read-release-write.md
class ReadReleaseWriteCheck : public CoroutineLockCheck {
public:
  ReadReleaseWriteCheck(llvm::StringRef Name,
                        clang::tidy::ClangTidyContext *Context)
      : CoroutineLockCheck(Name, Context) {}
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void report(const StaleWrite &Write, const clang::ASTContext &Context);

  /// The coroutines of the translation unit, analysed at its end, when no
  /// matcher needs the whole translation unit's parents any more.
  std::vector<const clang::FunctionDecl *> Coroutines;
  clang::ASTContext *Context = nullptr;

  /// Template instantiations share source locations: report each write once.
  llvm::DenseSet<std::pair<unsigned, unsigned>> Reported;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_READRELEASEWRITECHECK_H
