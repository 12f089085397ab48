//===--- ClangResourceDir.h - clang's resource directory for a tool -------===//
//
// Where the corolock tools find clang's builtin headers (stddef.h, ...) and the
// other files of clang's resource directory (sanitizer ignore lists), wherever
// the tool is installed.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_TOOLS_SUPPORT_CLANGRESOURCEDIR_H
#define COROLOCK_TOOLS_SUPPORT_CLANGRESOURCEDIR_H

#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>

namespace corolock {

/// The resource directory of the LLVM installation the tool was built
/// against, if it is there. Otherwise clang's default applies: the directory
/// beside the tool's executable (<prefix>/lib/clang/<major>), which exists
/// only when the tool is installed into that LLVM tree.
std::optional<std::string> clangResourceDir();

/// Whether an argument already chooses the resource directory.
bool choosesResourceDir(llvm::ArrayRef<const char *> Args);

} // namespace corolock

#endif // COROLOCK_TOOLS_SUPPORT_CLANGRESOURCEDIR_H
