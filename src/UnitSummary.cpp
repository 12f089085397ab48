//===--- UnitSummary.cpp - What a translation unit tells the project ------===//

#include "UnitSummary.h"
#include "CriticalSections.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Index/USRGeneration.h"

using namespace clang;

namespace corolock {
namespace {

/// The coroutine definitions of the translation unit outside system
/// headers, template instantiations included.
std::vector<const FunctionDecl *> coroutinesOf(ASTContext &Context) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const SourceManager *SM;
    std::vector<const FunctionDecl *> Found;
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool VisitFunctionDecl(FunctionDecl *F) {
      if (F->doesThisDeclarationHaveABody() && !F->isDependentContext() &&
          isa_and_nonnull<CoroutineBodyStmt>(F->getBody()) &&
          !SM->isInSystemHeader(F->getLocation()))
        Found.push_back(F);
      return true;
    }
  } Finder;
  Finder.SM = &Context.getSourceManager();
  Finder.TraverseAST(Context);
  return Finder.Found;
}

std::string qualifiedName(const NamedDecl *D) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D->printQualifiedName(OS);
  return Name;
}

/// The function \p S awaits the result of, when the unit does not show
/// its body.
const FunctionDecl *unseenCallee(const CoroutineSuspendExpr *S) {
  const auto *Call = dyn_cast_or_null<CallExpr>(
      S->getOperand() ? S->getOperand()->IgnoreImplicit() : nullptr);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && !Callee->hasBody() ? Callee : nullptr;
}

/// What the suspension points of \p S, in order, await.
void addAwaits(SectionFact &Section, const CriticalSection &S,
               IoAwaitClassifier &Io, const SourceManager &SM) {
  for (const CoroutineSuspendExpr *E : S.Suspensions) {
    IoAwaitClassifier::Awaited What = Io.awaited(E);
    if (What.Io && !Section.AwaitsIo) {
      Section.AwaitsIo = true;
      Section.IoAt = pointOf(E->getKeywordLoc(), SM);
      Section.Io = qualifiedName(What.Io);
    }
    Section.MayTakeLong |= What.Unknown || What.Yields;
    if (const FunctionDecl *Callee = What.Unknown ? unseenCallee(E) : nullptr)
      if (std::string Usr = usrOf(Callee); !Usr.empty())
        Section.Unseen.emplace_back(Usr, pointOf(E->getKeywordLoc(), SM));
  }
}

void addMutexes(ProjectSummary &Summary, const CriticalSectionsByMutex &All,
                const MutexFlow &Flow, IoAwaitClassifier &Io,
                const std::string &Unit, const SourceManager &SM) {
  for (const ValueDecl *Mutex : All.mutexes()) {
    std::string Usr = usrOf(Mutex);
    if (Usr.empty())
      continue;
    llvm::ArrayRef<CriticalSection> Sections = All.sections(Mutex);
    MutexFact &Fact = Summary.Mutexes[Usr];
    Fact.Name = qualifiedName(Mutex);
    Fact.Declaration = pointOf(Mutex->getLocation(), SM);
    QualType T = Mutex->getType();
    Fact.Unfollowed = Flow.escapes(Mutex) || T->isReferenceType() ||
                      T->isPointerType() ||
                      Flow.locksUnfollowed(Mutex, Sections);
    for (const CriticalSection &S : Sections) {
      Fact.Async |= S.Kind == LockKind::Async;
      SectionFact Section;
      Section.Unit = Unit;
      Section.Acquisition = pointOf(S.Acquisition, SM);
      Section.Function = qualifiedName(S.Function);
      Section.Suspends = S.maySuspend();
      addAwaits(Section, S, Io, SM);
      Section.Shared = S.Mode != LockMode::Exclusive;
      Fact.Sections.push_back(std::move(Section));
    }
  }
}

void addFunction(ProjectSummary &Summary, CoroutineAnalysis &Coroutine,
                 IoAwaitClassifier &Io, const std::string &Unit,
                 const SourceManager &SM) {
  const FunctionDecl &F = Coroutine.function();
  std::string Usr = usrOf(&F);
  if (Usr.empty())
    return;
  FunctionFact &Fact = Summary.Functions[Usr];
  Fact.Unit = Unit;
  Fact.Name = qualifiedName(&F);
  Fact.Definition = pointOf(F.getLocation(), SM);
  for (const SuspensionPointLocks &Point : Coroutine.heldLocks().Suspensions)
    if (const FunctionDecl *Operation = Io.awaitedIo(Point.Suspension)) {
      Fact.Io = qualifiedName(Operation);
      Fact.IoAt = pointOf(Point.Suspension->getBeginLoc(), SM);
      return;
    }
}

} // namespace

std::string usrOf(const Decl *D) {
  if (const auto *Var = dyn_cast<VarDecl>(D);
      Var && (Var->isLocalVarDeclOrParm() || !Var->isExternallyVisible()))
    return "";
  if (const auto *Named = dyn_cast<NamedDecl>(D);
      Named && !Named->isExternallyVisible() && !isa<FieldDecl>(Named))
    return "";
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(D, Usr))
    return "";
  return std::string(Usr);
}

SourcePoint pointOf(SourceLocation Loc, const SourceManager &SM) {
  SourcePoint P;
  Loc = SM.getExpansionLoc(Loc);
  if (Loc.isInvalid())
    return P;
  if (OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Loc)))
    P.File = File->getFileEntry().tryGetRealPathName().str();
  P.Line = SM.getExpansionLineNumber(Loc);
  P.Column = SM.getExpansionColumnNumber(Loc);
  P.Offset = SM.getFileOffset(Loc);
  return P;
}

ProjectSummary summarizeUnit(ASTContext &Context, AnalysisContext &Analyses,
                             IoAwaitClassifier &Io,
                             std::vector<std::string> Checks) {
  const SourceManager &SM = Context.getSourceManager();
  ProjectSummary Summary;
  UnitStamp Stamp;
  FileID Main = SM.getMainFileID();
  Stamp.File = pointOf(SM.getLocForStartOfFile(Main), SM).File;
  Stamp.Hash = contentHash(SM.getBufferData(Main));
  Stamp.Checks = std::move(Checks);
  Summary.Units.push_back(Stamp);

  CriticalSectionsByMutex Sections;
  for (const FunctionDecl *F : coroutinesOf(Context)) {
    CoroutineAnalysis &Coroutine = Analyses.coroutine(*F, Context);
    for (const CriticalSection &Section : Coroutine.criticalSections())
      Sections.add(Section);
    addFunction(Summary, Coroutine, Io, Stamp.File, SM);
  }
  const MutexFlow &Flow = Analyses.mutexFlow(Context);
  Sections.bindParameters(Flow);
  addMutexes(Summary, Sections, Flow, Io, Stamp.File, SM);
  return Summary;
}

} // namespace corolock
