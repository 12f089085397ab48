//===--- ClangResourceDir.cpp - clang's resource directory for a tool -----===//

#include "ClangResourceDir.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace corolock {

std::optional<std::string> clangResourceDir() {
  // A resource directory is usable when it has the builtin headers.
  llvm::SmallString<256> Header(COROLOCK_CLANG_RESOURCE_DIR);
  llvm::sys::path::append(Header, "include", "stddef.h");
  if (!llvm::sys::fs::exists(Header))
    return std::nullopt;
  return std::string(COROLOCK_CLANG_RESOURCE_DIR);
}

bool choosesResourceDir(llvm::ArrayRef<const char *> Args) {
  return llvm::any_of(
      Args, [](llvm::StringRef Arg) { return Arg.contains("-resource-dir"); });
}

} // namespace corolock
