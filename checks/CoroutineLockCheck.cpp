//===--- CoroutineLockCheck.cpp - Base of the corolock checks -------------===//

#include "CoroutineLockCheck.h"
#include "CheckSupport.h"
#include "CorolockModule.h"
#include "SharedAnalyses.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;

namespace corolock {

CoroutineLockCheck::CoroutineLockCheck(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Configuration(*this, Name, *Context),
      CheckName(Name), Analysis(readAnalysisOptions(Options, Context)),
      Shared(sharedAnalyses(Context)),
      Coroutines(sharedCoroutineMatches(Context)) {
  if (auto A = Shared->get(Analysis))
    Analyses = *A;
  else
    reportConfigurationError(A.takeError());
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

const ProjectSummary *
CoroutineLockCheck::projectIndex(ASTContext &Context,
                                 llvm::StringRef IndexOption) {
  if (IndexFor == &Context)
    return Index.get();
  IndexFor = &Context;
  Index.reset();
  if (writesSummaries() || IndexOption == "none")
    return nullptr;
  std::optional<std::string> Path = IndexOption.str();
  if (IndexOption.empty()) {
    const SourceManager &SM = Context.getSourceManager();
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    Path = Main ? findProjectIndex(Main->getName()) : std::nullopt;
  }
  if (!Path)
    return nullptr;
  if (auto Loaded = loadProjectIndex(*Path))
    Index = std::move(*Loaded);
  else
    configurationDiag("%0 (the ProjectIndex option, or a corolock-index.json "
                      "found above the file; 'none' reads none)",
                      DiagnosticIDs::Error)
        << llvm::toString(Loaded.takeError());
  return Index.get();
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
