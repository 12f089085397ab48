//===--- NameMatcher.cpp - Regexes over qualified names -------------------===//

#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace corolock {

static std::string qualifiedName(const NamedDecl *D) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  PrintingPolicy Policy(D->getASTContext().getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  D->printQualifiedName(OS, Policy);
  return Name;
}

llvm::Expected<NameMatcher>
NameMatcher::create(llvm::ArrayRef<StringRef> Presets, StringRef Patterns,
                    StringRef OptionName) {
  NameMatcher Result;
  auto Add = [&](StringRef Pattern) -> llvm::Error {
    Pattern = Pattern.trim();
    if (Pattern.empty())
      return llvm::Error::success();
    Pattern.consume_front("::");
    auto Re = std::make_shared<llvm::Regex>(("^(" + Pattern + ")$").str());
    std::string Why;
    if (!Re->isValid(Why))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "invalid regular expression '%s' in option '%s': %s "
          "(expected a semicolon-separated list of regular expressions over "
          "qualified names)",
          Pattern.str().c_str(), OptionName.str().c_str(), Why.c_str());
    Result.Regexes.push_back(std::move(Re));
    return llvm::Error::success();
  };
  for (StringRef P : Presets)
    if (llvm::Error E = Add(P))
      return std::move(E);
  llvm::SmallVector<StringRef, 8> Parts;
  Patterns.split(Parts, ';');
  for (StringRef P : Parts)
    if (llvm::Error E = Add(P))
      return std::move(E);
  return Result;
}

bool NameMatcher::matches(StringRef QualifiedName) const {
  QualifiedName.consume_front("::");
  auto [It, Inserted] = Answers.try_emplace(QualifiedName, false);
  if (Inserted)
    It->second = llvm::any_of(
        Regexes, [&](const auto &Re) { return Re->match(QualifiedName); });
  return It->second;
}

bool NameMatcher::matches(const NamedDecl *D) const {
  return !Regexes.empty() && D && matches(qualifiedName(D));
}

} // namespace corolock
