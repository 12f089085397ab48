//===--- CheckChoice.h - Which checks the standalone corolock runs -*- C++
//-*-===//
//
// corolock is clang-tidy with the corolock module built in, with its own
// defaults: the corolock checks alone when nothing chooses a corolock check,
// and never clang-tidy's default clang-analyzer checks unless a glob names
// them.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_TOOLS_COROLOCK_CHECKCHOICE_H
#define COROLOCK_TOOLS_COROLOCK_CHECKCHOICE_H

#include "CommandLineChecks.h"
#include "llvm/Support/raw_ostream.h"

namespace corolock {

/// What corolock runs, for --help.
std::string checkChoiceHelp();

/// Whether --checks or the configuration of some file named enables a
/// corolock check; otherwise corolock runs its default checks.
bool userChoseChecks(llvm::ArrayRef<std::string> Args,
                     llvm::ArrayRef<std::vector<ChecksSource>> PerFile);

/// Says, as clang-tidy's --explain-config would, where each default check
/// comes from.
void explainDefaultChecks(llvm::raw_ostream &OS);

/// Adds to \p Args the --checks that make clang-tidy run what corolock
/// promises: its default checks when the user chose none, else the user's
/// without clang-tidy's default clang-analyzer checks unless a glob of
/// \p PerFile could enable one.
void applyCheckChoice(std::vector<std::string> &Args, bool UserChose,
                      llvm::ArrayRef<std::vector<ChecksSource>> PerFile);

} // namespace corolock

#endif // COROLOCK_TOOLS_COROLOCK_CHECKCHOICE_H
