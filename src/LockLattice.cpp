//===--- LockLattice.cpp - What the held-lock dataflow knows --------------===//

#include "LockLattice.h"

using namespace clang;

namespace corolock {

bool LockFact::operator==(const LockFact &O) const {
  return Holder == O.Holder && Owned == O.Owned && Kind == O.Kind &&
         Mode == O.Mode && Guard == O.Guard && GuardExpr == O.GuardExpr &&
         Mutexes == O.Mutexes && MutexKey == O.MutexKey &&
         Acquisitions == O.Acquisitions;
}

/// Merges \p Locs into the acquisitions of \p Into, each location once. Both
/// are in source order: a linear merge, since a join may meet hundreds of
/// acquisitions (a loop around a large switch), where searching and sorting
/// at every join made the analysis cubic.
void addAcquisitions(LockFact &Into, llvm::ArrayRef<SourceLocation> Locs,
                     const SourceManager &SM) {
  llvm::ArrayRef<SourceLocation> Known = Into.Acquisitions;
  if (Known == Locs)
    return;
  llvm::SmallVector<SourceLocation, 2> Merged;
  Merged.reserve(Known.size() + Locs.size());
  size_t I = 0, J = 0;
  while (I < Known.size() && J < Locs.size()) {
    if (Known[I] == Locs[J]) {
      Merged.push_back(Known[I++]);
      ++J;
    } else if (SM.isBeforeInTranslationUnit(Known[I], Locs[J])) {
      Merged.push_back(Known[I++]);
    } else {
      Merged.push_back(Locs[J++]);
    }
  }
  Merged.append(Known.begin() + I, Known.end());
  Merged.append(Locs.begin() + J, Locs.end());
  Into.Acquisitions = std::move(Merged);
}

const void *holderOf(const LockFact &Fact) {
  switch (Fact.Holder) {
  case HolderKind::GuardVariable:
    return Fact.Guard;
  case HolderKind::GuardTemporary:
    return Fact.GuardExpr;
  case HolderKind::Manual:
    return Fact.MutexKey;
  }
  llvm_unreachable("unknown holder kind");
}

namespace {

/// The fact on a path where the holder does not exist (out of scope, or a
/// mutex not locked manually).
LockFact absentVariant(const LockFact &F) {
  LockFact Result = F;
  if (Result.Owned == Ownership::Held)
    Result.Owned = Ownership::MaybeHeld;
  return Result;
}

} // namespace

LockFact joinFacts(const LockFact &A, const LockFact &B,
                   const SourceManager &SM) {
  LockFact Result = A;
  if (A.Owned != B.Owned)
    Result.Owned =
        (A.Owned == Ownership::NotHeld && B.Owned == Ownership::NotHeld)
            ? Ownership::NotHeld
            : Ownership::MaybeHeld;
  // A holder that is a reader on one path only may make writers wait.
  if (A.Mode != B.Mode)
    Result.Mode = LockMode::Exclusive;
  if (Result.Mutexes.empty()) {
    Result.Mutexes = B.Mutexes;
    Result.MutexKey = B.MutexKey;
  }
  // A side that does not own the lock only records where its guard was
  // constructed (`unique_lock lk(m, std::defer_lock)`): when the other side
  // owns it, that is no acquisition and must not become a "locked here" note.
  bool AOwns = A.Owned != Ownership::NotHeld;
  bool BOwns = B.Owned != Ownership::NotHeld;
  if (AOwns == BOwns)
    addAcquisitions(Result, B.Acquisitions, SM);
  else if (BOwns)
    Result.Acquisitions = B.Acquisitions;
  return Result;
}

// Locks acquired by one call (`std::lock(a, b)`) share their acquisition:
// where the mutex is written orders them.
bool lockFactBefore(const LockFact &A, const LockFact &B,
                    const SourceManager &SM) {
  auto Order = [](const LockFact &F) {
    return F.Acquisitions.empty() ? SourceLocation() : F.Acquisitions.front();
  };
  auto MutexOrder = [](const LockFact &F) {
    return F.Mutexes.empty() ? SourceLocation()
                             : F.Mutexes.front()->getBeginLoc();
  };
  SourceLocation LA = Order(A), LB = Order(B);
  if (LA != LB)
    return SM.isBeforeInTranslationUnit(LA, LB);
  if (A.Holder != B.Holder)
    return static_cast<int>(A.Holder) < static_cast<int>(B.Holder);
  SourceLocation MA = MutexOrder(A), MB = MutexOrder(B);
  if (MA == MB || MA.isInvalid() || MB.isInvalid())
    return MA.isInvalid() && MB.isValid();
  return SM.isBeforeInTranslationUnit(MA, MB);
}

bool joinStates(LockState &Into, const LockState &From,
                const SourceManager &SM) {
  bool Changed = false;
  for (auto &[Key, Fact] : Into) {
    auto It = From.find(Key);
    LockFact Joined = It == From.end() ? absentVariant(Fact)
                                       : joinFacts(Fact, It->second, SM);
    if (!(Joined == Fact)) {
      Fact = std::move(Joined);
      Changed = true;
    }
  }
  for (const auto &[Key, Fact] : From)
    if (!Into.count(Key)) {
      Into[Key] = absentVariant(Fact);
      Changed = true;
    }
  return Changed;
}

} // namespace corolock
