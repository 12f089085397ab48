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
            IoAwaitClassifier::create(IoFunctions, analyses().suspensions())) {
      IoAwaits.emplace(std::move(*Io));
      IoAwaits->useIndex(projectIndex());
    } else
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
  return llvm::any_of(
      Io, [](const IoAwaitClassifier::Awaited &What) { return What.Io; });
}

/// Whether a critical section of another unit (or out of this AST's sight)
/// is short: it awaits no I/O, does not yield, and awaits nothing its unit
/// could not see into.
static bool isShort(const SectionFact &S) {
  return !S.AwaitsIo && !S.MayTakeLong;
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
  llvm::ArrayRef<CriticalSection> Live = Sections.sections(Mutex);
  std::vector<IoSection> All;
  for (const CriticalSection &Section : Live) {
    IoSection Entry{&Section, {}, false};
    for (const CoroutineSuspendExpr *S : Section.Suspensions) {
      IoAwaitClassifier::Awaited What = IoAwaits.awaited(S);
      Entry.Io.push_back(What);
      Entry.MayTakeLong |= What.Unknown || What.Yields;
    }
    All.push_back(std::move(Entry));
  }
  std::vector<IndexedSection> Elsewhere = sectionsElsewhere(Mutex, Live);
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
    auto WaitsBehindElsewhere = [&](const IndexedSection &Other) {
      return isShort(*Other.Section) &&
             conflicts(First.Mode, Other.Section->Shared ? LockMode::Shared
                                                         : LockMode::Exclusive);
    };
    auto Waiting =
        static_cast<unsigned>(llvm::count_if(All, WaitsBehind) +
                              llvm::count_if(Elsewhere, WaitsBehindElsewhere));
    if (Waiting == 0)
      continue;
    ShortSection Short;
    if (auto Here = llvm::find_if(All, WaitsBehind); Here != All.end())
      Short.Here = Here->Section;
    else
      Short.Elsewhere = &*llvm::find_if(Elsewhere, WaitsBehindElsewhere);
    reportHolder(Mutex, Entries, Short, Waiting, IoAwaits);
  }
}

/// The sections of \p Mutex that the project index knows and \p Live, this
/// unit's, lacks: other units' of a mutex declared in a header, those of
/// the functions defined out of sight it is passed to, and, for a mutex
/// parameter, those of the mutexes other units pass to it.
std::vector<CoroutineLockCheck::IndexedSection>
AsyncLockAcrossIoCheck::sectionsElsewhere(
    const ValueDecl *Mutex, llvm::ArrayRef<CriticalSection> Live) {
  const SourceManager &SM = Context->getSourceManager();
  std::vector<IndexedSection> Found;
  const MutexFact *Fact = indexedMutex(Mutex);
  if (Fact)
    for (const SectionFact *Section : sectionsOutOfSight(*Fact, Live, SM))
      Found.push_back({Section, nullptr, {}, ""});
  // More sections only add findings: what the index cannot follow is left
  // out.
  if (std::optional<std::vector<IndexedSection>> Through =
          sectionsThroughCalls(Mutex, Fact, *Context))
    llvm::append_range(Found, *Through);
  if (const auto *Param = dyn_cast<ParmVarDecl>(Mutex))
    llvm::append_range(Found, sectionsOfCallers(*Param, *Context));
  return Found;
}

void AsyncLockAcrossIoCheck::reportHolder(
    const ValueDecl *Mutex, llvm::ArrayRef<const IoSection *> Entries,
    ShortSection Short, unsigned Waiting, IoAwaitClassifier &IoAwaits) {
  // The I/O suspensions of the holder, in order: the first is the finding.
  std::vector<
      std::pair<const CoroutineSuspendExpr *, IoAwaitClassifier::Awaited>>
      Io;
  for (const IoSection *Entry : Entries)
    for (size_t I = 0; I < Entry->Io.size(); ++I)
      if (Entry->Io[I].Io)
        Io.emplace_back(Entry->Section->Suspensions[I], Entry->Io[I]);
  const auto &[Await, What] = Io.front();
  diag(Await->getKeywordLoc(),
       "'%0' waits for I/O ('%1') while async mutex %2 is held")
      << suspensionKeyword(*Await) << IoAwaitClassifier::operationName(What)
      << Mutex;
  diag(explanationLoc(Await->getKeywordLoc(), *Context),
       "%0 critical section%s0 on %1 without I/O wait%select{s|}2 for the "
       "round trip too: release %1 before the I/O, or give the I/O its own "
       "mutex; see %3",
       DiagnosticIDs::Note)
      << Waiting << Mutex << (Waiting != 1) << documentationPath(getID());
  noteIoPath(*Await, What, IoAwaits);
  forListedNotes(Entries.size(), [&](size_t I, unsigned Rest) {
    const CriticalSection &Section = *Entries[I]->Section;
    diag(Section.Acquisition,
         "async mutex %0 locked here%1%select{| and at %3 other places}2",
         DiagnosticIDs::Note)
        << Mutex << throughParameter(Section) << (Rest != 0) << Rest;
    noteBindings(*this, Section, *Context);
  });
  noteShort(Mutex, Short);
  forListedNotes(Io.size() - 1, [&](size_t I, unsigned Rest) {
    const auto &[Other, OtherIo] = Io[I + 1];
    diag(Other->getKeywordLoc(),
         "'%0' also waits for I/O ('%1') while async mutex %2 is "
         "held%select{|, and %4 more suspension point%s4 do}3",
         DiagnosticIDs::Note)
        << suspensionKeyword(*Other)
        << IoAwaitClassifier::operationName(OtherIo) << Mutex << (Rest != 0)
        << Rest;
  });
}

void AsyncLockAcrossIoCheck::noteShort(const ValueDecl *Mutex,
                                       ShortSection Short) {
  if (Short.Here) {
    diag(Short.Here->Acquisition,
         "a critical section on %0%1 without I/O, which waits behind it",
         DiagnosticIDs::Note)
        << Mutex << throughParameter(*Short.Here);
    noteBindings(*this, *Short.Here, *Context);
    return;
  }
  const IndexedSection &Other = *Short.Elsewhere;
  if (Other.MutexName.empty()) {
    diag(locationOf(Other.Section->Acquisition, *Context),
         "a critical section on %0 without I/O (in %1), which waits behind it",
         DiagnosticIDs::Note)
        << Mutex << Other.Section->Function;
    if (Other.Through && Other.PassedAt.isValid())
      diag(Other.PassedAt, "%0 passed to parameter '%1' of '%2' here",
           DiagnosticIDs::Note)
          << Mutex << Other.Through->Mutex.Name << Other.Through->Function;
    return;
  }
  // A section of a mutex that other units pass to the parameter Mutex.
  llvm::StringRef Locked = llvm::StringRef(Other.MutexName).rsplit("::").second;
  if (Locked.empty())
    Locked = Other.MutexName;
  diag(locationOf(Other.Section->Acquisition, *Context),
       "a critical section on '%0' without I/O (in %1), which waits behind it",
       DiagnosticIDs::Note)
      << Locked << Other.Section->Function;
  if (Other.PassedAt.isValid())
    diag(Other.PassedAt, "'%0' passed to parameter %1 of %2 here",
         DiagnosticIDs::Note)
        << Locked << Mutex
        << cast<FunctionDecl>(cast<ParmVarDecl>(Mutex)->getDeclContext());
}

/// Where the I/O is awaited when \p Await awaits it through coroutines:
/// a note at each of their suspension points on the way.
void AsyncLockAcrossIoCheck::noteIoPath(const CoroutineSuspendExpr &Await,
                                        const IoAwaitClassifier::Awaited &What,
                                        IoAwaitClassifier &IoAwaits) {
  llvm::SmallVector<IoAwaitClassifier::Step, 2> Path = IoAwaits.ioPath(&Await);
  for (size_t I = 0; I < Path.size(); ++I) {
    const FunctionDecl &Awaited =
        I + 1 < Path.size() ? *Path[I + 1].Coroutine : *What.Io;
    diag(Path[I].Await->getKeywordLoc(), "%0 awaits %1 here",
         DiagnosticIDs::Note)
        << describeFunction(*Path[I].Coroutine) << describeFunction(Awaited);
  }
  // The coroutine awaited out of sight, as the project index knows it.
  if (const FunctionFact *Elsewhere = What.Elsewhere;
      Elsewhere && Elsewhere->Io && Elsewhere->IoAt)
    diag(locationOf(*Elsewhere->IoAt, *Context),
         "'%0' awaits '%1' here (from the project index)", DiagnosticIDs::Note)
        << Elsewhere->Name << *Elsewhere->Io;
}

void AsyncLockAcrossIoCheck::onEndOfTranslationUnit() {
  if (Context && isConfigured())
    Sections.bindParameters(analyses().mutexFlow(*Context));
  if (IoAwaits && AllowedMutexes)
    for (const ValueDecl *Mutex : Sections.mutexes())
      // A class template's mutex is allowed under the name it is written
      // with, for every specialization, as well as per specialization.
      if (!AllowedMutexes->matches(Mutex) &&
          !AllowedMutexes->matches(classTemplateMember(Mutex)))
        reportMutex(Mutex, *IoAwaits);
  Sections.clear();
  Context = nullptr;
}

} // namespace corolock
