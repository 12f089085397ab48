//===--- UnnecessaryAsyncMutexCheck.h - corolock ----------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_UNNECESSARYASYNCMUTEXCHECK_H
#define COROLOCK_CHECKS_UNNECESSARYASYNCMUTEXCHECK_H

#include "CoroutineLockCheck.h"
#include "CriticalSections.h"

namespace corolock {

/// Reports an async mutex none of whose critical sections in the translation
/// unit suspends, and which does not escape: a std::mutex would do.
///
/// For the user-facing documentation see:
/// docs/checks/corolock-unnecessary-async-mutex.md
class UnnecessaryAsyncMutexCheck : public CoroutineLockCheck {
public:
  UnnecessaryAsyncMutexCheck(llvm::StringRef Name,
                             clang::tidy::ClangTidyContext *Context);
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  bool isJudgeable(const clang::ValueDecl *Mutex, const MutexFlow &Flow) const;
  bool isJudgedAlone(const clang::ValueDecl *Mutex) const;
  std::optional<std::vector<IndexedSection>>
  sectionsElsewhere(const clang::ValueDecl *Mutex,
                    llvm::ArrayRef<CriticalSection> Live);
  /// What would do instead of the async mutex.
  enum Alternative { PlainMutex, SharedMutex, Atomic };
  void reportMutex(const clang::ValueDecl *Mutex,
                   llvm::ArrayRef<CriticalSection> All,
                   llvm::ArrayRef<IndexedSection> Elsewhere,
                   Alternative Replacement);
  void notePassed(const clang::ValueDecl *Mutex,
                  llvm::ArrayRef<IndexedSection> Elsewhere);

  bool IncludeHeaderMutexes;
  CriticalSectionsByMutex Sections;
  clang::ASTContext *Context = nullptr;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_UNNECESSARYASYNCMUTEXCHECK_H
