//===--- ClangResourceDir.cpp - clang's resource directory for a tool -----===//

#include "ClangResourceDir.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace corolock {
namespace {

/// A resource directory is usable when it has the builtin headers.
bool hasBuiltinHeaders(llvm::StringRef Dir) {
  llvm::SmallString<256> Header(Dir);
  llvm::sys::path::append(Header, "include", "stddef.h");
  return llvm::sys::fs::exists(Header);
}

} // namespace

std::optional<std::string> clangResourceDir(const char *Argv0) {
  if (hasBuiltinHeaders(COROLOCK_CLANG_RESOURCE_DIR))
    return std::string(COROLOCK_CLANG_RESOURCE_DIR);
  // An address in the executable, for platforms without /proc/self/exe.
  static int InExecutable;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &InExecutable);
  llvm::SmallString<256> Dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Dir, "lib", "clang", COROLOCK_LLVM_VERSION_MAJOR);
  if (hasBuiltinHeaders(Dir))
    return std::string(Dir);
  return std::nullopt;
}

bool choosesResourceDir(llvm::ArrayRef<const char *> Args) {
  return llvm::any_of(
      Args, [](llvm::StringRef Arg) { return Arg.contains("-resource-dir"); });
}

} // namespace corolock
