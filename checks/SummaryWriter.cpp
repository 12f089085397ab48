//===--- SummaryWriter.cpp - Writes a translation unit's summary ----------===//

#include "SummaryWriter.h"
#include "UnitSummary.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {

bool SummaryWriter::requested() {
  std::optional<std::string> Directory =
      llvm::sys::Process::GetEnv(SummaryDirectoryVariable);
  return Directory && !Directory->empty();
}

std::unique_ptr<SummaryWriter> SummaryWriter::fromEnvironment(
    tidy::ClangTidyCheck &Check, std::shared_ptr<AnalysisContexts> Shared,
    AnalysisContext &Analyses, std::string IoFunctions,
    std::vector<std::string> EnabledChecks) {
  std::optional<std::string> Directory =
      llvm::sys::Process::GetEnv(SummaryDirectoryVariable);
  if (!Directory || Directory->empty())
    return nullptr;
  return std::unique_ptr<SummaryWriter>(new SummaryWriter(
      Check, std::move(Shared), Analyses, std::move(IoFunctions),
      std::move(EnabledChecks), std::move(*Directory)));
}

void SummaryWriter::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(translationUnitDecl(), this);
}

void SummaryWriter::run(const MatchFinder::MatchResult &Result) {
  if (!Shared->claimOncePerAST(*Result.Context))
    return;
  auto Io = IoAwaitClassifier::create(IoFunctions, Analyses.suspensions());
  if (!Io) {
    // The check reports its invalid option already.
    llvm::consumeError(Io.takeError());
    return;
  }
  ProjectSummary Summary =
      summarizeUnit(*Result.Context, Analyses, *Io, EnabledChecks);
  // One file per translation unit, named after its path; written whole and
  // renamed, so that a merge never reads half a summary.
  std::string Name =
      contentHash(Summary.Units.front().File) + ".corolock-summary.json";
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Name);
  std::error_code Error = llvm::sys::fs::create_directories(Directory);
  if (!Error) {
    llvm::SmallString<256> Temporary(Path);
    Temporary += ".tmp" + std::to_string(llvm::sys::Process::getProcessId());
    {
      llvm::raw_fd_ostream OS(Temporary, Error);
      if (!Error)
        OS << toJson(Summary);
    }
    if (!Error)
      Error = llvm::sys::fs::rename(Temporary, Path);
  }
  if (Error)
    Check.configurationDiag("cannot write the corolock summary %0 (%1 is " +
                            SummaryDirectoryVariable.str() + "): %2")
        << Path << Directory << Error.message();
}

} // namespace corolock
