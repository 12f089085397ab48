//===--- UnitSummary.h - What a translation unit tells the project -*- C++
//-*-===//
//
// Collects the ProjectSummary of one translation unit from its AST and the
// shared analyses: the critical sections of every mutex with a declaration
// other units can name (a member, a global, a static), grouped as
// unnecessary-async-mutex groups them, and the I/O each coroutine awaits.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_UNITSUMMARY_H
#define COROLOCK_UNITSUMMARY_H

#include "CoroutineAnalysis.h"
#include "IoAwaits.h"
#include "ProjectSummary.h"

namespace corolock {

/// The key of \p Mutex's facts: its USR, or that of the class template's
/// member it was instantiated from, so that every specialization's sections
/// are one mutex's, in every unit (as the checks group them).
std::string mutexUsr(const clang::ValueDecl *Mutex);

/// The key of the fact of what \p Param's function does with it
/// (ProjectSummary::Parameters), or empty when other units cannot call the
/// function.
std::string parameterKey(const clang::ParmVarDecl &Param);

/// The real path of the translation unit's main file, as summaries name
/// units.
std::string mainFileOf(const clang::SourceManager &SM);

/// Where \p Loc is (its expansion, for a macro), as diagnostics report it.
SourcePoint pointOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// The facts of the translation unit \p Context, stamped with its main
/// file's path, contents' hash and the corolock \p Checks enabled for it.
ProjectSummary summarizeUnit(clang::ASTContext &Context,
                             AnalysisContext &Analyses, IoAwaitClassifier &Io,
                             std::vector<std::string> Checks);

} // namespace corolock

#endif // COROLOCK_UNITSUMMARY_H
