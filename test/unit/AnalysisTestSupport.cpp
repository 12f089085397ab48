//===--- AnalysisTestSupport.cpp - Fixtures for the core unit tests -------===//

#include "AnalysisTestSupport.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"

namespace corolock::test {

// The lit fixtures' mock headers, so that both test layers see one std.
const char *const Prelude = "#include \"std_mutex.h\"\n#include \"task.h\"\n";
constexpr unsigned PreludeLines = 2;

using namespace clang;
using namespace clang::ast_matchers;

ParsedCode::ParsedCode(const std::string &Code) {
  Unit = tooling::buildASTFromCodeWithArgs(
      Prelude + Code,
      {"-std=c++20", "-Wno-everything", "-isystem", COROLOCK_MOCK_HEADERS_DIR},
      "input.cc");
}

bool ParsedCode::hasErrors() const {
  return Unit->getDiagnostics().hasErrorOccurred();
}

const FunctionDecl *ParsedCode::function(llvm::StringRef Name,
                                         unsigned Index) {
  auto Matches =
      match(functionDecl(hasName(Name), isDefinition()).bind("f"), context());
  std::vector<const FunctionDecl *> Found;
  for (const BoundNodes &N : Matches) {
    const auto *FD = N.getNodeAs<FunctionDecl>("f");
    if (!FD->isDependentContext())
      Found.push_back(FD);
  }
  return Index < Found.size() ? Found[Index] : nullptr;
}

clang::QualType ParsedCode::variableType(llvm::StringRef Name) {
  auto Matches = match(
      varDecl(hasName(Name), isExpansionInMainFile()).bind("v"), context());
  if (Matches.empty())
    return QualType();
  return Matches.front().getNodeAs<VarDecl>("v")->getType();
}

const CXXMethodDecl *ParsedCode::method(llvm::StringRef Name) {
  auto Matches = match(cxxMethodDecl(hasName(Name)).bind("m"), context());
  const CXXMethodDecl *Result = nullptr;
  for (const BoundNodes &N : Matches) {
    const auto *MD = N.getNodeAs<CXXMethodDecl>("m");
    if (!MD->isDependentContext())
      return MD;
    if (!Result)
      Result = MD;
  }
  return Result;
}

namespace {

std::string holderName(const LockFact &F, const ASTContext &Context) {
  switch (F.Holder) {
  case HolderKind::GuardVariable:
    return F.Guard->getNameAsString();
  case HolderKind::GuardTemporary:
    return "temp";
  case HolderKind::Manual: {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    F.Mutexes.front()->printPretty(OS, nullptr, Context.getPrintingPolicy());
    return "manual:" + Text;
  }
  }
  return "?";
}

const char *ownership(Ownership O) {
  switch (O) {
  case Ownership::Held:
    return "held";
  case Ownership::MaybeHeld:
    return "maybe";
  case Ownership::NotHeld:
    return "alive";
  }
  return "?";
}

} // namespace

std::vector<std::string> heldLocks(const std::string &Code,
                                   llvm::StringRef Function,
                                   const LockModelOptions &Options,
                                   llvm::StringRef NonSuspending) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  auto Model = LockModel::create(Options);
  auto Suspensions = SuspensionPointClassifier::create(NonSuspending);
  if (!Model || !Suspensions) {
    llvm::consumeError(Model.takeError());
    llvm::consumeError(Suspensions.takeError());
    return {"bad options"};
  }
  ASTContext &Context = Parsed.context();
  const SourceManager &SM = Context.getSourceManager();
  std::vector<std::string> Lines;
  for (const SuspensionPointLocks &Point :
       analyzeHeldLocks(*FD, Context, *Model, *Suspensions).Suspensions) {
    std::string Line =
        "L" +
        std::to_string(SM.getPresumedLineNumber(Point.Suspension->getBeginLoc()) -
                       PreludeLines) +
        ":";
    if (Point.Locks.empty())
      Line += " -";
    for (const LockFact &F : Point.Locks)
      Line += " " + holderName(F, Context) + "=" + ownership(F.Owned) + "(" +
              (F.Kind == LockKind::Sync ? "sync" : "async") + ")";
    Lines.push_back(Line);
  }
  return Lines;
}

} // namespace corolock::test
