//===--- AsyncLockAcrossIoCheck.cpp - corolock ----------------------------===//

#include "AsyncLockAcrossIoCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/MapVector.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {

AsyncLockAcrossIoCheck::AsyncLockAcrossIoCheck(StringRef Name,
                                               tidy::ClangTidyContext *Context)
    : CoroutineLockCheck(Name, Context),
      IoFunctions(Options.get("IoFunctions", "").str()),
      AllowedMutexesOption(Options.get("AllowedMutexes", "").str()) {
  if (isConfigured()) {
    if (auto Io =
            IoAwaitClassifier::create(IoFunctions, analyses().suspensions()))
      IoAwaits.emplace(std::move(*Io));
    else
      reportConfigurationError(Io.takeError());
  } else if (auto Default = SuspensionPointClassifier::create("")) {
    // Every invalid option is reported, also when a shared one is.
    if (auto Io = IoAwaitClassifier::create(IoFunctions, *Default); !Io)
      reportConfigurationError(Io.takeError());
  }
  if (auto Allowed =
          NameMatcher::create({}, AllowedMutexesOption, "AllowedMutexes"))
    AllowedMutexes.emplace(std::move(*Allowed));
  else
    reportConfigurationError(Allowed.takeError());
}

void AsyncLockAcrossIoCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineLockCheck::storeOptions(Opts);
  Options.store(Opts, "IoFunctions", IoFunctions);
  Options.store(Opts, "AllowedMutexes", AllowedMutexesOption);
}

void AsyncLockAcrossIoCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (!isConfigured())
    return;
  Context = Result.Context;
  for (const CriticalSection &Section :
       analysisOf(*Coroutine, *Result.Context).criticalSections())
    if (Section.Kind == LockKind::Async)
      Sections.add(Section);
}

bool AsyncLockAcrossIoCheck::IoSection::hasIo() const {
  return llvm::any_of(Io, [](const FunctionDecl *F) { return F != nullptr; });
}

/// The holder of a section's lock in its coroutine: a guard, or the
/// coroutine itself (one holder per mutex), or each guard temporary.
static std::tuple<const FunctionDecl *, const void *, unsigned>
holderOf(const CriticalSection &Section) {
  if (Section.Holder == HolderKind::GuardTemporary)
    return {Section.Function, nullptr, Section.Acquisition.getRawEncoding()};
  return {Section.Function, Section.Guard, 0};
}

void AsyncLockAcrossIoCheck::reportMutex(const ValueDecl *Mutex,
                                         IoAwaitClassifier &IoAwaits) {
  std::vector<IoSection> All;
  for (const CriticalSection &Section : Sections.sections(Mutex)) {
    IoSection Entry{&Section, {}, false};
    for (const CoroutineSuspendExpr *S : Section.Suspensions) {
      IoAwaitClassifier::Awaited What = IoAwaits.awaited(S);
      Entry.Io.push_back(What.Io);
      Entry.MayTakeLong |= What.Unknown || What.Yields;
    }
    All.push_back(std::move(Entry));
  }
  // One finding per holder: its sections (a guard unlocked and locked again)
  // with I/O, in order.
  llvm::MapVector<std::tuple<const FunctionDecl *, const void *, unsigned>,
                  llvm::SmallVector<const IoSection *, 1>>
      Holders;
  for (const IoSection &Entry : All)
    if (Entry.hasIo())
      Holders[holderOf(*Entry.Section)].push_back(&Entry);
  for (const auto &[Holder, Entries] : Holders) {
    // Only short sections that cannot share the mutex with this one wait
    // for its I/O: a mutex whose every section does I/O serializes that I/O
    // on purpose (one write at a time), and readers do not wait for readers.
    // A section that yields, or awaits what cannot be seen, is not short.
    const CriticalSection &First = *Entries.front()->Section;
    auto WaitsBehind = [&](const IoSection &Other) {
      return !Other.hasIo() && !Other.MayTakeLong &&
             conflicts(First.Mode, Other.Section->Mode);
    };
    auto Short = llvm::find_if(All, WaitsBehind);
    if (Short == All.end())
      continue;
    reportHolder(Mutex, Entries, *Short->Section,
                 static_cast<unsigned>(llvm::count_if(All, WaitsBehind)),
                 IoAwaits);
  }
}

void AsyncLockAcrossIoCheck::reportHolder(
    const ValueDecl *Mutex, llvm::ArrayRef<const IoSection *> Entries,
    const CriticalSection &Short, unsigned Waiting,
    IoAwaitClassifier &IoAwaits) {
  // The I/O suspensions of the holder, in order: the first is the finding.
  std::vector<std::pair<const CoroutineSuspendExpr *, const FunctionDecl *>> Io;
  for (const IoSection *Entry : Entries)
    for (size_t I = 0; I < Entry->Io.size(); ++I)
      if (Entry->Io[I])
        Io.emplace_back(Entry->Section->Suspensions[I], Entry->Io[I]);
  const auto &[Await, Operation] = Io.front();
  diag(Await->getKeywordLoc(),
       "'%0' waits for I/O ('%1') while async mutex %2 is held")
      << suspensionKeyword(*Await) << Operation->getQualifiedNameAsString()
      << Mutex;
  diag(explanationLoc(Await->getKeywordLoc(), *Context),
       "%0 critical section%s0 on %1 without I/O wait%select{s|}2 for the "
       "round trip too: release %1 before the I/O, or give the I/O its own "
       "mutex; see %3",
       DiagnosticIDs::Note)
      << Waiting << Mutex << (Waiting != 1) << documentationPath(getID());
  noteIoPath(*Await, *Operation, IoAwaits);
  forListedNotes(Entries.size(), [&](size_t I, unsigned Rest) {
    const CriticalSection &Section = *Entries[I]->Section;
    diag(Section.Acquisition,
         "async mutex %0 locked here%1%select{| and at %3 other places}2",
         DiagnosticIDs::Note)
        << Mutex << throughParameter(Section) << (Rest != 0) << Rest;
    noteBindings(*this, Section, *Context);
  });
  diag(Short.Acquisition,
       "a critical section on %0%1 without I/O, which waits behind it",
       DiagnosticIDs::Note)
      << Mutex << throughParameter(Short);
  noteBindings(*this, Short, *Context);
  forListedNotes(Io.size() - 1, [&](size_t I, unsigned Rest) {
    const auto &[Other, OtherIo] = Io[I + 1];
    diag(Other->getKeywordLoc(),
         "'%0' also waits for I/O ('%1') while async mutex %2 is "
         "held%select{|, and %4 more suspension point%s4 do}3",
         DiagnosticIDs::Note)
        << suspensionKeyword(*Other) << OtherIo->getQualifiedNameAsString()
        << Mutex << (Rest != 0) << Rest;
  });
}

/// Where the I/O is awaited when \p Await awaits it through coroutines:
/// a note at each of their suspension points on the way.
void AsyncLockAcrossIoCheck::noteIoPath(const CoroutineSuspendExpr &Await,
                                        const FunctionDecl &Operation,
                                        IoAwaitClassifier &IoAwaits) {
  llvm::SmallVector<IoAwaitClassifier::Step, 2> Path = IoAwaits.ioPath(&Await);
  for (size_t I = 0; I < Path.size(); ++I) {
    const FunctionDecl &Awaited =
        I + 1 < Path.size() ? *Path[I + 1].Coroutine : Operation;
    diag(Path[I].Await->getKeywordLoc(), "%0 awaits %1 here",
         DiagnosticIDs::Note)
        << describeFunction(*Path[I].Coroutine) << describeFunction(Awaited);
  }
}

/// The member of a class template that \p Mutex, a member of one of its
/// specializations, was instantiated from, or null. Its qualified name is the
/// one written in the source (`Channel::mu_`, not `Channel<int>::mu_`).
static const ValueDecl *templateMember(const ValueDecl *Mutex) {
  if (const auto *Var = dyn_cast<VarDecl>(Mutex))
    return Var->getInstantiatedFromStaticDataMember();
  const auto *Field = dyn_cast<FieldDecl>(Mutex);
  const auto *Record =
      Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
  const CXXRecordDecl *Pattern =
      Record ? Record->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern)
    return nullptr;
  for (const NamedDecl *D : Pattern->lookup(Field->getDeclName()))
    if (const auto *PatternField = dyn_cast<FieldDecl>(D))
      return PatternField;
  return nullptr;
}

void AsyncLockAcrossIoCheck::onEndOfTranslationUnit() {
  if (Context && isConfigured())
    Sections.bindParameters(analyses().mutexFlow(*Context));
  if (IoAwaits && AllowedMutexes)
    for (const ValueDecl *Mutex : Sections.mutexes())
      // A class template's mutex is allowed under the name it is written
      // with, for every specialization, as well as per specialization.
      if (!AllowedMutexes->matches(Mutex) &&
          !AllowedMutexes->matches(templateMember(Mutex)))
        reportMutex(Mutex, *IoAwaits);
  Sections.clear();
  Context = nullptr;
}

} // namespace corolock
