//===--- CoroutineAnalysis.h - One analysis per coroutine -------*- C++ -*-===//
//
// What the checks ask about a coroutine, each computed at most once and
// shared by every check: the CFG of its body, the parents of its statements,
// its try blocks, the held-lock dataflow (with the locks held before every
// statement) and its critical sections; and, per translation unit, how
// mutexes are handed around. One AnalysisContext serves one set of
// lock-model options over one AST at a time; checks configured alike share
// it, checks configured differently get their own.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_COROUTINEANALYSIS_H
#define COROLOCK_COROUTINEANALYSIS_H

#include "CriticalSections.h"
#include "HeldLockAnalysis.h"
#include "ProjectSummary.h"
#include "StmtParents.h"
#include "TryBlocks.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <optional>

namespace corolock {

/// The options that decide what the shared analyses find.
struct AnalysisOptions {
  LockModelOptions Locks;
  std::string NonSuspendingAwaitables;
  /// The project's index: a path, `none`, or empty to look for one above
  /// the main file (findProjectIndex).
  std::string ProjectIndex;

  /// Equal for options that lead to the same analyses.
  std::string key() const;
};

/// How often each shared analysis ran, for tests and benchmarks.
struct AnalysisCounters {
  unsigned CFGs = 0;
  unsigned ParentMaps = 0;
  unsigned HeldLockRuns = 0;
  unsigned MutexFlows = 0;
};

class CoroutineAnalysis {
public:
  CoroutineAnalysis(const clang::FunctionDecl &Coroutine,
                    clang::ASTContext &Context, const LockModel &Model,
                    const SuspensionPointClassifier &Suspensions,
                    AnalysisCounters *Counters = nullptr);

  const clang::FunctionDecl &function() const { return Coroutine; }
  clang::ASTContext &context() const { return Context; }
  const LockModel &lockModel() const { return Model; }
  const SuspensionPointClassifier &suspensions() const { return Suspensions; }

  /// The body that is analysed: the coroutine's, or a plain function's
  /// (which the checks follow calls into); null when \p Coroutine is not a
  /// non-dependent definition.
  const clang::Stmt *body() const { return Body; }
  /// The CFG of the body, with every statement added and implicit and
  /// temporary destructors; null when there is no body or clang cannot
  /// build it.
  const clang::CFG *cfg();
  const StmtParents &parents();
  /// The try blocks of the body; only with a CFG.
  const TryBlocks &tries();
  /// The mutexes the body names, shared by every analysis of it.
  MutexIdentities &mutexes() { return Mutexes; }
  const HeldLockResult &heldLocks();
  /// One per acquisition and mutex, in source order.
  llvm::ArrayRef<CriticalSection> criticalSections();

private:
  const clang::FunctionDecl &Coroutine;
  clang::ASTContext &Context;
  const LockModel &Model;
  const SuspensionPointClassifier &Suspensions;
  AnalysisCounters *Counters;
  const clang::Stmt *Body = nullptr;

  MutexIdentities Mutexes;
  bool CFGBuilt = false;
  std::unique_ptr<clang::CFG> Graph;
  std::optional<StmtParents> Parents;
  std::optional<TryBlocks> Tries;
  std::optional<HeldLockResult> Held;
  std::optional<std::vector<CriticalSection>> Sections;
};

/// The shared analyses for one set of options over one AST at a time.
class AnalysisContext {
public:
  /// An error names the invalid option and value.
  static llvm::Expected<std::unique_ptr<AnalysisContext>>
  create(const AnalysisOptions &Options);

  const LockModel &lockModel() const { return Model; }
  const SuspensionPointClassifier &suspensions() const { return Suspensions; }

  /// Makes the project index of the translation unit whose main file is
  /// \p MainFile the one the analyses answer from (what its AST does not
  /// show), per the ProjectIndex option, when the main file is not the last
  /// one's. Checks are created before each unit is parsed: each tells. Only
  /// the first to tell of a file hears why its index cannot be read.
  llvm::Error useIndexFor(llvm::StringRef MainFile);
  /// The index useIndexFor found, or null.
  const ProjectSummary *projectIndex() const { return Index.get(); }

  /// The analysis of \p Coroutine, created on first use. A coroutine of
  /// another AST than the last one asked about starts afresh: declarations
  /// of an AST that is gone may share addresses with the new one's.
  CoroutineAnalysis &coroutine(const clang::FunctionDecl &Coroutine,
                               clang::ASTContext &Context);
  /// How the mutexes of \p Context are handed around, computed once.
  const MutexFlow &mutexFlow(clang::ASTContext &Context);
  /// The non-dependent function definitions of \p Context outside system
  /// headers (template instantiations and lambdas' call operators included),
  /// in traversal order, computed once: the checks that look at every
  /// function walk them instead of matching every declaration of the TU.
  llvm::ArrayRef<const clang::FunctionDecl *>
  userFunctions(clang::ASTContext &Context);
  const AnalysisCounters &counters() const { return Counters; }

private:
  AnalysisContext(LockModel Model, SuspensionPointClassifier Suspensions,
                  std::string IndexOption)
      : Model(std::move(Model)), Suspensions(std::move(Suspensions)),
        IndexOption(std::move(IndexOption)) {}
  void useAST(clang::ASTContext &Context);

  LockModel Model;
  SuspensionPointClassifier Suspensions;
  std::string IndexOption;
  std::optional<std::string> IndexFor;
  std::shared_ptr<const ProjectSummary> Index;
  clang::ASTContext *AST = nullptr;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::unique_ptr<CoroutineAnalysis>>
      Coroutines;
  std::optional<MutexFlow> Flow;
  std::optional<std::vector<const clang::FunctionDecl *>> Functions;
  AnalysisCounters Counters;
};

/// The analysis contexts of one run of the checks over one AST (a clang-tidy
/// run creates its checks per translation unit): one per distinct options.
class AnalysisContexts {
public:
  llvm::Expected<AnalysisContext *> get(const AnalysisOptions &Options);

  /// True for the first caller per AST: what is done once per translation
  /// unit for all checks (its summary) is done by that caller.
  bool claimOncePerAST(const clang::ASTContext &Context) {
    if (Claimed == &Context)
      return false;
    Claimed = &Context;
    return true;
  }

private:
  llvm::StringMap<std::unique_ptr<AnalysisContext>> ByOptions;
  const clang::ASTContext *Claimed = nullptr;
};

/// The held-lock analysis of one coroutine on its own, for tests.
HeldLockResult analyzeHeldLocks(const clang::FunctionDecl &Coroutine,
                                clang::ASTContext &Context,
                                const LockModel &Model,
                                const SuspensionPointClassifier &Suspensions);

/// The critical sections of one coroutine on its own, for tests.
std::vector<CriticalSection>
findCriticalSections(const clang::FunctionDecl &Coroutine,
                     clang::ASTContext &Context, const LockModel &Model,
                     const SuspensionPointClassifier &Suspensions);

} // namespace corolock

#endif // COROLOCK_COROUTINEANALYSIS_H
