//===--- BlockingCalls.h - Calls that block the thread ----------*- C++ -*-===//
//
// A call blocks its thread until another task makes progress when it waits
// on a condition variable, a future, a thread, a semaphore, a latch or a
// barrier, sleeps, or bridges to coroutines by running one to completion
// (sync_wait, blockingWait, syncAwait). A zero or negative timeout polls and
// does not block; a call whose result is awaited, or that returns an
// awaitable, is the awaitable form. The catalogue below, extended by user
// regexes, says which calls block; BlockingCallFinder finds them in a
// coroutine's body, directly or through plain functions defined in the
// translation unit that it calls.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_BLOCKINGCALLS_H
#define COROLOCK_BLOCKINGCALLS_H

#include "NameMatcher.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace corolock {

/// A family of blocking calls and how a diagnostic explains it.
struct BlockingFamily {
  /// Regexes over qualified names of the family's functions.
  llvm::ArrayRef<llvm::StringRef> Presets;
  /// What the call waits for: "... blocks the thread until <Until>".
  llvm::StringRef Until;
  /// The awaitable alternative, a sentence without its final period.
  llvm::StringRef Alternative;
};

/// The name a diagnostic and the matching use for \p F: its qualified name
/// with template arguments and inline and anonymous namespaces left out.
/// \p Through, when given, is how the call names it: for a member called on
/// an object, the object's class rather than the base that declares it
/// (`std::future::wait`, not `std::__basic_future::wait`); for a function
/// object's call operator, the object (`folly::coro::blockingWait`).
std::string blockingName(const clang::FunctionDecl &F,
                         const clang::NamedDecl *Through = nullptr);

/// The class or function object a call names its callee through (see
/// blockingName), or null.
const clang::NamedDecl *calledThrough(const clang::CallExpr &Call);

/// Whether \p Timeout, a `std::chrono::duration`, is a constant zero or
/// negative duration (`0s`, `seconds(0)`, `duration::zero()`, `{}`).
bool isNonPositiveDuration(const clang::Expr &Timeout,
                           const clang::ASTContext &Context);

/// A blocking call found in a coroutine.
struct BlockingCall {
  /// The calls from the coroutine to the blocking call: Path.front() is in
  /// the coroutine's body; each next one is in the body of the function the
  /// previous one calls; Path.back() blocks.
  llvm::SmallVector<const clang::CallExpr *, 2> Path;
  /// The blocking function, as blockingName names it.
  std::string Name;
  const BlockingFamily *Family;
};

class BlockingCallFinder {
public:
  /// \p BlockingFunctions: semicolon-separated regexes over qualified names
  /// of more blocking functions, extending the presets.
  static llvm::Expected<BlockingCallFinder>
  create(llvm::StringRef BlockingFunctions);

  /// How many plain functions deep a blocking call is followed.
  static constexpr unsigned MaxDepth = 4;

  /// The blocking calls of a coroutine's \p Body in source order, each
  /// directly in it or reached through the plain functions it calls
  /// (defined in the translation unit outside system headers, neither
  /// coroutines nor virtual). Lambda bodies and local classes are left out:
  /// they may run elsewhere.
  std::vector<BlockingCall> find(const clang::Stmt &Body,
                                 clang::ASTContext &Context);

  /// The family of blocking calls \p Call belongs to, or null when it does
  /// not block (not listed, a non-positive timeout, or returning an
  /// awaitable).
  const BlockingFamily *familyOf(const clang::CallExpr &Call,
                                 clang::ASTContext &Context);

  /// Forgets the answers about the previous AST's declarations, whose
  /// addresses the next AST may reuse.
  void startTranslationUnit();

private:
  BlockingCallFinder(NameMatcher Configured, bool HasConfigured);

  /// What a function reaches: the first call in its body that blocks, or
  /// that calls a function that reaches one.
  struct Reach {
    const clang::CallExpr *Call = nullptr;
    /// The function Call enters, when it does not block itself.
    const clang::FunctionDecl *Next = nullptr;
  };
  Reach reach(const clang::FunctionDecl &F, unsigned Depth,
              clang::ASTContext &Context);
  /// The calls of a plain function's body (see find), memoized: the search
  /// enters a function once per depth.
  const std::vector<const clang::CallExpr *> &
  callsOf(const clang::FunctionDecl &F);
  /// The definition a call enters that is followed, or null.
  const clang::FunctionDecl *followed(const clang::CallExpr &Call,
                                      const clang::ASTContext &Context) const;
  /// The family of \p Callee by name, memoized.
  const BlockingFamily *familyByName(const clang::FunctionDecl &Callee,
                                     const clang::NamedDecl *Through);
  BlockingCall describe(const clang::CallExpr &First,
                        const clang::FunctionDecl *Next,
                        clang::ASTContext &Context);

  std::vector<NameMatcher> Families;
  NameMatcher Configured;
  /// Whether BlockingFunctions lists a pattern.
  bool HasConfigured;
  llvm::DenseMap<
      std::pair<const clang::FunctionDecl *, const clang::NamedDecl *>,
      const BlockingFamily *>
      ByCallee;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, Reach>
      Reached;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::CallExpr *>>
      Calls;
};

} // namespace corolock

#endif // COROLOCK_BLOCKINGCALLS_H
