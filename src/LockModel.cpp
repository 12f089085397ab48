//===--- LockModel.cpp - Which types and calls are locks ------------------===//

#include "LockModel.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolock {
namespace {

const StringRef SyncMutexPresets[] = {
    "std::(recursive_|timed_|recursive_timed_|shared_|shared_timed_)?mutex",
    "absl::Mutex",
    "boost::(recursive_|timed_|recursive_timed_|shared_|upgrade_)?mutex",
};

const StringRef AsyncMutexPresets[] = {
    "folly::coro::(Mutex|SharedMutex|SharedMutexFair)",
    // SharedMutex inherits its lock operations from SharedMutexBase<Lock>.
    "async_simple::coro::(Mutex|SharedMutex|SharedMutexBase|SpinLock)",
    "cppcoro::async_mutex",
    "coro::(mutex|shared_mutex)",
    "unifex::async_mutex",
    "concurrencpp::async_lock",
};

// Guards whose kind follows their mutex (template argument), sync by default.
const StringRef SyncGuardPresets[] = {
    "std::(lock_guard|unique_lock|scoped_lock|shared_lock)",
    "absl::(MutexLock|ReaderMutexLock|WriterMutexLock|ReleasableMutexLock|"
    "MutexLockMaybe)",
    "boost::(lock_guard|unique_lock|shared_lock|upgrade_lock|scoped_lock)",
};

// Guards returned by async mutexes' lock operations.
const StringRef AsyncGuardPresets[] = {
    "cppcoro::async_mutex_lock",
    // Recent folly's co_scoped_lock_shared() returns a
    // folly::coro::SharedLock<SharedMutexFair> rather than a std::shared_lock.
    "folly::coro::SharedLock",
    "coro::scoped_lock",
    "concurrencpp::scoped_async_lock",
};

} // namespace

const Expr *skipImplicit(const Expr *E) {
  while (true) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (Next == E)
      return E;
    E = Next;
  }
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    return RD->getDefinition() ? RD->getDefinition() : RD;
  // A dependent specialization still names its template.
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      return dyn_cast_or_null<CXXRecordDecl>(TD->getTemplatedDecl());
  return nullptr;
}

llvm::Expected<LockModel> LockModel::create(const LockModelOptions &Options) {
  auto SyncMutexes =
      NameMatcher::create(SyncMutexPresets, Options.SyncMutexes, "SyncMutexes");
  if (!SyncMutexes)
    return SyncMutexes.takeError();
  auto AsyncMutexes = NameMatcher::create(AsyncMutexPresets,
                                          Options.AsyncMutexes, "AsyncMutexes");
  if (!AsyncMutexes)
    return AsyncMutexes.takeError();
  auto SyncGuards =
      NameMatcher::create(SyncGuardPresets, Options.SyncGuards, "SyncGuards");
  if (!SyncGuards)
    return SyncGuards.takeError();
  auto AsyncGuards = NameMatcher::create(AsyncGuardPresets, Options.AsyncGuards,
                                         "AsyncGuards");
  if (!AsyncGuards)
    return AsyncGuards.takeError();
  return LockModel(std::move(*SyncMutexes), std::move(*AsyncMutexes),
                   std::move(*SyncGuards), std::move(*AsyncGuards));
}

std::optional<LockKind>
LockModel::recordMutexKind(const CXXRecordDecl *RD) const {
  if (AsyncMutexes.matches(RD))
    return LockKind::Async;
  if (SyncMutexes.matches(RD) || RD->hasAttr<CapabilityAttr>())
    return LockKind::Sync;
  // A class derived from a mutex is a mutex of the same kind.
  if (!RD->hasDefinition())
    return std::nullopt;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const CXXRecordDecl *BaseRD = recordOf(Base.getType()))
      if (auto Kind = recordMutexKind(BaseRD))
        return Kind;
  return std::nullopt;
}

/// \p Compute's answer for \p RD, remembered in \p Answers.
template <typename ComputeT>
static std::optional<LockKind> memoized(
    llvm::DenseMap<const CXXRecordDecl *, std::optional<LockKind>> &Answers,
    const CXXRecordDecl *RD, ComputeT Compute) {
  if (!RD)
    return std::nullopt;
  if (auto It = Answers.find(RD); It != Answers.end())
    return It->second;
  std::optional<LockKind> Kind = Compute(RD);
  Answers[RD] = Kind;
  return Kind;
}

std::optional<LockKind> LockModel::mutexKind(QualType T) const {
  return memoized(MutexKinds, recordOf(T),
                  [&](const CXXRecordDecl *RD) { return recordMutexKind(RD); });
}

std::optional<LockKind>
LockModel::recordGuardKind(const CXXRecordDecl *RD) const {
  if (AsyncGuards.matches(RD))
    return LockKind::Async;
  if (!SyncGuards.matches(RD) && !RD->hasAttr<ScopedLockableAttr>())
    return std::nullopt;
  // The guard's kind follows the mutex it is instantiated with.
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    std::optional<LockKind> Result;
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
      llvm::SmallVector<TemplateArgument, 2> Args;
      if (Arg.getKind() == TemplateArgument::Pack)
        Args.append(Arg.pack_begin(), Arg.pack_end());
      else
        Args.push_back(Arg);
      for (const TemplateArgument &A : Args)
        if (A.getKind() == TemplateArgument::Type)
          if (auto Kind = mutexKind(A.getAsType()))
            Result = Result == LockKind::Async ? LockKind::Async : *Kind;
    }
    if (Result)
      return Result;
  }
  return LockKind::Sync;
}

std::optional<LockKind> LockModel::guardKind(QualType T) const {
  return memoized(GuardKinds, recordOf(T),
                  [&](const CXXRecordDecl *RD) { return recordGuardKind(RD); });
}

LockOperation LockModel::operationOf(const CXXMethodDecl *Method) const {
  if (!Method)
    return LockOperation::None;
  if (Method->hasAttr<TryAcquireCapabilityAttr>())
    return LockOperation::TryLock;
  if (Method->hasAttr<AcquireCapabilityAttr>())
    return LockOperation::Lock;
  if (Method->hasAttr<ReleaseCapabilityAttr>())
    return LockOperation::Unlock;
  const IdentifierInfo *II = Method->getIdentifier();
  if (!II)
    return LockOperation::None;
  // The async names return awaitables that lock when awaited (cppcoro
  // lock_async, folly co_lock*, unifex async_lock, async_simple coLock*).
  static const StringRef LockNames[] = {
      "lock",           "lock_shared",     "lock_upgrade", "Lock",
      "ReaderLock",     "WriterLock",      "lock_async",   "co_lock",
      "co_lock_shared", "co_lock_upgrade", "async_lock",   "coLock",
      "coLockShared"};
  static const StringRef TryLockNames[] = {
      "try_lock",        "try_lock_for",        "try_lock_until",
      "try_lock_shared", "try_lock_shared_for", "try_lock_shared_until",
      "TryLock",         "ReaderTryLock",       "WriterTryLock",
      "tryLock",         "tryLockShared"};
  // async_simple spells its try-locks tryLock/tryLockShared and its (awaited)
  // shared unlock unlockShared.
  static const StringRef UnlockNames[] = {
      "unlock",       "unlock_shared", "unlock_upgrade", "Unlock",
      "ReaderUnlock", "WriterUnlock",  "Release",        "unlockShared"};
  StringRef Name = II->getName();
  if (llvm::is_contained(LockNames, Name))
    return LockOperation::Lock;
  if (llvm::is_contained(TryLockNames, Name))
    return LockOperation::TryLock;
  if (llvm::is_contained(UnlockNames, Name))
    return LockOperation::Unlock;
  if (Name == "release")
    return LockOperation::Release;
  if (Name == "swap")
    return LockOperation::Swap;
  return LockOperation::None;
}

bool conflicts(LockMode A, LockMode B) {
  return A == LockMode::Exclusive || B == LockMode::Exclusive ||
         (A == LockMode::Upgrade && B == LockMode::Upgrade);
}

/// The mode a lock operation's or guard's name spells next to "lock"
/// (`lock_shared`, `coLockShared`, `ReaderLock`, `SharedLock`,
/// `shared_scoped_lock`, `upgrade_lock`). A name that only mentions sharing
/// elsewhere (`SharedStateLock`, `upgrade_to_unique_lock`) is exclusive.
static LockMode modeOfName(StringRef Name) {
  std::string Words;
  for (char C : Name)
    if (C != '_')
      Words += llvm::toLower(C);
  static const StringRef Shared[] = {"lockshared",       "sharedlock",
                                     "sharedscopedlock", "readerlock",
                                     "readermutexlock",  "readertrylock"};
  static const StringRef Upgrade[] = {"lockupgrade", "upgradelock"};
  auto Has = [&](StringRef Part) { return StringRef(Words).contains(Part); };
  if (llvm::any_of(Shared, Has))
    return LockMode::Shared;
  if (llvm::any_of(Upgrade, Has))
    return LockMode::Upgrade;
  return LockMode::Exclusive;
}

LockMode LockModel::modeOf(const FunctionDecl *Method) {
  if (!Method)
    return LockMode::Exclusive;
  if (const auto *A = Method->getAttr<AcquireCapabilityAttr>())
    return A->isShared() ? LockMode::Shared : LockMode::Exclusive;
  if (const auto *A = Method->getAttr<TryAcquireCapabilityAttr>())
    return A->isShared() ? LockMode::Shared : LockMode::Exclusive;
  const IdentifierInfo *II = Method->getIdentifier();
  return II ? modeOfName(II->getName()) : LockMode::Exclusive;
}

LockMode LockModel::guardMode(QualType Guard, const CXXConstructorDecl *Ctor) {
  if (const auto *A = Ctor ? Ctor->getAttr<AcquireCapabilityAttr>() : nullptr)
    return A->isShared() ? LockMode::Shared : LockMode::Exclusive;
  const CXXRecordDecl *RD = recordOf(Guard);
  return RD && RD->getIdentifier() ? modeOfName(RD->getName())
                                   : LockMode::Exclusive;
}

static bool isTagNamed(QualType T, StringRef Name) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || RD->getName() != Name)
    return false;
  const auto *NS = dyn_cast<NamespaceDecl>(RD->getEnclosingNamespaceContext());
  while (NS && NS->isInline())
    NS = dyn_cast<NamespaceDecl>(NS->getParent());
  return NS && (NS->getName() == "std" || NS->getName() == "boost");
}

bool LockModel::isDeferTag(QualType T) { return isTagNamed(T, "defer_lock_t"); }
bool LockModel::isTryTag(QualType T) { return isTagNamed(T, "try_to_lock_t"); }
bool LockModel::isAdoptTag(QualType T) { return isTagNamed(T, "adopt_lock_t"); }

} // namespace corolock
