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
  for (const SuspensionPointLocks &Point :
       analysisOf(*Coroutine, *Result.Context).heldLocks().Suspensions)
    for (const LockFact &Lock : Point.Locks)
      if (Lock.Kind == LockKind::Sync &&
          (Lock.Owned != Ownership::NotHeld || StrictMode))
        report(*Point.Suspension, Lock, *Result.Context);
}

void SyncLockAcrossSuspendCheck::report(const CoroutineSuspendExpr &Suspension,
                                        const LockFact &Lock,
                                        const ASTContext &Context) {
  SourceLocation Where = Suspension.getKeywordLoc();
  SourceLocation Holder =
      Lock.Acquisitions.empty() ? SourceLocation() : Lock.Acquisitions.front();
  LockDescription Desc = describeLock(Lock, Context);
  // The description is part of the key: locks acquired by one call
  // (`std::lock(a, b)`) share their location but are distinct findings.
  if (!Reported
           .insert((llvm::Twine(Where.getRawEncoding()) + ":" +
                    llvm::Twine(Holder.getRawEncoding()) + ":" + Desc.Mutex +
                    Desc.ByHolder)
                       .str())
           .second)
    return;

  StringRef Keyword = suspensionKeyword(Suspension);
  if (Lock.Owned == Ownership::NotHeld) {
    diag(Where, "%0 %1 of %2 is alive across '%3' although it does not own "
                "the lock here; keeping lock guards out of suspensions is "
                "safer (C++ Core Guidelines CP.52): end its scope before "
                "suspending")
        << Desc.GuardKindWord << Desc.Guard << Desc.Mutex << Keyword;
    // The acquisitions of a guard that no longer owns its lock are where it
    // last locked (`lk.lock()`), not where it was constructed.
    SourceLocation Constructed = Holder;
    if (Lock.Guard)
      Constructed = Lock.Guard->getLocation();
    else if (Lock.GuardExpr)
      Constructed = Lock.GuardExpr->getBeginLoc();
    diag(Constructed, "%0 %1 constructed here", DiagnosticIDs::Note)
        << Desc.GuardKindWord << Desc.Guard;
    return;
  }

  bool Maybe = Lock.Owned == Ownership::MaybeHeld;
  diag(Where, "%0 %select{is|are}1 %select{|possibly }2held%3 across '%4'; "
              "the coroutine may resume on another thread, where unlocking "
              "is undefined behaviour, and tasks that lock %select{it|them}1 "
              "meanwhile block their thread; release the lock before "
              "suspending or use an async mutex")
      << Desc.Mutex << Desc.Plural << Maybe << Desc.ByHolder << Keyword;
  noteAcquisitions(Lock.Acquisitions, Desc.Mutex);
}

/// One note per place the lock may have been taken, up to a few: a lock
/// retaken in many branches (a loop around a large switch) would otherwise
/// repeat hundreds of notes at every suspension point.
void SyncLockAcrossSuspendCheck::noteAcquisitions(
    llvm::ArrayRef<SourceLocation> Acquisitions, llvm::StringRef Mutex) {
  constexpr size_t MaxNotes = 4;
  size_t Shown =
      Acquisitions.size() <= MaxNotes ? Acquisitions.size() : MaxNotes - 1;
  for (SourceLocation L : Acquisitions.take_front(Shown))
    diag(L, "%0 locked here", DiagnosticIDs::Note) << Mutex;
  if (Shown < Acquisitions.size())
    diag(Acquisitions[Shown], "%0 locked here and at %1 other places",
         DiagnosticIDs::Note)
        << Mutex << static_cast<unsigned>(Acquisitions.size() - Shown - 1);
}

} // namespace corolock
