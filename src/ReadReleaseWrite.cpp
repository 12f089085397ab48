//===--- ReadReleaseWrite.cpp - Writes based on stale reads ---------------===//

#include "ReadReleaseWrite.h"
#include "ControlDependence.h"
#include "ForwardDataflow.h"
#include "LocalTaint.h"
#include "SharedAccesses.h"
#include "StaleReadLattice.h"
#include "StmtParents.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SparseBitVector.h"
#include <deque>
#include <map>
#include <tuple>

using namespace clang;

namespace corolock {
namespace {

using PathId = AccessPaths::PathId;
using namespace stale;
/// A mutex locked at a statement, and by whom.
struct HeldMutex {
  /// None when the lock's mutex is unknown or cannot be identified.
  std::optional<MutexNumber> Mutex;
  bool Definitely = false;
  Holding By;
  const Expr *MutexExpr = nullptr;
};
using HeldMutexes = llvm::SmallVector<HeldMutex, 2>;

/// An access to a shared location under a lock.
struct TrackedAccess {
  const Expr *E = nullptr;
  PathId Path = 0;
  AccessKind Kind = AccessKind::Read;
  /// For a relative update, its direction (see relativeUpdate), else 0.
  int Direction = 0;
  /// Its number when it reads: what values computed from it carry.
  std::optional<unsigned> ReadId;
  /// Whether a write under the same mutex may change what it reads, so that
  /// the read is pending until such a write.
  bool Pends = false;
};

/// Whether \p Access is changed relative to its current value, and which
/// way: +1 for `++x`, `x++`, `x += v`; -1 for `--x`, `x--`, `x -= v`; else 0.
int relativeUpdate(const Expr *Access, const StmtParents &Parents) {
  const Stmt *P = Parents.getParentIgnoreParenImpCasts(Access);
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
    return UO->isIncrementOp() ? 1 : UO->isDecrementOp() ? -1 : 0;
  const auto *Compound = dyn_cast_or_null<CompoundAssignOperator>(P);
  if (!Compound || Compound->getLHS()->IgnoreParenImpCasts() !=
                       Access->IgnoreParenImpCasts())
    return 0;
  return Compound->getOpcode() == BO_AddAssign   ? 1
         : Compound->getOpcode() == BO_SubAssign ? -1
                                                 : 0;
}

/// Whether \p Access initializes a local reference or pointer to it
/// (`auto &slot = map_[k];`, `auto *c = &conns_[i];`): choosing the element
/// reads the container; writes through the handle are accesses of their own.
bool bindsHandle(const Expr *Access, const StmtParents &Parents) {
  const Stmt *Child = Access;
  const Stmt *P = Parents.getParentIgnoreParenImpCasts(Child);
  bool Address = false;
  while (isa_and_nonnull<MaterializeTemporaryExpr, ExprWithCleanups>(P) ||
         (!Address && isa_and_nonnull<UnaryOperator>(P) &&
          cast<UnaryOperator>(P)->getOpcode() == UO_AddrOf)) {
    Address |= isa<UnaryOperator>(P);
    Child = P;
    P = Parents.getParentIgnoreParenImpCasts(P);
  }
  const auto *DS = dyn_cast_or_null<DeclStmt>(P);
  if (!DS || !DS->isSingleDecl())
    return false;
  const auto *Var = dyn_cast<VarDecl>(DS->getSingleDecl());
  return Var && Var->getInit() &&
         Var->getInit()->IgnoreParenImpCasts() ==
             cast<Expr>(Child)->IgnoreParenImpCasts() &&
         (Address ? Var->getType()->isPointerType()
                  : Var->getType()->isReferenceType());
}

/// The condition \p Block branches on, and the statement that evaluates it
/// (the last one of the block); a condition variable stands for its
/// initializer.
std::pair<const Expr *, const Stmt *> conditionOf(const CFGBlock &Block) {
  if (Block.succ_size() < 2 || Block.empty() ||
      Block.getTerminator().getKind() != CFGTerminator::StmtBranch)
    return {};
  auto Last = Block.back().getAs<CFGStmt>();
  if (!Last)
    return {};
  const Stmt *S = Last->getStmt();
  if (const auto *E = dyn_cast<Expr>(S))
    return {E, S};
  if (const auto *DS = dyn_cast<DeclStmt>(S); DS && DS->isSingleDecl())
    if (const auto *Var = dyn_cast<VarDecl>(DS->getSingleDecl());
        Var && Var->getInit())
      return {Var->getInit(), S};
  return {};
}

class StaleWriteAnalysis {
public:
  using State = corolock::State;
  static constexpr bool Unwinds = false;

  /// \p Coroutine must have a body and a CFG.
  explicit StaleWriteAnalysis(CoroutineAnalysis &Coroutine)
      : Coroutine(Coroutine), Context(Coroutine.context()),
        SM(Context.getSourceManager()), Model(Coroutine.lockModel()),
        Suspensions(Coroutine.suspensions()), Graph(*Coroutine.cfg()),
        Paths(Coroutine.function(), *Coroutine.body(), Coroutine.parents(),
              Context),
        Classifier(Coroutine.parents(), Context), Locals(Paths) {}

  StaleWriteResult run();

  // The dataflow's interface (ForwardDataflow).
  void transfer(const CFGBlock &Block, const CFGElement &Element, State &St) {
    if (auto S = Element.getAs<CFGStmt>())
      transferStmt(S->getStmt(), Block, St, /*Emit=*/false);
  }
  template <typename FlowFn>
  void leave(const CFGBlock &Block, State &Exit, FlowFn Flow);
  bool join(State &Into, const State &From) {
    return joinStates(Into, From, SM);
  }
  void unwind(unsigned, State &) const {}

private:
  HeldMutexes heldMutexes(llvm::ArrayRef<LockFact> Held);
  bool findAccesses();
  bool isLockObject(QualType T) const;
  bool containsErrors() const;
  bool solve();
  void computeLiveness();
  struct BlockLiveness;
  void liveBefore(const Stmt *S, BlockLiveness &Block,
                  llvm::SmallPtrSetImpl<const Stmt *> &Seen);
  void prune(State &St, const CFGBlock &Block) const;
  void transferBlock(const CFGBlock &Block, State &St, bool Emit);
  void transferStmt(const Stmt *S, const CFGBlock &Block, State &St, bool Emit);
  void onRead(const TrackedAccess &A, unsigned ReadId, const HeldMutexes &Held,
              State &St);
  void onWrite(const TrackedAccess &A, const HeldMutexes &Held,
               const CFGBlock &Block, State &St, bool Emit);
  void report(const TrackedAccess &A, const PendingKey &Key,
              const PendingRead &Read, const HeldMutexes &Held,
              const CFGBlock &Block, const State &St);
  void onSuspension(const CoroutineSuspendExpr *S, const HeldMutexes &Held,
                    State &St);
  std::vector<PendingKey> onCondition(const CFGBlock &Block, State &St);
  ReadSet taintOf(const Stmt *S, const State &St) const {
    return Locals.of(S, St.Taint);
  }
  ReadSet controlTaint(const CFGBlock &Block, SourceLocation Write);
  bool gatedByClaim(llvm::ArrayRef<const CFGBlock *> Claims,
                    const CFGBlock &Block);
  const HeldMutexes &heldAt(const Stmt *S) const;
  const TrackedAccess &readAccess(unsigned ReadId) const {
    return Accesses[Reads[ReadId]];
  }
  PathId readPath(unsigned ReadId) const { return readAccess(ReadId).Path; }
  unsigned readUnder(unsigned ReadId, MutexNumber Mutex);

  CoroutineAnalysis &Coroutine;
  ASTContext &Context;
  const SourceManager &SM;
  const LockModel &Model;
  const SuspensionPointClassifier &Suspensions;
  const CFG &Graph;
  AccessPaths Paths;
  AccessClassifier Classifier;
  LocalTaint Locals;

  /// The mutexes of each of the held-lock result's sets of held locks, and
  /// those held on all paths, each once.
  std::vector<HeldMutexes> HeldSets;
  std::vector<llvm::SmallVector<MutexNumber, 2>> DefinitelyHeldSets;
  std::vector<TrackedAccess> Accesses;
  llvm::DenseMap<const Stmt *, unsigned> AccessAt;
  /// Tracked reads: indices into Accesses.
  std::vector<unsigned> Reads;
  /// Tracked reads under a mutex, numbered as they come (State::Stale).
  std::vector<std::pair<unsigned, MutexNumber>> ReadsUnder;
  llvm::DenseMap<std::pair<unsigned, MutexNumber>, unsigned> ReadUnderIds;

  std::optional<ControlDependence> Control;
  /// The tracked reads each branch condition may depend on.
  llvm::DenseMap<const CFGBlock *, ReadSet> ConditionTaint;
  std::vector<std::optional<State>> In;
  std::vector<StaleWrite> Found;
  /// What may still be consulted at the entry of each block (by block ID):
  /// tracked reads by number, then locals by their LocalTaint number.
  std::vector<ReadSet> LiveIn;
  /// The tracked reads whose location each write may change.
  llvm::DenseMap<const Stmt *, ReadSet> ReadsWritten;
};

unsigned StaleWriteAnalysis::readUnder(unsigned ReadId, MutexNumber Mutex) {
  auto [It, Inserted] =
      ReadUnderIds.try_emplace({ReadId, Mutex}, ReadsUnder.size());
  if (Inserted)
    ReadsUnder.emplace_back(ReadId, Mutex);
  return It->second;
}

const HeldMutexes &StaleWriteAnalysis::heldAt(const Stmt *S) const {
  static const HeldMutexes None;
  const HeldLockResult &Locks = Coroutine.heldLocks();
  auto It = Locks.HeldBefore.find(S);
  return It == Locks.HeldBefore.end() ? None : HeldSets[It->second];
}

HeldMutexes StaleWriteAnalysis::heldMutexes(llvm::ArrayRef<LockFact> Held) {
  HeldMutexes Locks;
  for (const LockFact &Fact : Held) {
    HeldMutex Lock;
    Lock.Definitely = Fact.Owned == Ownership::Held;
    Lock.By = {holderOf(Fact), Fact.Acquisitions.empty()
                                   ? SourceLocation()
                                   : Fact.Acquisitions.front()};
    if (Fact.Mutexes.empty())
      Locks.push_back(Lock);
    for (const Expr *Mutex : Fact.Mutexes) {
      Lock.Mutex = std::nullopt;
      if (const MutexIdentity *Id = Coroutine.mutexes().ofLockArgument(Mutex))
        Lock.Mutex = Id->Number;
      Lock.MutexExpr = Mutex;
      Locks.push_back(Lock);
    }
  }
  return Locks;
}

/// Mutexes and guards are the locks, not the state they protect.
bool StaleWriteAnalysis::isLockObject(QualType T) const {
  if (T->isPointerType())
    T = T->getPointeeType();
  while (const auto *Array = T->getAsArrayTypeUnsafe())
    T = Array->getElementType();
  return Model.isMutex(T) || Model.isGuard(T);
}

/// Classifies the accesses to shared locations made under a lock and numbers
/// the reads. False when no read is of a location that a write under the
/// same mutex may change: then there is nothing to find.
bool StaleWriteAnalysis::findAccesses() {
  const HeldLockResult &Locks = Coroutine.heldLocks();
  auto MutexesOf = [&](const Stmt *S) -> llvm::ArrayRef<MutexNumber> {
    auto It = Locks.HeldBefore.find(S);
    if (It == Locks.HeldBefore.end())
      return {};
    return DefinitelyHeldSets[It->second];
  };
  for (const Stmt *S : Locks.HeldOrder) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E || MutexesOf(S).empty() || !Paths.isMaximalAccess(E) ||
        isLockObject(E->getType()))
      continue;
    std::optional<PathId> Path = Paths.pathOf(E);
    if (!Path || !Paths.isShared(*Path))
      continue;
    AccessAt[S] = Accesses.size();
    Accesses.push_back({E, *Path,
                        bindsHandle(E, Coroutine.parents())
                            ? AccessKind::Read
                            : Classifier.classify(E),
                        relativeUpdate(E, Coroutine.parents()), std::nullopt});
  }
  std::vector<std::pair<MutexNumber, PathId>> Writes; // (mutex, location)
  for (const TrackedAccess &A : Accesses)
    if (A.Kind != AccessKind::Read)
      for (MutexNumber Mutex : MutexesOf(A.E))
        Writes.emplace_back(Mutex, A.Path);
  bool AnyPending = false;
  for (unsigned I = 0; I < Accesses.size(); ++I) {
    TrackedAccess &A = Accesses[I];
    if (A.Kind == AccessKind::Write)
      continue;
    A.ReadId = Reads.size();
    Locals.addRead(A.E, *A.ReadId);
    Reads.push_back(I);
    auto Mutexes = MutexesOf(A.E);
    A.Pends = llvm::any_of(Writes, [&](const auto &W) {
      return llvm::binary_search(Mutexes, W.first) &&
             Paths.overlap(W.second, A.Path);
    });
    AnyPending |= A.Pends;
  }
  return AnyPending;
}

//===----------------------------------------------------------------------===//
// Reads, writes, suspensions and conditions
//===----------------------------------------------------------------------===//

void StaleWriteAnalysis::onRead(const TrackedAccess &A, unsigned ReadId,
                                const HeldMutexes &Held, State &St) {
  for (const HeldMutex &Lock : Held) {
    if (!Lock.Definitely || !Lock.Mutex)
      continue;
    MutexNumber Mutex = *Lock.Mutex;
    // The read happens again: its earlier value is superseded.
    St.Stale.reset(readUnder(ReadId, Mutex));
    Epoch &E = St.Epochs[Mutex];
    E.Reads.set(ReadId);
    if (!A.Pends)
      continue;
    St.Pending.erase({ReadId, Mutex, true});
    PendingRead Read;
    Read.MutexExpr = Lock.MutexExpr;
    auto LocksMutex = [&](const Holding &By) {
      return llvm::any_of(Held, [&](const HeldMutex &L) {
        return L.By == By && L.Mutex == Mutex;
      });
    };
    for (const HeldMutex &Other : Held)
      if (!LocksMutex(Other.By))
        insertUnique(Read.Serializers, Other.By);
    Read.Claims = E.Claims;
    St.Pending[{ReadId, Mutex, false}] = std::move(Read);
  }
}

void StaleWriteAnalysis::onWrite(const TrackedAccess &A,
                                 const HeldMutexes &Held, const CFGBlock &Block,
                                 State &St, bool Emit) {
  for (const HeldMutex &Lock : Held) {
    if (!Lock.Definitely || !Lock.Mutex)
      continue;
    MutexNumber Mutex = *Lock.Mutex;
    auto Overlaps = [&](const PendingKey &Key) {
      return Key.Mutex == Mutex && Paths.overlap(readPath(Key.Read), A.Path);
    };
    if (Emit)
      for (const auto &[Key, Read] : St.Pending)
        if (Key.Suspended && Overlaps(Key))
          report(A, Key, Read, Held, Block, St);
    // A changed what it read. A store claimed the location (`token_ = ""`:
    // a concurrent caller finds nothing to take), and what follows in B
    // completes that. A relative update reserved a share of it (`++used_`),
    // which B may give back (`--used_`), but other tasks may reserve too:
    // a value computed from the read can still undo their change.
    bool Relative = A.Direction != 0;
    for (auto It = St.Pending.begin(); It != St.Pending.end();) {
      if (It->first.Suspended || !Overlaps(It->first)) {
        ++It;
      } else if (Relative) {
        It->second.Reserved = true;
        ++It;
      } else {
        // What A took is this coroutine's: its read does not go stale.
        if (auto E = St.Epochs.find(Mutex); E != St.Epochs.end())
          E->second.Reads.reset(It->first.Read);
        It = St.Pending.erase(It);
      }
    }
    // A condition over this location, followed by this write: a
    // test-and-set that the rest of the operation depends on.
    auto EpochIt = St.Epochs.find(Mutex);
    if (EpochIt == St.Epochs.end())
      continue;
    Epoch &E = EpochIt->second;
    for (const auto &[Condition, ConditionReads] : E.Conditions) {
      bool TestAndSet = anyRead(ConditionReads, [&](unsigned Id) {
        return Paths.overlap(readPath(Id), A.Path);
      });
      if (!TestAndSet)
        continue;
      insertUnique(E.Claims, Condition);
      for (auto &[Key, Read] : St.Pending)
        if (Key.Mutex == Mutex && !Key.Suspended)
          insertUnique(Read.Claims, Condition);
    }
  }
  if (A.Direction)
    insertUnique(St.Updated, {A.Path, A.Direction});
}

void StaleWriteAnalysis::report(const TrackedAccess &A, const PendingKey &Key,
                                const PendingRead &Read,
                                const HeldMutexes &Held, const CFGBlock &Block,
                                const State &St) {
  if (!Read.Checks.empty() || gatedByClaim(Read.Claims, Block) ||
      Classifier.isCheckedWrite(A.E))
    return;
  for (const Holding &Serializer : Read.Serializers)
    if (llvm::any_of(Held,
                     [&](const HeldMutex &L) { return L.By == Serializer; }))
      return;
  // The write may be based on any value read under the mutex before it was
  // released for a suspension, preferably the read of what it writes.
  ReadSet StaleReads;
  for (unsigned Id : St.Stale)
    if (ReadsUnder[Id].second == Key.Mutex)
      StaleReads.set(ReadsUnder[Id].first);
  ReadSet Value = taintOf(Classifier.fullStatement(A.E), St);
  Value &= StaleReads;
  ReadSet Decision = controlTaint(Block, SM.getExpansionLoc(A.E->getExprLoc()));
  Decision &= StaleReads;
  // Giving back what this coroutine took earlier (`--n` after its `++n`)
  // cannot undo another task's change, whatever decided to give it back.
  if (Value.empty() && A.Direction &&
      llvm::any_of(St.Updated, [&](const std::pair<PathId, int> &U) {
        return U.second == -A.Direction && Paths.overlap(U.first, A.Path);
      }))
    return;
  auto First = [&](const ReadSet &Ids) {
    if (Ids.test(Key.Read))
      return Key.Read;
    unsigned Best = Ids.find_first();
    for (unsigned Id : Ids)
      if (SM.isBeforeInTranslationUnit(readAccess(Id).E->getExprLoc(),
                                       readAccess(Best).E->getExprLoc()))
        Best = Id;
    return Best;
  };
  StaleWrite Stale{A.E,
                   readAccess(Key.Read).E,
                   nullptr,
                   Read.Suspension,
                   Read.MutexExpr,
                   StaleDependence::Value};
  if (!Value.empty() && (Value.test(Key.Read) || !Decision.test(Key.Read))) {
    Stale.Basis = readAccess(First(Value)).E;
  } else if (!Decision.empty() && !Read.Reserved) {
    Stale.Basis = readAccess(First(Decision)).E;
    Stale.Dependence = StaleDependence::Control;
  } else {
    return;
  }
  Found.push_back(Stale);
}

void StaleWriteAnalysis::onSuspension(const CoroutineSuspendExpr *S,
                                      const HeldMutexes &Held, State &St) {
  llvm::SmallVector<PathId, 2> Locked;
  llvm::SmallVector<Holding, 2> Holdings;
  for (const HeldMutex &Lock : Held) {
    if (Lock.Mutex)
      insertUnique(Locked, *Lock.Mutex);
    insertUnique(Holdings, Lock.By);
  }
  std::map<PendingKey, PendingRead> Next;
  for (auto &[Key, Read] : St.Pending) {
    PendingKey NewKey = Key;
    intersect<Holding>(Read.Serializers, Holdings);
    if (!llvm::is_contained(Locked, Key.Mutex)) {
      // Checks made before this suspension are stale after it.
      Read.Checks.clear();
      if (!Key.Suspended) {
        NewKey.Suspended = true;
        Read.Suspension = S;
      }
    }
    auto [It, Inserted] = Next.try_emplace(NewKey, Read);
    if (!Inserted)
      joinPending(It->second, Read, SM);
  }
  St.Pending = std::move(Next);
  for (auto It = St.Epochs.begin(); It != St.Epochs.end();) {
    if (llvm::is_contained(Locked, It->first)) {
      ++It;
      continue;
    }
    for (unsigned ReadId : It->second.Reads)
      St.Stale.set(readUnder(ReadId, It->first));
    It = St.Epochs.erase(It);
  }
}

/// Records what a branch condition depends on. A condition under a mutex
/// that re-reads a location with a stale read pending re-validates it on
/// each outgoing edge; returns those reads.
std::vector<PendingKey> StaleWriteAnalysis::onCondition(const CFGBlock &Block,
                                                        State &St) {
  auto [Condition, Evaluation] = conditionOf(Block);
  if (!Condition)
    return {};
  ReadSet Taint = taintOf(Condition, St);
  ConditionTaint[&Block] = Taint;
  std::vector<PendingKey> Revalidated;
  if (Taint.empty())
    return Revalidated;
  for (const HeldMutex &Lock : heldAt(Evaluation)) {
    if (!Lock.Definitely || !Lock.Mutex)
      continue;
    MutexNumber Mutex = *Lock.Mutex;
    auto EpochIt = St.Epochs.find(Mutex);
    if (EpochIt == St.Epochs.end())
      continue;
    ReadSet Fresh = Taint;
    Fresh &= EpochIt->second.Reads;
    if (Fresh.empty())
      continue;
    auto &Conditions = EpochIt->second.Conditions;
    auto *Known = llvm::find_if(
        Conditions, [&](const auto &C) { return C.first == &Block; });
    if (Known == Conditions.end())
      Conditions.emplace_back(&Block, Fresh);
    else
      Known->second |= Fresh;
    for (const auto &Entry : St.Pending) {
      const PendingKey &Key = Entry.first;
      if (Key.Suspended && Key.Mutex == Mutex &&
          anyRead(Fresh, [&](unsigned Id) {
            return Paths.covers(readPath(Id), readPath(Key.Read));
          }))
        Revalidated.push_back(Key);
    }
  }
  return Revalidated;
}

void StaleWriteAnalysis::transferStmt(const Stmt *S, const CFGBlock &Block,
                                      State &St, bool Emit) {
  if (auto It = AccessAt.find(S); It != AccessAt.end()) {
    const TrackedAccess &A = Accesses[It->second];
    if (A.ReadId)
      onRead(A, *A.ReadId, heldAt(S), St);
    if (A.Kind != AccessKind::Read)
      onWrite(A, heldAt(S), Block, St, Emit);
  }
  if (const CoroutineSuspendExpr *Suspension = Suspensions.asSuspensionPoint(S))
    onSuspension(Suspension, heldAt(S), St);
  Locals.transfer(S, St.Taint);
}

void StaleWriteAnalysis::transferBlock(const CFGBlock &Block, State &St,
                                       bool Emit) {
  for (const CFGElement &Element : Block)
    if (auto S = Element.getAs<CFGStmt>())
      transferStmt(S->getStmt(), Block, St, Emit);
}

//===----------------------------------------------------------------------===//
// Control dependence
//===----------------------------------------------------------------------===//

/// The tracked reads the conditions that \p Block is control dependent on
/// (transitively) may depend on.
ReadSet StaleWriteAnalysis::controlTaint(const CFGBlock &Block,
                                         SourceLocation Write) {
  if (!Control)
    Control.emplace(Graph);
  ReadSet Result;
  for (const CFGBlock *Condition : Control->of(Block)) {
    auto C = ConditionTaint.find(Condition);
    if (C == ConditionTaint.end())
      continue;
    // A condition after the write decides it only through a back edge
    // (whether the loop comes round again), not whether to write.
    const Stmt *Branch = Condition->getTerminatorStmt();
    if (Branch && SM.isBeforeInTranslationUnit(
                      Write, SM.getExpansionLoc(Branch->getBeginLoc())))
      continue;
    Result |= C->second;
  }
  return Result;
}

bool StaleWriteAnalysis::gatedByClaim(llvm::ArrayRef<const CFGBlock *> Claims,
                                      const CFGBlock &Block) {
  if (Claims.empty())
    return false;
  if (!Control)
    Control.emplace(Graph);
  const auto &Dependencies = Control->of(Block);
  return llvm::any_of(Claims, [&](const CFGBlock *C) {
    return llvm::is_contained(Dependencies, C);
  });
}

//===----------------------------------------------------------------------===//
// The fixpoint
//===----------------------------------------------------------------------===//

/// Whether the body has statements that did not compile: what it does is not
/// known, so nothing is reported for it.
bool StaleWriteAnalysis::containsErrors() const {
  for (const CFGBlock *Block : Graph)
    for (const CFGElement &Element : *Block)
      if (auto S = Element.getAs<CFGStmt>())
        if (const auto *E = dyn_cast<Expr>(S->getStmt());
            E && E->containsErrors())
          return true;
  return false;
}

template <typename FlowFn>
void StaleWriteAnalysis::leave(const CFGBlock &Block, State &Exit,
                               FlowFn Flow) {
  std::vector<PendingKey> Revalidated = onCondition(Block, Exit);
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 2> Edges;
  unsigned Index = 0;
  for (const CFGBlock::AdjacentBlock &Succ : Block.succs()) {
    if (const CFGBlock *Next = Succ.getReachableBlock())
      Edges.emplace_back(Next, Index);
    ++Index;
  }
  auto Follow = [&](const CFGBlock &Next, unsigned ThisIndex, State Edge) {
    for (const PendingKey &Key : Revalidated) {
      auto &Checks = Edge.Pending[Key].Checks;
      llvm::erase_if(Checks,
                     [&](const Outcome &O) { return O.first == &Block; });
      Checks.emplace_back(&Block, ThisIndex);
    }
    prune(Edge, Next);
    Flow(Next, std::move(Edge));
  };
  if (Edges.empty())
    return;
  for (auto [Next, ThisIndex] : llvm::ArrayRef(Edges).drop_back())
    Follow(*Next, ThisIndex, Exit);
  // The last edge takes the exit state itself: copies of the state are most
  // of the cost on tall lattices (a goto mesh's taints).
  Follow(*Edges.back().first, Edges.back().second, std::move(Exit));
}

//===----------------------------------------------------------------------===//
// What may still be consulted
//===----------------------------------------------------------------------===//

/// What a block does to liveness, going backward: it needs Gen at its
/// entry, and what is needed after it unless it Kills it first.
struct StaleWriteAnalysis::BlockLiveness {
  ReadSet Gen, Kill;
  /// The dispatch blocks its statements may throw to.
  llvm::SmallVector<const CFGBlock *, 1> Dispatches;

  void gen(unsigned Id) { Gen.set(Id); }
  void kill(unsigned Id) {
    Gen.reset(Id);
    Kill.set(Id);
  }
};

/// Going backward over \p S. A pending read is consulted by a write that
/// may change what it read, until the read runs again (and replaces it: all
/// mutexes it may be pending under are held there); the taint of a local by
/// any lookup of it, until its declaration runs again. The nodes of
/// statements after it in the block, walked before, are in \p Seen.
void StaleWriteAnalysis::liveBefore(const Stmt *S, BlockLiveness &Block,
                                    llvm::SmallPtrSetImpl<const Stmt *> &Seen) {
  unsigned FirstLocal = Reads.size();
  Locals.forEachDeclared(
      S, [&](unsigned Local) { Block.kill(FirstLocal + Local); });
  if (auto It = AccessAt.find(S); It != AccessAt.end()) {
    if (auto W = ReadsWritten.find(S); W != ReadsWritten.end())
      Block.Gen |= W->second;
    if (std::optional<unsigned> Id = Accesses[It->second].ReadId)
      Block.kill(*Id);
  }
  // A statement's taint is looked up with the statements around it too (a
  // condition's operands, a conditional operand in another block).
  Locals.forEachConsulted(
      S, Seen, [&](unsigned Local) { Block.gen(FirstLocal + Local); });
}

void StaleWriteAnalysis::computeLiveness() {
  // The reads each write may change, through the reads of each root.
  llvm::DenseMap<const void *, std::vector<unsigned>> ReadsByRoot;
  for (unsigned Id = 0; Id < Reads.size(); ++Id)
    ReadsByRoot[Paths.rootOf(readPath(Id))].push_back(Id);
  for (const auto &[S, Index] : AccessAt) {
    const TrackedAccess &A = Accesses[Index];
    if (A.Kind == AccessKind::Read)
      continue;
    ReadSet &Written = ReadsWritten[S];
    for (unsigned Id : ReadsByRoot.lookup(Paths.rootOf(A.Path)))
      if (Paths.overlap(readPath(Id), A.Path))
        Written.set(Id);
  }
  // What each block does, and the blocks that throw to each dispatch block.
  const TryBlocks &Tries = Coroutine.tries();
  std::vector<BlockLiveness> Blocks(Graph.getNumBlockIDs());
  llvm::DenseMap<const CFGBlock *, llvm::SmallVector<const CFGBlock *, 4>>
      Throwers;
  for (const CFGBlock *Block : Graph) {
    BlockLiveness &Info = Blocks[Block->getBlockID()];
    llvm::SmallPtrSet<const Stmt *, 32> Seen;
    for (const CFGElement &Element : llvm::reverse(*Block)) {
      auto S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      liveBefore(S->getStmt(), Info, Seen);
      std::optional<unsigned> Try =
          Tries.empty() ? std::nullopt : Tries.innermost(S->getStmt());
      const CFGBlock *Dispatch = Try ? Tries.dispatch(*Try) : nullptr;
      if (Dispatch && !llvm::is_contained(Info.Dispatches, Dispatch)) {
        Info.Dispatches.push_back(Dispatch);
        Throwers[Dispatch].push_back(Block);
      }
    }
  }
  // Every block, the handlers too (no CFG edge reaches them): clang numbers
  // the blocks from the exit on, the order a backward analysis prefers.
  LiveIn.assign(Graph.getNumBlockIDs(), ReadSet());
  std::deque<const CFGBlock *> Worklist;
  llvm::BitVector Queued(Graph.getNumBlockIDs());
  auto Enqueue = [&](const CFGBlock *Block) {
    if (!Queued.test(Block->getBlockID())) {
      Queued.set(Block->getBlockID());
      Worklist.push_back(Block);
    }
  };
  for (const CFGBlock *Block : Graph)
    Enqueue(Block);
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.front();
    Worklist.pop_front();
    Queued.reset(Block->getBlockID());
    const BlockLiveness &Info = Blocks[Block->getBlockID()];
    ReadSet Live;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
      if (const CFGBlock *Next = Succ.getReachableBlock())
        Live |= LiveIn[Next->getBlockID()];
    Live.intersectWithComplement(Info.Kill);
    Live |= Info.Gen;
    // What a statement throws reaches its try's handlers.
    for (const CFGBlock *Dispatch : Info.Dispatches)
      Live |= LiveIn[Dispatch->getBlockID()];
    if (Live == LiveIn[Block->getBlockID()])
      continue;
    LiveIn[Block->getBlockID()] = std::move(Live);
    for (const CFGBlock::AdjacentBlock &Pred : Block->preds())
      if (const CFGBlock *Prev = Pred.getReachableBlock())
        Enqueue(Prev);
    for (const CFGBlock *Thrower : Throwers.lookup(Block))
      Enqueue(Thrower);
  }
}

/// Drops what cannot be consulted from the entry of \p Block on.
void StaleWriteAnalysis::prune(State &St, const CFGBlock &Block) const {
  const ReadSet &Live = LiveIn[Block.getBlockID()];
  for (auto It = St.Pending.begin(); It != St.Pending.end();)
    It = Live.test(It->first.Read) ? std::next(It) : St.Pending.erase(It);
  Locals.retain(St.Taint, [&](unsigned Local) {
    return Live.test(Reads.size() + Local);
  });
}

bool StaleWriteAnalysis::solve() {
  computeLiveness();
  ForwardDataflow<StaleWriteAnalysis> Flow(Graph, Coroutine.tries(), *this,
                                           maxBlockVisits(Graph));
  In = Flow.solve(State());
  return !Flow.stopped();
}

StaleWriteResult StaleWriteAnalysis::run() {
  const HeldLockResult &Locks = Coroutine.heldLocks();
  for (const std::vector<LockFact> &Held : Locks.HeldSets) {
    HeldSets.push_back(heldMutexes(Held));
    auto &Definitely = DefinitelyHeldSets.emplace_back();
    for (const HeldMutex &Lock : HeldSets.back())
      if (Lock.Definitely && Lock.Mutex)
        Definitely.push_back(*Lock.Mutex);
    llvm::sort(Definitely);
    Definitely.erase(llvm::unique(Definitely), Definitely.end());
  }
  if (Locks.Suspensions.empty() || !findAccesses() || containsErrors())
    return {};
  if (!solve())
    return {{}, maxBlockVisits(Graph)};
  replayBlocks(Graph, In, [&](const CFGBlock &Block, State &St) {
    transferBlock(Block, St, /*Emit=*/true);
  });

  // One finding per write (its first stale read), in source order of the
  // writes: every write is judged on its own, so that a harmless one cannot
  // hide a lost update after it.
  auto Before = [&](const Expr *A, const Expr *B) {
    return SM.isBeforeInTranslationUnit(A->getExprLoc(), B->getExprLoc());
  };
  // A read that is its own basis comes first; of nested locks over both
  // sections, the innermost (locked last) names the mutex.
  llvm::sort(Found, [&](const StaleWrite &A, const StaleWrite &B) {
    if (A.Write != B.Write)
      return Before(A.Write, B.Write);
    if ((A.Read == A.Basis) != (B.Read == B.Basis))
      return A.Read == A.Basis;
    if (A.Read != B.Read)
      return Before(A.Read, B.Read);
    return A.Mutex != B.Mutex && A.Mutex && B.Mutex && Before(B.Mutex, A.Mutex);
  });
  StaleWriteResult Result;
  llvm::SmallPtrSet<const Expr *, 8> Writes;
  for (const StaleWrite &W : Found)
    if (Writes.insert(W.Write).second)
      Result.Writes.push_back(W);
  return Result;
}

} // namespace

unsigned maxBlockVisits(const CFG &Graph) {
  return MaxVisitsPerBlock * Graph.getNumBlockIDs() + MinVisits;
}

StaleWriteResult findStaleWrites(CoroutineAnalysis &Coroutine) {
  if (!Coroutine.cfg())
    return {};
  return StaleWriteAnalysis(Coroutine).run();
}

std::vector<StaleWrite>
findStaleWrites(const FunctionDecl &Coroutine, ASTContext &Context,
                const LockModel &Model,
                const SuspensionPointClassifier &Suspensions) {
  CoroutineAnalysis Analysis(Coroutine, Context, Model, Suspensions);
  return findStaleWrites(Analysis).Writes;
}

CoroutineTraversalScope::CoroutineTraversalScope(
    ASTContext &Context, llvm::ArrayRef<const FunctionDecl *> Coroutines)
    : Context(Context), Saved(Context.getTraversalScope()) {
  std::vector<Decl *> Scope;
  for (const FunctionDecl *Coroutine : Coroutines)
    Scope.push_back(const_cast<FunctionDecl *>(Coroutine));
  Context.setTraversalScope(Scope);
}

CoroutineTraversalScope::~CoroutineTraversalScope() {
  Context.setTraversalScope(Saved);
}

} // namespace corolock
