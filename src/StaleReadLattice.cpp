//===--- StaleReadLattice.cpp - What read-release-write knows -------------===//

#include "StaleReadLattice.h"

using namespace clang;

namespace corolock::stale {

static const Expr *earlier(const Expr *A, const Expr *B,
                           const SourceManager &SM) {
  if (!A || !B)
    return A ? A : B;
  return SM.isBeforeInTranslationUnit(B->getBeginLoc(), A->getBeginLoc()) ? B
                                                                          : A;
}

bool joinPending(PendingRead &Into, const PendingRead &From,
                 const SourceManager &SM) {
  PendingRead Before = Into;
  Into.Suspension = cast_or_null<CoroutineSuspendExpr>(
      earlier(Into.Suspension, From.Suspension, SM));
  Into.MutexExpr = earlier(Into.MutexExpr, From.MutexExpr, SM);
  intersect<Outcome>(Into.Checks, From.Checks);
  intersect<Holding>(Into.Serializers, From.Serializers);
  intersect<const CFGBlock *>(Into.Claims, From.Claims);
  Into.Reserved &= From.Reserved;
  return !(Into == Before);
}

bool joinEpoch(Epoch &Into, const Epoch &From) {
  bool Changed = Into.Reads |= From.Reads;
  for (const auto &Condition : From.Conditions) {
    auto *It = llvm::find_if(Into.Conditions, [&](const auto &C) {
      return C.first == Condition.first;
    });
    if (It == Into.Conditions.end()) {
      Into.Conditions.push_back(Condition);
      Changed = true;
    } else {
      Changed |= It->second |= Condition.second;
    }
  }
  size_t Claims = Into.Claims.size();
  intersect<const CFGBlock *>(Into.Claims, From.Claims);
  return Changed || Into.Claims.size() != Claims;
}

/// Joins read sets by key; whether \p Into changed.
template <typename MapT>
static bool joinReadSets(MapT &Into, const MapT &From) {
  bool Changed = false;
  for (const auto &[Key, Reads] : From) {
    auto [It, Inserted] = Into.try_emplace(Key);
    Changed |= Inserted;
    Changed |= It->second |= Reads;
  }
  return Changed;
}

bool joinStates(State &Into, const State &From, const SourceManager &SM) {
  bool Changed = joinReadSets(Into.Taint, From.Taint);
  Changed |= Into.Stale |= From.Stale;
  size_t Updated = Into.Updated.size();
  intersect<std::pair<PathId, int>>(Into.Updated, From.Updated);
  Changed |= Into.Updated.size() != Updated;
  for (const auto &[Key, Read] : From.Pending) {
    auto [It, Inserted] = Into.Pending.try_emplace(Key, Read);
    Changed |= Inserted || joinPending(It->second, Read, SM);
  }
  // A mutex with no epoch on one side has no claims there.
  for (auto &[Mutex, E] : Into.Epochs)
    if (!From.Epochs.count(Mutex) && !E.Claims.empty()) {
      E.Claims.clear();
      Changed = true;
    }
  for (const auto &[Mutex, E] : From.Epochs) {
    auto [It, Inserted] = Into.Epochs.try_emplace(Mutex, E);
    if (Inserted)
      It->second.Claims.clear();
    Changed |= Inserted || joinEpoch(It->second, E);
  }
  return Changed;
}

} // namespace corolock::stale
