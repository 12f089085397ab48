//===--- CheckSupport.h - What the corolock checks share --------*- C++ -*-===//
//
// Option reading, the coroutine matcher and the wording of locks in
// diagnostics, shared by every corolock check.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_CHECKSUPPORT_H
#define COROLOCK_CHECKS_CHECKSUPPORT_H

#include "CoroutineAnalysis.h"
#include "ProjectSummary.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace corolock {

/// The prefix of the options that apply to every corolock check
/// (`corolock.AsyncMutexes`).
constexpr llvm::StringLiteral ModuleOptionPrefix = "corolock";

/// The option \p Name: the check's own value, else the module-wide one
/// (`corolock.<Name>`), else empty.
std::string
moduleOption(const clang::tidy::ClangTidyCheck::OptionsView &Options,
             clang::tidy::ClangTidyContext *Context, llvm::StringRef Name);

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

/// " through parameter 'm'" when \p Section locks a mutex parameter that
/// CriticalSectionsByMutex::bindParameters counts for the mutex passed to
/// it, else "".
std::string throughParameter(const CriticalSection &Section);

/// A note at each argument that binds the parameter \p Section locks to the
/// mutex it is counted for: the parameter's own first.
void noteBindings(clang::tidy::ClangTidyCheck &Check,
                  const CriticalSection &Section,
                  const clang::ASTContext &Context);

/// When the environment sets COROLOCK_VERBOSE, says on stderr, without a
/// diagnostic, that \p Check left \p Coroutine unjudged because its
/// analysis did not converge within \p Bound block visits.
void reportStoppedAnalysis(llvm::StringRef Check,
                           const clang::FunctionDecl &Coroutine, unsigned Bound,
                           const clang::ASTContext &Context);

/// How a note names a function: its qualified name quoted ("'Stream::flush'"),
/// or "a lambda" for a lambda's call operator, whose name differs between
/// LLVM releases.
std::string describeFunction(const clang::FunctionDecl &Function);

/// Where the note that explains a finding at \p Where goes: the same place,
/// but out of macros, whose expansion notes it does not need to repeat.
/// Where \p Point is, loading its file into \p Context's source manager
/// when the translation unit did not include it (a fact of the project's
/// index about another unit); invalid when the file cannot be read.
clang::SourceLocation locationOf(const SourcePoint &Point,
                                 clang::ASTContext &Context);

clang::SourceLocation explanationLoc(clang::SourceLocation Where,
                                     const clang::ASTContext &Context);

/// Where a finding's explanation sends the reader: the check's page in the
/// documentation. clang-tidy links no documentation of a plugin's checks.
std::string documentationPath(llvm::StringRef CheckName);

/// At most this many notes list the places of one kind in a finding (where
/// a lock is taken, the other suspension points it is held across): the
/// output stays linear in the code however many places there are.
constexpr size_t MaxListedNotes = 4;

/// Calls \p Note(I, Rest) for the first \p Count places that get a note: all
/// of them, up to MaxListedNotes; else MaxListedNotes - 1 with Rest = 0, and
/// a last one that stands for itself and the Rest after it.
void forListedNotes(size_t Count,
                    llvm::function_ref<void(size_t I, unsigned Rest)> Note);

} // namespace corolock

#endif // COROLOCK_CHECKS_CHECKSUPPORT_H
