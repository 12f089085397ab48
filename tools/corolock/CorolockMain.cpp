//===--- CorolockMain.cpp - clang-tidy with the corolock module built in --===//
//
// Behaves exactly like clang-tidy, except that when neither the command line
// (--checks) nor the configuration that applies enables a corolock check, it
// runs the corolock checks alone (as if given --checks=-*,corolock-*). It
// also gives clang the resource directory of the LLVM it is built with, which
// clang would look for beside the corolock executable.
//
//===----------------------------------------------------------------------===//

#include "ClangResourceDir.h"
#include "CorolockVersion.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

using namespace clang::tidy;

namespace {

const char *const CorolockChecks[] = {
    "corolock-async-lock-across-io", "corolock-read-release-write",
    "corolock-sync-lock-across-suspend", "corolock-unnecessary-async-mutex"};
constexpr const char *DefaultCorolockChecks = "--checks=-*,corolock-*";

/// Options of clang-tidy that may take their value as the next argument.
bool takesSeparateValue(llvm::StringRef Flag) {
  static const llvm::StringRef Options[] = {"p",
                                            "checks",
                                            "config",
                                            "config-file",
                                            "header-filter",
                                            "exclude-header-filter",
                                            "line-filter",
                                            "export-fixes",
                                            "format-style",
                                            "vfsoverlay",
                                            "warnings-as-errors",
                                            "extra-arg",
                                            "extra-arg-before",
                                            "load",
                                            "store-check-profile"};
  return llvm::is_contained(Options, Flag.ltrim('-'));
}

/// The value of --NAME=VALUE / -NAME=VALUE / -NAME VALUE, if given.
std::optional<std::string> optionValue(llvm::ArrayRef<const char *> Args,
                                       llvm::StringRef Name) {
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--")
      break;
    if (!Arg.starts_with("-"))
      continue;
    llvm::StringRef Flag = Arg.ltrim('-');
    if (Flag == Name && I + 1 < Args.size())
      return std::string(Args[I + 1]);
    if (Flag.consume_front(Name) && Flag.consume_front("="))
      return Flag.str();
  }
  return std::nullopt;
}

/// The source files named on the command line.
std::vector<std::string> sourceFiles(llvm::ArrayRef<const char *> Args) {
  std::vector<std::string> Files;
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--")
      break;
    if (Arg.starts_with("-")) {
      if (!Arg.contains('=') && takesSeparateValue(Arg))
        ++I;
      continue;
    }
    Files.push_back(Arg.str());
  }
  return Files;
}

bool enablesCorolock(llvm::StringRef Checks) {
  GlobList Globs(Checks);
  for (const char *Check : CorolockChecks)
    if (Globs.contains(Check))
      return true;
  return false;
}

/// The Checks value of the configuration clang-tidy would use for \p File.
std::string configuredChecks(llvm::ArrayRef<const char *> Args,
                             llvm::StringRef File) {
  std::optional<std::string> Config = optionValue(Args, "config");
  if (!Config)
    if (auto Path = optionValue(Args, "config-file"))
      if (auto Buffer = llvm::MemoryBuffer::getFile(*Path))
        Config = (*Buffer)->getBuffer().str();
  if (Config) {
    auto Parsed = parseConfiguration(llvm::MemoryBufferRef(*Config, "config"));
    return Parsed ? Parsed->Checks.value_or("") : "";
  }
  FileOptionsProvider Provider{ClangTidyGlobalOptions(), ClangTidyOptions(),
                               ClangTidyOptions()};
  llvm::SmallString<256> Path(File);
  if (llvm::sys::fs::make_absolute(Path))
    Path = File; // Configuration is then looked up relative to the cwd.
  ClangTidyOptions Options = Provider.getOptions(Path);
  return Options.Checks.value_or("");
}

bool userChoseChecks(llvm::ArrayRef<const char *> Args) {
  if (optionValue(Args, "checks"))
    return true;
  std::vector<std::string> Files = sourceFiles(Args);
  if (Files.empty())
    Files.push_back("corolock-command-line.cpp");
  for (const std::string &File : Files)
    if (enablesCorolock(configuredChecks(Args, File)))
      return true;
  return false;
}

void printVersion(llvm::raw_ostream &OS) {
  OS << "corolock " << COROLOCK_VERSION << " (clang-tidy with the corolock "
     << "module, LLVM " << COROLOCK_LLVM_PACKAGE_VERSION << ")\n";
}

} // namespace

int main(int Argc, const char **Argv) {
  llvm::cl::AddExtraVersionPrinter(printVersion);
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (!userChoseChecks(Args))
    Args.insert(Args.begin() + 1, DefaultCorolockChecks);
  // Before the compile command's own arguments, so that a -resource-dir there
  // or in --extra-arg still wins.
  std::string ResourceDirArg;
  if (!corolock::choosesResourceDir(Args))
    if (auto Dir = corolock::clangResourceDir()) {
      ResourceDirArg = "--extra-arg-before=-resource-dir=" + *Dir;
      Args.insert(Args.begin() + 1, ResourceDirArg.c_str());
    }
  return clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
