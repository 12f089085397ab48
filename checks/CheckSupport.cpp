//===--- CheckSupport.cpp - What the corolock checks share ----------------===//

#include "CheckSupport.h"
#include "clang/Lex/Lexer.h"
#include <cstdlib>

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {

static const std::pair<const char *, std::string AnalysisOptions::*>
    AnalysisOptionFields[] = {
        {"NonSuspendingAwaitables", &AnalysisOptions::NonSuspendingAwaitables},
        {"ProjectIndex", &AnalysisOptions::ProjectIndex},
};
static const std::pair<const char *, std::string LockModelOptions::*>
    LockModelOptionFields[] = {
        {"SyncMutexes", &LockModelOptions::SyncMutexes},
        {"AsyncMutexes", &LockModelOptions::AsyncMutexes},
        {"SyncGuards", &LockModelOptions::SyncGuards},
        {"AsyncGuards", &LockModelOptions::AsyncGuards},
};

std::string moduleOption(const tidy::ClangTidyCheck::OptionsView &Options,
                         tidy::ClangTidyContext *Context, StringRef Name) {
  // `corolock.AsyncMutexes` applies to every corolock check; the check's own
  // `corolock-<check>.AsyncMutexes` wins.
  if (std::optional<StringRef> Own = Options.get(Name))
    return Own->str();
  tidy::ClangTidyCheck::OptionsView Module(
      ModuleOptionPrefix, Context->getOptions().CheckOptions, Context);
  return Module.get(Name, "").str();
}

AnalysisOptions
readAnalysisOptions(const tidy::ClangTidyCheck::OptionsView &Options,
                    tidy::ClangTidyContext *Context) {
  auto Read = [&](StringRef Name) {
    return moduleOption(Options, Context, Name);
  };
  AnalysisOptions Result;
  for (const auto &[Name, Field] : LockModelOptionFields)
    Result.Locks.*Field = Read(Name);
  for (const auto &[Name, Field] : AnalysisOptionFields)
    Result.*Field = Read(Name);
  return Result;
}

void storeAnalysisOptions(const tidy::ClangTidyCheck::OptionsView &Options,
                          tidy::ClangTidyOptions::OptionMap &Opts,
                          const AnalysisOptions &Values) {
  for (const auto &[Name, Field] : LockModelOptionFields)
    Options.store(Opts, Name, Values.Locks.*Field);
  for (const auto &[Name, Field] : AnalysisOptionFields)
    Options.store(Opts, Name, Values.*Field);
}

namespace {
/// One test instead of isDefinition() and hasBody(coroutineBodyStmt()): the
/// matcher runs on every function of the TU, standard library included, and
/// the composed form cost corolock's checks more than their analysis did.
AST_MATCHER(FunctionDecl, isCoroutineDefinition) {
  return Node.doesThisDeclarationHaveABody() &&
         isa_and_nonnull<CoroutineBodyStmt>(Node.getBody());
}
} // namespace

DeclarationMatcher coroutineFunction() {
  return functionDecl(isCoroutineDefinition()).bind("coroutine");
}

StringRef suspensionKeyword(const CoroutineSuspendExpr &S) {
  return isa<CoyieldExpr>(S) ? "co_yield" : "co_await";
}

void reportStoppedAnalysis(StringRef Check, const FunctionDecl &Coroutine,
                           unsigned Bound, const ASTContext &Context) {
  const char *Verbose = std::getenv("COROLOCK_VERBOSE");
  if (!Verbose || StringRef(Verbose).empty() || StringRef(Verbose) == "0")
    return;
  const SourceManager &SM = Context.getSourceManager();
  PresumedLoc Where =
      SM.getPresumedLoc(SM.getExpansionLoc(Coroutine.getLocation()));
  llvm::errs() << "corolock: " << (Where.isValid() ? Where.getFilename() : "")
               << ":" << (Where.isValid() ? Where.getLine() : 0) << ": "
               << Check << " did not judge " << describeFunction(Coroutine)
               << ": its dataflow did not converge within " << Bound
               << " block visits; nothing is reported for it\n";
}

std::string spelling(const Expr *E, const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  // A whole macro argument (`LOCKED(mu, total_)`) is spelled as written too.
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM,
      Context.getLangOpts());
  if (Range.isValid()) {
    StringRef Text = Lexer::getSourceText(Range, SM, Context.getLangOpts());
    if (!Text.empty())
      return Text.str();
  }
  std::string Printed;
  llvm::raw_string_ostream OS(Printed);
  E->printPretty(OS, nullptr, Context.getPrintingPolicy());
  return Printed;
}

/// A guard variable's name; a structured binding's is its bindings,
/// `[lk, value]`.
static std::string guardName(const ValueDecl &Guard) {
  const auto *Decomposition = dyn_cast<DecompositionDecl>(&Guard);
  if (!Decomposition)
    return Guard.getNameAsString();
  std::string Name = "[";
  for (const BindingDecl *Binding : Decomposition->bindings()) {
    if (Name.size() > 1)
      Name += ", ";
    Name += Binding->getNameAsString();
  }
  return Name + "]";
}

LockDescription describeLock(const LockFact &Lock, const ASTContext &Context) {
  LockDescription D;
  StringRef Kind = Lock.Kind == LockKind::Sync ? "sync" : "async";
  if (Lock.Mutexes.empty()) {
    D.Mutex = ("a " + Kind + " lock").str();
  } else {
    D.Plural = Lock.Mutexes.size() > 1;
    D.Mutex = (Kind + (D.Plural ? " mutexes " : " mutex ")).str();
    for (size_t I = 0; I < Lock.Mutexes.size(); ++I) {
      if (I)
        D.Mutex += I + 1 == Lock.Mutexes.size() ? " and " : ", ";
      // A guard taking a pointer (`absl::MutexLock lock(&mu);`) locks 'mu'.
      const Expr *Mutex = Lock.Mutexes[I]->IgnoreParenImpCasts();
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(Mutex);
          AddrOf && AddrOf->getOpcode() == UO_AddrOf)
        Mutex = AddrOf->getSubExpr();
      D.Mutex += "'" + spelling(Mutex, Context) + "'";
    }
  }
  switch (Lock.Holder) {
  case HolderKind::GuardVariable:
    D.GuardKindWord = "guard";
    D.Guard = "'" + guardName(*Lock.Guard) + "'";
    D.ByHolder = " by " + D.Guard;
    break;
  case HolderKind::GuardTemporary:
    D.GuardKindWord = "temporary guard";
    // The canonical type, so that a deduced `std::lock_guard{m}` reads
    // 'std::lock_guard<std::mutex>' with every LLVM version (LLVM 19 prints
    // the deduced argument unqualified).
    D.Guard = "'" +
              Lock.GuardExpr->getType().getCanonicalType().getAsString(
                  Context.getPrintingPolicy()) +
              "'";
    D.ByHolder = " by a temporary " + D.Guard;
    break;
  case HolderKind::Manual:
    break;
  }
  return D;
}

SourceLocation locationOf(const SourcePoint &Point, ASTContext &Context) {
  SourceManager &SM = Context.getSourceManager();
  llvm::Expected<FileEntryRef> File =
      SM.getFileManager().getFileRef(Point.File);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  FileID ID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
  return SM.translateLineCol(ID, Point.Line, Point.Column);
}

SourceLocation explanationLoc(SourceLocation Where, const ASTContext &Context) {
  return Context.getSourceManager().getFileLoc(Where);
}

std::string documentationPath(StringRef CheckName) {
  return ("docs/checks/" + CheckName + ".md").str();
}

void forListedNotes(size_t Count,
                    llvm::function_ref<void(size_t I, unsigned Rest)> Note) {
  size_t Shown = Count <= MaxListedNotes ? Count : MaxListedNotes - 1;
  for (size_t I = 0; I < Shown; ++I)
    Note(I, 0);
  if (Shown < Count)
    Note(Shown, static_cast<unsigned>(Count - Shown - 1));
}

std::string throughParameter(const CriticalSection &Section) {
  if (Section.BoundThrough.empty())
    return "";
  return " through parameter '" +
         Section.BoundThrough.front().Parameter->getNameAsString() + "'";
}

std::string describeFunction(const FunctionDecl &Function) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
      Method && Method->getParent()->isLambda())
    return "a lambda";
  return "'" + Function.getQualifiedNameAsString() + "'";
}

void noteBindings(tidy::ClangTidyCheck &Check, const CriticalSection &Section,
                  const ASTContext &Context) {
  for (const MutexBinding &Binding : Section.BoundThrough)
    Check.diag(Binding.Argument->getExprLoc(),
               "'%0' is passed here to parameter %1 of %2", DiagnosticIDs::Note)
        << spelling(Binding.Argument, Context) << Binding.Parameter
        << describeFunction(
               *cast<FunctionDecl>(Binding.Parameter->getDeclContext()));
}

} // namespace corolock
