//===--- UnitSummary.cpp - What a translation unit tells the project ------===//

#include "UnitSummary.h"
#include "CriticalSections.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolock {
namespace {

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

/// The hashes of the contents of the files facts are defined in, each
/// computed once.
class FileHashes {
public:
  explicit FileHashes(const SourceManager &SM) : SM(SM) {}
  const std::string &of(SourceLocation Loc) {
    FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
    std::string &Hash = Hashes[File];
    if (Hash.empty())
      Hash = contentHash(SM.getBufferData(File));
    return Hash;
  }

private:
  const SourceManager &SM;
  llvm::DenseMap<FileID, std::string> Hashes;
};

/// What this unit shows of \p Mutex (a declaration, or a parameter): its
/// \p Sections, its escapes, its calls out of sight.
void describeMutex(MutexFact &Fact, const ValueDecl *Mutex,
                   llvm::ArrayRef<CriticalSection> Sections,
                   const MutexFlow &Flow, const LockModel &Model,
                   IoAwaitClassifier &Io, const std::string &Unit,
                   const SourceManager &SM) {
  const ValueDecl *Declared = classTemplateMember(Mutex);
  if (!Declared)
    Declared = Mutex;
  Fact.Name = isa<ParmVarDecl>(Mutex) ? Mutex->getNameAsString()
                                      : qualifiedName(Declared);
  Fact.Declaration = pointOf(Declared->getLocation(), SM);
  QualType T = Mutex->getType();
  if (T->isReferenceType() || T->isPointerType())
    T = T->getPointeeType();
  Fact.Async = Model.mutexKind(T) == LockKind::Async;
  Fact.Unfollowed =
      Flow.escapesUnfollowed(Mutex) ||
      (!isa<ParmVarDecl>(Mutex) && (Mutex->getType()->isReferenceType() ||
                                    Mutex->getType()->isPointerType())) ||
      Flow.locksUnfollowed(Mutex, Sections);
  for (const CallOutOfSight &Call : Flow.callsOutOfSight(Mutex))
    Fact.PassedTo.push_back({Unit, usrOf(Call.Callee), Call.Parameter,
                             pointOf(Call.Argument->getBeginLoc(), SM)});
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

/// The mutexes with sections here, and those the unit hands on without
/// locking them: another unit may lock them, and must not take them for
/// followed.
void addMutexes(ProjectSummary &Summary, const CriticalSectionsByMutex &All,
                const MutexFlow &Flow, const LockModel &Model,
                IoAwaitClassifier &Io, const std::string &Unit,
                const SourceManager &SM) {
  std::vector<const ValueDecl *> Mutexes(All.mutexes().begin(),
                                         All.mutexes().end());
  for (const auto &Entry : Flow.PassedOutOfSight)
    Mutexes.push_back(Entry.first);
  llvm::append_range(Mutexes, Flow.Escaping);
  for (const ValueDecl *Mutex : Mutexes) {
    std::string Usr = isa<ParmVarDecl>(Mutex) ? "" : mutexUsr(Mutex);
    if (Usr.empty())
      continue;
    auto [It, Inserted] = Summary.Mutexes.try_emplace(Usr);
    if (Inserted)
      describeMutex(It->second, Mutex, All.sections(Mutex), Flow, Model, Io,
                    Unit, SM);
  }
}

/// What each function defined here does with its mutex parameters, from the
/// sections \p All groups by mutex before parameters are bound to the
/// mutexes calls pass them.
void addParameters(ProjectSummary &Summary, const CriticalSectionsByMutex &All,
                   const MutexFlow &Flow, const LockModel &Model,
                   IoAwaitClassifier &Io, const std::string &Unit,
                   FileHashes &Hashes, const SourceManager &SM) {
  // The sections of the parameters a parameter is passed on to are its own:
  // each mutex's sections, under every parameter it stands for, once.
  llvm::DenseMap<SourceLocation, std::vector<CriticalSection>> ByParameter;
  for (const ValueDecl *Held : All.mutexes()) {
    llvm::SmallDenseSet<SourceLocation, 4> Locations;
    for (const ValueDecl *D : Flow.standsFor(Held))
      if (isa<ParmVarDecl>(D) && Locations.insert(D->getLocation()).second)
        llvm::append_range(ByParameter[D->getLocation()], All.sections(Held));
  }
  for (const ParmVarDecl *Param : Flow.Parameters) {
    std::string Key = parameterKey(*Param);
    if (Key.empty())
      continue;
    auto Found = ByParameter.find(Param->getLocation());
    llvm::ArrayRef<CriticalSection> Sections;
    if (Found != ByParameter.end())
      Sections = Found->second;
    ParameterFact &Fact = Summary.Parameters[Key];
    const auto *Function = cast<FunctionDecl>(Param->getDeclContext());
    Fact.Unit = Unit;
    Fact.Function = qualifiedName(Function);
    Fact.Hash = Hashes.of(Param->getLocation());
    describeMutex(Fact.Mutex, Param, Sections, Flow, Model, Io, Unit, SM);
  }
}

void addFunction(ProjectSummary &Summary, CoroutineAnalysis &Coroutine,
                 IoAwaitClassifier &Io, const std::string &Unit,
                 FileHashes &Hashes) {
  const FunctionDecl &F = Coroutine.function();
  std::string Usr = usrOf(&F);
  if (Usr.empty())
    return;
  const SourceManager &SM = F.getASTContext().getSourceManager();
  FunctionFact &Fact = Summary.Functions[Usr];
  Fact.Unit = Unit;
  Fact.Name = qualifiedName(&F);
  Fact.Definition = pointOf(F.getLocation(), SM);
  Fact.Hash = Hashes.of(F.getLocation());
  for (const SuspensionPointLocks &Point : Coroutine.heldLocks().Suspensions) {
    IoAwaitClassifier::Awaited What = Io.awaited(Point.Suspension);
    if (What.Io) {
      Fact.Io = Io.operationName(What);
      Fact.IoAt = pointOf(Point.Suspension->getBeginLoc(), SM);
      Fact.MayTakeLong = false;
      return;
    }
    Fact.MayTakeLong |= What.Unknown || What.Yields;
  }
}

/// The explicit suspension expressions of a coroutine body, lambdas' aside.
class AwaitCollector : public RecursiveASTVisitor<AwaitCollector> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCoroutineSuspendExpr(CoroutineSuspendExpr *E) {
    if (const auto *Await = dyn_cast<CoawaitExpr>(E);
        !(Await && Await->isImplicit()) && !E->isTypeDependent())
      Found.push_back(E);
    return true;
  }
  std::vector<const CoroutineSuspendExpr *> Found;
};

/// Whether the awaiters \p F awaits are ready at once: what an editor,
/// which does not see the bodies of their `await_ready()`, cannot tell.
void addAwaiters(ProjectSummary &Summary, const FunctionDecl &F,
                 const SuspensionPointClassifier &Suspensions,
                 const std::string &Unit, FileHashes &Hashes) {
  AwaitCollector Awaits;
  Awaits.TraverseStmt(cast<CoroutineBodyStmt>(F.getBody())->getBody());
  const SourceManager &SM = F.getASTContext().getSourceManager();
  for (const CoroutineSuspendExpr *E : Awaits.Found) {
    const FunctionDecl *Ready = Suspensions.readinessCallee(E);
    const FunctionDecl *Definition = nullptr;
    if (!Ready || !Ready->hasBody(Definition))
      continue;
    std::string Usr = usrOf(Ready);
    if (Usr.empty())
      continue;
    bool AlwaysReady = Suspensions.neverSuspends(E);
    auto [It, Inserted] = Summary.Awaiters.try_emplace(Usr);
    AwaiterFact &Fact = It->second;
    if (!Inserted) {
      Fact.AlwaysReady &= AlwaysReady;
      continue;
    }
    Fact.Unit = Unit;
    const auto *Awaiter = dyn_cast<NamedDecl>(Ready->getDeclContext());
    Fact.Name = qualifiedName(Awaiter ? Awaiter : Ready);
    Fact.Definition = pointOf(Definition->getLocation(), SM);
    Fact.Hash = Hashes.of(Definition->getLocation());
    Fact.AlwaysReady = AlwaysReady;
  }
}

} // namespace

std::string mutexUsr(const ValueDecl *Mutex) {
  const ValueDecl *Member = classTemplateMember(Mutex);
  return usrOf(Member ? Member : Mutex);
}

std::string parameterKey(const ParmVarDecl &Param) {
  const auto *Function = dyn_cast<FunctionDecl>(Param.getDeclContext());
  if (!Function)
    return "";
  // A template's, not a specialization's.
  if (const FunctionDecl *Pattern = Function->getTemplateInstantiationPattern())
    Function = Pattern;
  std::string Usr = usrOf(Function);
  return Usr.empty()
             ? Usr
             : Usr + "#" + std::to_string(Param.getFunctionScopeIndex());
}

std::string mainFileOf(const SourceManager &SM) {
  return pointOf(SM.getLocForStartOfFile(SM.getMainFileID()), SM).File;
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
  Stamp.File = mainFileOf(SM);
  Stamp.Hash = contentHash(SM.getBufferData(Main));
  Stamp.Checks = std::move(Checks);
  Summary.Units.push_back(Stamp);

  CriticalSectionsByMutex Sections;
  FileHashes Hashes(SM);
  for (const FunctionDecl *F : Analyses.userFunctions(Context)) {
    if (!isa<CoroutineBodyStmt>(F->getBody()))
      continue;
    CoroutineAnalysis &Coroutine = Analyses.coroutine(*F, Context);
    for (const CriticalSection &Section : Coroutine.criticalSections())
      Sections.add(Section);
    addFunction(Summary, Coroutine, Io, Stamp.File, Hashes);
    addAwaiters(Summary, *F, Analyses.suspensions(), Stamp.File, Hashes);
  }
  const MutexFlow &Flow = Analyses.mutexFlow(Context);
  const LockModel &Model = Analyses.lockModel();
  addParameters(Summary, Sections, Flow, Model, Io, Stamp.File, Hashes, SM);
  Sections.bindParameters(Flow);
  addMutexes(Summary, Sections, Flow, Model, Io, Stamp.File, SM);
  return Summary;
}

} // namespace corolock
