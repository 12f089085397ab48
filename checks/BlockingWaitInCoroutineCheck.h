//===--- BlockingWaitInCoroutineCheck.h - corolock --------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_BLOCKINGWAITINCOROUTINECHECK_H
#define COROLOCK_CHECKS_BLOCKINGWAITINCOROUTINECHECK_H

#include "BlockingCalls.h"
#include "CoroutineLockCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace corolock {

/// Reports calls inside a coroutine that block the thread until another
/// task makes progress, directly or through plain functions it calls.
///
/// For the user-facing documentation see:
/// docs/checks/corolock-blocking-wait-in-coroutine.md
class BlockingWaitInCoroutineCheck : public CoroutineLockCheck {
public:
  BlockingWaitInCoroutineCheck(llvm::StringRef Name,
                               clang::tidy::ClangTidyContext *Context);
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void report(const BlockingCall &Found, const clang::ASTContext &Context);

  std::string BlockingFunctions;
  std::optional<BlockingCallFinder> Finder;
  /// The calls reported in this translation unit: a template's
  /// instantiations share their locations.
  llvm::DenseSet<unsigned> Reported;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_BLOCKINGWAITINCOROUTINECHECK_H
