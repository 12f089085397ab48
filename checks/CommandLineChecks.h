//===--- CommandLineChecks.h - The checks a clang-tidy run chose -*- C++
//-*-===//
//
// What a clang-tidy command line chooses to run, read from its arguments and
// the configuration files they lead to, before clang-tidy itself runs: by
// the standalone corolock (its defaults) and by the plugin, which finds
// misspelled corolock checks (clang-tidy ignores a check it does not know).
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_COMMANDLINECHECKS_H
#define COROLOCK_CHECKS_COMMANDLINECHECKS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace corolock {

/// The value of --NAME=VALUE, -NAME=VALUE or -NAME VALUE before "--".
std::optional<std::string> optionValue(llvm::ArrayRef<std::string> Args,
                                       llvm::StringRef Name);
/// Whether --NAME or -NAME (with or without a value) comes before "--".
bool hasOption(llvm::ArrayRef<std::string> Args, llvm::StringRef Name);
/// The source files named on the command line (Args[0] is the program).
std::vector<std::string> sourceFiles(llvm::ArrayRef<std::string> Args);

/// A Checks value and where it comes from, as clang-tidy names it.
struct ChecksSource {
  std::string Checks;
  std::string Source;
};

/// For each file named (or, with none, for the current directory), the
/// Checks values that apply to it, lowest precedence first: the
/// configuration files found for the file, or instead of them --config or
/// --config-file, then --checks.
std::vector<std::vector<ChecksSource>>
chosenChecks(llvm::ArrayRef<std::string> Args);

/// Whether \p Sources, merged in order, enable a corolock check.
bool enablesCorolock(llvm::ArrayRef<ChecksSource> Sources);

/// One message for each glob of \p PerFile that begins with "corolock" and
/// matches no corolock check, naming the closest check when it is a name:
/// "unknown check 'corolock-x' in --checks; did you mean 'corolock-y'?".
std::vector<std::string>
unknownCorolockChecks(llvm::ArrayRef<std::vector<ChecksSource>> PerFile);

} // namespace corolock

#endif // COROLOCK_CHECKS_COMMANDLINECHECKS_H
