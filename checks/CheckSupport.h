//===--- CheckSupport.h - What the corolock checks share --------*- C++ -*-===//
//
// Option reading, the coroutine matcher and the wording of locks in
// diagnostics, shared by every corolock check.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_CHECKSUPPORT_H
#define COROLOCK_CHECKS_CHECKSUPPORT_H

#include "CoroutineAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace corolock {

/// The prefix of the options that apply to every corolock check
/// (`corolock.AsyncMutexes`).
constexpr llvm::StringLiteral ModuleOptionPrefix = "corolock";

/// Reads SyncMutexes, AsyncMutexes, SyncGuards, AsyncGuards and
/// NonSuspendingAwaitables: the check's own value, else the module-wide one.
AnalysisOptions
readAnalysisOptions(const clang::tidy::ClangTidyCheck::OptionsView &Options,
                    clang::tidy::ClangTidyContext *Context);
/// Stores the values in effect under the check's name.
void storeAnalysisOptions(
    const clang::tidy::ClangTidyCheck::OptionsView &Options,
    clang::tidy::ClangTidyOptions::OptionMap &Opts,
    const AnalysisOptions &Values);

/// Coroutine definitions (dependent ones are skipped by the analysis),
/// bound to "coroutine".
clang::ast_matchers::DeclarationMatcher coroutineFunction();

/// `co_await` or `co_yield`.
llvm::StringRef suspensionKeyword(const clang::CoroutineSuspendExpr &S);

/// How a diagnostic names a lock and its holder.
struct LockDescription {
  /// "sync mutex 'mu_'", "sync mutexes 'a', 'b'" or "a sync lock".
  std::string Mutex;
  /// Whether Mutex is plural.
  bool Plural = false;
  /// " by 'lk'", " by a temporary 'std::lock_guard<std::mutex>'" or "".
  std::string ByHolder;
  /// "guard" or "temporary guard", and its quoted name or type.
  std::string GuardKindWord;
  std::string Guard;
};

LockDescription describeLock(const LockFact &Lock,
                             const clang::ASTContext &Context);

/// The source text of \p E as written, or its pretty-printed form.
std::string spelling(const clang::Expr *E, const clang::ASTContext &Context);

} // namespace corolock

#endif // COROLOCK_CHECKS_CHECKSUPPORT_H
