//===--- SyncLockAcrossSuspendCheck.cpp - corolock ------------------------===//

#include "SyncLockAcrossSuspendCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolock {

SyncLockAcrossSuspendCheck::SyncLockAcrossSuspendCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : CoroutineLockCheck(Name, Context),
      StrictMode(Options.get("StrictMode", false)) {}

void SyncLockAcrossSuspendCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineLockCheck::storeOptions(Opts);
  Options.store(Opts, "StrictMode", StrictMode);
}

void SyncLockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (!isConfigured())
    return;
  report(analysisOf(*Coroutine, *Result.Context).heldLocks().Suspensions,
         *Result.Context);
}

namespace {

/// How a holder holds its lock at one suspension point.
struct Holding {
  const LockFact *Lock;
  const CoroutineSuspendExpr *Suspension;
  /// Possibly held because an earlier iteration may have left it locked.
  bool FromPreviousIteration;
};

/// A place where a holder's lock may have been taken.
struct Acquisition {
  SourceLocation Loc;
  /// The lock as it was taken there.
  const LockFact *Lock;
  /// Taken after a suspension point it reaches: it is held there in the
  /// next iteration.
  bool HeldIntoNextIteration;
};

} // namespace

/// One finding: a holder of a sync lock in one coroutine, the suspension
/// points where it holds its lock (or, in StrictMode, where it is alive
/// without owning it), and where the lock may have been taken. It points
/// into the analysis's result.
struct SyncLockAcrossSuspendCheck::Finding {
  Holding First;
  /// The other suspension points, the first few of them: the notes list no
  /// more.
  llvm::SmallVector<Holding, MaxListedNotes> Others;
  size_t OtherCount = 0;
  /// Every acquisition reaching any of the points, each once, in source
  /// order once reported.
  std::vector<Acquisition> Acquisitions;
  llvm::DenseSet<SourceLocation> Seen;
};

void SyncLockAcrossSuspendCheck::report(
    llvm::ArrayRef<SuspensionPointLocks> Points, const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  // A holder owning its lock and the same holder alive without owning it are
  // two findings.
  llvm::DenseMap<std::pair<const void *, unsigned>, size_t> ByHolder;
  std::vector<Finding> Findings;
  for (const SuspensionPointLocks &Point : Points)
    for (const LockFact &Lock : Point.Locks) {
      bool Owned = Lock.Owned != Ownership::NotHeld;
      const CoroutineSuspendExpr &S = *Point.Suspension;
      if (Lock.Kind != LockKind::Sync || (!Owned && !StrictMode) ||
          !suspendsInSight(S))
        continue;
      Holding At{&Lock, &S, heldFromPreviousIteration(Lock, S, SM)};
      auto [It, New] = ByHolder.try_emplace(
          {holderOf(Lock), static_cast<unsigned>(Owned)}, Findings.size());
      if (New)
        Findings.push_back({At, {}, 0, {}, {}});
      Finding &F = Findings[It->second];
      if (!New && F.OtherCount++ < MaxListedNotes)
        F.Others.push_back(At);
      for (SourceLocation L : Lock.Acquisitions)
        if (F.Seen.insert(L).second)
          F.Acquisitions.push_back(
              {L, &Lock, acquiredInPreviousIteration(L, S, SM)});
    }
  for (Finding &F : Findings) {
    llvm::sort(F.Acquisitions, [&](const Acquisition &A, const Acquisition &B) {
      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    });
    report(F, Context);
  }
}

void SyncLockAcrossSuspendCheck::report(const Finding &F,
                                        const ASTContext &Context) {
  const LockFact &Lock = *F.First.Lock;
  const CoroutineSuspendExpr &Suspension = *F.First.Suspension;
  SourceLocation Where = Suspension.getKeywordLoc();
  LockDescription Desc = describeLock(Lock, Context);
  bool Owned = Lock.Owned != Ownership::NotHeld;
  SourceLocation Holder;
  if (Lock.Guard)
    Holder = Lock.Guard->getLocation();
  else if (Lock.GuardExpr)
    Holder = Lock.GuardExpr->getBeginLoc();
  // The description is part of the key: locks acquired by one call
  // (`std::lock(a, b)`) have no guard and are distinct findings.
  if (!Reported
           .insert((llvm::Twine(Where.getRawEncoding()) + ":" +
                    llvm::Twine(Holder.getRawEncoding()) + ":" + Desc.Mutex +
                    Desc.ByHolder + (Owned ? "" : ":alive"))
                       .str())
           .second)
    return;

  StringRef Keyword = suspensionKeyword(Suspension);
  std::string Documentation = documentationPath(getID());
  if (!Owned) {
    diag(Where, "%0 %1 of %2 is alive across '%3' without owning its lock")
        << Desc.GuardKindWord << Desc.Guard << Desc.Mutex << Keyword;
    diag(explanationLoc(Where, Context),
         "keeping lock guards out of suspensions is safer (C++ Core "
         "Guidelines CP.52): end its scope before suspending; see %0",
         DiagnosticIDs::Note)
        << Documentation;
    // Not at its acquisitions: for a guard that no longer owns its lock,
    // they are where it last locked (`lk.lock()`).
    diag(Holder, "%0 %1 constructed here", DiagnosticIDs::Note)
        << Desc.GuardKindWord << Desc.Guard;
    noteOtherSuspensions(F, Context);
    return;
  }

  diag(Where, "%0 %select{is|are}1 %select{|possibly }2held%3 across "
              "'%4'%select{| (held from the previous iteration)}5")
      << Desc.Mutex << Desc.Plural << (Lock.Owned == Ownership::MaybeHeld)
      << Desc.ByHolder << Keyword << F.First.FromPreviousIteration;
  diag(explanationLoc(Where, Context),
       "the coroutine may resume on another thread, where unlocking is "
       "undefined behaviour, and tasks that lock %select{it|them}0 meanwhile "
       "block their thread: release the lock before suspending, or use an "
       "async mutex; see %1",
       DiagnosticIDs::Note)
      << Desc.Plural << Documentation;
  noteAcquisitions(F, Context);
  noteOtherSuspensions(F, Context);
}

/// One note per place the lock may have been taken, up to a few: a lock
/// retaken in many branches (a loop around a large switch) would otherwise
/// repeat hundreds of notes.
void SyncLockAcrossSuspendCheck::noteAcquisitions(const Finding &F,
                                                  const ASTContext &Context) {
  forListedNotes(F.Acquisitions.size(), [&](size_t I, unsigned Rest) {
    const Acquisition &At = F.Acquisitions[I];
    LockDescription Desc = describeLock(*At.Lock, Context);
    const auto *Parameter = dyn_cast_or_null<ParmVarDecl>(At.Lock->Guard);
    // A guard returned by a call, or passed in, names no mutex: name the
    // guard that holds the lock.
    if (!At.Lock->Mutexes.empty())
      diag(At.Loc,
           "%0 locked here%select{|, then held into the next iteration}1"
           "%select{| and at %3 other places}2",
           DiagnosticIDs::Note)
          << Desc.Mutex << At.HeldIntoNextIteration << (Rest != 0) << Rest;
    else if (Parameter && At.Loc == Parameter->getLocation())
      diag(At.Loc, "guard parameter %0 may own its sync lock from the caller",
           DiagnosticIDs::Note)
          << Desc.Guard;
    else
      diag(At.Loc,
           "%0 %1 takes its sync lock here%select{| and at %3 other places}2",
           DiagnosticIDs::Note)
          << Desc.GuardKindWord << Desc.Guard << (Rest != 0) << Rest;
  });
}

/// A note at each other suspension point where the holder holds its lock,
/// up to a few, the last counting the rest.
void SyncLockAcrossSuspendCheck::noteOtherSuspensions(
    const Finding &F, const ASTContext &Context) {
  forListedNotes(F.OtherCount, [&](size_t I, unsigned Rest) {
    const Holding &At = F.Others[I];
    const LockFact &Lock = *At.Lock;
    LockDescription Desc = describeLock(Lock, Context);
    SourceLocation Where = At.Suspension->getKeywordLoc();
    StringRef Keyword = suspensionKeyword(*At.Suspension);
    if (Lock.Owned == Ownership::NotHeld)
      diag(Where,
           "%0 %1 is also alive across this '%2' without owning its "
           "lock%select{|, and across %4 more suspension point%s4}3",
           DiagnosticIDs::Note)
          << Desc.GuardKindWord << Desc.Guard << Keyword << (Rest != 0) << Rest;
    else
      diag(Where,
           "%0 %select{is|are}1 also %select{|possibly }2held%3 across this "
           "'%4'%select{| (held from the previous iteration)}5%select{|, and "
           "across %7 more suspension point%s7}6",
           DiagnosticIDs::Note)
          << Desc.Mutex << Desc.Plural << (Lock.Owned == Ownership::MaybeHeld)
          << Desc.ByHolder << Keyword << At.FromPreviousIteration << (Rest != 0)
          << Rest;
  });
}

} // namespace corolock
