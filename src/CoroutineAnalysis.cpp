//===--- CoroutineAnalysis.cpp - One analysis per coroutine ---------------===//

#include "CoroutineAnalysis.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace corolock {

std::string AnalysisOptions::key() const {
  // Separators no regex list option uses unescaped.
  return Locks.SyncMutexes + '\0' + Locks.AsyncMutexes + '\0' +
         Locks.SyncGuards + '\0' + Locks.AsyncGuards + '\0' +
         NonSuspendingAwaitables + '\0' + ProjectIndex;
}

CoroutineAnalysis::CoroutineAnalysis(
    const FunctionDecl &Coroutine, ASTContext &Context, const LockModel &Model,
    const SuspensionPointClassifier &Suspensions, AnalysisCounters *Counters)
    : Coroutine(Coroutine), Context(Context), Model(Model),
      Suspensions(Suspensions), Counters(Counters) {
  const auto *CoroBody =
      dyn_cast_or_null<CoroutineBodyStmt>(Coroutine.getBody());
  if (Coroutine.isDependentContext())
    return;
  // A plain function's locks matter to the calls that run it under a lock.
  Body = CoroBody ? CoroBody->getBody() : Coroutine.getBody();
}

const CFG *CoroutineAnalysis::cfg() {
  if (CFGBuilt || !Body)
    return Graph.get();
  CFGBuilt = true;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddRichCXXConstructors = true;
  Options.AddCXXDefaultInitExprInCtors = true;
  Options.setAllAlwaysAdd();
  Graph =
      CFG::buildCFG(&Coroutine, const_cast<Stmt *>(Body), &Context, Options);
  if (Counters)
    ++Counters->CFGs;
  return Graph.get();
}

const StmtParents &CoroutineAnalysis::parents() {
  if (!Parents) {
    Parents.emplace(Body);
    if (Counters)
      ++Counters->ParentMaps;
  }
  return *Parents;
}

const TryBlocks &CoroutineAnalysis::tries() {
  if (!Tries)
    Tries.emplace(Body, *cfg());
  return *Tries;
}

const HeldLockResult &CoroutineAnalysis::heldLocks() {
  if (Held)
    return *Held;
  const CFG *Graph = cfg();
  if (!Graph) {
    Held.emplace();
    return *Held;
  }
  Held = analyzeHeldLocks(Coroutine, Context, Model, Suspensions, *Graph,
                          parents(), tries(), Mutexes);
  if (Counters)
    ++Counters->HeldLockRuns;
  return *Held;
}

llvm::ArrayRef<CriticalSection> CoroutineAnalysis::criticalSections() {
  if (!Sections)
    Sections = criticalSectionsOf(Coroutine, heldLocks());
  return *Sections;
}

llvm::Expected<std::unique_ptr<AnalysisContext>>
AnalysisContext::create(const AnalysisOptions &Options) {
  auto Model = LockModel::create(Options.Locks);
  auto Suspensions =
      SuspensionPointClassifier::create(Options.NonSuspendingAwaitables);
  if (!Model || !Suspensions)
    return llvm::joinErrors(Model ? llvm::Error::success() : Model.takeError(),
                            Suspensions ? llvm::Error::success()
                                        : Suspensions.takeError());
  return std::unique_ptr<AnalysisContext>(new AnalysisContext(
      std::move(*Model), std::move(*Suspensions), Options.ProjectIndex));
}

llvm::Error AnalysisContext::useIndexFor(llvm::StringRef MainFile) {
  if (IndexFor == MainFile)
    return llvm::Error::success();
  IndexFor = MainFile.str();
  Index.reset();
  Suspensions.useIndex(nullptr);
  if (IndexOption == "none")
    return llvm::Error::success();
  std::optional<std::string> Path = IndexOption;
  if (IndexOption.empty())
    Path = findProjectIndex(MainFile);
  if (!Path)
    return llvm::Error::success();
  auto Loaded = loadProjectIndex(*Path);
  if (!Loaded)
    return Loaded.takeError();
  Index = std::move(*Loaded);
  Suspensions.useIndex(Index.get());
  return llvm::Error::success();
}

void AnalysisContext::useAST(ASTContext &Context) {
  if (AST == &Context)
    return;
  AST = &Context;
  Coroutines.clear();
  Flow.reset();
  Functions.reset();
  Model.startTranslationUnit();
}

CoroutineAnalysis &AnalysisContext::coroutine(const FunctionDecl &Coroutine,
                                              ASTContext &Context) {
  useAST(Context);
  std::unique_ptr<CoroutineAnalysis> &Entry = Coroutines[&Coroutine];
  if (!Entry)
    Entry = std::make_unique<CoroutineAnalysis>(Coroutine, Context, Model,
                                                Suspensions, &Counters);
  return *Entry;
}

const MutexFlow &AnalysisContext::mutexFlow(ASTContext &Context) {
  useAST(Context);
  if (!Flow) {
    Flow = analyzeMutexFlow(Context, Model);
    ++Counters.MutexFlows;
  }
  return *Flow;
}

namespace {

/// Collects the function definitions outside system headers.
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(std::vector<const FunctionDecl *> &Out)
      : Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (!D || (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
               D->getASTContext().getSourceManager().isInSystemHeader(
                   D->getLocation())))
      return true;
    return RecursiveASTVisitor<FunctionCollector>::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *F) {
    add(F);
    return true;
  }
  // A lambda's call operator is not traversed as a declaration.
  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    add(Lambda->getCallOperator());
    return true;
  }

private:
  void add(const FunctionDecl *F) {
    if (F && F->doesThisDeclarationHaveABody() && !F->isDependentContext() &&
        Seen.insert(F).second)
      Out.push_back(F);
  }
  std::vector<const FunctionDecl *> &Out;
  llvm::DenseSet<const FunctionDecl *> Seen;
};

} // namespace

llvm::ArrayRef<const FunctionDecl *>
AnalysisContext::userFunctions(ASTContext &Context) {
  useAST(Context);
  if (!Functions) {
    Functions.emplace();
    FunctionCollector(*Functions).TraverseAST(Context);
  }
  return *Functions;
}

llvm::Expected<AnalysisContext *>
AnalysisContexts::get(const AnalysisOptions &Options) {
  std::unique_ptr<AnalysisContext> &Entry = ByOptions[Options.key()];
  if (!Entry) {
    auto Created = AnalysisContext::create(Options);
    if (!Created) {
      ByOptions.erase(Options.key());
      return Created.takeError();
    }
    Entry = std::move(*Created);
  }
  return Entry.get();
}

HeldLockResult analyzeHeldLocks(const FunctionDecl &Coroutine,
                                ASTContext &Context, const LockModel &Model,
                                const SuspensionPointClassifier &Suspensions) {
  return CoroutineAnalysis(Coroutine, Context, Model, Suspensions).heldLocks();
}

std::vector<CriticalSection>
findCriticalSections(const FunctionDecl &Coroutine, ASTContext &Context,
                     const LockModel &Model,
                     const SuspensionPointClassifier &Suspensions) {
  return CoroutineAnalysis(Coroutine, Context, Model, Suspensions)
      .criticalSections();
}

} // namespace corolock
