//===--- CommandLineChecks.cpp - The checks a clang-tidy run chose --------===//

#include "CommandLineChecks.h"
#include "CorolockModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <set>

using namespace clang::tidy;

namespace corolock {

namespace {

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

/// The Checks of --config or --config-file, which replace the configuration
/// files, if one is given.
std::optional<ChecksSource>
commandLineConfiguration(llvm::ArrayRef<std::string> Args) {
  std::optional<std::string> Config = optionValue(Args, "config");
  std::string Source = "--config";
  if (!Config)
    if (auto Path = optionValue(Args, "config-file")) {
      auto Buffer = llvm::MemoryBuffer::getFile(*Path);
      if (!Buffer)
        return std::nullopt; // clang-tidy reports it.
      Config = (*Buffer)->getBuffer().str();
      Source = *Path;
    }
  if (!Config)
    return std::nullopt;
  auto Parsed = parseConfiguration(llvm::MemoryBufferRef(*Config, Source));
  if (!Parsed)
    return ChecksSource{"", Source}; // clang-tidy reports it.
  return ChecksSource{Parsed->Checks.value_or(""), Source};
}

/// The Checks of the configuration files that apply to \p File.
std::vector<ChecksSource> fileConfiguration(llvm::StringRef File) {
  FileOptionsProvider Provider{ClangTidyGlobalOptions(), ClangTidyOptions(),
                               ClangTidyOptions()};
  llvm::SmallString<256> Path(File);
  if (llvm::sys::fs::make_absolute(Path))
    Path = File; // Configuration is then looked up relative to the cwd.
  std::vector<ChecksSource> Result;
  for (const auto &[Options, Source] : Provider.getRawOptions(Path))
    if (Options.Checks)
      Result.push_back({*Options.Checks, Source});
  return Result;
}

/// The corolock check closest to \p Name.
llvm::StringRef closestCheck(llvm::StringRef Name) {
  llvm::StringRef Best;
  unsigned BestDistance = ~0U;
  for (const std::string &Check : corolockCheckNames()) {
    unsigned Distance = Name.edit_distance_insensitive(Check);
    if (Distance < BestDistance) {
      Best = Check;
      BestDistance = Distance;
    }
  }
  return Best;
}

} // namespace

std::optional<std::string> optionValue(llvm::ArrayRef<std::string> Args,
                                       llvm::StringRef Name) {
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--")
      break;
    if (!Arg.starts_with("-"))
      continue;
    llvm::StringRef Flag = Arg.ltrim('-');
    if (Flag == Name && I + 1 < Args.size())
      return Args[I + 1];
    if (Flag.consume_front(Name) && Flag.consume_front("="))
      return Flag.str();
  }
  return std::nullopt;
}

bool hasOption(llvm::ArrayRef<std::string> Args, llvm::StringRef Name) {
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--")
      break;
    llvm::StringRef Flag = Arg.ltrim('-');
    if (Arg.starts_with("-") &&
        (Flag == Name || Flag.starts_with(Name.str() + "=")))
      return true;
  }
  return false;
}

std::vector<std::string> sourceFiles(llvm::ArrayRef<std::string> Args) {
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

std::vector<std::vector<ChecksSource>>
chosenChecks(llvm::ArrayRef<std::string> Args) {
  std::optional<ChecksSource> CommandLineChecks;
  if (auto Checks = optionValue(Args, "checks"))
    CommandLineChecks = ChecksSource{*Checks, "--checks"};
  std::optional<ChecksSource> Config = commandLineConfiguration(Args);
  std::vector<std::string> Files = sourceFiles(Args);
  if (Files.empty())
    Files.push_back("corolock-command-line.cpp");
  std::vector<std::vector<ChecksSource>> Result;
  for (const std::string &File : Files) {
    std::vector<ChecksSource> Sources =
        Config ? std::vector<ChecksSource>{*Config} : fileConfiguration(File);
    if (CommandLineChecks)
      Sources.push_back(*CommandLineChecks);
    Result.push_back(std::move(Sources));
  }
  return Result;
}

bool enablesCorolock(llvm::ArrayRef<ChecksSource> Sources) {
  std::string Merged;
  for (const ChecksSource &Source : Sources)
    Merged += Source.Checks + ",";
  GlobList Globs(Merged);
  return llvm::any_of(corolockCheckNames(), [&](const std::string &Check) {
    return Globs.contains(Check);
  });
}

std::vector<std::string>
unknownCorolockChecks(llvm::ArrayRef<std::vector<ChecksSource>> PerFile) {
  std::vector<std::string> Messages;
  std::set<std::pair<std::string, std::string>> Seen;
  for (const std::vector<ChecksSource> &Sources : PerFile)
    for (const ChecksSource &Source : Sources) {
      GlobList Globs(Source.Checks);
      for (const auto &Glob : Globs.getItems()) {
        if (!Glob.Text.starts_with("corolock") ||
            llvm::any_of(corolockCheckNames(),
                         [&](const std::string &Check) {
                           return Glob.Regex.match(Check);
                         }) ||
            !Seen.emplace(Glob.Text.str(), Source.Source).second)
          continue;
        if (Glob.Text.contains('*'))
          Messages.push_back(("check glob '" + Glob.Text + "' in " +
                              Source.Source + " matches no corolock check")
                                 .str());
        else
          Messages.push_back(("unknown check '" + Glob.Text + "' in " +
                              Source.Source + "; did you mean '" +
                              closestCheck(Glob.Text) + "'?")
                                 .str());
      }
    }
  return Messages;
}

} // namespace corolock
