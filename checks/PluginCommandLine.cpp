//===--- PluginCommandLine.cpp - Misspelled corolock checks, in the plugin ===//
//
// Built into the --load plugin only. clang-tidy ignores a check it does not
// know: a misspelled corolock check runs nothing, and when it was the only
// check, clang-tidy answers with its whole help text. clang-tidy instantiates
// every registered module to learn the check names right after it has read
// its command line; this module registers no check but, the first time,
// reads the same command line and configuration files and stops the run on
// a corolock check that does not exist, naming the closest one.
//
//===----------------------------------------------------------------------===//

#include "CommandLineChecks.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#else
#include "clang-tidy/ClangTidyModule.h"
#endif

namespace corolock {

namespace {

/// This process's arguments, from /proc (clang-tidy keeps its argv to itself).
std::vector<std::string> processArguments() {
  std::vector<std::string> Args;
  auto Buffer = llvm::MemoryBuffer::getFileAsStream("/proc/self/cmdline");
  if (!Buffer)
    return Args;
  llvm::StringRef Rest = (*Buffer)->getBuffer();
  while (!Rest.empty()) {
    auto [Arg, Tail] = Rest.split('\0');
    Args.push_back(Arg.str());
    Rest = Tail;
  }
  return Args;
}

void refuseUnknownCorolockChecks() {
  std::vector<std::string> Errors =
      unknownCorolockChecks(chosenChecks(processArguments()));
  if (Errors.empty())
    return;
  for (const std::string &Error : Errors)
    llvm::errs() << "error: " << Error << "\n";
  std::exit(1);
}

class CommandLineModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &) override {
    static const bool Checked = (refuseUnknownCorolockChecks(), true);
    (void)Checked;
  }
};

} // namespace

} // namespace corolock

static clang::tidy::ClangTidyModuleRegistry::Add<corolock::CommandLineModule>
    X("corolock-command-line", "Refuses misspelled corolock checks.");
