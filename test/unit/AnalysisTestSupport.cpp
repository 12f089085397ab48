//===--- AnalysisTestSupport.cpp - Fixtures for the core unit tests -------===//

#include "AnalysisTestSupport.h"
#include "IoAwaits.h"
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

const FunctionDecl *ParsedCode::function(llvm::StringRef Name, unsigned Index) {
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

std::vector<const FunctionDecl *> ParsedCode::coroutines() {
  auto Matches =
      match(functionDecl(isDefinition(), hasBody(coroutineBodyStmt()),
                         isExpansionInMainFile())
                .bind("f"),
            context());
  // Instantiations share their template's location: keep them in the order
  // they were found.
  std::vector<std::pair<const FunctionDecl *, size_t>> Found;
  for (const BoundNodes &N : Matches) {
    const auto *FD = N.getNodeAs<FunctionDecl>("f");
    if (!FD->isDependentContext())
      Found.emplace_back(FD, Found.size());
  }
  const SourceManager &SM = context().getSourceManager();
  llvm::sort(Found, [&](const auto &A, const auto &B) {
    SourceLocation LA = A.first->getBeginLoc(), LB = B.first->getBeginLoc();
    if (LA != LB)
      return SM.isBeforeInTranslationUnit(LA, LB);
    return A.second < B.second;
  });
  std::vector<const FunctionDecl *> Result;
  Result.reserve(Found.size());
  for (const auto &[FD, Index] : Found)
    Result.push_back(FD);
  return Result;
}

unsigned ParsedCode::line(SourceLocation Loc) {
  const SourceManager &SM = context().getSourceManager();
  return SM.getPresumedLineNumber(SM.getExpansionLoc(Loc)) - PreludeLines;
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

/// Runs \p Body with the lock model and suspension classifier for the
/// presets plus \p Options and \p NonSuspending; {"bad options"} when one is
/// invalid.
template <typename BodyFn>
std::vector<std::string> withClassifiers(const LockModelOptions &Options,
                                         llvm::StringRef NonSuspending,
                                         BodyFn Body) {
  auto Model = LockModel::create(Options);
  auto Suspensions = SuspensionPointClassifier::create(NonSuspending);
  if (!Model || !Suspensions) {
    llvm::consumeError(Model.takeError());
    llvm::consumeError(Suspensions.takeError());
    return {"bad options"};
  }
  return Body(*Model, *Suspensions);
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
  return withClassifiers(
      Options, NonSuspending,
      [&](const LockModel &Model, const auto &Suspensions) {
        ASTContext &Context = Parsed.context();
        std::vector<std::string> Lines;
        for (const SuspensionPointLocks &Point :
             analyzeHeldLocks(*FD, Context, Model, Suspensions).Suspensions) {
          std::string Line =
              "L" +
              std::to_string(Parsed.line(Point.Suspension->getBeginLoc())) +
              ":";
          if (Point.Locks.empty())
            Line += " -";
          for (const LockFact &F : Point.Locks)
            Line += " " + holderName(F, Context) + "=" + ownership(F.Owned) +
                    "(" + (F.Kind == LockKind::Sync ? "sync" : "async") + ")";
          Lines.push_back(Line);
        }
        return Lines;
      });
}

std::vector<std::string> fromPreviousIteration(const std::string &Code,
                                               llvm::StringRef Function) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  return withClassifiers(
      {}, "", [&](const LockModel &Model, const auto &Suspensions) {
        ASTContext &Context = Parsed.context();
        const SourceManager &SM = Context.getSourceManager();
        std::vector<std::string> Lines;
        for (const SuspensionPointLocks &Point :
             analyzeHeldLocks(*FD, Context, Model, Suspensions).Suspensions) {
          const CoroutineSuspendExpr &S = *Point.Suspension;
          std::string Line =
              "L" + std::to_string(Parsed.line(S.getBeginLoc())) + ":";
          for (const LockFact &F : Point.Locks) {
            if (!heldFromPreviousIteration(F, S, SM))
              continue;
            std::string Where;
            for (SourceLocation L : F.Acquisitions)
              if (acquiredInPreviousIteration(L, S, SM))
                Where += (Where.empty() ? "L" : " L") +
                         std::to_string(Parsed.line(L));
            Line += " " + holderName(F, Context) + "(" + Where + ")";
          }
          if (Line.back() == ':')
            Line += " -";
          Lines.push_back(Line);
        }
        return Lines;
      });
}

namespace {

std::string lineList(ParsedCode &Parsed,
                     llvm::ArrayRef<const CoroutineSuspendExpr *> Points) {
  if (Points.empty())
    return "-";
  std::string Text;
  for (const CoroutineSuspendExpr *S : Points)
    Text += (Text.empty() ? "L" : " L") +
            std::to_string(Parsed.line(S->getBeginLoc()));
  return Text;
}

/// "sync", "async, shared", "sync, upgrade": the kind, and the mode unless
/// exclusive.
std::string kindAndMode(const CriticalSection &S) {
  std::string Text = S.Kind == LockKind::Sync ? "sync" : "async";
  if (S.Mode == LockMode::Shared)
    Text += ", shared";
  else if (S.Mode == LockMode::Upgrade)
    Text += ", upgrade";
  return Text;
}

const char *holderWord(const CriticalSection &S) {
  switch (S.Holder) {
  case HolderKind::GuardVariable:
    return nullptr;
  case HolderKind::GuardTemporary:
    return "temp";
  case HolderKind::Manual:
    return "manual";
  }
  return "?";
}

} // namespace

std::vector<std::string> criticalSections(const std::string &Code,
                                          llvm::StringRef Function,
                                          const LockModelOptions &Options,
                                          llvm::StringRef NonSuspending) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  return withClassifiers(
      Options, NonSuspending,
      [&](const LockModel &Model, const auto &Suspensions) {
        std::vector<std::string> Lines;
        for (const CriticalSection &S :
             findCriticalSections(*FD, Parsed.context(), Model, Suspensions)) {
          const char *Holder = holderWord(S);
          Lines.push_back(
              "L" + std::to_string(Parsed.line(S.Acquisition)) + ": " +
              (Holder ? std::string(Holder) : S.Guard->getNameAsString()) +
              " " + (S.Mutex ? S.Mutex->getNameAsString() : "?") + " (" +
              kindAndMode(S) + ") -> " + lineList(Parsed, S.Suspensions) +
              (S.HandOffs.empty()
                   ? ""
                   : "; handed off at " + lineList(Parsed, S.HandOffs)) +
              (S.HeldAtEnd ? "; held at end" : ""));
        }
        return Lines;
      });
}

std::vector<std::string> sectionsByMutex(const std::string &Code,
                                         const LockModelOptions &Options,
                                         bool BindParameters) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  return withClassifiers(
      Options, "", [&](const LockModel &Model, const auto &Suspensions) {
        CriticalSectionsByMutex ByMutex;
        for (const FunctionDecl *FD : Parsed.coroutines())
          for (CriticalSection &S :
               findCriticalSections(*FD, Parsed.context(), Model, Suspensions))
            ByMutex.add(std::move(S));
        if (BindParameters)
          ByMutex.bindParameters(analyzeMutexFlow(Parsed.context(), Model));
        std::vector<std::string> Lines;
        for (const ValueDecl *M : ByMutex.mutexes()) {
          std::string Line = M->getQualifiedNameAsString() + ":";
          for (const CriticalSection &S : ByMutex.sections(M))
            Line += " L" + std::to_string(Parsed.line(S.Acquisition));
          Lines.push_back(Line);
        }
        return Lines;
      });
}

std::vector<std::string> boundSections(const std::string &Code) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  return withClassifiers(
      {}, "", [&](const LockModel &Model, const auto &Suspensions) {
        CriticalSectionsByMutex ByMutex;
        for (const FunctionDecl *FD : Parsed.coroutines())
          for (CriticalSection &S :
               findCriticalSections(*FD, Parsed.context(), Model, Suspensions))
            ByMutex.add(std::move(S));
        ByMutex.bindParameters(analyzeMutexFlow(Parsed.context(), Model));
        std::vector<std::string> Lines;
        for (const ValueDecl *M : ByMutex.mutexes())
          for (const CriticalSection &S : ByMutex.sections(M)) {
            if (S.BoundThrough.empty())
              continue;
            std::string Line = M->getQualifiedNameAsString() + ": L" +
                               std::to_string(Parsed.line(S.Acquisition)) +
                               " via";
            for (const MutexBinding &B : S.BoundThrough) {
              std::string Argument;
              llvm::raw_string_ostream OS(Argument);
              B.Argument->printPretty(OS, nullptr,
                                      Parsed.context().getPrintingPolicy());
              Line += " '" + Argument + "'@L" +
                      std::to_string(Parsed.line(B.Argument->getBeginLoc())) +
                      "->" + B.Parameter->getNameAsString();
            }
            Lines.push_back(Line);
          }
        return Lines;
      });
}

std::vector<std::string> escapingMutexes(const std::string &Code,
                                         const LockModelOptions &Options) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  return withClassifiers(
      Options, "", [&](const LockModel &Model, const auto &) {
        std::vector<std::string> Names;
        MutexFlow Flow = analyzeMutexFlow(Parsed.context(), Model);
        for (const ValueDecl *D : Flow.Escaping)
          Names.push_back(D->getQualifiedNameAsString());
        for (const auto &Entry : Flow.PassedOutOfSight)
          if (!Flow.Escaping.count(Entry.first))
            Names.push_back(Entry.first->getQualifiedNameAsString());
        llvm::sort(Names);
        return Names;
      });
}

std::vector<std::string> callsOutOfSight(const std::string &Code) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  return withClassifiers(
      LockModelOptions(), "", [&](const LockModel &Model, const auto &) {
        std::vector<std::string> Calls;
        MutexFlow Flow = analyzeMutexFlow(Parsed.context(), Model);
        for (const auto &[D, Passed] : Flow.PassedOutOfSight)
          for (const CallOutOfSight &Call : Passed)
            Calls.push_back(D->getNameAsString() + " -> " +
                            Call.Callee->getNameAsString() + "#" +
                            std::to_string(Call.Parameter) +
                            (Flow.escapesUnfollowed(D) ? " (unfollowed)" : ""));
        llvm::sort(Calls);
        return Calls;
      });
}

std::vector<std::string> mutexDeclarations(const std::string &Code,
                                           llvm::StringRef Callee) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  auto Matches = match(
      callExpr(callee(functionDecl(hasName(Callee))), isExpansionInMainFile())
          .bind("call"),
      Parsed.context());
  std::vector<const CallExpr *> Calls;
  for (const BoundNodes &N : Matches)
    Calls.push_back(N.getNodeAs<CallExpr>("call"));
  const SourceManager &SM = Parsed.context().getSourceManager();
  llvm::sort(Calls, [&](const CallExpr *A, const CallExpr *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  std::vector<std::string> Lines;
  for (const CallExpr *Call : Calls) {
    const ValueDecl *D =
        Call->getNumArgs() ? mutexDeclaration(Call->getArg(0)) : nullptr;
    Lines.push_back(D ? D->getQualifiedNameAsString() + "@L" +
                            std::to_string(Parsed.line(D->getLocation()))
                      : "null");
  }
  return Lines;
}

/// One line per suspension point of \p Function, "L<line>: " and what
/// \p Describe says of it, classified in order by one IoAwaitClassifier.
static std::vector<std::string>
describeAwaits(const std::string &Code, llvm::StringRef Function,
               llvm::StringRef IoFunctions, llvm::StringRef NonSuspending,
               llvm::function_ref<std::string(IoAwaitClassifier &,
                                              const CoroutineSuspendExpr *)>
                   Describe) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  return withClassifiers(
      {}, NonSuspending,
      [&](const LockModel &Model,
          const auto &Suspensions) -> std::vector<std::string> {
        auto Io = IoAwaitClassifier::create(IoFunctions, Suspensions);
        if (!Io)
          return {"error: " + llvm::toString(Io.takeError())};
        std::vector<std::string> Lines;
        for (const SuspensionPointLocks &Point :
             analyzeHeldLocks(*FD, Parsed.context(), Model, Suspensions)
                 .Suspensions)
          Lines.push_back(
              "L" +
              std::to_string(Parsed.line(Point.Suspension->getBeginLoc())) +
              ": " + Describe(*Io, Point.Suspension));
        return Lines;
      });
}

std::vector<std::string> ioAwaits(const std::string &Code,
                                  llvm::StringRef Function,
                                  llvm::StringRef IoFunctions,
                                  llvm::StringRef NonSuspending) {
  return describeAwaits(
      Code, Function, IoFunctions, NonSuspending,
      [](IoAwaitClassifier &Io, const CoroutineSuspendExpr *S) {
        const FunctionDecl *Awaited = Io.awaitedIo(S);
        return Awaited ? Awaited->getQualifiedNameAsString() : "-";
      });
}

std::vector<std::string> awaitKinds(const std::string &Code,
                                    llvm::StringRef Function) {
  return describeAwaits(
      Code, Function, "", "",
      [](IoAwaitClassifier &Io, const CoroutineSuspendExpr *S) -> std::string {
        IoAwaitClassifier::Awaited What = Io.awaited(S);
        if (What.Io)
          return "io";
        if (What.Yields)
          return What.Unknown ? "yields, unknown" : "yields";
        return What.Unknown ? "unknown" : "-";
      });
}

std::vector<std::string> knownToSuspend(const std::string &Code,
                                        llvm::StringRef Function) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  return withClassifiers(
      {}, "",
      [&](const LockModel &Model,
          const auto &Suspensions) -> std::vector<std::string> {
        auto Io = llvm::cantFail(IoAwaitClassifier::create("", Suspensions));
        std::vector<std::string> Lines;
        for (const SuspensionPointLocks &Point :
             analyzeHeldLocks(*FD, Parsed.context(), Model, Suspensions)
                 .Suspensions)
          Lines.push_back(
              "L" +
              std::to_string(Parsed.line(Point.Suspension->getBeginLoc())) +
              (Io.knownToSuspend(Point.Suspension, Model) ? ": known" : ": -"));
        return Lines;
      });
}

std::vector<std::string> ioPaths(const std::string &Code,
                                 llvm::StringRef Function) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  return withClassifiers(
      {}, "",
      [&](const LockModel &Model,
          const auto &Suspensions) -> std::vector<std::string> {
        auto Io = IoAwaitClassifier::create("", Suspensions);
        if (!Io)
          return {"error: " + llvm::toString(Io.takeError())};
        std::vector<std::string> Lines;
        for (const SuspensionPointLocks &Point :
             analyzeHeldLocks(*FD, Parsed.context(), Model, Suspensions)
                 .Suspensions) {
          std::string Line =
              "L" +
              std::to_string(Parsed.line(Point.Suspension->getBeginLoc())) +
              ":";
          for (const IoAwaitClassifier::Step &Step :
               Io->ioPath(Point.Suspension))
            Line += " " + Step.Coroutine->getQualifiedNameAsString() + "@L" +
                    std::to_string(Parsed.line(Step.Await->getBeginLoc()));
          if (Line.back() == ':')
            Line += " -";
          Lines.push_back(Line);
        }
        return Lines;
      });
}

} // namespace corolock::test
