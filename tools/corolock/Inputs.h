//===--- Inputs.h - The standalone corolock's source files ------*- C++ -*-===//
//
// clang-tidy meets a missing file or a directory with three compiler errors
// about jobs and inputs, and a file without a compilation database with a
// page about databases, then parses it as C++17, where a coroutine does not
// compile. corolock says what is wrong in one line, and parses such a file
// as C++20.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_TOOLS_COROLOCK_INPUTS_H
#define COROLOCK_TOOLS_COROLOCK_INPUTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace corolock {

/// Reports each of \p Files that does not exist or is a directory on \p Errs,
/// one line each; false when there was one.
bool checkInputs(llvm::ArrayRef<std::string> Files, llvm::raw_ostream &Errs);

/// Gives clang-tidy "-- -std=c++20" when it would run \p Files without a
/// compilation database and without flags (no -p, no "--", none found for
/// the first file, as clang-tidy looks) and they are all C++ files, and says
/// so once on \p Errs.
void defaultToCxx20(std::vector<std::string> &Args,
                    llvm::ArrayRef<std::string> Files, llvm::raw_ostream &Errs);

} // namespace corolock

#endif // COROLOCK_TOOLS_COROLOCK_INPUTS_H
