//===--- CorolockClangdMain.cpp - clangd with the corolock module built in ===//
//
// clangd of the LLVM corolock is built with, with the corolock checks among
// its clang-tidy checks. Stock clangd cannot load clang-tidy plugins. The
// checks run where the clangd configuration enables them; clangd's
// FastCheckFilter (default Strict) drops checks it has not timed, so the
// configuration must set it to Loose or None (docs/user-guide-clangd.md).
// Problems with the corolock configuration (a misspelled option, an invalid
// value) are diagnostics at the start of the file.
//
//===----------------------------------------------------------------------===//

#include "ClangResourceDir.h"
#include "ConfigurationReport.h"
#include "CorolockVersion.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace clang {
namespace clangd {
// Defined in clangd's libclangdMain, whose header is not installed.
int clangdMain(int Argc, char *Argv[]); // NOLINT(misc-use-internal-linkage)
} // namespace clangd
} // namespace clang

namespace {

bool asksForVersion(llvm::ArrayRef<char *> Args) {
  return llvm::any_of(Args.drop_front(), [](llvm::StringRef Arg) {
    return Arg == "--version" || Arg == "-version";
  });
}

} // namespace

int main(int Argc, char *Argv[]) {
  // clangd shows no diagnostic without a location (but the compiler's errors).
  corolock::ConfigurationReport::reportAtStartOfMainFile();
  std::vector<char *> Args(Argv, Argv + Argc);
  // clangd replaces LLVM's version printer with its own, which then exits:
  // name corolock first.
  if (asksForVersion(Args))
    llvm::outs() << "corolock " << COROLOCK_VERSION
                 << " (clangd with the corolock module, LLVM "
                 << COROLOCK_LLVM_PACKAGE_VERSION << ")\n";
  std::string ResourceDirArg;
  if (!corolock::choosesResourceDir(
          llvm::ArrayRef<const char *>(Args.data(), Args.size())))
    if (auto Dir = corolock::clangResourceDir()) {
      ResourceDirArg = "--resource-dir=" + *Dir;
      Args.insert(Args.begin() + 1, ResourceDirArg.data());
    }
  return clang::clangd::clangdMain(static_cast<int>(Args.size()), Args.data());
}
