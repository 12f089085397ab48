//===--- AsyncLockAcrossIoCheck.h - corolock --------------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_ASYNCLOCKACROSSIOCHECK_H
#define COROLOCK_CHECKS_ASYNCLOCKACROSSIOCHECK_H

#include "CoroutineLockCheck.h"
#include "CriticalSections.h"
#include "IoAwaits.h"

namespace corolock {

/// Reports a suspension that awaits I/O while an async mutex is held, when
/// the same mutex also has critical sections without I/O that must wait.
///
/// For the user-facing documentation see:
/// docs/checks/corolock-async-lock-across-io.md
class AsyncLockAcrossIoCheck : public CoroutineLockCheck {
public:
  AsyncLockAcrossIoCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  /// A critical section and the I/O each of its suspensions awaits (null
  /// where none).
  struct IoSection {
    const CriticalSection *Section;
    std::vector<const clang::FunctionDecl *> Io;
    bool hasIo() const;
  };
  void reportMutex(const clang::ValueDecl *Mutex, IoAwaitClassifier &IoAwaits);

  std::string IoFunctions;
  std::string AllowedMutexesOption;
  std::optional<IoAwaitClassifier> IoAwaits;
  std::optional<NameMatcher> AllowedMutexes;
  CriticalSectionsByMutex Sections;
  /// The translation unit's context, once a coroutine was seen.
  clang::ASTContext *Context = nullptr;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_ASYNCLOCKACROSSIOCHECK_H
