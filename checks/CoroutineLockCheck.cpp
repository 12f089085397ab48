//===--- CoroutineLockCheck.cpp - Base of the corolock checks -------------===//

#include "CoroutineLockCheck.h"
#include "CheckSupport.h"
#include "CorolockModule.h"
#include "SharedAnalyses.h"
#include "UnitSummary.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;

namespace corolock {

CoroutineLockCheck::CoroutineLockCheck(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Configuration(*this, Name, *Context),
      CheckName(Name), Analysis(readAnalysisOptions(Options, Context)),
      Shared(sharedAnalyses(Context)),
      Coroutines(sharedCoroutineMatches(Context)) {
  // A run that writes summaries for a project verdict reads no index: what
  // it writes must not depend on an older one.
  AnalysisOptions ForRun = Analysis;
  if (SummaryWriter::requested())
    ForRun.ProjectIndex = "none";
  if (auto A = Shared->get(ForRun))
    Analyses = *A;
  else
    reportConfigurationError(A.takeError());
  if (Analyses)
    useProjectIndex(Context->getCurrentFile());
  if (Analyses && SummaryWriter::requested()) {
    std::vector<std::string> Enabled;
    for (const std::string &Check : corolockCheckNames())
      if (Context->isCheckEnabled(Check))
        Enabled.push_back(Check);
    Summaries = SummaryWriter::fromEnvironment(
        *this, Shared, *Analyses, moduleOption(Options, Context, "IoFunctions"),
        std::move(Enabled));
  }
}

CoroutineLockCheck::~CoroutineLockCheck() { Coroutines->unsubscribe(*this); }

void CoroutineLockCheck::reportConfigurationError(llvm::Error Err) {
  Configured = false;
  llvm::handleAllErrors(std::move(Err), [&](const llvm::ErrorInfoBase &E) {
    Configuration.add(CheckName + ": " + E.message(), DiagnosticIDs::Error);
  });
}

void CoroutineLockCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  storeAnalysisOptions(Options, Opts, Analysis);
}

/// The index is found before the unit is parsed, so that every analysis of
/// it answers alike; a broken one leaves the checks to the unit alone.
void CoroutineLockCheck::useProjectIndex(llvm::StringRef MainFile) {
  llvm::handleAllErrors(
      Analyses->useIndexFor(MainFile), [&](const llvm::ErrorInfoBase &E) {
        Configuration.add(
            E.message() + " (the ProjectIndex option, or a "
                          "corolock-index.json found above the file; 'none' "
                          "reads none)",
            DiagnosticIDs::Error);
      });
}

const MutexFact *
CoroutineLockCheck::indexedMutex(const ValueDecl *Mutex) const {
  const ProjectSummary *Index = projectIndex();
  if (!Index)
    return nullptr;
  auto It = Index->Mutexes.find(mutexUsr(Mutex));
  return It == Index->Mutexes.end() ? nullptr : &It->second;
}

std::vector<const SectionFact *>
CoroutineLockCheck::sectionsOutOfSight(const MutexFact &Fact,
                                       llvm::ArrayRef<CriticalSection> Live,
                                       const SourceManager &SM) const {
  std::string Main = mainFileOf(SM);
  std::vector<SourcePoint> Seen;
  for (const CriticalSection &S : Live)
    Seen.push_back(pointOf(S.Acquisition, SM));
  std::vector<const SectionFact *> Result;
  for (const SectionFact &S : Fact.Sections)
    // The main file may have been edited since: its sections are the AST's.
    if (S.Acquisition.File != Main && !llvm::is_contained(Seen, S.Acquisition))
      Result.push_back(&S);
  return Result;
}

std::optional<std::vector<CoroutineLockCheck::IndexedSection>>
CoroutineLockCheck::sectionsThroughCalls(const ValueDecl *Mutex,
                                         const MutexFact *Indexed,
                                         ASTContext &Context) const {
  const SourceManager &SM = Context.getSourceManager();
  std::string Main = mainFileOf(SM);
  llvm::SmallVector<CallOutOfSight, 1> Calls =
      Analyses->mutexFlow(Context).callsOutOfSight(Mutex);
  std::vector<PassedFact> All;
  for (const CallOutOfSight &Call : Calls)
    All.push_back({Main, usrOf(Call.Callee), Call.Parameter,
                   pointOf(Call.Argument->getBeginLoc(), SM)});
  size_t Here = All.size();
  // The main file's calls are the AST's: it may have been edited since.
  if (Indexed)
    for (const PassedFact &Call : Indexed->PassedTo)
      if (Call.Unit != Main)
        All.push_back(Call);
  const ProjectSummary *Index = projectIndex();
  if (!Index)
    return All.empty()
               ? std::optional<std::vector<IndexedSection>>(std::in_place)
               : std::nullopt;
  std::optional<std::vector<SectionThroughCall>> Found =
      Index->sectionsThrough(All);
  if (!Found)
    return std::nullopt;
  std::vector<IndexedSection> Result;
  for (const SectionThroughCall &S : *Found) {
    SourceLocation PassedAt = S.Call < Here
                                  ? Calls[S.Call].Argument->getBeginLoc()
                                  : locationOf(All[S.Call].At, Context);
    Result.push_back({S.Section, S.Parameter, PassedAt, ""});
  }
  return Result;
}

std::vector<CoroutineLockCheck::IndexedSection>
CoroutineLockCheck::sectionsOfCallers(const ParmVarDecl &Param,
                                      ASTContext &Context) const {
  const ProjectSummary *Index = projectIndex();
  std::string Key = parameterKey(Param);
  if (!Index || Key.empty())
    return {};
  auto Own = Index->Parameters.find(Key);
  std::string Main = mainFileOf(Context.getSourceManager());
  std::vector<IndexedSection> Result;
  for (const auto &Passed : Index->mutexesPassedTo(Key)) {
    const MutexFact *Mutex = Passed.first;
    const PassedFact *Call = Passed.second;
    SourceLocation PassedAt = locationOf(Call->At, Context);
    // The parameter's own sections, and this unit's, are the AST's.
    auto Add = [&](const SectionFact *S, const ParameterFact *Through) {
      if (S->Unit != Main &&
          (Own == Index->Parameters.end() || Through != &Own->second))
        Result.push_back({S, Through, PassedAt, Mutex->Name});
    };
    for (const SectionFact &S : Mutex->Sections)
      Add(&S, nullptr);
    if (std::optional<std::vector<SectionThroughCall>> Through =
            Index->sectionsThrough(Mutex->PassedTo))
      for (const SectionThroughCall &S : *Through)
        Add(S.Section, S.Parameter);
  }
  return Result;
}

bool CoroutineLockCheck::suspendsInSight(const CoroutineSuspendExpr &S) {
  const SuspensionPointClassifier &Suspensions = analyses().suspensions();
  if (!Suspensions.readinessSkipped(&S))
    return true;
  // The presets alone are valid regexes.
  if (!Presets)
    Presets.emplace(llvm::cantFail(IoAwaitClassifier::create("", Suspensions)));
  return Presets->knownToSuspend(&S, analyses().lockModel());
}

void CoroutineLockCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  if (!isConfigured())
    return;
  Coroutines->subscribe(*this, *Finder);
  if (Summaries)
    Summaries->registerMatchers(*Finder);
}

} // namespace corolock
