//===--- NameMatcher.h - Regexes over qualified names -----------*- C++ -*-===//
//
// The matching behind every option that lists types or functions: built-in
// presets plus the user's semicolon-separated regexes, anchored, over
// qualified names (inline namespaces and unwritten scopes left out).
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_NAMEMATCHER_H
#define COROLOCK_NAMEMATCHER_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <vector>

namespace corolock {

/// A list of anchored regexes matched against qualified names.
class NameMatcher {
public:
  /// Builds a matcher from \p Presets and the user's semicolon-separated
  /// \p Patterns; the error names \p OptionName and the offending pattern.
  static llvm::Expected<NameMatcher>
  create(llvm::ArrayRef<llvm::StringRef> Presets, llvm::StringRef Patterns,
         llvm::StringRef OptionName);

  bool matches(const clang::NamedDecl *D) const;
  bool matches(llvm::StringRef QualifiedName) const;

private:
  std::vector<std::shared_ptr<llvm::Regex>> Regexes;
  /// Answers by qualified name: the analysis asks about the same few types
  /// at every statement, and llvm::Regex matching dominates the checks' cost
  /// without it. Keyed by name, not declaration, so it stays valid across
  /// translation units.
  mutable llvm::StringMap<bool> Answers;
};

} // namespace corolock

#endif // COROLOCK_NAMEMATCHER_H
