//===--- LockModel.h - Which types and calls are locks ----------*- C++ -*-===//
//
// Classifies record types as mutexes or lock guards, sync or async, and member
// calls as lock operations. Sources: built-in presets for the standard
// library, Abseil, Boost and the common coroutine libraries, Clang's
// thread-safety attributes, and user regexes that extend the presets.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_LOCKMODEL_H
#define COROLOCK_LOCKMODEL_H

#include "NameMatcher.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <string>
#include <vector>

namespace corolock {

/// Whether a lock blocks the thread (sync) or suspends the coroutine (async).
enum class LockKind { Sync, Async };

/// What a member call does to the lock state of its object.
enum class LockOperation { None, Lock, TryLock, Unlock, Release, Swap };

/// How a lock holds its mutex. Readers share it with readers; an upgrade
/// lock (Boost, folly) shares it with readers but not with another upgrader.
enum class LockMode { Exclusive, Shared, Upgrade };

/// Whether a holder in mode \p A makes one in mode \p B wait.
bool conflicts(LockMode A, LockMode B);

/// Semicolon-separated regexes over qualified names that extend the presets.
struct LockModelOptions {
  std::string SyncMutexes;
  std::string AsyncMutexes;
  std::string SyncGuards;
  std::string AsyncGuards;
};

class LockModel {
public:
  static llvm::Expected<LockModel> create(const LockModelOptions &Options);

  /// The kind of mutex \p T is (references and cv-qualifiers ignored).
  std::optional<LockKind> mutexKind(clang::QualType T) const;

  /// The kind of lock guard \p T is. A guard template follows its mutex
  /// argument: `std::unique_lock<folly::coro::Mutex>` is async.
  std::optional<LockKind> guardKind(clang::QualType T) const;

  bool isMutex(clang::QualType T) const { return mutexKind(T).has_value(); }
  bool isGuard(clang::QualType T) const { return guardKind(T).has_value(); }

  /// Forgets the answers about the previous AST's declarations, whose
  /// addresses the next AST may reuse. Call it before asking about a new one.
  void startTranslationUnit() const {
    MutexKinds.clear();
    GuardKinds.clear();
  }

  /// What calling \p Method on a mutex or guard does.
  LockOperation operationOf(const clang::CXXMethodDecl *Method) const;

  /// The mode a lock operation \p Method (`lock_shared`, `co_lock_upgrade`,
  /// `coScopedLockShared`) or a function returning a guard locks in.
  static LockMode modeOf(const clang::FunctionDecl *Method);

  /// The mode a guard of type \p Guard built by \p Ctor (when known) holds
  /// its mutex in: `std::shared_lock`, `absl::ReaderMutexLock`,
  /// `boost::upgrade_lock`, or a scoped capability whose constructor acquires
  /// shared.
  static LockMode guardMode(clang::QualType Guard,
                            const clang::CXXConstructorDecl *Ctor = nullptr);

  /// Tag types of guard constructors.
  static bool isDeferTag(clang::QualType T);
  static bool isTryTag(clang::QualType T);
  static bool isAdoptTag(clang::QualType T);

private:
  LockModel(NameMatcher SyncMutexes, NameMatcher AsyncMutexes,
            NameMatcher SyncGuards, NameMatcher AsyncGuards)
      : SyncMutexes(std::move(SyncMutexes)),
        AsyncMutexes(std::move(AsyncMutexes)),
        SyncGuards(std::move(SyncGuards)), AsyncGuards(std::move(AsyncGuards)) {
  }

  std::optional<LockKind> recordMutexKind(const clang::CXXRecordDecl *RD) const;
  std::optional<LockKind> recordGuardKind(const clang::CXXRecordDecl *RD) const;

  NameMatcher SyncMutexes;
  NameMatcher AsyncMutexes;
  NameMatcher SyncGuards;
  NameMatcher AsyncGuards;
  /// Answers by record: the analyses ask about the types of most expressions
  /// of a coroutine, and printing qualified names for NameMatcher dominated.
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, std::optional<LockKind>>
      MutexKinds;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, std::optional<LockKind>>
      GuardKinds;
};

/// The record declaration behind \p T, looking through references,
/// cv-qualifiers and sugar; null for non-class types.
const clang::CXXRecordDecl *recordOf(clang::QualType T);

/// \p E without the implicit nodes and parentheses around it, however
/// deeply nested.
const clang::Expr *skipImplicit(const clang::Expr *E);

} // namespace corolock

#endif // COROLOCK_LOCKMODEL_H
