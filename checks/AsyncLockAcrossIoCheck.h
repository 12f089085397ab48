//===--- AsyncLockAcrossIoCheck.h - corolock --------------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_ASYNCLOCKACROSSIOCHECK_H
#define COROLOCK_CHECKS_ASYNCLOCKACROSSIOCHECK_H

#include "CoroutineLockCheck.h"
#include "CriticalSections.h"
#include "IoAwaits.h"

namespace corolock {

/// Reports a holder of an async mutex in a coroutine that awaits I/O while
/// holding it, once, when the same mutex also has critical sections without
/// I/O that must wait.
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
    std::vector<IoAwaitClassifier::Awaited> Io;
    /// Whether a suspension without I/O yields to the scheduler, or awaits
    /// a function whose body is not visible: then the section is not short.
    bool MayTakeLong;
    bool hasIo() const;
  };
  void reportMutex(const clang::ValueDecl *Mutex, IoAwaitClassifier &IoAwaits);
  /// A critical section without I/O that waits behind a holder: one of
  /// this unit's, or one the project index knows.
  struct ShortSection {
    const CriticalSection *Here = nullptr;
    const IndexedSection *Elsewhere = nullptr;
  };
  std::vector<IndexedSection>
  sectionsElsewhere(const clang::ValueDecl *Mutex,
                    llvm::ArrayRef<CriticalSection> Live);
  /// One finding: a holder of \p Mutex in one coroutine, at its first I/O
  /// suspension, with \p Waiting sections without I/O, \p Short the first.
  void reportHolder(const clang::ValueDecl *Mutex,
                    llvm::ArrayRef<const IoSection *> Entries,
                    ShortSection Short, unsigned Waiting,
                    IoAwaitClassifier &IoAwaits);
  void noteShort(const clang::ValueDecl *Mutex, ShortSection Short);
  void noteIoPath(const clang::CoroutineSuspendExpr &Await,
                  const IoAwaitClassifier::Awaited &What,
                  IoAwaitClassifier &IoAwaits);

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
