//===--- LockOrderInversionCheck.h - corolock -------------------*- C++ -*-===//

#ifndef COROLOCK_CHECKS_LOCKORDERINVERSIONCHECK_H
#define COROLOCK_CHECKS_LOCKORDERINVERSIONCHECK_H

#include "CallAcquisitions.h"
#include "CoroutineLockCheck.h"
#include "LockOrderGraph.h"

namespace corolock {

/// Finds mutexes locked in opposite orders (or in a longer cycle) in the
/// translation unit, which can deadlock two tasks.
///
/// For the user-facing documentation see:
/// docs/checks/corolock-lock-order-inversion.md
class LockOrderInversionCheck : public CoroutineLockCheck {
public:
  LockOrderInversionCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  /// Where one order was seen: \p Inner requested while \p Outer is held.
  struct Witness {
    const clang::FunctionDecl *Function = nullptr;
    const LockFact *Outer = nullptr;
    const clang::Expr *OuterMutex = nullptr;
    ReachedLock Inner;
  };

  const clang::ValueDecl *node(const clang::ValueDecl *D);
  void addOrders(const clang::FunctionDecl &F);
  void addOrder(const clang::FunctionDecl &F, const LockFact &Outer,
                const clang::Expr *OuterMutex, const ReachedLock &Inner,
                llvm::ArrayRef<const void *> Gates);
  bool waitsAround(const LockOrderGraph::Cycle &Cycle) const;
  void report(const LockOrderGraph::Cycle &Cycle);
  void noteWitness(const Witness &W);

  bool RequireSameObject;
  clang::ASTContext *Context = nullptr;
  std::optional<CallAcquisitions> Search;
  LockOrderGraph Graph;
  std::vector<Witness> Witnesses;
  llvm::DenseMap<clang::SourceLocation, const clang::ValueDecl *> ByLocation;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_LOCKORDERINVERSIONCHECK_H
