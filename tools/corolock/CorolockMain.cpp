//===--- CorolockMain.cpp - clang-tidy with the corolock module built in --===//
//
// Behaves like clang-tidy, with corolock's defaults (CheckChoice.h): when
// neither the command line (--checks) nor the configuration that applies
// enables a corolock check, it runs the corolock checks alone; it does not
// add clang-tidy's default clang-analyzer checks to a choice that does not
// name them; and a misspelled corolock check is an error. A missing input or
// a directory is one line of error, and a C++ file without a compilation
// database is parsed as C++20 (Inputs.h). It also gives clang the resource
// directory of the LLVM it is built with, which clang would look for beside
// the corolock executable.
//
//===----------------------------------------------------------------------===//

#include "CheckChoice.h"
#include "ClangResourceDir.h"
#include "CommandLineChecks.h"
#include "CorolockVersion.h"
#include "Inputs.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

using namespace corolock;

namespace {

void printVersion(llvm::raw_ostream &OS) {
  OS << "corolock " << COROLOCK_VERSION << " (clang-tidy with the corolock "
     << "module, LLVM " << COROLOCK_LLVM_PACKAGE_VERSION << ")\n";
}

/// Runs clang-tidy's main on \p Args.
int runClangTidy(const std::vector<std::string> &Args) {
  std::vector<const char *> Pointers;
  Pointers.reserve(Args.size());
  for (const std::string &Arg : Args)
    Pointers.push_back(Arg.c_str());
  return clang::tidy::clangTidyMain(static_cast<int>(Pointers.size()),
                                    Pointers.data());
}

} // namespace

int main(int Argc, const char **Argv) {
  llvm::cl::AddExtraVersionPrinter(printVersion);
  static const std::string HelpText = checkChoiceHelp();
  static llvm::cl::extrahelp CheckChoiceHelp(HelpText);

  std::vector<std::string> Args(Argv, Argv + Argc);
  std::vector<std::string> Files = sourceFiles(Args);
  if (!optionValue(Args, "vfsoverlay") && !checkInputs(Files, llvm::errs()))
    return 1;
  std::vector<std::vector<ChecksSource>> PerFile = chosenChecks(Args);
  std::vector<std::string> Unknown = unknownCorolockChecks(PerFile);
  for (const std::string &Message : Unknown)
    llvm::errs() << "corolock: error: " << Message << "\n";
  if (!Unknown.empty())
    return 1;
  bool UserChose = userChoseChecks(Args, PerFile);
  if (!UserChose && hasOption(Args, "explain-config")) {
    explainDefaultChecks(llvm::outs());
    return 0;
  }

  applyCheckChoice(Args, UserChose, PerFile);
  defaultToCxx20(Args, Files, llvm::errs());
  // Before the compile command's own arguments, so that a -resource-dir there
  // or in --extra-arg still wins.
  if (!choosesResourceDir(llvm::ArrayRef(Argv, Argc)))
    if (auto Dir = clangResourceDir())
      Args.insert(Args.begin() + 1, "--extra-arg-before=-resource-dir=" + *Dir);
  return runClangTidy(Args);
}
