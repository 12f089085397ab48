//===--- MutexIdentity.h - Which mutex a lock names -------------*- C++ -*-===//
//
// The one way corolock identifies a mutex, at two levels.
//
// Within one coroutine body, a mutex object is a path: a root (`this`, a
// variable) and the steps from it to the mutex, namely fields, dereferences
// and array elements, by a constant index or by a local index variable. So
// `mu_`, `this->mu_`, `(*this).mu_`, `*&mu_` and a local reference bound to
// `mu_` are one mutex, and `other.mu_` is not `mu_`. `stripes_[i]` is one
// mutex whatever `i` holds: locks taken and released in loops over the
// stripes (`for (i...) stripes_[i].lock();`) then pair up, at the price of
// taking `stripes_[i].lock(); ++i; stripes_[i].unlock();` for a release. The
// held-lock dataflow keys manual locks by it and read-release-write matches
// critical sections with it.
//
// Across coroutines, a mutex is its declaration: the last variable or field
// on its path (`mu_`, a parameter `m` for `*m`, `stripes_` for any of its
// elements). Critical sections of one declaration are judged together.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_MUTEXIDENTITY_H
#define COROLOCK_MUTEXIDENTITY_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <deque>

namespace corolock {

/// One mutex object of a coroutine body; compare by address.
struct MutexIdentity {
  /// Dense, in the order the body's analyses first named the mutex.
  unsigned Number = 0;
  /// Its interned path, for containment (MutexIdentities::contains).
  llvm::StringRef Path;
};

/// The mutex objects named in one coroutine body.
class MutexIdentities {
public:
  /// The mutex \p E names, or, when \p Deref, the one `*E` names; null when
  /// it cannot be identified (a call's result, a non-constant index that is
  /// not a local variable).
  const MutexIdentity *of(const clang::Expr *E, bool Deref);
  /// The mutex a lock argument names: `mu_`, `&mu_`, or what a pointer
  /// points to.
  const MutexIdentity *ofLockArgument(const clang::Expr *E);
  /// Whether \p Mutex is part of the object \p Object names (of `*Object`
  /// when \p Deref): `*this` contains `mu_`, `pool` contains `pool.mu_`.
  bool contains(const clang::Expr *Object, bool Deref,
                const MutexIdentity &Mutex) const;

private:
  llvm::StringMap<MutexIdentity *> ByPath;
  std::deque<MutexIdentity> Identities;
  llvm::DenseMap<const clang::Expr *, const MutexIdentity *> LockArguments;
};

/// The declaration of the mutex \p MutexExpr names (`mu_`, `this->mu_`,
/// `*p`, `&g_mu`, `stripes_[i]`), canonical; null if none.
const clang::ValueDecl *mutexDeclaration(const clang::Expr *MutexExpr);

} // namespace corolock

#endif // COROLOCK_MUTEXIDENTITY_H
