//===--- AsyncLockAcrossIoCheck.cpp - corolock ----------------------------===//

#include "AsyncLockAcrossIoCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

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

void AsyncLockAcrossIoCheck::reportMutex(const ValueDecl *Mutex,
                                         IoAwaitClassifier &IoAwaits) {
  std::vector<IoSection> All;
  for (const CriticalSection &Section : Sections.sections(Mutex)) {
    IoSection Entry{&Section, {}};
    for (const CoroutineSuspendExpr *S : Section.Suspensions)
      Entry.Io.push_back(IoAwaits.awaitedIo(S));
    All.push_back(std::move(Entry));
  }
  for (const IoSection &Entry : All) {
    // Only short sections that cannot share the mutex with this one wait
    // for its I/O: a mutex whose every section does I/O serializes that I/O
    // on purpose (one write at a time), and readers do not wait for readers.
    auto WaitsBehind = [&](const IoSection &Other) {
      return !Other.hasIo() &&
             conflicts(Entry.Section->Mode, Other.Section->Mode);
    };
    auto Short = llvm::find_if(All, WaitsBehind);
    if (Short == All.end())
      continue;
    auto Waiting = static_cast<unsigned>(llvm::count_if(All, WaitsBehind));
    for (size_t I = 0; I < Entry.Io.size(); ++I) {
      if (!Entry.Io[I])
        continue;
      const CoroutineSuspendExpr *S = Entry.Section->Suspensions[I];
      diag(S->getKeywordLoc(),
           "'%0' waits for I/O ('%1') while async mutex %2 is held; %3 "
           "critical section%s3 on %2 without I/O wait%select{s|}4 for the "
           "round trip too: release %2 before the I/O, or give the I/O its "
           "own mutex")
          << suspensionKeyword(*S) << Entry.Io[I]->getQualifiedNameAsString()
          << Mutex << Waiting << (Waiting != 1);
      diag(Entry.Section->Acquisition, "%0 locked here", DiagnosticIDs::Note)
          << Mutex;
      diag(Short->Section->Acquisition,
           "a critical section on %0 without I/O, which waits behind it",
           DiagnosticIDs::Note)
          << Mutex;
    }
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
