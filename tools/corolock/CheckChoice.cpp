//===--- CheckChoice.cpp - Which checks the standalone corolock runs ------===//

#include "CheckChoice.h"
#include "CorolockModule.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"

namespace corolock {

namespace {

constexpr llvm::StringLiteral DefaultChecks = "-*,corolock-*";
constexpr llvm::StringLiteral AnalyzerPrefix = "clang-analyzer-";

/// Whether the glob \p Glob ('*' is its only wildcard) matches some name
/// that begins with \p Prefix.
bool couldMatchPrefix(llvm::StringRef Glob, llvm::StringRef Prefix) {
  for (size_t I = 0; I < Glob.size(); ++I) {
    if (Glob[I] == '*' || I == Prefix.size())
      return true;
    if (Glob[I] != Prefix[I])
      return false;
  }
  return Glob.size() >= Prefix.size();
}

bool namesAnAnalyzerCheck(llvm::ArrayRef<std::vector<ChecksSource>> PerFile) {
  for (const std::vector<ChecksSource> &Sources : PerFile)
    for (const ChecksSource &Source : Sources) {
      clang::tidy::GlobList Globs(Source.Checks);
      for (const auto &Glob : Globs.getItems())
        if (Glob.IsPositive && couldMatchPrefix(Glob.Text, AnalyzerPrefix))
          return true;
    }
  return false;
}

/// Sets --checks to \p Value, where the user gave it or as a new argument.
void setChecks(std::vector<std::string> &Args, llvm::StringRef Value) {
  std::string Option = ("--checks=" + Value).str();
  for (size_t I = 1; I < Args.size() && Args[I] != "--"; ++I) {
    llvm::StringRef Flag = llvm::StringRef(Args[I]).ltrim('-');
    if (Args[I][0] != '-' || !Flag.starts_with("checks"))
      continue;
    if (Flag == "checks" && I + 1 < Args.size()) {
      Args.erase(Args.begin() + I + 1);
      Args[I] = Option;
      return;
    }
    if (Flag.starts_with("checks=")) {
      Args[I] = Option;
      return;
    }
  }
  Args.insert(Args.begin() + 1, Option);
}

} // namespace

std::string checkChoiceHelp() {
  std::string Text = "\ncorolock: which checks run\n"
                     "  When neither --checks nor the configuration (a "
                     ".clang-tidy file, --config,\n  --config-file) enables a "
                     "corolock check, corolock runs the corolock checks\n"
                     "  alone, as with --checks='" +
                     DefaultChecks.str() + "':\n";
  for (const std::string &Check : corolockCheckNames())
    Text += "    " + Check + "\n";
  Text += "  Otherwise it runs the checks chosen, as clang-tidy does, except "
          "that clang-tidy's\n  default clang-analyzer-* checks run only when "
          "a glob names them. A misspelled\n  corolock check is an error. "
          "--list-checks shows what runs, --verify-config\n  checks the "
          "configuration.\n\n"
          "  With no compilation database and no compiler flags after '--', "
          "C++ files are\n  parsed as C++20 (-std=c++20).\n";
  return Text;
}

bool userChoseChecks(llvm::ArrayRef<std::string> Args,
                     llvm::ArrayRef<std::vector<ChecksSource>> PerFile) {
  return optionValue(Args, "checks") ||
         llvm::any_of(PerFile, [](const std::vector<ChecksSource> &Sources) {
           return enablesCorolock(Sources);
         });
}

void explainDefaultChecks(llvm::raw_ostream &OS) {
  for (const std::string &Check : corolockCheckNames())
    OS << "'" << Check << "' is enabled by corolock's default: neither "
       << "--checks nor a configuration file enables a corolock check.\n";
}

void applyCheckChoice(std::vector<std::string> &Args, bool UserChose,
                      llvm::ArrayRef<std::vector<ChecksSource>> PerFile) {
  if (!UserChose) {
    setChecks(Args, DefaultChecks);
    return;
  }
  if (namesAnAnalyzerCheck(PerFile))
    return;
  std::optional<std::string> Given = optionValue(Args, "checks");
  setChecks(Args, Given ? *Given + ",-" + AnalyzerPrefix.str() + "*"
                        : "-" + AnalyzerPrefix.str() + "*");
}

} // namespace corolock
