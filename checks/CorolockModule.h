//===--- CorolockModule.h - The corolock checks, by name --------*- C++ -*-===//
//
// The module's checks for the code that needs them outside clang-tidy's
// registry: the standalone tool's defaults and help, and the validation of
// configured check names and option keys.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_COROLOCKMODULE_H
#define COROLOCK_CHECKS_COROLOCKMODULE_H

#include "clang-tidy/ClangTidyModule.h"
#include <string>
#include <vector>

namespace corolock {

/// Registers every corolock check in \p Factories.
void addCorolockChecks(clang::tidy::ClangTidyCheckFactories &Factories);

/// The names of the corolock checks, sorted.
const std::vector<std::string> &corolockCheckNames();

} // namespace corolock

#endif // COROLOCK_CHECKS_COROLOCKMODULE_H
